"""Golden end-to-end tests over samples/: every run listed in samples/runs.tsv is executed and its
CSV twins compared with the committed expectations in tests/golden/<name>/ (reviewed by hand
before they were committed). Also: the outputs pass ../shared/tools/contract-check, and a second
run gives byte-identical files.

Regenerate after a reviewed change with:  HUZHU_UPDATE_GOLDEN=1 ./scripts/test   (then read the
diff of tests/golden/ before committing it).
"""
import os
import shutil
import subprocess
import unittest

import harness

CSV_OUTPUTS = {"payout": ["payouts.csv", "transfers.csv"], "ratio": ["ratio.csv"],
               "score": ["score.csv"], "reconcile": ["reconcile.csv", "resend.csv"]}


def runs():
    for line in harness.source("samples", "runs.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, command, rules, inputs = line.split("\t")
        yield name, command, rules, inputs.split()


class Golden(harness.TempDirTest):
    def run_sample(self, command, rules, inputs, out):
        args = [command]
        if rules != "-":
            args += ["--rules", rules]
        args += inputs + ["--out", str(out)]
        r = harness.run_huzhu(*args, cwd=harness.ARGS.source)
        self.assertIn(r.returncode, (0, 1), r.stdout + r.stderr)
        return r

    def test_samples_match_golden(self):
        update = os.environ.get("HUZHU_UPDATE_GOLDEN") == "1"
        for name, command, rules, inputs in runs():
            with self.subTest(sample=name):
                missing = [p for p in inputs if not p.startswith("--") and
                           not harness.source(p).exists()]
                self.assertEqual(missing, [], "sample inputs missing")
                out = self.tmp / name
                self.run_sample(command, rules, inputs, out)
                golden = harness.source("tests", "golden", name)
                for f in CSV_OUTPUTS[command]:
                    got = (out / f).read_bytes()
                    if update:
                        golden.mkdir(parents=True, exist_ok=True)
                        (golden / f).write_bytes(got)
                        continue
                    want = (golden / f).read_bytes()
                    if got != want:
                        got_lines = got.decode("utf-8-sig").splitlines()
                        want_lines = want.decode("utf-8-sig").splitlines()
                        diff = [f"- {w}\n+ {g}" for w, g in zip(want_lines, got_lines) if w != g]
                        self.fail(f"{name}/{f} differs from the golden file:\n" + "\n".join(diff[:10]) +
                                  f"\n({len(want_lines)} golden lines, {len(got_lines)} now)")
                check = [harness.ARGS.shared + "/tools/contract-check", str(out)]
                claims = [inputs[i + 1] for i, a in enumerate(inputs) if a == "--claims"]
                if claims and claims[0].endswith(".csv"):
                    check += ["--claims", str(harness.source(claims[0]))]
                r = subprocess.run(["python3", *check], capture_output=True, text=True)
                self.assertEqual(r.returncode, 0, r.stdout + r.stderr)

    def test_reruns_are_byte_identical(self):
        for name, command, rules, inputs in runs():
            with self.subTest(sample=name):
                a, b = self.tmp / (name + "-a"), self.tmp / (name + "-b")
                self.run_sample(command, rules, inputs, a)
                self.run_sample(command, rules, inputs, b)
                files = sorted(p.name for p in a.iterdir())
                self.assertEqual(files, sorted(p.name for p in b.iterdir()))
                for f in files:
                    self.assertEqual((a / f).read_bytes(), (b / f).read_bytes(), f"{name}/{f}")


if __name__ == "__main__":
    harness.main()
