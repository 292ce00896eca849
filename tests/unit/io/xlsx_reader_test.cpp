// The streaming .xlsx reader: fixtures written by openpyxl (scripts/make-fixtures) compared cell by
// cell, and hand-made workbooks (built here with libzip) for edge cases and hostile input.
#include "io/xlsx_reader.h"

#include <doctest/doctest.h>
#include <unistd.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "core/diagnostics.h"
#include "io/table.h"

namespace huzhu {
namespace {

namespace fs = std::filesystem;

// ---------------------------------------------------------------------------------------------
// Helpers

/// A scratch folder for this process's workbooks, removed at exit.
fs::path TempDir() {
  struct Dir {
    fs::path path = fs::temp_directory_path() / ("huzhu_xlsx_test_" + std::to_string(getpid()));
    Dir() { fs::create_directories(path); }
    ~Dir() {
      std::error_code ignored;
      fs::remove_all(path, ignored);
    }
  };
  static const Dir dir;
  return dir.path;
}

/// Writes a zip with libzip's write API. Entries are kept alive until Write() closes the archive.
class ZipBuilder {
 public:
  ZipBuilder& Add(std::string name, std::string data, bool store = false) {
    entries_.push_back({std::move(name), std::move(data), store});
    return *this;
  }
  std::string Write(const std::string& file_name) const {
    const std::string path = (TempDir() / file_name).string();
    int error = 0;
    zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    REQUIRE(archive != nullptr);
    for (const Entry& entry : entries_) {
      zip_source_t* source = zip_source_buffer(archive, entry.data.data(), entry.data.size(), 0);
      REQUIRE(source != nullptr);
      const zip_int64_t index =
          zip_file_add(archive, entry.name.c_str(), source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
      if (index < 0) zip_source_free(source);
      REQUIRE(index >= 0);
      REQUIRE(zip_set_file_compression(archive, static_cast<zip_uint64_t>(index),
                                       entry.store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 1) == 0);
    }
    REQUIRE(zip_close(archive) == 0);
    return path;
  }

 private:
  struct Entry {
    std::string name;
    std::string data;
    bool store;
  };
  std::vector<Entry> entries_;
};

const char* const kMainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const char* const kRelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

std::string Worksheet(const std::string& sheet_data, const std::string& before = "") {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n") +
         "<worksheet xmlns=\"" + kMainNs + "\" xmlns:r=\"" + kRelNs + "\">" + before +
         "<sheetData>" + sheet_data + "</sheetData></worksheet>";
}

std::string SharedStrings(const std::string& items) {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"") + kMainNs + "\">" +
         items + "</sst>";
}

/// Styles with cellXfs: 0 General, 1 built-in 14 (date), 2 custom 164 (yyyy"年"m"月"d"日"),
/// 3 built-in 4 (#,##0.00), 4 custom 165 (0.00"元"), 5 custom 166 ([h]:mm).
std::string Styles() {
  return std::string("<?xml version=\"1.0\"?><styleSheet xmlns=\"") + kMainNs + "\">" +
         "<numFmts count=\"3\"><numFmt numFmtId=\"164\" formatCode=\"yyyy&quot;年&quot;m&quot;月"
         "&quot;d&quot;日&quot;\"/><numFmt numFmtId=\"165\" formatCode=\"0.00&quot;元&quot;\"/>"
         "<numFmt numFmtId=\"166\" formatCode=\"[h]:mm\"/></numFmts>"
         "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
         "<cellXfs count=\"6\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/>"
         "<xf numFmtId=\"164\"><alignment horizontal=\"left\"/></xf><xf numFmtId=\"4\"/>"
         "<xf numFmtId=\"165\"/><xf numFmtId=\"166\"/></cellXfs>"
         "<dxfs><dxf><numFmt numFmtId=\"167\" formatCode=\"yyyy\"/></dxf></dxfs></styleSheet>";
}

struct SheetPart {
  std::string name;
  std::string xml;
};

/// A complete workbook around the given sheets (parts xl/worksheets/sheetN.xml), with optional
/// shared strings and styles.
ZipBuilder Workbook(const std::vector<SheetPart>& sheets, const std::string& sst = "",
                    const std::string& styles = "", const std::string& workbook_pr = "") {
  ZipBuilder zip;
  zip.Add("[Content_Types].xml",
          "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
          "content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>");
  zip.Add("_rels/.rels",
          "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/"
          "package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas."
          "openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
          "Target=\"xl/workbook.xml\"/></Relationships>");
  std::string workbook = std::string("<?xml version=\"1.0\"?><workbook xmlns=\"") + kMainNs +
                         "\" xmlns:r=\"" + kRelNs + "\">" + workbook_pr + "<sheets>";
  std::string rels =
      "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/"
      "2006/relationships\">";
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    const std::string n = std::to_string(i + 1);
    workbook +=
        "<sheet name=\"" + sheets[i].name + "\" sheetId=\"" + n + "\" r:id=\"rId" + n + "\"/>";
    // Alternate relative and absolute targets.
    const std::string target =
        (i % 2 == 0 ? "worksheets/sheet" : "/xl/worksheets/sheet") + n + ".xml";
    rels += "<Relationship Id=\"rId" + n +
            "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
            "worksheet\" Target=\"" +
            target + "\"/>";
    zip.Add("xl/worksheets/sheet" + n + ".xml", sheets[i].xml);
  }
  workbook += "</sheets></workbook>";
  if (!sst.empty()) {
    rels +=
        "<Relationship Id=\"rIdS\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
        "2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>";
    zip.Add("xl/sharedStrings.xml", sst);
  }
  if (!styles.empty()) {
    rels +=
        "<Relationship Id=\"rIdT\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
        "2006/relationships/styles\" Target=\"styles.xml\"/>";
    zip.Add("xl/styles.xml", styles);
  }
  rels += "</Relationships>";
  zip.Add("xl/workbook.xml", workbook);
  zip.Add("xl/_rels/workbook.xml.rels", rels);
  return zip;
}

std::string SingleSheet(const std::string& file_name, const std::string& sheet_data,
                        const std::string& sst = "", const std::string& styles = "") {
  return Workbook({{"Sheet1", Worksheet(sheet_data)}}, sst, styles).Write(file_name);
}

const char* TypeName(CellType type) {
  switch (type) {
    case CellType::kEmpty:
      return "empty";
    case CellType::kText:
      return "text";
    case CellType::kNumber:
      return "number";
    case CellType::kBool:
      return "bool";
    case CellType::kError:
      return "error";
  }
  return "?";
}

/// Every non-empty cell as "row col type is_date text" (col a letter), in reading order.
std::vector<std::string> Dump(SheetReader& reader, bool with_empty = false) {
  std::vector<std::string> out;
  Row row;
  std::int64_t previous = 0;
  while (reader.NextRow(row)) {
    CHECK(row.number > previous);
    previous = row.number;
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
      const Cell& cell = row.cells[c];
      if (cell.type == CellType::kEmpty && !with_empty) continue;
      out.push_back(std::to_string(row.number) + " " + ColumnLetter(static_cast<int>(c)) + " " +
                    TypeName(cell.type) + " " + (cell.is_date ? "1" : "0") + " " +
                    std::string(cell.text));
    }
  }
  return out;
}

std::vector<std::string> DumpFile(const std::string& path, const std::string& sheet = "",
                                  const XlsxLimits& limits = XlsxLimits()) {
  auto reader = OpenXlsxWithLimits(path, sheet, limits);
  return Dump(*reader);
}

/// Runs `action`, which must throw Error(kInput) whose message has every one of `parts`.
void CheckInputError(const std::function<void()>& action, const std::string& path,
                     const std::vector<std::string>& parts) {
  try {
    action();
    FAIL("no error thrown; expected one mentioning " << parts.front());
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::kInput);
    const std::string what = e.what();
    CHECK_MESSAGE(what.find(fs::path(path).filename().string()) != std::string::npos, what);
    for (const std::string& part : parts) {
      CHECK_MESSAGE(what.find(part) != std::string::npos, "missing '" << part << "' in: " << what);
    }
  }
}

void CheckReadError(const std::string& path, const std::vector<std::string>& parts,
                    const XlsxLimits& limits = XlsxLimits()) {
  CheckInputError([&] { DumpFile(path, "", limits); }, path, parts);
}

// ---------------------------------------------------------------------------------------------
// Fixtures from openpyxl

std::string Unescape(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) {
      const char next = text[++i];
      out += next == 't' ? '\t' : next == 'n' ? '\n' : next == 'r' ? '\r' : next;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> fields;
  std::stringstream stream(line);
  std::string field;
  while (std::getline(stream, field, '\t')) fields.push_back(field);
  if (!line.empty() && line.back() == '\t') fields.emplace_back();
  return fields;
}

struct Expected {
  std::vector<std::string> sheets;
  bool date1904 = false;
  std::vector<std::pair<std::string, std::string>> cells;  // sheet, dump line
};

Expected LoadExpected(const std::string& path) {
  std::ifstream in(path);
  REQUIRE_MESSAGE(in.good(), path);
  Expected expected;
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> f = SplitTabs(line);
    if (f[0] == "# sheets") {
      expected.sheets.assign(f.begin() + 1, f.end());
    } else if (f[0] == "# date1904") {
      expected.date1904 = f[1] == "1";
    } else {
      REQUIRE(f.size() == 6);
      expected.cells.emplace_back(
          f[0], f[1] + " " + f[2] + " " + f[3] + " " + f[4] + " " + Unescape(f[5]));
    }
  }
  return expected;
}

void CheckFixture(const std::string& name, const XlsxLimits& limits = XlsxLimits()) {
  const std::string dir = std::string(HUZHU_FIXTURES) + "/xlsx/";
  const Expected expected = LoadExpected(dir + name + ".expected.tsv");
  for (const std::string& sheet : expected.sheets) {
    auto reader = OpenXlsxWithLimits(dir + name + ".xlsx", sheet, limits);
    CHECK(reader->info().format == "xlsx");
    CHECK(reader->info().sheet_names == expected.sheets);
    CHECK(reader->info().sheet == sheet);
    CHECK(reader->info().date1904 == expected.date1904);
    std::vector<std::string> want;
    for (const auto& [s, line] : expected.cells) {
      if (s == sheet) want.push_back(line);
    }
    const std::vector<std::string> got = Dump(*reader);
    CHECK(got.size() == want.size());
    for (std::size_t i = 0; i < std::min(got.size(), want.size()); ++i) {
      if (got[i] != want[i]) {
        FAIL_CHECK(name << " / " << sheet << ": got '" << got[i] << "', want '" << want[i] << "'");
        break;
      }
    }
    CHECK(reader->BytesRead() == reader->BytesTotal());
  }
}

TEST_CASE("xlsx: openpyxl fixtures match their expected cells") {
  for (const char* name : {"members", "members_shared", "mac1904", "iso_dates"}) {
    SUBCASE(name) { CheckFixture(name); }
  }
}

TEST_CASE("xlsx: tiny buffers give the same cells (rows straddling buffers, carry path)") {
  XlsxLimits limits;
  limits.sheet_stream.slot_bytes = 4096;
  limits.sheet_stream.slots = 2;
  limits.sheet_stream.headroom = 0;  // every straddling row goes through the carry buffer
  CheckFixture("members", limits);
  limits.sheet_stream.headroom = 100;  // short rows join in the headroom, long ones carry
  CheckFixture("members_shared", limits);
}

TEST_CASE("xlsx: OpenSheet dispatches .xlsx; first sheet by default; progress counts up") {
  const std::string path = std::string(HUZHU_FIXTURES) + "/xlsx/members_shared.xlsx";
  auto reader = OpenSheet(path);
  CHECK(reader->info().sheet == "会员名单");
  auto claims = OpenXlsx(path, "  理赔明细（2024） ");  // trimmed
  CHECK(claims->info().sheet == "理赔明细（2024）");
  CHECK(claims->BytesTotal() > 0);
  Row row;
  std::uint64_t last = 0;
  int rows = 0;
  while (claims->NextRow(row)) {
    CHECK(claims->BytesRead() >= last);
    CHECK(claims->BytesRead() <= claims->BytesTotal());
    last = claims->BytesRead();
    ++rows;
  }
  CHECK(rows == 1000);
  CHECK(claims->BytesRead() == claims->BytesTotal());
  CHECK_FALSE(claims->NextRow(row));  // stays at the end
}

TEST_CASE("xlsx: a reader dropped halfway stops its inflating thread") {
  const std::string path = std::string(HUZHU_FIXTURES) + "/xlsx/members.xlsx";
  XlsxLimits limits;
  limits.sheet_stream.slot_bytes = 4096;
  auto reader = OpenXlsxWithLimits(path, "理赔明细（2024）", limits);
  Row row;
  REQUIRE(reader->NextRow(row));
  reader.reset();  // must not hang
}

// ---------------------------------------------------------------------------------------------
// Hand-made workbooks: cell forms

TEST_CASE("xlsx: cells and rows without r continue from the previous ones") {
  const std::string path =
      SingleSheet("no_r.xlsx",
                  "<row><c><v>1</v></c><c><v>2</v></c><c r=\"E1\"><v>5</v></c><c><v>6</v></c></row>"
                  "<row r=\"4\"><c r=\"B4\"><v>42</v></c></row><row><c><v>7</v></c></row>");
  CHECK(DumpFile(path) == std::vector<std::string>{"1 A number 0 1", "1 B number 0 2",
                                                   "1 E number 0 5", "1 F number 0 6",
                                                   "4 B number 0 42", "5 A number 0 7"});
}

TEST_CASE("xlsx: empty and sparse cells") {
  const std::string path =
      SingleSheet("sparse.xlsx",
                  "<row r=\"2\" spans=\"1:5\"><c r=\"A2\" s=\"1\"/><c r=\"C2\"><v>3</v></c>"
                  "<c r=\"D2\" s=\"1\"></c><c r=\"E2\" t=\"s\"/><c r=\"F2\"><v></v></c></row>"
                  "<row r=\"3\"><c r=\"A3\" s=\"1\"/></row><row r=\"4\"/><row r=\"5\"></row>"
                  "<row r=\"6\"><c r=\"B6\" t=\"inlineStr\"><is><t>x</t></is></c></row>",
                  "", Styles());
  auto reader = OpenXlsx(path, "");
  Row row;
  REQUIRE(reader->NextRow(row));
  CHECK(row.number == 2);
  REQUIRE(row.cells.size() == 3);  // trailing empties are not materialised
  CHECK(row.cells[0].type == CellType::kEmpty);
  CHECK(row.cells[1].type == CellType::kEmpty);
  CHECK(row.cells[2].type == CellType::kNumber);
  CHECK(row.cells[2].text == "3");
  CHECK(row.at(10).type == CellType::kEmpty);
  REQUIRE(reader->NextRow(row));  // rows 3-5 have no values and are skipped
  CHECK(row.number == 6);
  CHECK(row.cells.size() == 2);
  CHECK(row.cells[1].text == "x");
  CHECK_FALSE(reader->NextRow(row));
}

TEST_CASE("xlsx: value types: shared, inline, rich, str, bool, error, formulas") {
  const std::string sst = SharedStrings(
      "<si><t>张三</t></si>"
      "<si><r><rPr><b/><sz val=\"11\"/></rPr><t>呼和</t></r><r><t xml:space=\"preserve\">浩特 "
      "</t></r><rPh sb=\"0\" eb=\"2\"><t>huhe</t></rPh><phoneticPr fontId=\"1\"/></si>"
      "<si><t>a_x000D__x000A_b &amp; &lt;c&gt; &quot;d&quot; &apos;e&apos; &#20013;&#x6587;"
      "</t></si><si><t/></si><si><t>_x005F_x000D_</t></si>");
  const std::string path = SingleSheet(
      "types.xlsx",
      "<row r=\"1\">"
      "<c r=\"A1\" t=\"s\"><v>0</v></c>"
      "<c r=\"B1\" t=\"s\"><v>1</v></c>"
      "<c r=\"C1\" t=\"s\"><v>2</v></c>"
      "<c r=\"D1\" t=\"s\"><v>3</v></c>"
      "<c r=\"E1\" t=\"s\"><v>4</v></c>"
      "<c r=\"F1\" t=\"inlineStr\"><is><t>内联</t></is></c>"
      "<c r=\"G1\" t=\"inlineStr\"><is><r><rPr><i/></rPr><t>富</t></r><r><t>文本</t></r>"
      "<rPh><t>fu</t></rPh></is></c>"
      "<c r=\"H1\" t=\"inlineStr\"><is><t>x_x000D_y&amp;<![CDATA[<raw>&amp;]]></t></is></c>"
      "<c r=\"I1\" t=\"str\"><f>A1&amp;\"!\"</f><v>张三!</v></c>"
      "<c r=\"J1\" t=\"b\"><v>1</v></c><c r=\"K1\" t=\"b\"><v>0</v></c>"
      "<c r=\"L1\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c><c r=\"M1\" t=\"e\"><v>#N/A</v></c>"
      "<c r=\"N1\"><f>SUM(1,2)</f><v>3</v></c>"
      "<c r=\"O1\"><f>NOW()</f></c>"
      "<c r=\"P1\" t=\"n\"><v>-1.5E-3</v></c>"
      "<c r=\"Q1\" t=\"str\"><v>line1&#13;\r\nline2_x000D_</v></c>"
      "<c r=\"R1\"><v>4.1E+17</v></c>"
      "<c r=\"S1\" t=\"str\"><v></v></c>"
      "</row>",
      sst);
  CHECK(DumpFile(path) ==
        std::vector<std::string>{
            "1 A text 0 张三", "1 B text 0 呼和浩特 ", "1 C text 0 a\r\nb & <c> \"d\" 'e' 中文",
            "1 D text 0 ", "1 E text 0 _x000D_", "1 F text 0 内联", "1 G text 0 富文本",
            "1 H text 0 x\ry&<raw>&amp;", "1 I text 0 张三!", "1 J bool 0 1", "1 K bool 0 0",
            "1 L error 0 #DIV/0!", "1 M error 0 #N/A", "1 N number 0 3", "1 P number 0 -1.5E-3",
            "1 Q text 0 line1\r\nline2\r", "1 R number 0 4.1E+17", "1 S text 0 "});
}

TEST_CASE("xlsx: the fast path and the general path read cells alike") {
  // The first form is what Excel writes (fast path); the second, with single quotes, an extra
  // attribute and spaces, goes through the general scanner.
  const std::vector<std::string> cells = {
      "A1\" t=\"s\"><v>1</v>", "B1\" s=\"1\"><v>45658</v>",
      "C1\" t=\"b\"><v>1</v>", "D1\" t=\"n\" s=\"3\"><v>-0.5E-7</v>",
      "E1\" s=\"1\"/>",        "F1\"></c",
      "G1\" s=\"2\"><v></v>"};
  std::string fast = "<row r=\"1\">";
  std::string general = "<row r=\"1\">";
  for (const std::string& cell : cells) {
    const bool closed = cell.ends_with("/>") || cell.ends_with("</c");
    fast += "<c r=\"" + cell + (closed ? (cell.ends_with("</c") ? ">" : "") : "</c>");
    std::string g = cell;
    for (char& ch : g) {
      if (ch == '"') ch = '\'';
    }
    general += "<c cm='1'  r='" + g + (closed ? (g.ends_with("</c") ? ">" : "") : "</c >");
  }
  fast += "</row>";
  general += "</row>";
  const std::string sst = SharedStrings("<si><t>a</t></si><si><t>b</t></si>");
  const std::vector<std::string> a = DumpFile(SingleSheet("fast.xlsx", fast, sst, Styles()));
  const std::vector<std::string> b = DumpFile(SingleSheet("general.xlsx", general, sst, Styles()));
  CHECK(a == std::vector<std::string>{"1 A text 0 b", "1 B number 1 45658", "1 C bool 0 1",
                                      "1 D number 0 -0.5E-7"});
  CHECK(a == b);
}

TEST_CASE("xlsx: date cells by style") {
  const std::string path = SingleSheet(
      "dates.xlsx",
      "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>45658</v></c><c r=\"B1\" s=\"2\"><v>45658</v></c>"
      "<c r=\"C1\" s=\"3\"><v>45658</v></c><c r=\"D1\" s=\"4\"><v>45658</v></c>"
      "<c r=\"E1\" s=\"5\"><v>1.5</v></c><c r=\"F1\" s=\"0\"><v>45658</v></c>"
      "<c r=\"G1\" s=\"99\"><v>45658</v></c><c r=\"H1\" s=\"1\" t=\"s\"><v>0</v></c>"
      "<c r=\"I1\" s=\"1\" t=\"d\"><v>2025-01-01T12:00:00</v></c></row>",
      SharedStrings("<si><t>2025-01-01</t></si>"), Styles());
  CHECK(DumpFile(path) == std::vector<std::string>{"1 A number 1 45658", "1 B number 1 45658",
                                                   "1 C number 0 45658", "1 D number 0 45658",
                                                   "1 E number 1 1.5", "1 F number 0 45658",
                                                   "1 G number 0 45658", "1 H text 0 2025-01-01",
                                                   "1 I number 1 45658.5"});
}

TEST_CASE("xlsx: namespace prefixes, whitespace, comments and processing instructions") {
  const std::string sheet =
      std::string(
          "\xEF\xBB\xBF<?xml version='1.0' encoding='utf-8'?>\n<!-- written by .NET -->\n"
          "<x:worksheet xmlns:x=\"") +
      kMainNs +
      "\">\n  <x:dimension ref=\"A1:ZZZZ99999999\"/>\n  <x:cols><x:col min=\"1\" max=\"2\"/>"
      "</x:cols>\n  <x:sheetData>\n    <x:row r=\"1\" >\n      <x:c r=\"A1\" t=\"inlineStr\">"
      "\n        <x:is>\n          <x:t>前缀</x:t>\n        </x:is>\n      </x:c>\n"
      "      <!-- a comment --><?pi data?>\n      <x:c r='B1' s = '0' ><x:v>12</x:v></x:c>\n"
      "    </x:row>\n    <x:row r=\"2\"><x:c r=\"A2\"><x:extLst><x:ext uri=\"u\"><y:z "
      "xmlns:y=\"n\"/></x:ext></x:extLst><x:v>2</x:v></x:c></x:row>\n  </x:sheetData>\n"
      "  <x:mergeCells count=\"0\"/>\n</x:worksheet>\n";
  const std::string path = Workbook({{"Sheet1", sheet}}).Write("prefixes.xlsx");
  CHECK(DumpFile(path) ==
        std::vector<std::string>{"1 A text 0 前缀", "1 B number 0 12", "2 A number 0 2"});
}

TEST_CASE("xlsx: workbook: sheet names, relative and absolute targets, date1904") {
  const std::string path =
      Workbook({{"第一页", Worksheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")},
                {"第二页", Worksheet("<row r=\"1\"><c r=\"A1\"><v>2</v></c></row>")},
                {"Sheet &amp; 3", Worksheet("<row r=\"1\"><c r=\"A1\"><v>3</v></c></row>")}},
               "", "", "<workbookPr date1904=\"true\"/>")
          .Write("workbook.xlsx");
  auto reader = OpenXlsx(path, "第二页");
  CHECK(reader->info().sheet_names == std::vector<std::string>{"第一页", "第二页", "Sheet & 3"});
  CHECK(reader->info().date1904);
  CHECK(Dump(*reader) == std::vector<std::string>{"1 A number 0 2"});
  CHECK(DumpFile(path, "Sheet & 3") == std::vector<std::string>{"1 A number 0 3"});
  CHECK(DumpFile(path) == std::vector<std::string>{"1 A number 0 1"});
}

TEST_CASE("xlsx: a stored (uncompressed) sheet and an empty sheet") {
  ZipBuilder zip = Workbook({{"Empty", Worksheet("")}, {"Data", ""}});
  zip.Add("xl/worksheets/sheet2.xml", Worksheet("<row r=\"1\"><c r=\"A1\"><v>9</v></c></row>"),
          /*store=*/true);
  const std::string path = zip.Write("stored.xlsx");
  CHECK(DumpFile(path, "Empty").empty());
  CHECK(DumpFile(path, "Data") == std::vector<std::string>{"1 A number 0 9"});
  const std::string self_closing =
      Workbook({{"S", "<worksheet><sheetData/></worksheet>"}}).Write("self_closing.xlsx");
  CHECK(DumpFile(self_closing).empty());
}

TEST_CASE("xlsx: a row larger than the buffers") {
  std::string big(300000, 'x');
  std::string data;
  for (int r = 1; r <= 20; ++r) {
    const std::string n = std::to_string(r);
    data += "<row r=\"" + n + "\"><c r=\"A" + n + "\" t=\"inlineStr\"><is><t>";
    data += r % 7 == 0 ? big : "s" + n;
    data += "</t></is></c><c r=\"B" + n + "\"><v>" + n + "</v></c></row>";
  }
  const std::string path = SingleSheet("big_row.xlsx", data);
  XlsxLimits small;
  small.sheet_stream.slot_bytes = 8192;
  small.sheet_stream.headroom = 1024;
  const std::vector<std::string> a = DumpFile(path);
  const std::vector<std::string> b = DumpFile(path, "", small);
  CHECK(a.size() == 40);
  CHECK(a == b);
  CHECK(a[12] == "7 A text 0 " + big);
  small.max_row_bytes = 100000;
  CheckReadError(path, {"超过 100000 字节"}, small);
}

// ---------------------------------------------------------------------------------------------
// Hand-made workbooks: errors

TEST_CASE("xlsx: rows out of order or duplicated are refused") {
  const std::string out_of_order = SingleSheet(
      "rows_order.xlsx",
      "<row r=\"3\"><c r=\"A3\"><v>1</v></c></row><row r=\"2\"><c r=\"A2\"><v>1</v></c></row>");
  CheckReadError(out_of_order, {"第 2 行出现在第 3 行之后"});
  const std::string duplicate = SingleSheet(
      "rows_dup.xlsx",
      "<row r=\"2\"><c r=\"A2\"><v>1</v></c></row><row r=\"2\"><c r=\"B2\"><v>1</v></c></row>");
  CheckReadError(duplicate, {"第 2 行出现在第 2 行之后", "重复"});
  const std::string columns = SingleSheet(
      "cols_order.xlsx", "<row r=\"1\"><c r=\"C1\"><v>1</v></c><c r=\"B1\"><v>1</v></c></row>");
  CheckReadError(columns, {"“B1”重复或顺序颠倒"});
  const std::string wrong_row =
      SingleSheet("cell_row.xlsx", "<row r=\"1\"><c r=\"A2\"><v>1</v></c></row>");
  CheckReadError(wrong_row, {"“A2”"});
}

TEST_CASE("xlsx: references beyond Excel's grid are refused") {
  CheckReadError(SingleSheet("xfe.xlsx", "<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>"),
                 {"XFE1", "XFD"});
  CheckReadError(SingleSheet("aaaa.xlsx", "<row r=\"1\"><c r=\"AAAA1\"><v>1</v></c></row>"),
                 {"AAAA1", "XFD"});
  CheckReadError(SingleSheet("row_big.xlsx", "<row r=\"1048577\"><c><v>1</v></c></row>"),
                 {"1048576"});
  CheckReadError(
      SingleSheet("ref_big.xlsx", "<row r=\"1\"><c r=\"A99999999999\"><v>1</v></c></row>"),
      {"A99999999999"});
  CheckReadError(SingleSheet("ref_bad.xlsx", "<row r=\"1\"><c r=\"1A\"><v>1</v></c></row>"),
                 {"“1A”无效"});
  std::string wide = "<row r=\"1\">";
  for (int i = 0; i <= 16384; ++i) wide += "<c><v>1</v></c>";
  CheckReadError(SingleSheet("wide.xlsx", wide + "</row>"), {"XFD"});
  // The last column and row are fine; an absurd <dimension> is never trusted.
  const std::string corner = Workbook({{"S", Worksheet("<row r=\"1048576\"><c r=\"XFD1048576\">"
                                                       "<v>1</v></c></row>",
                                                       "<dimension ref=\"A1:XFD1048576\"/>")}})
                                 .Write("corner.xlsx");
  CHECK(DumpFile(corner) == std::vector<std::string>{"1048576 XFD number 0 1"});
}

TEST_CASE("xlsx: shared-string index out of range") {
  const std::string path =
      SingleSheet("sst_range.xlsx", "<row r=\"3\"><c r=\"B3\" t=\"s\"><v>2</v></c></row>",
                  SharedStrings("<si><t>a</t></si><si><t>b</t></si>"));
  CheckReadError(path, {"共享字符串编号 2 超出范围", "第 3 行", "B 列"});
  const std::string none =
      SingleSheet("sst_none.xlsx", "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>");
  CheckReadError(none, {"共享字符串编号 0 超出范围"});
  const std::string bad = SingleSheet(
      "sst_bad.xlsx", "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>-1</v></c></row>", SharedStrings(""));
  CheckReadError(bad, {"共享字符串编号“-1”无效"});
}

TEST_CASE("xlsx: DOCTYPE and entity tricks are refused") {
  const std::string laughs =
      "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 "
      "\"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>";
  const std::string sst_path =
      SingleSheet("doctype_sst.xlsx", "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>",
                  laughs + "<sst xmlns=\"" + kMainNs + "\"><si><t>&lol2;</t></si></sst>");
  CheckReadError(sst_path, {"DOCTYPE", "sharedStrings.xml"});

  const std::string sheet_path =
      Workbook({{"S", laughs + "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&lol2;</t>"
                               "</is></c></row></sheetData></worksheet>"}})
          .Write("doctype_sheet.xlsx");
  CheckReadError(sheet_path, {"DOCTYPE"});

  const std::string external = Workbook({{"S", Worksheet("")}}, "",
                                        "<?xml version=\"1.0\"?><!DOCTYPE s SYSTEM "
                                        "\"file:///etc/passwd\"><styleSheet/>")
                                   .Write("doctype_styles.xlsx");
  CheckReadError(external, {"DOCTYPE", "styles.xml"});

  const std::string undefined = SingleSheet(
      "entity.xlsx", "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol;</t></is></c></row>");
  CheckReadError(undefined, {"&lol;"});
  const std::string bad_char =
      SingleSheet("charref.xlsx", "<row r=\"1\"><c r=\"A1\" t=\"str\"><v>&#0;</v></c></row>");
  CheckReadError(bad_char, {"&#0;"});
}

TEST_CASE("xlsx: malformed sheet XML is refused") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"<row r=\"1\"><c r=A1><v>1</v></c></row>", "引号"},
      {"<row r=\"1\"><c r=\"A1\"><v>1</x></c></row>", "不匹配"},
      {"<row r=\"1\"><c r=\"A1\" t=\"q\"><v>1</v></c></row>", "t=“q”"},
      {"<row r=\"x\"><c><v>1</v></c></row>", "行号“x”无效"},
      {"<row r=\"1\"><c r=\"A1\" t=\"b\"><v>2</v></c></row>", "逻辑值"},
      {"<row r=\"1\"><c r=\"A1\"><v>1<b/></v></c></row>", "子元素"},
      {"<row r=\"1\"><c r=\"A1\" t=\"str\"><v>a", "意外结束"},
      {"<row r=\"1\"><c r=\"A1\"", "意外结束"},
      {"<row r=\"1\"><c r=\"A1\"><v>1" + std::string(1, '\0') + "</v></c></row>", "NUL"},
      {"<row r=\"1\"><c r=\"A1\" t=\"str\"><v>\xFF\xFE</v></c></row>", "UTF-8"},
  };
  int n = 0;
  for (const auto& [data, message] : cases) {
    // Without the closing </sheetData></worksheet> when the data is deliberately cut short.
    const bool cut = message == "意外结束";
    const std::string xml =
        cut ? std::string("<worksheet xmlns=\"") + kMainNs + "\"><sheetData>" + data
            : Worksheet(data);
    const std::string path =
        Workbook({{"S", xml}}).Write("malformed" + std::to_string(n++) + ".xlsx");
    CAPTURE(data);
    CheckReadError(path, {message});
  }
  CheckReadError(
      Workbook({{"S", "<?xml version=\"1.0\" encoding=\"GBK\"?><worksheet/>"}}).Write("gbk.xlsx"),
      {"GBK"});
  CheckReadError(Workbook({{"S", "<chartsheet/>"}}).Write("chart.xlsx"), {"图表"});
}

TEST_CASE("xlsx: not a zip, truncated zip, corrupt data, missing parts") {
  const fs::path text = TempDir() / "text.xlsx";
  std::ofstream(text) << "姓名,金额\n张三,1\n";
  CheckInputError([&] { OpenXlsx(text.string(), ""); }, text.string(), {"zip 结构损坏"});

  const fs::path ole = TempDir() / "ole.xlsx";
  std::ofstream(ole, std::ios::binary)
      << std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) << std::string(1000, '\0');
  CheckInputError([&] { OpenXlsx(ole.string(), ""); }, ole.string(), {"旧版 .xls"});

  const fs::path empty = TempDir() / "empty.xlsx";
  std::ofstream(empty).close();
  CheckInputError([&] { OpenXlsx(empty.string(), ""); }, empty.string(), {"空"});

  const std::string missing = (TempDir() / "does_not_exist.xlsx").string();
  CheckInputError([&] { OpenXlsx(missing, ""); }, missing, {"无法打开文件：文件不存在"});

  // A real workbook cut in half loses its central directory.
  std::string rows;
  for (int r = 1; r <= 2000; ++r) {
    rows += "<row r=\"" + std::to_string(r) + "\"><c t=\"inlineStr\"><is><t>" +
            std::to_string(r * 7919) + "</t></is></c></row>";
  }
  const std::string whole = SingleSheet("whole.xlsx", rows);
  const std::string truncated = (TempDir() / "truncated.xlsx").string();
  fs::copy_file(whole, truncated, fs::copy_options::overwrite_existing);
  fs::resize_file(truncated, fs::file_size(truncated) / 2);
  CheckInputError([&] { OpenXlsx(truncated, ""); }, truncated, {"zip 结构损坏"});

  // Flip bytes in the middle of the deflated sheet: inflate or CRC fails while streaming.
  std::string bytes;
  {
    std::ifstream in(whole, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  const std::size_t at = bytes.find("xl/worksheets/sheet1.xml") + 200;
  for (std::size_t i = at; i < at + 64; ++i) bytes[i] = static_cast<char>(bytes[i] ^ 0x5A);
  const std::string corrupt = (TempDir() / "corrupt.xlsx").string();
  std::ofstream(corrupt, std::ios::binary) << bytes;
  // Usually zlib or the CRC check fails; garbage that still inflates fails as XML.
  CheckReadError(corrupt, {"不是有效的 .xlsx 文件"});

  ZipBuilder no_workbook;
  no_workbook.Add("hello.txt", "hi");
  const std::string no_wb = no_workbook.Write("no_workbook.xlsx");
  CheckInputError([&] { OpenXlsx(no_wb, ""); }, no_wb, {"缺少部件", "xl/workbook.xml"});

  const std::string sheet_missing =
      ZipBuilder()
          .Add("_rels/.rels",
               "<Relationships><Relationship Type=\"x/officeDocument\" "
               "Target=\"/xl/workbook.xml\"/></Relationships>")
          .Add("xl/workbook.xml",
               std::string("<workbook xmlns:r=\"") + kRelNs +
                   "\"><sheets><sheet name=\"S\" r:id=\"rId1\"/></sheets></workbook>")
          .Add("xl/_rels/workbook.xml.rels",
               "<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" "
               "Target=\"worksheets/gone.xml\"/></Relationships>")
          .Write("sheet_missing.xlsx");
  CheckInputError([&] { OpenXlsx(sheet_missing, ""); }, sheet_missing, {"worksheets/gone.xml"});
}

TEST_CASE("xlsx: a missing sheet name lists the sheets there are") {
  const std::string path =
      Workbook({{"会员", Worksheet("")}, {"理赔", Worksheet("")}}).Write("names.xlsx");
  CheckInputError([&] { OpenXlsx(path, "结算"); }, path, {"找不到工作表“结算”", "“会员”、“理赔”"});
  SetLanguage(Language::kEnglish);
  CheckInputError([&] { OpenXlsx(path, "x"); }, path, {"no sheet 'x'", "'会员', '理赔'"});
  SetLanguage(Language::kChinese);
}

TEST_CASE("xlsx: zip bombs are refused by counting inflated bytes") {
  // 4 MiB of blanks inside <sheetData> deflate to a few KiB.
  const std::string padding(std::size_t{4} << 20, ' ');
  const std::string path = SingleSheet("bomb.xlsx", "<row r=\"1\"><c><v>1</v></c></row>" + padding);
  XlsxLimits ratio;
  ratio.zip.ratio_check_after = std::size_t{1} << 20;
  CheckReadError(path, {"zip 炸弹", "200:1"}, ratio);
  XlsxLimits absolute;
  absolute.zip.max_entry_bytes = std::size_t{2} << 20;
  CheckReadError(path, {"zip 炸弹", "2 MiB"}, absolute);
  // With the default limits the same file is fine (4 MiB is below the 64 MiB threshold).
  CHECK(DumpFile(path).size() == 1);

  const std::string sst_bomb =
      SingleSheet("sst_bomb.xlsx", "", SharedStrings("<si><t>" + padding + "</t></si>"));
  CheckInputError([&] { OpenXlsxWithLimits(sst_bomb, "", ratio); }, sst_bomb,
                  {"sharedStrings.xml", "zip 炸弹"});
}

}  // namespace
}  // namespace huzhu
