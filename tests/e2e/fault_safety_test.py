"""Fault safety of the outputs (hardening issue): a payout run killed with SIGKILL at several
moments leaves the output folder holding either the previous complete outputs or the new complete
outputs, never a mix and never a half-written file; a second run on a folder whose lock is held
is refused with a clear message and changes nothing; outputs are readable by owner and group
only; the console never shows a full ID or card number."""
import csv
import fcntl
import hashlib
import os
import signal
import subprocess
import time

import harness

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def resident_id(first17):
    return first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, WEIGHTS)) % 11]


def write_ledgers(folder, members, claims, amount):
    """A ledger large enough that a run takes a noticeable time; `amount` makes two generations'
    outputs differ."""
    folder.mkdir(parents=True, exist_ok=True)
    ids = [resident_id("1501021980%02d%02d%03d" % (1 + i // 28000 % 12, 1 + i // 1000 % 28, i % 1000))
           for i in range(members)]
    with open(folder / "m.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["身份证号", "姓名", "单位编码", "连续参互年数", "银行卡号"])
        for i, pid in enumerate(ids):
            w.writerow([pid, "会员%d" % i, "U%03d" % (i % 500), "2", ""])
    with open(folder / "c.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["申领编号", "身份证号", "入院日期", "出院日期", "个人自付"])
        for i in range(claims):
            w.writerow(["C%06d" % i, ids[i * 7 % members], "2026-03-01", "2026-03-06", "%d.00" % (amount + i % 900)])
    return folder / "m.csv", folder / "c.csv"


def digest(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file() and not p.name.startswith(".")}


class FaultSafety(harness.TempDirTest):
    def payout(self, members, claims, out, **kw):
        return [harness.ARGS.huzhu, "-q", "payout", "--rules", "inner-mongolia/2026/hospital",
                "--members", str(members), "--claims", str(claims), "--out", str(out)]

    def test_sigkill_leaves_old_or_new_never_a_mix(self):
        old_m, old_c = write_ledgers(self.tmp / "old", 30000, 10000, 1000)
        new_m, new_c = write_ledgers(self.tmp / "new", 30000, 10000, 3000)
        # The two complete generations, each written into its own folder.
        for m, c, name in ((old_m, old_c, "ref-old"), (new_m, new_c, "ref-new")):
            subprocess.run(self.payout(m, c, self.tmp / name), check=True, capture_output=True)
        ref_old, ref_new = digest(self.tmp / "ref-old"), digest(self.tmp / "ref-new")
        self.assertNotEqual(ref_old, ref_new)
        start = time.monotonic()
        subprocess.run(self.payout(new_m, new_c, self.tmp / "timing"), check=True, capture_output=True)
        run_time = time.monotonic() - start
        outcomes = []
        for k in range(8):
            out = self.tmp / ("out%d" % k)
            subprocess.run(self.payout(old_m, old_c, out), check=True, capture_output=True)
            p = subprocess.Popen(self.payout(new_m, new_c, out), stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
            time.sleep(run_time * (k + 0.5) / 8)  # spread over the whole run, writing included
            p.send_signal(signal.SIGKILL)
            p.wait()
            state = digest(out)
            self.assertIn(state, (ref_old, ref_new), "killed at %.2f s: a mixed or partial set" %
                          (run_time * (k + 0.5) / 8))
            outcomes.append("old" if state == ref_old else "new")
            # A later run cleans up what the killed one left beside the folder.
            subprocess.run(self.payout(new_m, new_c, out), check=True, capture_output=True)
            self.assertEqual(digest(out), ref_new)
            leftovers = [x.name for x in self.tmp.iterdir() if "huzhu-staging" in x.name]
            self.assertEqual(leftovers, [])
        self.assertIn("old", outcomes)  # the early kills leave the previous set

    def test_a_held_lock_refuses_a_second_run(self):
        m, c = write_ledgers(self.tmp / "in", 200, 50, 1000)
        out = self.tmp / "out"
        out.mkdir()
        with open(out / ".huzhu-lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            r = subprocess.run(self.payout(m, c, out), capture_output=True, text=True)
        self.assertEqual(r.returncode, 4, r.stdout + r.stderr)
        self.assertIn("另一个 huzhu 正在向此输出文件夹写入", r.stderr)
        self.assertEqual([p.name for p in out.iterdir()], [".huzhu-lock"])
        r = subprocess.run(self.payout(m, c, out), capture_output=True, text=True)  # released
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)

    def test_outputs_are_private_and_logs_masked(self):
        m, c = write_ledgers(self.tmp / "in", 200, 50, 1000)
        out = self.tmp / "out"
        r = subprocess.run(self.payout(m, c, out), capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stderr)
        for p in out.iterdir():
            self.assertEqual(os.stat(p).st_mode & 0o777 & 0o007, 0, p.name)  # nothing for others
        # A fatal error that quotes an ID shows it masked.
        bad = self.tmp / "bad.csv"
        bad.write_text("身份证号,姓名,单位编码\n150102198003050019,甲,U1\n", encoding="utf-8")
        r = subprocess.run([harness.ARGS.huzhu, "explain", "--rules", "inner-mongolia/2026/hospital",
                            "--members", str(bad), "--claims", str(c), "--claim", "C000000"],
                           capture_output=True, text=True)
        self.assertNotIn("150102198003050019", r.stdout + r.stderr)


if __name__ == "__main__":
    harness.main()
