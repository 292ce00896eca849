// The table sheets' rows are written as XML by huzhu, deflated in chunks on worker threads and
// spliced into libxlsxwriter's archive (src/io/zip_writer.h): huzhu's own reader gets back
// exactly what was written, whatever the chunk size, and the bytes do not depend on it being
// run twice.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/money.h"
#include "io/table.h"
#include "io/xlsx_writer.h"

namespace huzhu {
namespace {

namespace fs = std::filesystem;

struct Dir {
  fs::path path;
  Dir() {
    path = fs::temp_directory_path() /
           ("huzhu-xlsxw-" + std::to_string(::getpid()) + "-" +
            std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    fs::create_directories(path);
  }
  ~Dir() { fs::remove_all(path); }
};

const std::vector<std::string> kTexts = {
    "a&b<c>d", "\x01控制\x1f", " 前导空格", "尾随空格 ", "_x0041_", "行一\n行二", "tab\there",
    "\"引号\"'", "a_x00zz_b", "x\ry", "🀄 emoji", "=SUM(A1:A2)",
    // One special byte each, so that no other sends the text past the writer's shortcut.
    "R&D部", "a<b", "b>a", "_x0042_", "\x02", "snake_case"};

// Writes rows 1..n: Integer(i), Text, Money(i × 101 − 250000 fen), Tenths(i − 2500).
std::string WriteBook(const fs::path& dir, std::size_t chunk, int n) {
  XlsxWorkbook::SetChunkBytesForTesting(chunk);
  const std::string path = (dir / ("book-" + std::to_string(chunk) + ".xlsx")).string();
  XlsxWorkbook book(path, dir.string());
  XlsxSheet& kv = book.AddKeyValueSheet("汇总", "项目", "数值");
  kv.Text("行数");
  kv.Text(std::to_string(n));
  kv.EndRow();
  XlsxSheet& sheet = book.AddSheet("明细", {{"序号", ColumnFormat::kInteger, 0},
                                           {"文本", ColumnFormat::kText, 0},
                                           {"金额", ColumnFormat::kMoney, 0},
                                           {"分数", ColumnFormat::kDecimal1, 0}});
  for (int i = 1; i <= n; ++i) {
    sheet.Integer(i);
    const std::size_t t = static_cast<std::size_t>(i - 1);
    sheet.Text(t < kTexts.size() ? kTexts[t] : "第" + std::to_string(i) + "行");
    sheet.MoneyCell(Money::FromFen(i * 101LL - 250000));
    sheet.Tenths(i - 2500);
    sheet.EndRow();
  }
  book.Close();
  XlsxWorkbook::SetChunkBytesForTesting(std::size_t{1} << 20);
  return path;
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST_CASE("xlsx writer: spliced table rows read back exactly, for any chunk size") {
  Dir dir;
  const int n = 3000;
  std::string previous_bytes;
  for (const std::size_t chunk : {std::size_t{64}, std::size_t{4096}, std::size_t{1} << 20}) {
    CAPTURE(chunk);
    const std::string path = WriteBook(dir.path, chunk, n);
    auto reader = OpenSheet(path, "明细");
    Row row;
    REQUIRE(reader->NextRow(row));
    CHECK(row.at(0).text == "序号");
    for (int i = 1; i <= n; ++i) {
      CAPTURE(i);
      REQUIRE(reader->NextRow(row));
      CHECK(row.number == i + 1);
      CHECK(row.at(0).text == std::to_string(i));
      const std::size_t t = static_cast<std::size_t>(i - 1);
      CHECK(row.at(1).type == CellType::kText);
      CHECK(std::string(row.at(1).text) ==
            (t < kTexts.size() ? kTexts[t] : "第" + std::to_string(i) + "行"));
      CHECK(ParseMoneyNumber(row.at(2).text).fen() == i * 101LL - 250000);
      CHECK(row.at(3).type == CellType::kNumber);
    }
    CHECK_FALSE(reader->NextRow(row));
    // Row 1: 1 × 101 − 250000 = −249899 fen → "-2498.99"; row 2500: 2500 − 2500 = 0 tenths → "0";
    // row 2: 2 − 2500 = −2498 tenths → "-249.8".
    auto again = OpenSheet(path, "明细");
    REQUIRE(again->NextRow(row));
    REQUIRE(again->NextRow(row));
    CHECK(row.at(2).text == "-2498.99");
    CHECK(row.at(3).text == "-249.9");
    REQUIRE(again->NextRow(row));
    CHECK(row.at(3).text == "-249.8");
    // The other sheet is libxlsxwriter's own, copied across unchanged.
    auto kv = OpenSheet(path, "汇总");
    REQUIRE(kv->NextRow(row));
    REQUIRE(kv->NextRow(row));
    CHECK(row.at(1).text == "3000");
    // Nothing is left beside the workbook: no .lxw, no deflate files.
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path)) ++entries;
    CHECK(entries == 1);
    // Deterministic: the same chunk size gives the same bytes.
    const std::string bytes = Slurp(path);
    fs::remove(path);
    CHECK(Slurp(WriteBook(dir.path, chunk, n)) == bytes);
    fs::remove(path);
    CHECK(bytes != previous_bytes);  // different chunking, different (equally valid) deflate
    previous_bytes = bytes;
  }
}

TEST_CASE("xlsx writer: a table sheet with no data rows keeps libxlsxwriter's archive") {
  Dir dir;
  const std::string path = (dir.path / "empty.xlsx").string();
  XlsxWorkbook book(path, dir.path.string());
  book.AddSheet("明细", {{"序号", ColumnFormat::kInteger, 0}});
  book.Close();
  auto reader = OpenSheet(path, "明细");
  Row row;
  REQUIRE(reader->NextRow(row));
  CHECK(row.at(0).text == "序号");
  CHECK_FALSE(reader->NextRow(row));
}

}  // namespace
}  // namespace huzhu
