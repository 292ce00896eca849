"""Our workbooks open in another reader (openpyxl) with exactly the values, formats and layout we
wrote; two runs give byte-identical files; the CSV twin follows the data contract's form."""
import datetime
import subprocess
import unittest

import harness

EXPECTED_ROWS = [
    ("张三", "1234.56", datetime.date(2026, 3, 5), 30, "76.47"),
    ("李四", "-0.05", datetime.date(2024, 2, 29), 1, "75.00"),
    ("=SUM(A1:A2)", "0.00", datetime.date(1900, 3, 1), 0, "0.00"),
    ("+8613800000000", "90071992547.40", datetime.date(9999, 12, 31), -3, "-0.01"),
    ("@王五, \"引号\"", "0.01", datetime.date(2000, 1, 1), 365, "100.00"),
    (None, "0.10", datetime.date(2026, 12, 31), 7, "69.99"),
]


class WriterRoundTrip(harness.TempDirTest):
    def write(self, name):
        out = self.tmp / name
        subprocess.run([harness.ARGS.write_fixture, str(out)], check=True)
        return out

    def test_byte_identical_reruns(self):
        a, b = self.write("a"), self.write("b")
        for f in ("fixture.xlsx", "fixture.csv"):
            self.assertEqual((a / f).read_bytes(), (b / f).read_bytes(), f)
        # Nothing else is left in the output folder (the staging folder beside it is gone; the
        # lock file stays, empty).
        self.assertEqual(sorted(p.name for p in a.iterdir()), [".huzhu-lock", "fixture.csv", "fixture.xlsx"])
        self.assertEqual(sorted(p.name for p in self.tmp.iterdir()), ["a", "b"])

    def test_openpyxl_reads_what_we_wrote(self):
        import openpyxl
        out = self.write("x")
        wb = openpyxl.load_workbook(out / "fixture.xlsx")
        self.assertEqual(wb.sheetnames, ["明细", "规则", "分块"])
        ws = wb["明细"]
        self.assertEqual([c.value for c in ws[1]], ["姓名", "金额", "日期", "天数", "比例"])
        self.assertTrue(all(c.font.b for c in ws[1]), "header row is bold")
        self.assertEqual(ws.freeze_panes, "A2")
        self.assertEqual(ws.auto_filter.ref, "A1:E7")
        for r, want in enumerate(EXPECTED_ROWS, start=2):
            name, money, date, days, ratio = (ws.cell(r, c).value for c in range(1, 6))
            self.assertEqual(name, want[0], f"row {r}")
            self.assertEqual(f"{money:.2f}", want[1], f"row {r}")
            self.assertEqual(float(money), float(want[1]), f"row {r}: the nearest double")
            self.assertEqual(date.date(), want[2], f"row {r}")
            self.assertEqual(days, want[3], f"row {r}")
            self.assertEqual(f"{ratio:.2f}", want[4], f"row {r}")
            self.assertEqual(ws.cell(r, 2).number_format, "#,##0.00")
            self.assertEqual(ws.cell(r, 3).number_format, "yyyy-mm-dd")
        # Highlighted rows carry a fill; others do not.
        self.assertEqual(ws.cell(3, 2).fill.fgColor.rgb[-6:], "FFC7CE")
        self.assertNotEqual(ws.cell(2, 2).fill.fill_type, "solid")
        # Column widths were set to fit (the name column is wider than Excel's default 8.43).
        self.assertGreater(ws.column_dimensions["A"].width, 10)
        self.assertEqual([[c.value for c in row] for row in wb["规则"].iter_rows()],
                         [["项目", "值"], ["规则文件", "rules/inner-mongolia/2026-hospital.toml"]])

    def test_rows_deflated_in_chunks_and_spliced(self):
        """Table sheets' rows are written as XML by huzhu and deflated in chunks on worker threads
        (src/io/zip_writer.h); the fixture cuts 分块's 5,000 rows into ~90 chunks of 4 KiB."""
        import openpyxl
        import zipfile
        out = self.write("z")
        with zipfile.ZipFile(out / "fixture.xlsx") as z:
            self.assertIsNone(z.testzip(), "every part's CRC matches")
            xml = z.read("xl/worksheets/sheet3.xml").decode("utf-8")
        self.assertIn('<dimension ref="A1:D5001"/>', xml)
        self.assertEqual(xml.count("<row "), 5001)
        wb = openpyxl.load_workbook(out / "fixture.xlsx")
        ws = wb["分块"]
        self.assertEqual(ws.max_row, 5001)
        self.assertEqual(ws.auto_filter.ref, "A1:D5001")
        self.assertEqual(ws.freeze_panes, "A2")
        self.assertEqual([c.value for c in ws[1]], ["序号", "文本", "金额", "分数"])
        for r, row in enumerate(ws.iter_rows(min_row=2, values_only=True), start=1):
            self.assertEqual(row[0], r)
            self.assertEqual(f"{row[2]:.2f}", f"{(r * 101 - 250000) / 100:.2f}", f"row {r}")
            self.assertEqual(row[2], (r * 101 - 250000) / 100, f"row {r}: the nearest double")
            self.assertEqual(row[3], (r - 2500) / 10, f"row {r}")
            if r > 8:
                self.assertEqual(row[1], f"第{r}行")
        # Texts XML must escape. Controls and a literal "_x0041_" are written as ECMA-376
        # _xHHHH_ escapes, which Excel (and huzhu's reader) decode; openpyxl shows them raw.
        self.assertEqual([ws.cell(r, 2).value for r in range(2, 10)],
                         ["a&b<c>d", "_x0001_控制_x001F_", " 前导空格", "尾随空格 ", "_x005F_x0041_",
                          "行一\n行二", "\"引号\"'", "a_x00zz_b"])
        self.assertEqual(ws.cell(1001, 3).fill.fgColor.rgb[-6:], "C6EFCE")
        self.assertEqual(ws.cell(1001, 3).number_format, "#,##0.00")
        self.assertNotEqual(ws.cell(1000, 3).fill.fill_type, "solid")

    def test_csv_twin(self):
        out = self.write("c")
        raw = (out / "fixture.csv").read_bytes()
        self.assertTrue(raw.startswith(b"\xef\xbb\xbf"))
        lines = raw[3:].decode("utf-8").split("\r\n")
        self.assertEqual(lines[0], "name,amount,date,days,ratio_percent")
        self.assertEqual(lines[1], "张三,1234.56,2026-03-05,30,76.47")
        self.assertEqual(lines[2], "李四,-0.05,2024-02-29,1,75.00")
        # Formula-like text is defused with a leading apostrophe; quotes doubled; commas quoted.
        self.assertEqual(lines[3], "'=SUM(A1:A2),0.00,1900-03-01,0,0.00")
        self.assertEqual(lines[4], "'+8613800000000,90071992547.40,9999-12-31,-3,-0.01")
        self.assertEqual(lines[5], "\"'@王五, \"\"引号\"\"\",0.01,2000-01-01,365,100.00")
        self.assertEqual(lines[6], ",0.10,2026-12-31,7,69.99")
        self.assertEqual(lines[7], "")


if __name__ == "__main__":
    harness.main()
