// Test tool: writes a small known workbook and its CSV twin with huzhu's writers, so that the
// end-to-end tests can prove another reader (openpyxl) sees exactly what we wrote.
//   huzhu_write_fixture OUT_DIR
#include <cstdio>
#include <exception>
#include <string>

#include "core/date.h"
#include "core/money.h"
#include "io/csv_writer.h"
#include "io/output_dir.h"
#include "io/xlsx_writer.h"

int main(int argc, char** argv) {
  using namespace huzhu;
  if (argc != 2) {
    std::fprintf(stderr, "usage: huzhu_write_fixture OUT_DIR\n");
    return 2;
  }
  try {
    // Small chunks, so that the rows of a table sheet are deflated in many pieces and spliced.
    XlsxWorkbook::SetChunkBytesForTesting(4096);
    OutputStage stage(argv[1], {});
    XlsxWorkbook book(stage.PathFor("fixture.xlsx"), stage.staging_dir());
    CsvWriter csv(stage.PathFor("fixture.csv"));
    XlsxSheet& sheet = book.AddSheet("明细", {{"姓名", ColumnFormat::kText, 0},
                                             {"金额", ColumnFormat::kMoney, 0},
                                             {"日期", ColumnFormat::kDate, 0},
                                             {"天数", ColumnFormat::kInteger, 0},
                                             {"比例", ColumnFormat::kDecimal2, 0}});
    csv.Header({"name", "amount", "date", "days", "ratio_percent"});
    struct Line {
      const char* name;
      long long fen;
      int y, m, d;
      long long days;
      long long hundredths;
      bool highlight;
    };
    const Line lines[] = {
        {"张三", 123456, 2026, 3, 5, 30, 7647, false},
        {"李四", -5, 2024, 2, 29, 1, 7500, true},
        {"=SUM(A1:A2)", 0, 1900, 3, 1, 0, 0, false},
        {"+8613800000000", 9007199254740, 9999, 12, 31, -3, -1, false},
        {"@王五, \"引号\"", 1, 2000, 1, 1, 365, 10000, false},
        {"", 10, 2026, 12, 31, 7, 6999, true},
    };
    for (const Line& l : lines) {
      const Money amount = Money::FromFen(l.fen);
      const Date date = Date::FromYmd(l.y, l.m, l.d);
      if (l.highlight) sheet.StyleRow(RowStyle::kAttention);
      sheet.Text(l.name);
      sheet.MoneyCell(amount);
      sheet.DateCell(date);
      sheet.Integer(l.days);
      sheet.Hundredths(l.hundredths);
      sheet.EndRow();
      csv.Text(l.name);
      csv.MoneyField(amount);
      csv.DateField(date);
      csv.Integer(l.days);
      csv.Hundredths(l.hundredths);
      csv.EndRow();
    }
    XlsxSheet& rules = book.AddKeyValueSheet("规则", "项目", "值");
    rules.Text("规则文件");
    rules.Text("rules/inner-mongolia/2026-hospital.toml");
    rules.EndRow();
    // A table sheet after a key-value one (its part is sheet3.xml) with 5,000 rows in ~90 chunks
    // and texts XML has to escape.
    XlsxSheet& many = book.AddSheet("分块", {{"序号", ColumnFormat::kInteger, 0},
                                           {"文本", ColumnFormat::kText, 0},
                                           {"金额", ColumnFormat::kMoney, 0},
                                           {"分数", ColumnFormat::kDecimal1, 0}});
    const char* tricky[] = {"a&b<c>d", "\x01控制\x1f", " 前导空格", "尾随空格 ", "_x0041_",
                            "行一\n行二", "\"引号\"'", "a_x00zz_b"};
    for (long long i = 1; i <= 5000; ++i) {
      if (i % 1000 == 0) many.StyleRow(RowStyle::kGood);
      many.Integer(i);
      if (i <= 8) {
        many.Text(tricky[i - 1]);
      } else {
        many.Text("第" + std::to_string(i) + "行");
      }
      many.MoneyCell(Money::FromFen(i * 101 - 250000));
      many.Tenths(i - 2500);
      many.EndRow();
    }
    book.Close();
    csv.Close();
    stage.Commit();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 4;
  }
  return 0;
}
