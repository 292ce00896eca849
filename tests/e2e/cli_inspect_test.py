"""huzhu's command line: --version, usage errors, and `inspect` on ledgers made by another
producer (Python's csv and gb18030 codec, openpyxl), checking what it reports and its exit codes
(data contract, "Exit codes")."""
import unittest

import harness

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def resident_id(first17):
    """GB 11643-1999 check character, computed independently of the product."""
    s = sum(int(d) * w for d, w in zip(first17, WEIGHTS))
    return first17 + "10X98765432"[s % 11]


ID_A = resident_id("15010219800305001")  # male (17th digit 1 is odd), born 1980-03-05
ID_B = resident_id("15020319901111002")  # female, born 1990-11-11
ID_C = resident_id("15260119651231003")

MEMBERS_HEADER = ["身份证号", "姓名", "单位编码", "单位名称", "所属地区", "参互日期", "已发放补助", "下期续互"]


def write_csv(path, rows, encoding="utf-8-sig"):
    import csv
    with open(path, "w", newline="", encoding=encoding) as f:
        csv.writer(f).writerows(rows)


class CliBasics(harness.TempDirTest):
    def test_version(self):
        r = harness.run_huzhu("--version")
        self.assertEqual(r.returncode, 0)
        self.assertRegex(r.stdout, r"^huzhu \d+\.\d+\.\d+")

    def test_no_command_is_usage_error(self):
        self.assertEqual(harness.run_huzhu().returncode, 2)
        self.assertEqual(harness.run_huzhu("inspect").returncode, 2)
        self.assertEqual(harness.run_huzhu("frobnicate").returncode, 2)

    def test_help_is_chinese_friendly(self):
        r = harness.run_huzhu("--help")
        self.assertEqual(r.returncode, 0)
        self.assertIn("互助", r.stdout)
        self.assertIn("inspect", r.stdout)

    def test_missing_file_is_input_error(self):
        r = harness.run_huzhu("inspect", self.tmp / "nope.csv")
        self.assertEqual(r.returncode, 3)
        self.assertIn("nope.csv", r.stderr)

    def test_unknown_extension(self):
        p = self.tmp / "members.ods"
        p.write_bytes(b"x")
        r = harness.run_huzhu("inspect", p)
        self.assertEqual(r.returncode, 3)
        self.assertIn(".ods", r.stderr)


class InspectCsv(harness.TempDirTest):
    def test_clean_members_file(self):
        p = self.tmp / "members.csv"
        write_csv(p, [MEMBERS_HEADER,
                      [ID_A, "张三", "U001", "市总工会", "呼和浩特", "2025-08-01", "¥1,200.00", "是"],
                      [ID_B, "李芳", "U001", "市总工会", "呼和浩特", "2025/8/1", "0", "否"],
                      [ID_C, "王五", "U002", "包钢", "包头", "2025年8月1日", "", ""]])
        r = harness.run_huzhu("inspect", p)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        out = r.stdout
        self.assertIn("格式：csv，编码：UTF-8 (BOM)", out)
        self.assertIn("表头在第 1 行", out)
        self.assertRegex(out, r"A\s+身份证号\s+→ id_number")
        self.assertRegex(out, r"G\s+已发放补助\s+→ paid_to_date")
        self.assertIn("会员名单 (members): 齐全", out)
        self.assertIn("结算明细 (claims): 缺少 申领编号/claim_id", out)
        self.assertIn("数据行：3", out)
        self.assertIn("未发现问题", out)

    def test_problems_are_located(self):
        bad_check = ID_A[:17] + ("0" if ID_A[17] != "0" else "1")
        p = self.tmp / "members.csv"
        write_csv(p, [MEMBERS_HEADER,
                      [bad_check, "张三", "U001", "", "", "2026-02-30", "1.234", "也许"],
                      ["", "李四", "U001", "", "", "2025-08-01", "12", "是"]])
        r = harness.run_huzhu("inspect", p)
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        out = r.stdout
        self.assertIn("发现 5 个问题", out)
        self.assertIn("第 2 行，A 列（身份证号）", out)
        self.assertIn("校验", out)
        self.assertIn("第 2 行，F 列（参互日期）", out)
        self.assertIn("第 2 行，G 列（已发放补助）", out)
        self.assertIn("第 2 行，H 列（下期续互）", out)
        self.assertIn("第 3 行，A 列（身份证号）：必填项为空", out)

    def test_gbk_file_is_detected(self):
        p = self.tmp / "members-gbk.csv"
        write_csv(p, [MEMBERS_HEADER, [ID_A, "张三", "U001", "市总工会", "鄂尔多斯", "2025-08-01", "", ""]],
                  encoding="gb18030")
        r = harness.run_huzhu("inspect", p)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertIn("编码：GB18030", r.stdout)
        self.assertRegex(r.stdout, r"B\s+姓名\s+→ name")

    def test_english_headers_and_title_row(self):
        p = self.tmp / "claims.csv"
        write_csv(p, [["2026年1月结算明细表"],
                      ["Claim_ID", "ID_Number", "admitted_on", "discharged_on", "self_pay", "备注"],
                      ["C1", ID_A, "2026-03-01", "2026-03-05", "8000.00", "x"]])
        r = harness.run_huzhu("inspect", p)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertIn("表头在第 2 行", r.stdout)
        self.assertIn("结算明细 (claims): 齐全  ← 最像此表", r.stdout)
        self.assertRegex(r.stdout, r"F\s+备注\s+→ （未识别，忽略）")

    def test_english_messages(self):
        p = self.tmp / "claims.csv"
        write_csv(p, [["申领编号", "身份证号"], ["C1", "123"]])
        r = harness.run_huzhu("--lang", "en", "inspect", p)
        self.assertEqual(r.returncode, 1)
        self.assertIn("Header at row 1", r.stdout)
        self.assertIn("row 2, column B (身份证号)", r.stdout)


class InspectXlsx(harness.TempDirTest):
    def make(self):
        import datetime
        import openpyxl
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "说明"
        ws["A1"] = "本工作簿由测试生成"
        ws2 = wb.create_sheet("会员名单")
        ws2.append(MEMBERS_HEADER)
        ws2.append([ID_A, "张三", "U001", "市总工会", "呼和浩特", datetime.date(2025, 8, 1), 1200.5, "是"])
        ws2.append([410105194912310000, "李四", "U001", "市总工会", "呼和浩特", datetime.date(2025, 8, 1), 0, "否"])
        p = self.tmp / "members.xlsx"
        wb.save(p)
        return p

    def test_sheet_selection_and_number_id(self):
        p = self.make()
        r = harness.run_huzhu("inspect", p, "--sheet", "会员名单")
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        self.assertIn("格式：xlsx", r.stdout)
        self.assertIn("工作表：说明、会员名单（读取：会员名单）", r.stdout)
        self.assertIn("数据行：2", r.stdout)
        self.assertIn("第 3 行，A 列（身份证号）", r.stdout)
        self.assertIn("文本", r.stdout)  # advice: re-save the column as text

    def test_missing_sheet_lists_sheets(self):
        p = self.make()
        r = harness.run_huzhu("inspect", p, "--sheet", "结算明细")
        self.assertEqual(r.returncode, 3)
        self.assertIn("结算明细", r.stderr)
        self.assertIn("会员名单", r.stderr)


if __name__ == "__main__":
    harness.main()
