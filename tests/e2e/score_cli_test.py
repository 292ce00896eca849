"""The score command end to end on the IM 2026 samples (both projects' ledgers, the sample targets
and manual scores): the workbook's sheets, the 考核得分 layout with its two-level header, the
conditional formatting (under target red, over target green), the native bar chart and its
ranges, and the official target tables used when --targets is not given. The expected points are
worked by hand from rules reference §8 (000 attachment 4) in the comments. openpyxl (tests only)
reads the workbook; the chart is checked in the file's XML, which openpyxl does not load."""
import csv
import io
import re
import zipfile

import openpyxl

import harness

HOSPITAL = "samples/inner-mongolia-2026/members.xlsx"
WOMEN = "samples/inner-mongolia-2026-women/members.xlsx"


def rows(out):
    return list(csv.DictReader(io.StringIO((out / "score.csv").read_text(encoding="utf-8-sig"))))


class ScoreCli(harness.TempDirTest):
    def score(self, out, *extra, rules="inner-mongolia/2026/hospital"):
        return harness.run_huzhu("score", "--rules", rules, "--members", harness.source(HOSPITAL),
                                 "--members", harness.source(WOMEN), *extra, "--out", out)

    def test_sample_workbook(self):
        out = self.tmp / "out"
        r = self.score(out, "--targets", harness.source("samples/inner-mongolia-2026/score-targets.csv"),
                       "--manual", harness.source("samples/inner-mongolia-2026/score-manual.csv"))
        # The women's sample repeats one enrolment (an input error): exit 1, outputs written.
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        got = {(x["region"], x["project"]): x for x in rows(out)}
        # 包头: hospital 159 of 160 = 99.37%, 100 / 160 = 0.625% short → 1 step, −0.1; women's 13 of
        # 13; completion 4 − 0.1 = 3.9; manual 1 + 1 + 1 + 1 = 4.0; total 7.9.
        b = got[("包头市总工会", "hospital")]
        self.assertEqual((b["actual"], b["completion_percent"], b["steps"], b["adjustment"],
                          b["completion_points"], b["manual_points"], b["total_points"]),
                         ("159", "99.37", "1", "-0.1", "3.9", "4.0", "7.9"))
        # 呼伦贝尔 includes 满洲里: 8 + 8 = 16 of 20, 20% short → −2.0 → 2.0.
        self.assertEqual(got[("呼伦贝尔市总工会", "hospital")]["actual"], "16")
        self.assertEqual(got[("呼伦贝尔市总工会", "hospital")]["completion_points"], "2.0")
        # 鄂尔多斯: 27 of 18 = 50% over → 900 / 36 = 25 steps, +2.5 unclamped, 6.0 clamped.
        e = got[("鄂尔多斯市总工会", "hospital")]
        self.assertEqual((e["steps"], e["adjustment"], e["completion_points"]), ("25", "2.5", "6.0"))

        wb = openpyxl.load_workbook(out / "score.xlsx")
        self.assertEqual(wb.sheetnames, ["考核得分", "明细", "目标与实际", "规则", "规则（女性馨康）", "未对应地区", "问题"])
        ws = wb["考核得分"]
        self.assertEqual(ws.freeze_panes, "A5")
        self.assertEqual([c.value for c in ws[3]][:7], ["序号", "地区", "住院医疗", None, None, None, "女性馨康"])
        body = [list(r) for r in ws.iter_rows(min_row=5, values_only=True)]
        self.assertEqual([r[1] for r in body], ["呼和浩特市总工会", "包头市总工会", "呼伦贝尔市总工会", "锡林郭勒盟工会",
                                                "鄂尔多斯市总工会", "赤峰市总工会", "乌海市总工会"])  # the table's order
        self.assertEqual(body[0][2:], [92, 92, 100, 0, 12, 13, 108.33, 0.5, 4.5, 1, 0.8, 1, 0.5, 7.8])
        rules = {str(cf.sqref): [r.formula[0] for r in cf.rules] for cf in ws.conditional_formatting}
        self.assertEqual(rules["D5:E11"], ["AND(ISNUMBER($C5),$D5<$C5)", "AND(ISNUMBER($C5),$D5>$C5)"])
        self.assertIn("H5:I11", rules)
        # 二连浩特's 8 members match no target row of this sample: listed, not dropped.
        unmatched = list(wb["未对应地区"].iter_rows(min_row=2, values_only=True))
        self.assertEqual([(u[0], u[1], u[2]) for u in unmatched], [("二连浩特", "住院医疗", 8)])

        with zipfile.ZipFile(out / "score.xlsx") as z:
            chart = z.read("xl/charts/chart1.xml").decode()
            self.assertIn("xl/chartsheets/sheet1.xml", z.namelist())
        self.assertEqual(re.findall(r'barDir val="(\w+)"', chart), ["bar"])
        refs = re.findall(r"<c:f>([^<]*)</c:f>", chart)
        self.assertIn("'考核得分'!$C$5:$C$11", refs)  # hospital targets
        self.assertIn("'考核得分'!$H$5:$H$11", refs)  # women's actuals
        check = harness.contract_check(out)
        self.assertEqual(check.returncode, 0, check.stdout)

    def test_official_tables_by_default(self):
        out = self.tmp / "official"
        r = self.score(out)
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        got = rows(out)
        # 002 attachments 3 and 4: 19 regions, each with both projects.
        self.assertEqual(len(got), 38)
        self.assertEqual(sum(int(x["target"]) for x in got if x["project"] == "hospital"), 1367600)
        self.assertEqual(sum(int(x["target"]) for x in got if x["project"] == "women"), 397116)
        first = got[0]
        # 呼和浩特: 92 of 203,500 hospital → 0.04%; both projects far short: completion 2.0; no
        # manual file: manual_points empty, total = completion.
        self.assertEqual((first["region"], first["actual"], first["completion_percent"], first["manual_points"],
                          first["total_points"]), ("呼和浩特市总工会", "92", "0.04", "", "2.0"))
        # 锡林郭勒 includes 二连浩特 in 2026: 11 + 8 = 19.
        xl = next(x for x in got if x["region"] == "锡林郭勒盟工会" and x["project"] == "hospital")
        self.assertEqual(xl["actual"], "19")

    def test_targets_without_required_column_write_nothing(self):
        bad = self.tmp / "t.csv"
        bad.write_text("地区,目标人数\n包头,10\n", encoding="utf-8")
        out = self.tmp / "out"
        r = self.score(out, "--targets", bad)
        self.assertEqual(r.returncode, 3, r.stdout + r.stderr)
        self.assertIn("项目", r.stderr)
        self.assertFalse(out.exists())


if __name__ == "__main__":
    harness.main()
