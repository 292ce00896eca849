"""The payout, explain and rules commands end to end: fatal input problems write nothing, an
override file changes amounts and is named with its hash in the 规则 sheet, explain cites the rule
keys and articles, and rules list/check/show work."""
import csv
import io
import subprocess
import zipfile

import harness

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def resident_id(first17):
    s = sum(int(d) * w for d, w in zip(first17, WEIGHTS))
    return first17 + "10X98765432"[s % 11]


ID = resident_id("15010219800305001")
MEMBERS = [["身份证号", "姓名", "单位编码", "连续参互年数"], [ID, "张三", "U1", "2"]]
CLAIMS = [["申领编号", "身份证号", "类型", "入院日期", "出院日期", "个人自付"],
          ["C1", ID, "住院", "2026-03-01", "2026-03-06", "8000.00"],
          ["C2", ID, "住院", "2026-06-01", "2026-06-03", "300.00"]]


def write(path, rows):
    with open(path, "w", newline="", encoding="utf-8-sig") as f:
        csv.writer(f).writerows(rows)


def payouts(out):
    return list(csv.DictReader(io.StringIO((out / "payouts.csv").read_text(encoding="utf-8-sig"))))


class PayoutCli(harness.TempDirTest):
    def setUp(self):
        super().setUp()
        self.members, self.claims = self.tmp / "m.csv", self.tmp / "c.csv"
        write(self.members, MEMBERS)
        write(self.claims, CLAIMS)

    def payout(self, out, *extra):
        return harness.run_huzhu("payout", "--rules", "inner-mongolia/2026/hospital", "--members",
                                 self.members, "--claims", self.claims, "--out", out, *extra)

    def test_payout_amounts_and_contract(self):
        out = self.tmp / "out"
        r = self.payout(out)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        rows = {row["claim_id"]: row for row in payouts(out)}
        # §1: S 8,000 → 4,000.00; first stay, year 2: 20 × 5 = 100. C2: 120 + top-up 80.
        self.assertEqual((rows["C1"]["medical_subsidy"], rows["C1"]["allowance"], rows["C1"]["total"]),
                         ("4000.00", "100.00", "4100.00"))
        self.assertEqual((rows["C2"]["top_up"], rows["C2"]["total"]), ("80.00", "200.00"))
        transfers = (out / "transfers.csv").read_text(encoding="utf-8-sig").splitlines()
        self.assertEqual(transfers[1], "IM2026H-000001,张三,,,4300.00,C1;C2")
        check = subprocess.run(["python3", harness.ARGS.shared + "/tools/contract-check", str(out),
                                "--claims", str(self.claims)], capture_output=True, text=True)
        self.assertEqual(check.returncode, 0, check.stdout)

    def test_missing_required_column_writes_nothing(self):
        write(self.claims, [["申领编号", "姓名"], ["C1", "张三"]])
        out = self.tmp / "out"
        r = self.payout(out)
        self.assertEqual(r.returncode, 3)
        self.assertIn("身份证号", r.stderr)
        self.assertIn("c.csv", r.stderr)
        self.assertFalse((out / "payouts.csv").exists())

    def test_failed_run_keeps_previous_outputs(self):
        out = self.tmp / "out"
        self.assertEqual(self.payout(out).returncode, 0)
        before = (out / "payouts.csv").read_bytes()
        write(self.members, [["姓名"], ["张三"]])  # unusable: the run must stop before writing
        self.assertEqual(self.payout(out).returncode, 3)
        self.assertEqual((out / "payouts.csv").read_bytes(), before)
        self.assertEqual(sorted(p.name for p in out.iterdir()),
                         [".huzhu-lock", "payouts.csv", "payouts.xlsx", "transfers.csv"])

    def test_override_changes_amounts_and_is_named_with_its_hash(self):
        local = self.tmp / "local.toml"
        local.write_text('schema_version = 1\nbase = "inner-mongolia/2026/hospital"\n'
                         '[top_up]\nminimum = { value = "300.00", source = "本地补充规定" }\n',
                         encoding="utf-8")
        out = self.tmp / "out"
        r = self.payout(out, "--override", local)
        self.assertEqual(r.returncode, 0, r.stderr)
        rows = {row["claim_id"]: row for row in payouts(out)}
        self.assertEqual(rows["C2"]["top_up"], "180.00")  # 120 raised to the local 300
        with zipfile.ZipFile(out / "payouts.xlsx") as z:
            names = z.namelist()
            text = "".join(z.read(n).decode("utf-8") for n in names if n.startswith("xl/worksheets/"))
        self.assertIn("local.toml", text)
        self.assertIn("覆盖文件 SHA-256", text)
        self.assertIn("本地补充规定", text)

    def test_explain_cites_keys_and_articles(self):
        r = harness.run_huzhu("explain", "--rules", "inner-mongolia/2026/hospital", "--members",
                              self.members, "--claims", self.claims, "--claim", "C1")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("3,000.00 × 40% = 1,200.00", r.stdout)
        self.assertIn("medical_subsidy.segments[0]", r.stdout)
        self.assertIn("第九条 1", r.stdout)
        self.assertIn("20.00/天 × 5 天 = 100.00", r.stdout)
        self.assertIn("合计 4,100.00", r.stdout)
        missing = harness.run_huzhu("explain", "--rules", "inner-mongolia/2026/hospital", "--members",
                                    self.members, "--claims", self.claims, "--claim", "C9")
        self.assertEqual(missing.returncode, 2)

    def test_rules_commands(self):
        r = harness.run_huzhu("rules", "list")
        self.assertEqual(r.returncode, 0, r.stderr)
        for rid in ("inner-mongolia/2021/hospital", "inner-mongolia/2024/hospital",
                    "inner-mongolia/2026/hospital"):
            self.assertIn(rid, r.stdout)
        bad = self.tmp / "bad.toml"
        text = harness.source("rules", "inner-mongolia", "2026-hospital.toml").read_text(encoding="utf-8")
        bad.write_text(text.replace("[top_up]\nminimum", "[top_up]\nminimun"), encoding="utf-8")
        r = harness.run_huzhu("rules", "check", harness.source("rules", "inner-mongolia",
                                                               "2026-hospital.toml"), bad)
        self.assertEqual(r.returncode, 3)
        self.assertIn("通过", r.stdout)
        self.assertIn("top_up.minimun", r.stdout)
        self.assertIn("top_up.minimum", r.stdout)
        r = harness.run_huzhu("rules", "show", "inner-mongolia/2021/hospital")
        self.assertEqual(r.returncode, 0)
        self.assertIn("第十条 1", r.stdout)
        self.assertIn("250,000.00", r.stdout)


if __name__ == "__main__":
    harness.main()
