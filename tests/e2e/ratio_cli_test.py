"""The ratio command end to end on the IM 2026 sample: the workbook's sheets in the contract's order,
the federation's ledger layouts (attachments 1-2 and 1-3 of the 2021 notice: title, form line,
two-level merged header, 合计 row), failing units highlighted and first in their region, the
eligibility findings, and the refusals that write nothing. Amounts are worked by hand in
scripts/make-units-samples and rules reference §1 and §7. openpyxl (tests only) reads the workbook:
it proves the file opens in another reader too."""
import csv
import io
import subprocess

import openpyxl

import harness

SAMPLE = "samples/inner-mongolia-2026"


def ratio_rows(out):
    return list(csv.DictReader(io.StringIO((out / "ratio.csv").read_text(encoding="utf-8-sig"))))


class RatioCli(harness.TempDirTest):
    def ratio(self, out, units=None, members=None, rules="inner-mongolia/2026/hospital"):
        return harness.run_huzhu(
            "ratio", "--rules", rules, "--members", members or harness.source(SAMPLE, "members.xlsx"),
            "--units", units or harness.source(SAMPLE, "units.xlsx"), "--out", out)

    def test_sample_workbook(self):
        out = self.tmp / "out"
        r = self.ratio(out)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        wb = openpyxl.load_workbook(out / "ratio.xlsx")
        self.assertEqual(wb.sheetnames, ["单位检查", "参互单位台账", "年度参互汇总表", "资格问题", "规则", "问题"])

        check = wb["单位检查"]
        self.assertEqual(check.freeze_panes, "A2")
        self.assertEqual(check.auto_filter.ref, "A1:Q13")
        rows = list(check.iter_rows(min_row=2, values_only=True))
        # Region 包头 first (the units file's first region): BT002 fails (29 of 41 = 70.73%, short
        # ceil(30.75) − 29 = 2) and comes before BT001, which passes exactly (117 × 100 = 75 × 156).
        self.assertEqual([r[1] for r in rows[:2]], ["BT002", "BT001"])
        self.assertEqual(rows[0][4:13], (41, 29, 0, 0, 0, 70.73, 75, "未达标", 2))
        self.assertEqual(rows[1][4:13], (156, 117, 13, 0, 2, 75, 75, "达标", 0))
        # BT001 premiums (art. 6): 117 × 100 + 13 × 400 = 16,900 = 15,600 personal + 130 × 10.
        self.assertEqual(rows[1][13:16], (16900, 15600, 1300))
        fill = check.cell(row=2, column=1).fill.fgColor.rgb
        self.assertTrue(str(fill).endswith("FFC7CE"), fill)  # failing row highlighted
        self.assertIn(check.cell(row=3, column=1).fill.fgColor.rgb, ("00000000", None))
        # Within 呼和浩特 the failing HH001 (63 of 85) and HH004 (no members) come first.
        self.assertEqual([r[1] for r in rows[2:6]], ["HH001", "HH004", "HH002", "HH003"])

        ledger = wb["参互单位台账"]
        self.assertEqual(ledger["A1"].value, "内蒙古职工住院医疗互助保障项目参互单位台账")
        self.assertTrue(ledger["A2"].value.startswith("机构名称："))
        merged = {str(m) for m in ledger.merged_cells.ranges}
        self.assertTrue({"A1:G1", "A2:G2", "D3:E3", "A3:A4", "B3:B4", "C3:C4", "F3:F4", "G3:G4"} <= merged)
        self.assertEqual([c.value for c in ledger[3]], ["序号", "参互单位名称", "在职职工人数", "参互人数", None,
                                                        "在职参互比例(%)", "互助金总额"])
        self.assertEqual([c.value for c in ledger[4]][3:5], ["在职", "退休"])
        self.assertEqual(ledger.freeze_panes, "A5")
        last = [c.value for c in list(ledger.iter_rows())[-1]]
        # 合计: bases 156+41+85+28+8+12+25+12+13+10+11+10 = 411; 299 in service, 14 retired;
        # 299 / 411 = 72.749…% shown 72.74; premiums 35,500.00.
        self.assertEqual(last, [None, "合计", 411, 299, 14, 72.74, 35500])
        self.assertTrue(list(ledger.iter_rows())[-1][1].font.b)

        summary = wb["年度参互汇总表"]
        self.assertEqual(summary["A1"].value, "职工住院医疗互助年度参互汇总表")
        self.assertEqual([c.value for c in summary[3]][:8],
                         ["序号", "代办点名称（地区）", "参互单位数", "续互人数", "新参互人数", "在职参互人数",
                          "退休参互人数", "互助金总额"])
        body = list(summary.iter_rows(min_row=5, values_only=True))
        # 包头: BT001 (112 renewed + 18 new) and BT002 (24 + 5): 136 renewed, 23 new, 146 in service,
        # 13 retired; premiums 16,900 + 2,900 = 19,800 = 18,210 personal + 1,590 subsidy; 1 failing.
        self.assertEqual(body[0], (1, "包头", 2, 136, 23, 146, 13, 19800, 18210, 1590, 1))
        self.assertEqual(body[-1], (None, "合计", 11, 263, 50, 299, 14, 35500, 32370, 3130, 5))

        findings = list(wb["资格问题"].iter_rows(min_row=2, values_only=True))
        reasons = [(f[0], f[2], f[9]) for f in findings]
        self.assertIn(("不计入", "HH001", "退休职工年龄 71 岁，超过 70 周岁"), reasons)
        self.assertIn(("不计入", "BT001", "退休职工连续参互 5 年，不足 8 年"), reasons)
        self.assertIn(("不计入", "BT001", "配偶不能参加职工住院医疗互助保障"), reasons)
        self.assertTrue(any(f[0] == "计入（提示）" and "延迟退休" in f[9] for f in findings))
        # Each finding names the rule key and the article it rests on (002 attachment 1 art. 1).
        over70 = next(f for f in findings if "71 岁" in f[9])
        self.assertTrue(over70[10].startswith("eligibility.max_age_retired（第一条"), over70[10])

        rules = {r[0]: r[2] for r in wb["规则"].iter_rows(min_row=2, values_only=True)}
        self.assertEqual(rules["id"], "inner-mongolia/2026/hospital")
        self.assertEqual(len(rules["rule_file_sha256"]), 64)
        self.assertEqual(rules["ratio.large_unit_threshold"], "70%")

        check = subprocess.run(["python3", harness.ARGS.shared + "/tools/contract-check", str(out)],
                               capture_output=True, text=True)
        self.assertEqual(check.returncode, 0, check.stdout)

    def test_ledger_unit_missing_from_units_file_is_reported_not_dropped(self):
        units = self.tmp / "u.csv"
        units.write_text("单位编码,在职职工人数\nBT001,156\n", encoding="utf-8")
        out = self.tmp / "out"
        r = self.ratio(out, units=units)
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        rows = {x["unit_code"]: x for x in ratio_rows(out)}
        self.assertEqual(len(rows), 11)  # every ledger unit is a row
        self.assertEqual((rows["HH001"]["base"], rows["HH001"]["pass"], rows["HH001"]["participants_active"]),
                         ("", "false", "63"))
        problems = [r[7] for r in openpyxl.load_workbook(out / "ratio.xlsx")["问题"].iter_rows(values_only=True)]
        self.assertTrue(any("HH001 不在单位表中" in (p or "") for p in problems))

    def test_units_file_without_required_column_writes_nothing(self):
        units = self.tmp / "u.csv"
        units.write_text("单位编码,单位名称\nBT001,x\n", encoding="utf-8")
        out = self.tmp / "out"
        r = self.ratio(out, units=units)
        self.assertEqual(r.returncode, 3, r.stdout + r.stderr)
        self.assertIn("在职职工人数", r.stderr)
        self.assertFalse(out.exists())


if __name__ == "__main__":
    harness.main()
