#include "io/csv_reader.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostics.h"
#include "io/table.h"

namespace huzhu {
namespace {

using namespace std::string_view_literals;

const std::string kCsvFixtures = std::string(HUZHU_FIXTURES) + "/csv/";

// A file with the given bytes, removed at the end of the test.
class TempFile {
 public:
  explicit TempFile(std::string_view bytes, const std::string& extension = ".csv") {
    static std::atomic<int> counter{0};
    path_ =
        (std::filesystem::temp_directory_path() / ("huzhu-csv-test-" + std::to_string(::getpid()) +
                                                   "-" + std::to_string(counter++) + extension))
            .string();
    std::ofstream out(path_, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  ~TempFile() {
    std::error_code ec;
    std::filesystem::remove(path_, ec);
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// One row as plain strings, with its number; "<empty>" marks a kEmpty cell.
struct PlainRow {
  std::int64_t number = 0;
  std::vector<std::string> cells;
  bool blank = false;
};

std::vector<PlainRow> ReadAll(const std::string& path, const CsvOptions& options = {},
                              std::string* encoding = nullptr) {
  auto reader = OpenCsv(path, options);
  if (encoding != nullptr) *encoding = reader->info().encoding;
  CHECK(reader->info().format == "csv");
  std::vector<PlainRow> rows;
  Row row;
  while (reader->NextRow(row)) {
    PlainRow plain;
    plain.number = row.number;
    plain.blank = row.IsBlank();
    for (const Cell& cell : row.cells) {
      if (cell.type == CellType::kEmpty) {
        CHECK(cell.text.empty());
        plain.cells.emplace_back("<empty>");
      } else {
        CHECK(cell.type == CellType::kText);
        CHECK(!cell.text.empty());
        plain.cells.emplace_back(cell.text);
      }
      CHECK(!cell.is_date);
    }
    rows.push_back(std::move(plain));
  }
  CHECK_FALSE(reader->NextRow(row));  // stays at the end
  return rows;
}

std::vector<PlainRow> ReadBytes(std::string_view bytes, const CsvOptions& options = {}) {
  TempFile file(bytes);
  return ReadAll(file.path(), options);
}

std::vector<std::vector<std::string>> Cells(const std::vector<PlainRow>& rows) {
  std::vector<std::vector<std::string>> out;
  for (const PlainRow& row : rows) out.push_back(row.cells);
  return out;
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

// Reads an expected-cells file of scripts/make-fixtures-csv-xls: "number<TAB>cell<TAB>cell...".
std::vector<PlainRow> ReadExpected(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  std::vector<PlainRow> rows;
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (;;) {
      const std::size_t tab = line.find('\t', start);
      parts.push_back(Unescape(line.substr(start, tab - start)));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    PlainRow row;
    row.number = std::stoll(parts[0]);
    for (std::size_t i = 1; i < parts.size(); ++i) {
      row.cells.push_back(parts[i].empty() ? "<empty>" : parts[i]);
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

void CheckSameRows(const std::vector<PlainRow>& actual, const std::vector<PlainRow>& expected) {
  REQUIRE(actual.size() == expected.size());
  for (std::size_t i = 0; i < actual.size(); ++i) {
    CAPTURE(i);
    CHECK(actual[i].number == expected[i].number);
    CHECK(actual[i].cells == expected[i].cells);
  }
}

// Runs `read`, expecting an input error; returns its what().
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

// ---------------------------------------------------------------------------------------------
// RFC 4180

TEST_CASE("CSV: plain fields, every record end, with and without a final line break") {
  const std::vector<std::vector<std::string>> expected = {{"a", "b", "c"}, {"1", "2", "3"}};
  CHECK(Cells(ReadBytes("a,b,c\n1,2,3\n")) == expected);
  CHECK(Cells(ReadBytes("a,b,c\r\n1,2,3\r\n")) == expected);
  CHECK(Cells(ReadBytes("a,b,c\r1,2,3\r")) == expected);
  CHECK(Cells(ReadBytes("a,b,c\n1,2,3")) == expected);
  CHECK(Cells(ReadBytes("a,b,c\r\n1,2,3")) == expected);
  CHECK(Cells(ReadBytes("a,b,c\r1,2,3")) == expected);
  CHECK(ReadBytes("").empty());
}

TEST_CASE("CSV: empty fields are kEmpty, a trailing comma makes one more field") {
  const auto rows = ReadBytes("a,,b,\n,\n");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].cells == std::vector<std::string>{"a", "<empty>", "b", "<empty>"});
  CHECK(rows[1].cells == std::vector<std::string>{"<empty>", "<empty>"});
  CHECK(rows[1].blank);
  CHECK_FALSE(rows[0].blank);
}

TEST_CASE("CSV: quoted fields with commas, quotes and line breaks") {
  const auto rows = ReadBytes(
      "\"a,b\",\"say \"\"hi\"\"\",\"\"\r\n"
      "\"line1\nline2\",\"crlf\r\ninside\",\"lone\rcr\"\r\n"
      "\"\"\"\"\"\",\"\"\"\",\"\"\"x\"\"\"\r\n");
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].cells == std::vector<std::string>{"a,b", "say \"hi\"", "<empty>"});
  CHECK(rows[1].cells == std::vector<std::string>{"line1\nline2", "crlf\r\ninside", "lone\rcr"});
  // Fields that are only quotes: """""" is two quotes, """" one.
  CHECK(rows[2].cells == std::vector<std::string>{"\"\"", "\"", "\"x\""});
}

TEST_CASE("CSV: row numbers count records, so a record with a line break is one row") {
  const auto rows = ReadBytes("h1,h2\r\n\"a\r\nb\",c\r\nd,e\r\n");
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].number == 1);
  CHECK(rows[1].number == 2);
  CHECK(rows[1].cells == std::vector<std::string>{"a\r\nb", "c"});
  CHECK(rows[2].number == 3);
  CHECK(rows[2].cells == std::vector<std::string>{"d", "e"});
}

TEST_CASE("CSV: blank records are passed on as blank rows, with their numbers") {
  const auto rows = ReadBytes("h\n\n \n,,\nx\n\n");
  REQUIRE(rows.size() == 6);
  CHECK(rows[0].cells == std::vector<std::string>{"h"});
  CHECK(rows[1].blank);
  CHECK(rows[1].number == 2);
  CHECK(rows[1].cells == std::vector<std::string>{"<empty>"});
  CHECK(rows[2].blank);  // a space only: blank to IsBlank, but the text is kept
  CHECK(rows[2].cells == std::vector<std::string>{" "});
  CHECK(rows[3].blank);
  CHECK(rows[4].cells == std::vector<std::string>{"x"});
  CHECK(rows[4].number == 5);
  CHECK(rows[5].blank);
  CHECK(rows[5].number == 6);
}

TEST_CASE("CSV: quotes inside an unquoted field and text after a closing quote are kept") {
  const auto rows = ReadBytes("a\"b,5\"\"\n\"ab\"cd,\"x\"\"y\"z\n");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].cells == std::vector<std::string>{"a\"b", "5\"\""});
  CHECK(rows[1].cells == std::vector<std::string>{"abcd", "x\"yz"});
}

TEST_CASE("CSV: spaces around fields are kept as they are") {
  const auto rows = ReadBytes(" a , \"b\" ,c \n");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].cells == std::vector<std::string>{" a ", " \"b\" ", "c "});
}

TEST_CASE("CSV: every chunk size gives the same rows (records, quotes, CRLF across chunks)") {
  const std::string text =
      "申领编号,姓名,备注\r\n"
      "C1,\"张,三\",\"多行\r\n备注\"\"引号\"\"\"\r\n"
      "C2,吉𠮷,\r\n"
      "\r\n"
      "C3,\"\"\"\",end";
  const auto reference = ReadBytes(text);
  REQUIRE(reference.size() == 5);
  CHECK(reference[1].cells == std::vector<std::string>{"C1", "张,三", "多行\r\n备注\"引号\""});
  CHECK(reference[2].cells == std::vector<std::string>{"C2", "吉𠮷", "<empty>"});
  CHECK(reference[4].cells == std::vector<std::string>{"C3", "\"", "end"});
  for (std::size_t chunk = 1; chunk <= text.size() + 1; ++chunk) {
    CAPTURE(chunk);
    CsvOptions options;
    options.chunk_size = chunk;
    const auto rows = ReadBytes(text, options);
    REQUIRE(rows.size() == reference.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
      CHECK(rows[i].number == reference[i].number);
      CHECK(rows[i].cells == reference[i].cells);
    }
  }
}

TEST_CASE("CSV: a long record across many chunks") {
  const std::string long_field(100000, 'x');
  const std::string text = "a,b\n\"" + long_field + "\"\"q\"," + long_field + "\nc,d\n";
  CsvOptions options;
  options.chunk_size = 1000;
  const auto rows = ReadBytes(text, options);
  REQUIRE(rows.size() == 3);
  CHECK(rows[1].cells[0] == long_field + "\"q");
  CHECK(rows[1].cells[1] == long_field);
  CHECK(rows[2].number == 3);
}

// ---------------------------------------------------------------------------------------------
// Encodings

TEST_CASE("CSV: UTF-8 fixture, with and without BOM, gives the expected cells") {
  const auto expected = ReadExpected(kCsvFixtures + "ledger_expected.tsv");
  std::string encoding;
  CheckSameRows(ReadAll(kCsvFixtures + "ledger_utf8.csv", {}, &encoding), expected);
  CHECK(encoding == "UTF-8");
  CheckSameRows(ReadAll(kCsvFixtures + "ledger_utf8_bom.csv", {}, &encoding), expected);
  CHECK(encoding == "UTF-8 (BOM)");
}

TEST_CASE("CSV: GB18030 from Python's codec converts to the UTF-8 original") {
  const auto expected = ReadExpected(kCsvFixtures + "ledger_expected.tsv");
  std::string encoding;
  const auto rows = ReadAll(kCsvFixtures + "ledger_gb18030.csv", {}, &encoding);
  CHECK(encoding == "GB18030");
  CheckSameRows(rows, expected);
  // The rare characters: 𠮷 is a four-byte GB18030 sequence, 䶮 a GBK-extension code.
  CHECK(rows[2].cells[2] == "吉𠮷");
  CHECK(rows[3].cells[2] == "刘䶮");
}

TEST_CASE("CSV: GBK as older Excel writes it") {
  std::string encoding;
  const auto rows = ReadAll(kCsvFixtures + "ledger_gbk.csv", {}, &encoding);
  CHECK(encoding == "GB18030");
  CheckSameRows(rows, ReadExpected(kCsvFixtures + "ledger_gbk_expected.tsv"));
}

TEST_CASE("CSV: every chunk size converts the fixtures alike (sequences split across chunks)") {
  const auto expected = ReadExpected(kCsvFixtures + "ledger_expected.tsv");
  for (const char* name : {"ledger_gb18030.csv", "ledger_utf8.csv", "ledger_utf8_bom.csv"}) {
    // From 16 bytes on: the first chunk must be long enough to tell GB18030 from UTF-8.
    for (std::size_t chunk = 16; chunk <= 800; chunk += chunk < 64 ? 1 : 37) {
      CAPTURE(name);
      CAPTURE(chunk);
      CsvOptions options;
      options.chunk_size = chunk;
      CheckSameRows(ReadAll(kCsvFixtures + name, options), expected);
    }
  }
}

TEST_CASE("CSV: the GB18030 byte order mark is skipped") {
  const auto rows = ReadBytes("\x84\x31\x95\x33\xD0\xD5\xC3\xFB\r\n\xD5\xC5\xC8\xFD\r\n");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].cells == std::vector<std::string>{"姓名"});
  CHECK(rows[1].cells == std::vector<std::string>{"张三"});
}

TEST_CASE("CSV: a file that turns from UTF-8 to GBK is refused at the row where it turns") {
  const std::string path = kCsvFixtures + "mixed_encoding.csv";
  for (std::size_t chunk : {std::size_t{1} << 20, std::size_t{64}, std::size_t{200}}) {
    CAPTURE(chunk);
    CsvOptions options;
    options.chunk_size = chunk;
    auto reader = OpenCsv(path, options);
    CHECK(reader->info().encoding == "UTF-8");
    Row row;
    const std::string what = ErrorOf([&] {
      while (reader->NextRow(row)) CHECK(row.number <= 3);
    });
    CHECK(Contains(what, path));
    CHECK(Contains(what, "第 4 行"));
    CHECK(Contains(what, "混用了不同的字符编码"));
    CHECK(Contains(what, "CSV UTF-8"));
  }
}

TEST_CASE("CSV: a mixed file larger than the first chunk is refused at the right row") {
  std::string text = "姓名,金额\r\n";
  for (int i = 0; i < 5000; ++i) text += "张三," + std::to_string(i) + "\r\n";
  text += "\xD5\xC5\xC8\xFD,1\r\n";  // row 5002, in GBK
  TempFile file(text);
  CsvOptions options;
  options.chunk_size = 4096;
  auto reader = OpenCsv(file.path(), options);
  CHECK(reader->info().encoding == "UTF-8");
  Row row;
  std::int64_t last = 0;
  const std::string what = ErrorOf([&] {
    while (reader->NextRow(row)) last = row.number;
  });
  CHECK(last == 5001);
  CHECK(Contains(what, "第 5002 行"));
}

TEST_CASE("CSV: a GBK file with a UTF-8 row added later is refused at that row") {
  // 姓名,单位 / 张三,呼和浩特 in GBK, then 李芳,呼和浩特 typed into the file as UTF-8: read as
  // GB18030 it would become 鏉庤姵… and be paid under that name. Large files cross chunks.
  const std::string gbk_header = "\xD0\xD5\xC3\xFB,\xB5\xA5\xCE\xBB\r\n";
  const std::string gbk_row = "\xD5\xC5\xC8\xFD,\xBA\xF4\xBA\xCD\xBA\xC6\xCC\xD8\r\n";
  for (const int rows : {1, 3000}) {
    CAPTURE(rows);
    std::string text = gbk_header;
    for (int i = 0; i < rows; ++i) text += gbk_row;
    text += "李芳,呼和浩特\r\n";
    TempFile file(text);
    for (const std::size_t chunk : {std::size_t{64}, std::size_t{4096}, std::size_t{1} << 20}) {
      CAPTURE(chunk);
      CsvOptions options;
      options.chunk_size = chunk;
      auto reader = OpenCsv(file.path(), options);
      CHECK(reader->info().encoding == "GB18030");
      Row row;
      std::int64_t last = 0;
      const std::string what = ErrorOf([&] {
        while (reader->NextRow(row)) {
          last = row.number;
          if (row.number > 1) CHECK(std::string(row.cells[0].text) == "张三");
        }
      });
      CHECK(last == rows + 1);
      CHECK(Contains(what, "第 " + std::to_string(rows + 2) + " 行"));
      CHECK(Contains(what, "从这一行起是 UTF-8"));
    }
  }
}

TEST_CASE("CSV: bytes that are not GB18030 are an error naming the row") {
  const std::string path = kCsvFixtures + "bad_gb18030.csv";
  auto reader = OpenCsv(path);
  CHECK(reader->info().encoding == "GB18030");
  Row row;
  REQUIRE(reader->NextRow(row));
  REQUIRE(reader->NextRow(row));
  CHECK(row.cells[1].text == "110101199003071234");
  const std::string what = ErrorOf([&] { reader->NextRow(row); });
  CHECK(Contains(what, path));
  CHECK(Contains(what, "第 3 行"));
  CHECK(Contains(what, "GB18030"));
}

TEST_CASE("CSV: a multibyte character cut off by the end of the file is an error") {
  // GB18030: a lone lead byte at the very end.
  CHECK(Contains(ErrorOf([] { ReadBytes("\xD0\xD5\xC3\xFB\r\n\xD5\xC5\xC8"); }), "第 2 行"));
  // UTF-8: the first two bytes of 三.
  CHECK(Contains(ErrorOf([] { ReadBytes("姓名,单位编码,所属地区\r\n张\xE4\xB8"); }), "第 2 行"));
  CsvOptions options;
  options.chunk_size = 16;
  CHECK(Contains(ErrorOf([&] { ReadBytes("姓名,单位编码,所属地区\r\n张\xE4\xB8", options); }),
                 "第 2 行"));
}

TEST_CASE("CSV: UTF-16, NUL bytes and renamed workbooks are refused") {
  const std::string utf16 = kCsvFixtures + "utf16.csv";
  const std::string what = ErrorOf([&] { OpenCsv(utf16); });
  CHECK(Contains(what, utf16));
  CHECK(Contains(what, "UTF-16"));
  CHECK(Contains(what, "CSV UTF-8"));

  CHECK(Contains(ErrorOf([] { ReadBytes("a,b\n1,\0\n"sv); }), "空字符"));
  CsvOptions options;
  options.chunk_size = 16;
  const std::string later = ErrorOf([&] { ReadBytes("a,b\n1,2\n3,4\n5,6\n7,\0\n"sv, options); });
  CHECK(Contains(later, "第 5 行"));
  CHECK(Contains(later, "空字符"));
  // A NUL later in a GB18030 file.
  const std::string gb = ErrorOf([&] {
    ReadBytes("\xD0\xD5\xC3\xFB\r\n\xD5\xC5\xC8\xFD\r\n1\r\n2\r\n3\r\n4\0\r\n"sv, options);
  });
  CHECK(Contains(gb, "第 6 行"));

  CHECK(Contains(ErrorOf([] { ReadBytes("PK\x03\x04\x14\0\0\0"sv); }), ".xlsx"));
  CHECK(Contains(ErrorOf([] { ReadBytes("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0"sv); }), ".xls"));
}

// ---------------------------------------------------------------------------------------------
// Guard rails and file errors

TEST_CASE("CSV: an unterminated quote is an error naming the row where it opened") {
  TempFile file("h1,h2\r\nA,B\r\nC,\"never closed\r\nD,E\r\nF,G\r\n");
  const std::string what = ErrorOf([&] { ReadAll(file.path()); });
  CHECK(Contains(what, file.path()));
  CHECK(Contains(what, "第 3 行"));
  CHECK(Contains(what, "B 列"));
  CHECK(Contains(what, "引号没有闭合"));
  CsvOptions options;
  options.chunk_size = 5;
  CHECK(Contains(ErrorOf([&] { ReadAll(file.path(), options); }), "第 3 行"));
}

TEST_CASE("CSV: a field over the limit is an error, not a memory blow-up") {
  CsvOptions options;
  options.chunk_size = 64;
  options.max_field_bytes = 100;
  CHECK(ReadBytes("a," + std::string(100, 'x') + "\n", options).size() == 1);
  const std::string plain =
      ErrorOf([&] { ReadBytes("a\n" + std::string(101, 'x') + "\n", options); });
  CHECK(Contains(plain, "第 2 行"));
  CHECK(Contains(plain, "A 列"));
  // Quoted: the likely cause is a quote that is never closed; found before the end of the file.
  const std::string quoted =
      ErrorOf([&] { ReadBytes("a,\"" + std::string(5000, 'x') + "\n" + "b\n", options); });
  CHECK(Contains(quoted, "第 1 行"));
  CHECK(Contains(quoted, "B 列"));
  CHECK(Contains(quoted, "没有闭合"));

  // The real limit, 1 MiB.
  TempFile big("h\n" + std::string((std::size_t{1} << 20) + 1, 'x') + "\n");
  const std::string what = ErrorOf([&] { ReadAll(big.path()); });
  CHECK(Contains(what, "第 2 行"));
  CHECK(Contains(what, "1 MiB"));
}

TEST_CASE("CSV: more than 16,384 fields in a record is an error") {
  std::string text = "a\n";
  for (int i = 0; i < 16384; ++i) text += "x,";
  CHECK(ReadBytes(text.substr(0, text.size() - 1) + "\n").at(1).cells.size() == 16384);
  const std::string what = ErrorOf([&] { ReadBytes(text + "x\n"); });
  CHECK(Contains(what, "第 2 行"));
  CHECK(Contains(what, "16384"));
}

TEST_CASE("CSV: a record over the record limit is an error") {
  CsvOptions options;
  options.chunk_size = 64;
  options.max_record_bytes = 1000;
  std::string record;
  for (int i = 0; i < 200; ++i) record += "field" + std::to_string(i) + ",";
  const std::string what = ErrorOf([&] { ReadBytes("h\n" + record + "\n", options); });
  CHECK(Contains(what, "第 2 行"));
}

TEST_CASE("CSV: a missing file or a folder is an input error naming it") {
  const std::string missing = kCsvFixtures + "no-such-file.csv";
  const std::string what = ErrorOf([&] { OpenCsv(missing); });
  CHECK(Contains(what, missing));
  CHECK(Contains(what, "找不到"));
  CHECK(Contains(ErrorOf([] { OpenCsv(kCsvFixtures); }), "文件夹"));
}

TEST_CASE("CSV: messages have an English twin") {
  SetLanguage(Language::kEnglish);
  TempFile file("a\n\"open\n");
  const std::string what = ErrorOf([&] { ReadAll(file.path()); });
  SetLanguage(Language::kChinese);
  CHECK(Contains(what, "row 2"));
  CHECK(Contains(what, "unterminated quote"));
}

TEST_CASE("CSV: progress counts the bytes of the file") {
  const std::string path = kCsvFixtures + "ledger_gb18030.csv";
  CsvOptions options;
  options.chunk_size = 100;
  auto reader = OpenCsv(path, options);
  const auto size = std::filesystem::file_size(path);
  CHECK(reader->BytesTotal() == size);
  CHECK(reader->BytesRead() > 0);
  CHECK(reader->BytesRead() < size);
  Row row;
  while (reader->NextRow(row)) {
  }
  CHECK(reader->BytesRead() == size);
}

TEST_CASE("CSV: OpenSheet picks the CSV reader for .csv and .txt") {
  TempFile csv("a,b\n", ".CSV");
  auto reader = OpenSheet(csv.path());
  CHECK(reader->info().format == "csv");
  CHECK(reader->info().sheet_names.empty());
  TempFile txt("a,b\n", ".txt");
  CHECK(OpenSheet(txt.path())->info().format == "csv");
}

TEST_CASE("CSV: cells stay valid until the next row, even for rewritten quoted fields") {
  auto rows = ReadBytes("\"a\"\"b\",\"c\"\"d\",e\n");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].cells == std::vector<std::string>{"a\"b", "c\"d", "e"});
}

}  // namespace
}  // namespace huzhu
