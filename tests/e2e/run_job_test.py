"""`huzhu run JOB.toml` for cron (hardening issue): the steps run in order with one summary line
each in the log, run.json names every input, rule file and output with its SHA-256 (plus row
counts and money totals), a re-run on the same inputs is byte-identical, --check notices a
changed output, a failing step stops the job with its exit code, and a job file with an unknown
key is a usage error."""
import json
import subprocess

import harness

JOB = """rules = "inner-mongolia/2026/hospital"
out = "out"
log = "job.log"
steps = [{steps}]

[inputs]
members = ["{src}/samples/inner-mongolia-2026/members.xlsx"]
claims = ["{src}/samples/inner-mongolia-2026/claims.xlsx"]
units = ["{units}"]
bank = ["{src}/samples/reconcile-2026/bank-result.xlsx"]
"""


class RunJob(harness.TempDirTest):
    def job(self, steps='"payout", "ratio", "reconcile"', units=None, extra=""):
        path = self.tmp / "job.toml"
        src = harness.ARGS.source
        path.write_text(JOB.format(steps=steps, src=src,
                                   units=units or src + "/samples/inner-mongolia-2026/units.xlsx") + extra,
                        encoding="utf-8")
        return path

    def run_job(self, path, *extra):
        return subprocess.run([harness.ARGS.huzhu, "run", str(path), *extra], capture_output=True, text=True)

    def test_manifest_rerun_and_check(self):
        job = self.job()
        r = self.run_job(job)
        # payout lists invalid sample rows (1) and reconcile finds lines needing attention (1).
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        manifest = json.loads((self.tmp / "out" / "run.json").read_text(encoding="utf-8"))
        self.assertEqual([s["step"] for s in manifest["steps"]], ["payout", "ratio", "reconcile"])
        self.assertEqual([s["exit"] for s in manifest["steps"]], [1, 0, 1])
        self.assertEqual(manifest["exit"], 1)
        self.assertEqual(len(manifest["rules"][0]["sha256"]), 64)
        self.assertEqual({i["role"] for i in manifest["inputs"]}, {"members", "claims", "units", "bank"})
        outputs = {o["path"]: o for o in manifest["outputs"]}
        self.assertEqual(set(outputs), {"payouts.csv", "payouts.xlsx", "transfers.csv", "ratio.csv", "ratio.xlsx",
                                        "reconcile.csv", "reconcile.xlsx", "resend.csv"})
        # The transfer file's total is what reconcile expected (both from the same payout).
        self.assertEqual(outputs["transfers.csv"]["amount_sum"], outputs["reconcile.csv"]["expected_sum"])
        self.assertEqual(outputs["payouts.csv"]["rows"], 69)
        log = (self.tmp / "job.log").read_text(encoding="utf-8")
        self.assertEqual(log.count("步骤 "), 3)
        first = {p.name: p.read_bytes() for p in (self.tmp / "out").iterdir() if not p.name.startswith(".")}
        r = self.run_job(job)
        self.assertEqual(r.returncode, 1)
        second = {p.name: p.read_bytes() for p in (self.tmp / "out").iterdir() if not p.name.startswith(".")}
        self.assertEqual(first, second)  # run.json included: no time, no host in it
        self.assertEqual(self.run_job(job, "--check").returncode, 0)
        with open(self.tmp / "out" / "ratio.csv", "ab") as f:
            f.write(b"tampered\r\n")
        r = self.run_job(job, "--check")
        self.assertEqual(r.returncode, 1)
        self.assertIn("ratio.csv", r.stdout)

    def test_failing_step_stops_the_job(self):
        job = self.job(units=str(self.tmp / "no-such-units.xlsx"))
        r = self.run_job(job)
        self.assertEqual(r.returncode, 3, r.stdout + r.stderr)
        manifest = json.loads((self.tmp / "out" / "run.json").read_text(encoding="utf-8"))
        self.assertEqual([(s["step"], s["exit"]) for s in manifest["steps"]], [("payout", 1), ("ratio", 3)])

    def test_unknown_key_is_a_usage_error(self):
        r = self.run_job(self.job(extra='\n[inputs.typo]\n'), "--check")
        r = self.run_job(self.job().with_name("job.toml"))
        bad = self.tmp / "bad.toml"
        bad.write_text('rules = "inner-mongolia/2026/hospital"\nout = "o"\nsteps = ["payout"]\nmembrs = []\n',
                       encoding="utf-8")
        r = self.run_job(bad)
        self.assertEqual(r.returncode, 2, r.stdout + r.stderr)
        self.assertIn("membrs", r.stderr)
        self.assertFalse((self.tmp / "o").exists())


if __name__ == "__main__":
    harness.main()
