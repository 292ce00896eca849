#include <doctest/doctest.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostics.h"
#include "io/table.h"

namespace huzhu {
namespace {

const std::string kXlsFixtures = std::string(HUZHU_FIXTURES) + "/xls/";

// One cell as "type:text", type being text, number, date or empty.
using SheetCells = std::map<std::int64_t, std::vector<std::string>>;

std::string Describe(const Cell& cell) {
  switch (cell.type) {
    case CellType::kEmpty:
      return "empty:" + std::string(cell.text);
    case CellType::kText:
      return (cell.is_date ? "?date-text:" : "text:") + std::string(cell.text);
    case CellType::kNumber:
      return (cell.is_date ? "date:" : "number:") + std::string(cell.text);
    case CellType::kBool:
      return "bool:" + std::string(cell.text);
    case CellType::kError:
      return "error:" + std::string(cell.text);
  }
  return "?";
}

SheetCells ReadSheet(SheetReader& reader) {
  SheetCells cells;
  Row row;
  std::int64_t previous = 0;
  while (reader.NextRow(row)) {
    CHECK(row.number > previous);
    previous = row.number;
    CHECK_FALSE(row.IsBlank());
    std::vector<std::string>& out = cells[row.number];
    for (const Cell& cell : row.cells) out.push_back(Describe(cell));
    REQUIRE(!row.cells.empty());
    CHECK(row.cells.back().type != CellType::kEmpty);  // trailing empty cells are left out
  }
  return cells;
}

std::string Unescape(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) {
      const char c = text[++i];
      out += c == 'n' ? '\n' : c == 'r' ? '\r' : c == 't' ? '\t' : c;
    } else {
      out += text[i];
    }
  }
  return out;
}

// Reads an expected-cells file of scripts/make-fixtures-csv-xls:
// "sheet<TAB>row<TAB>column<TAB>type<TAB>text", one line per cell.
std::map<std::string, SheetCells> ReadExpected(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  std::map<std::string, SheetCells> sheets;
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (int i = 0; i < 4; ++i) {
      const std::size_t tab = line.find('\t', start);
      REQUIRE(tab != std::string::npos);
      parts.push_back(line.substr(start, tab - start));
      start = tab + 1;
    }
    std::vector<std::string>& row = sheets[parts[0]][std::stoll(parts[1])];
    CHECK(static_cast<std::size_t>(std::stoi(parts[2])) == row.size());
    row.push_back(parts[3] + ":" + Unescape(line.substr(start)));
  }
  return sheets;
}

void CheckSheet(const SheetCells& actual, const SheetCells& expected) {
  CHECK(actual.size() == expected.size());
  for (const auto& entry : expected) {
    const std::int64_t number = entry.first;
    CAPTURE(number);
    const auto found = actual.find(number);
    REQUIRE(found != actual.end());
    CHECK(found->second == entry.second);
  }
}

template <typename F>
std::string ErrorOf(F&& read) {
  try {
    read();
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::kInput);
    return e.what();
  }
  FAIL("no error");
  return "";
}

bool Contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

TEST_CASE("XLS: the first sheet by default, with every kind of cell as xlwt wrote it") {
  const auto expected = ReadExpected(kXlsFixtures + "ledger_expected.tsv");
  auto reader = OpenXls(kXlsFixtures + "ledger.xls", "");
  const SheetInfo& info = reader->info();
  CHECK(info.format == "xls");
  CHECK(info.encoding.empty());
  CHECK(info.sheet_names == std::vector<std::string>{"会员名单", "结算明细"});
  CHECK(info.sheet == "会员名单");
  CHECK_FALSE(info.date1904);
  const SheetCells cells = ReadSheet(*reader);
  CheckSheet(cells, expected.at("会员名单"));
  // Spelled out, the cases that matter most to callers.
  CHECK(cells.at(2).at(3) == "date:46086");                     // 2026-03-05, YYYY-MM-DD
  CHECK(cells.at(3).at(3) == "date:45351");                     // 2024-02-29, a Chinese date format
  CHECK(cells.at(5).at(3) == "date:46086.4375");                // 2026-03-05 10:30, date-time
  CHECK(cells.at(2).at(5) == "number:1234.56");                 // money
  CHECK(cells.at(5).at(0) == "number:4.1010219900101126E+17");  // an ID number that lost digits
  CHECK(cells.at(3).at(1) == "text:吉𠮷");
  CHECK(cells.at(5).at(2) == "empty:");
  CHECK(cells.count(4) == 0);  // the empty row is skipped
  CHECK(reader->BytesRead() == reader->BytesTotal());
  CHECK(reader->BytesTotal() == std::filesystem::file_size(kXlsFixtures + "ledger.xls"));
}

TEST_CASE("XLS: a sheet by name") {
  const auto expected = ReadExpected(kXlsFixtures + "ledger_expected.tsv");
  auto reader = OpenXls(kXlsFixtures + "ledger.xls", "结算明细");
  CHECK(reader->info().sheet == "结算明细");
  const SheetCells cells = ReadSheet(*reader);
  CheckSheet(cells, expected.at("结算明细"));
  CHECK(cells.at(2).at(3) == "text:第一行\n第二行");
  // freexl 1.0 does not read formula results: the formula cell comes out empty.
  CHECK(cells.at(3).at(2) == "empty:");
  CHECK(cells.at(4).size() == 6);

  // Typed with full-width characters or stray spaces, the name still matches.
  CHECK(OpenXls(kXlsFixtures + "ledger.xls", " 结算明细 ")->info().sheet == "结算明细");
  // Through OpenSheet.
  CHECK(OpenSheet(kXlsFixtures + "ledger.xls", "结算明细")->info().sheet == "结算明细");
}

TEST_CASE("XLS: a sheet that is not there is an error listing the sheets") {
  const std::string path = kXlsFixtures + "ledger.xls";
  const std::string what = ErrorOf([&] { OpenXls(path, "汇总"); });
  CHECK(Contains(what, path));
  CHECK(Contains(what, "找不到工作表「汇总」"));
  CHECK(Contains(what, "「会员名单」、「结算明细」"));
  SetLanguage(Language::kEnglish);
  const std::string english = ErrorOf([&] { OpenXls(path, "summary"); });
  SetLanguage(Language::kChinese);
  CHECK(Contains(english, "there is no sheet 'summary'"));
  CHECK(Contains(english, "'会员名单', '结算明细'"));
}

TEST_CASE("XLS: a 1904 workbook gives serials of the 1904 date system") {
  const auto expected = ReadExpected(kXlsFixtures + "dates_1904_expected.tsv");
  auto reader = OpenXls(kXlsFixtures + "dates_1904.xls", "");
  CHECK(reader->info().date1904);
  const SheetCells cells = ReadSheet(*reader);
  CheckSheet(cells, expected.at("日期"));
  CHECK(cells.at(2).at(0) == "date:44624");     // 2026-03-05
  CHECK(cells.at(3).at(0) == "date:44624.75");  // 2026-03-05 18:00
}

TEST_CASE("XLS: files that are not .xls say what they are") {
  const std::string xlsx = kXlsFixtures + "really_xlsx.xls";
  const std::string what = ErrorOf([&] { OpenXls(xlsx, ""); });
  CHECK(Contains(what, xlsx));
  CHECK(Contains(what, ".xlsx"));
  CHECK(Contains(ErrorOf([] { OpenXls(kXlsFixtures + "really_html.xls", ""); }), "HTML"));
  CHECK(Contains(ErrorOf([] { OpenXls(kXlsFixtures + "really_csv.xls", ""); }), "文本文件"));
  const std::string truncated = ErrorOf([] { OpenXls(kXlsFixtures + "truncated.xls", ""); });
  CHECK(Contains(truncated, "已损坏"));
  CHECK(Contains(truncated, "另存为 .xlsx"));
  CHECK(Contains(ErrorOf([] { OpenXls(kXlsFixtures + "missing.xls", ""); }), "找不到"));
  CHECK(Contains(ErrorOf([] { OpenXls(kXlsFixtures, ""); }), "文件夹"));
}

// libfreexl runs in a child process: a crash there is a clean damaged-file error, and huzhu
// goes on reading the next file.
TEST_CASE("XLS: a crash of the reading child is a damaged-file error, not a crash of huzhu") {
  const std::string good = kXlsFixtures + "ledger.xls";
  SetXlsChildFaultForTesting(SIGSEGV);
  const std::string segv = ErrorOf([&] { OpenXls(good, ""); });
  SetXlsChildFaultForTesting(0);
  CHECK(Contains(segv, good));
  CHECK(Contains(segv, "已损坏"));
  CHECK(Contains(segv, "信号 11"));
  CHECK(Contains(segv, "另存为 .xlsx"));
  // And the same process still reads the file.
  auto reader = OpenXls(good, "");
  Row row;
  CHECK(reader->NextRow(row));
}

// Fuzzer-made files on which libfreexl 1.0.6 crashes (a SEGV while freeing a sheet with a second
// DIMENSION record: whether it faults depends on the garbage it walks), overreads 128 KiB, or
// allocates 400 MB from 5.6 KB (tests/fuzz/regressions/fuzz_xls/). Each is read or refused with
// an input error; none takes huzhu down, and none gives more than a few rows.
TEST_CASE("XLS: files that crash or exhaust libfreexl are read or refused, never a crash") {
  const std::string dir = std::string(HUZHU_SOURCE_DIR) + "/tests/fuzz/regressions/fuzz_xls/";
  for (const char* name : {"crash-068b98837d865b27c1cc3aac0a5ad33c8b4bf3b3",
                           "crash-2dacfa6f38643d134498ecdcd219f7d72970cf71",
                           "oom-1924bf6f980a6f0c117aa7556aa3e35161f056b3"}) {
    CAPTURE(name);
    std::size_t rows = 0;
    try {
      auto reader = OpenXls(dir + name, "");
      Row row;
      while (reader->NextRow(row)) ++rows;
    } catch (const Error& e) {
      CHECK(e.kind() == ErrorKind::kInput);
      const std::string what = e.what();
      CHECK((Contains(what, "已损坏") || Contains(what, "没有工作表")));
    }
    CHECK(rows < 100);
  }
}

}  // namespace
}  // namespace huzhu
