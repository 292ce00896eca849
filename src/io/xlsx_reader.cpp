// Streaming .xlsx reader.
//
// Design:
// - The zip is read through libzip (io/zip_stream.h); every part is inflated on a producer thread
//   into a small ring of big buffers while this thread parses. The small parts (relationships,
//   workbook, styles) are parsed with expat, DOCTYPEs refused. The shared strings and the sheet
//   are scanned by a purpose-built pull scanner (io/xlsx_xml_scanner.h), never a tree; the
//   shared-strings table is one char buffer plus offsets.
// - A sheet row is scanned as a unit (see the scanner for how a row that straddles two buffers
//   is joined and re-scanned). Cell texts are string_views into the current buffer, into the
//   shared-strings buffer, or into a per-row scratch buffer for text that needed decoding
//   (entities, CDATA, _xHHHH_ escapes, inline rich text). Row and scratch keep their capacity
//   from row to row: no allocation per cell.
// - The common cell forms (<c r="B2" s="1" t="s"><v>7</v></c>) take a fast path; anything else
//   (formulas, inline strings, prefixes, odd quoting) and every error goes the general way.
#include "io/xlsx_reader.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <optional>

#include "core/diagnostics.h"
#include "core/text.h"
#include "io/xlsx_parts.h"
#include "io/xlsx_xml_scanner.h"

namespace huzhu {
namespace {

constexpr int kMaxColumns = 16384;  // XFD
constexpr std::int64_t kMaxRows = 1048576;

using xlsx::NeedMore;
using xlsx::Tag;
using xlsx::TextRef;

enum class CellKind { kNumber, kShared, kFormulaString, kInline, kBool, kError, kIsoDate };

enum class RefStatus { kOk, kInvalid, kBeyondColumns, kBeyondRows };

// "B12" -> column 1 (0-based), row 12. `column` and `row` are set only when kOk.
RefStatus ParseCellRef(std::string_view ref, int& column, std::int64_t& row) {
  std::size_t i = 0;
  int col = 0;
  while (i < ref.size()) {
    char c = ref[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') break;
    if (i == 3) return RefStatus::kBeyondColumns;
    col = col * 26 + (c - 'A' + 1);
    ++i;
  }
  if (i == 0) return RefStatus::kInvalid;
  const std::size_t digits_start = i;
  std::int64_t number = 0;
  while (i < ref.size() && ref[i] >= '0' && ref[i] <= '9') {
    if (i - digits_start == 8) return RefStatus::kBeyondRows;
    number = number * 10 + (ref[i] - '0');
    ++i;
  }
  if (i == digits_start || i != ref.size() || number == 0) return RefStatus::kInvalid;
  if (col > kMaxColumns) return RefStatus::kBeyondColumns;
  if (number > kMaxRows) return RefStatus::kBeyondRows;
  column = col - 1;
  row = number;
  return RefStatus::kOk;
}

// Parses a non-empty run of ASCII digits (at most 18) into `value`.
bool ParseDigits(std::string_view text, std::uint64_t& value) {
  if (text.empty() || text.size() > 18) return false;
  std::uint64_t v = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<std::uint64_t>(c - '0');
  }
  value = v;
  return true;
}

// Days since 1970-01-01 of a proleptic Gregorian date (the classic era/day-of-era method).
std::int64_t DaysFromCivil(std::int64_t year, int month, int day) {
  year -= month <= 2 ? 1 : 0;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const std::int64_t year_of_era = year - era * 400;
  const std::int64_t day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const std::int64_t day_of_era =
      year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

bool ReadFixedNumber(std::string_view text, std::size_t& i, std::size_t width, int& value) {
  if (i + width > text.size()) return false;
  int v = 0;
  for (std::size_t k = 0; k < width; ++k) {
    const char c = text[i + k];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  i += width;
  value = v;
  return true;
}

// A t="d" cell holds an ISO 8601 date-time ("2024-03-05", "2024-03-05T08:30:00Z"). Appends the
// Excel serial it stands for to `out`; false when it is not a date Excel can show.
bool AppendIsoAsSerial(std::string_view iso, bool date1904, std::string& out) {
  std::size_t i = 0;
  int year = 0;
  int month = 0;
  int day = 0;
  if (!ReadFixedNumber(iso, i, 4, year) || i >= iso.size() || iso[i++] != '-' ||
      !ReadFixedNumber(iso, i, 2, month) || i >= iso.size() || iso[i++] != '-' ||
      !ReadFixedNumber(iso, i, 2, day)) {
    return false;
  }
  static constexpr int kDaysInMonth[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month < 1 || month > 12 || day < 1 || day > kDaysInMonth[month - 1] ||
      (month == 2 && day == 29 && !leap)) {
    return false;
  }
  double seconds = 0;
  if (i < iso.size() && (iso[i] == 'T' || iso[i] == ' ')) {
    ++i;
    int hour = 0;
    int minute = 0;
    int second = 0;
    if (!ReadFixedNumber(iso, i, 2, hour) || i >= iso.size() || iso[i++] != ':' ||
        !ReadFixedNumber(iso, i, 2, minute)) {
      return false;
    }
    if (i < iso.size() && iso[i] == ':') {
      ++i;
      if (!ReadFixedNumber(iso, i, 2, second)) return false;
    }
    double fraction = 0;
    if (i < iso.size() && iso[i] == '.') {
      double scale = 0.1;
      ++i;
      while (i < iso.size() && iso[i] >= '0' && iso[i] <= '9') {
        fraction += (iso[i] - '0') * scale;
        scale /= 10;
        ++i;
      }
    }
    if (hour > 23 || minute > 59 || second > 59) return false;
    seconds = hour * 3600.0 + minute * 60.0 + second + fraction;
  }
  if (i < iso.size() && iso[i] == 'Z') ++i;
  if (i != iso.size()) return false;

  const std::int64_t days = DaysFromCivil(year, month, day);
  std::int64_t serial = 0;
  if (date1904) {
    serial = days - DaysFromCivil(1904, 1, 1);
    if (serial < 0) return false;
  } else if (days >= DaysFromCivil(1900, 3, 1)) {
    serial = days - DaysFromCivil(1899, 12, 30);  // Excel counts a 29 Feb 1900 that never was
  } else {
    serial = days - DaysFromCivil(1899, 12, 31);
    if (serial < 1) return false;
  }
  char buffer[64];
  std::to_chars_result result;
  if (seconds == 0) {
    result = std::to_chars(buffer, buffer + sizeof buffer, serial);
  } else {
    result = std::to_chars(buffer, buffer + sizeof buffer,
                           static_cast<double>(serial) + seconds / 86400.0);
  }
  out.append(buffer, result.ptr);
  return true;
}

std::string Enclosed(std::string_view open, std::string_view text, std::string_view close) {
  std::string out;
  out.reserve(open.size() + text.size() + close.size());
  out.append(open).append(text).append(close);
  return out;
}
std::string Quoted(std::string_view text) { return Enclosed("“", text, "”"); }
std::string SingleQuoted(std::string_view text) { return Enclosed("'", text, "'"); }

class XlsxSheetReader final : public SheetReader {
 public:
  XlsxSheetReader(const std::string& path, const std::string& sheet, const XlsxLimits& limits);

  const SheetInfo& info() const override { return info_; }
  bool NextRow(Row& row) override;
  std::uint64_t BytesRead() const override { return scanner_->compressed_done(); }
  std::uint64_t BytesTotal() const override { return sheet_entry_.compressed_size; }

 private:
  enum class Phase { kProlog, kSheetData, kDone };
  struct Fixup {
    std::size_t column;
    std::size_t offset;
    std::size_t size;
  };

  void ScanPrologItem();
  bool ScanSheetDataItem(Row& row);
  bool ParseRow(const char*& p, const Tag& tag, Row& row);
  const char* FastCell(const char* p, std::int64_t row_number, int& column, Row& row);
  void ParseCell(const char*& p, const Tag& tag, std::int64_t row_number, int& column, Row& row);
  TextRef ParseInlineString(const char*& p, const Tag& tag);
  void Finish();
  bool IsDateStyle(std::uint64_t style) const {
    return style < date_styles_.size() && date_styles_[style] != 0;
  }
  std::string_view View(const TextRef& text) const {
    return text.in_buffer ? std::string_view(scratch_.data() + text.offset, text.size)
                          : std::string_view(text.data, text.size);
  }
  [[noreturn]] void RowError(std::int64_t row, int column, const std::string& zh,
                             const std::string& en) const;

  std::string path_;
  XlsxLimits limits_;
  Location where_;
  SheetInfo info_;
  std::unique_ptr<ZipArchive> zip_;
  xlsx::SharedStrings strings_;
  std::vector<std::uint8_t> date_styles_;
  ZipEntry sheet_entry_;
  std::unique_ptr<xlsx::XmlScanner> scanner_;  // declared after zip_: destroyed before it

  Phase phase_ = Phase::kProlog;
  bool root_seen_ = false;
  std::string root_qname_;
  std::string sheet_data_qname_;
  std::int64_t last_row_ = 0;
  std::string scratch_;
  std::vector<Fixup> fixups_;
};

XlsxSheetReader::XlsxSheetReader(const std::string& path, const std::string& sheet,
                                 const XlsxLimits& limits)
    : path_(path), limits_(limits), where_(path) {
  zip_ = std::make_unique<ZipArchive>(path, where_);
  xlsx::Workbook workbook = xlsx::LoadWorkbook(*zip_, limits_.zip, where_);
  info_.format = "xlsx";
  info_.date1904 = workbook.date1904;
  for (const xlsx::SheetRef& ref : workbook.sheets) info_.sheet_names.push_back(ref.name);
  if (workbook.sheets.empty()) {
    throw Error(
        ErrorKind::kInput, where_,
        Tr(std::string("工作簿中没有任何工作表"), std::string("the workbook has no sheets")));
  }

  const xlsx::SheetRef* chosen = nullptr;
  const std::string_view wanted = Trim(sheet);
  if (wanted.empty()) {
    chosen = &workbook.sheets.front();
  } else {
    for (const xlsx::SheetRef& ref : workbook.sheets) {
      if (Trim(ref.name) == wanted) {
        chosen = &ref;
        break;
      }
    }
  }
  if (chosen == nullptr) {
    std::string list_zh;
    std::string list_en;
    for (const std::string& name : info_.sheet_names) {
      list_zh += (list_zh.empty() ? "" : "、") + Quoted(name);
      list_en += (list_en.empty() ? "" : ", ") + SingleQuoted(name);
    }
    throw Error(ErrorKind::kInput, where_,
                Tr("找不到工作表" + Quoted(wanted) + "；此工作簿中的工作表有：" + list_zh,
                   "there is no sheet " + SingleQuoted(wanted) + "; the workbook has: " + list_en));
  }
  info_.sheet = chosen->name;
  where_ = Location(path, chosen->name);

  const std::optional<ZipEntry> entry =
      chosen->part.empty() ? std::nullopt : zip_->Find(chosen->part);
  if (!entry) {
    const std::string part = chosen->part.empty() ? std::string("?") : chosen->part;
    throw Error(ErrorKind::kInput, where_,
                Tr("不是有效的 .xlsx 文件：找不到此工作表的数据部件" + Quoted(part),
                   "not a valid .xlsx file: the part " + SingleQuoted(part) +
                       " holding this sheet is missing"));
  }
  sheet_entry_ = *entry;

  // A workbook whose declared strings or styles part is absent is read leniently: no strings
  // (any t="s" cell is then reported as out of range) and no date formats.
  if (!workbook.shared_strings_part.empty()) {
    if (const auto strings = zip_->Find(workbook.shared_strings_part)) {
      strings_.Load(*zip_, *strings, limits_.zip, where_, limits_.max_row_bytes);
    }
  }
  if (!workbook.styles_part.empty()) {
    if (const auto styles = zip_->Find(workbook.styles_part)) {
      date_styles_ = xlsx::LoadDateStyles(*zip_, *styles, limits_.zip, where_);
    }
  }
  scratch_.reserve(std::size_t{64} << 10);
  fixups_.reserve(64);
  scanner_ = std::make_unique<xlsx::XmlScanner>(*zip_, sheet_entry_, limits_.zip, where_,
                                                limits_.sheet_stream, limits_.max_row_bytes);
}

bool XlsxSheetReader::NextRow(Row& row) {
  try {
    while (phase_ != Phase::kDone) {
      try {
        if (phase_ == Phase::kProlog) {
          ScanPrologItem();
        } else if (ScanSheetDataItem(row)) {
          return true;
        }
      } catch (const NeedMore&) {
        if (!scanner_->Refill()) {
          scanner_->set_row(0);
          scanner_->Truncated();
        }
      }
    }
    row.cells.clear();
    return false;
  } catch (...) {
    phase_ = Phase::kDone;  // a reader that has thrown stays finished
    throw;
  }
}

void XlsxSheetReader::Finish() {
  phase_ = Phase::kDone;
  scanner_->Finish();
}

// Before <sheetData>: the root element (a worksheet) and what precedes the data (sheetPr,
// dimension, cols ...). The <dimension ref> is never used: it may lie.
void XlsxSheetReader::ScanPrologItem() {
  Tag tag;
  std::string_view end_name;
  switch (scanner_->NextPrologItem(tag, end_name)) {
    case xlsx::XmlScanner::Item::kOther:
      return;
    case xlsx::XmlScanner::Item::kEnd:
      if (end_name == root_qname_) Finish();  // a worksheet without <sheetData>: no rows
      return;
    case xlsx::XmlScanner::Item::kStart:
      break;
  }
  if (!root_seen_) {
    root_seen_ = true;
    root_qname_ = std::string(tag.qname);
    if (tag.local == "chartsheet") {
      throw Error(ErrorKind::kInput, where_,
                  Tr(std::string("这是图表工作表，没有单元格数据"),
                     std::string("this is a chart sheet; it has no cells")));
    }
    if (tag.local != "worksheet" && tag.local != "dialogsheet") {
      scanner_->Malformed("根元素 <" + std::string(tag.qname) + "> 不是工作表",
                          "the root element <" + std::string(tag.qname) + "> is not a worksheet");
    }
    if (tag.self_closing) Finish();
  } else if (tag.local == "sheetData") {
    if (tag.self_closing) {
      Finish();
    } else {
      sheet_data_qname_ = std::string(tag.qname);
      phase_ = Phase::kSheetData;
    }
  }
}

bool XlsxSheetReader::ScanSheetDataItem(Row& row) {
  xlsx::XmlScanner& scanner = *scanner_;
  const char* p = scanner.pos();
  scanner.SkipToMarkup(p);
  if (p[1] == '/') {
    scanner.ParseEndTag(p, sheet_data_qname_);
    scanner.Commit(p);
    Finish();
    return false;
  }
  if (p[1] == '!' || p[1] == '?') {
    scanner.SkipMarkup(p);
    scanner.Commit(p);
    return false;
  }
  Tag tag;
  scanner.ParseStartTag(p, tag);
  bool has_cells = false;
  if (tag.local == "row") {
    has_cells = ParseRow(p, tag, row);
  } else {
    scanner.SkipElement(p, tag);
  }
  scanner.Commit(p);
  return has_cells;
}

bool XlsxSheetReader::ParseRow(const char*& p, const Tag& tag, Row& row) {
  xlsx::XmlScanner& scanner = *scanner_;
  std::int64_t number = last_row_ + 1;
  if (const auto r = tag.Find("r")) {
    std::uint64_t value = 0;
    if (!ParseDigits(*r, value) || value == 0) {
      scanner.set_row(last_row_);
      scanner.Malformed("行号" + Quoted(*r) + "无效", "invalid row number " + SingleQuoted(*r));
    }
    number = static_cast<std::int64_t>(std::min<std::uint64_t>(value, kMaxRows + 1));
  }
  if (number > kMaxRows) {
    scanner.set_row(0);
    scanner.Malformed("行号超出了 Excel 的最大行数 1048576",
                      "a row number is beyond Excel's last row 1,048,576");
  }
  if (number <= last_row_) {
    RowError(number, -1,
             "第 " + std::to_string(number) + " 行出现在第 " + std::to_string(last_row_) +
                 " 行之后（行号重复或顺序颠倒）",
             "row " + std::to_string(number) + " comes after row " + std::to_string(last_row_) +
                 " (duplicate or out-of-order rows)");
  }
  scanner.set_row(number);
  row.cells.clear();
  scratch_.clear();
  fixups_.clear();
  if (!tag.self_closing) {
    int column = -1;
    Tag cell_tag;
    for (;;) {
      scanner.SkipToMarkup(p);
      if (p[1] == 'c' && p[2] == ' ') {
        if (const char* next = FastCell(p, number, column, row)) {
          p = next;
          continue;
        }
      }
      if (p[1] == '/') {
        scanner.ParseEndTag(p, tag.qname);
        break;
      }
      if (p[1] == '!' || p[1] == '?') {
        scanner.SkipMarkup(p);
        continue;
      }
      scanner.ParseStartTag(p, cell_tag);
      if (cell_tag.local == "c") {
        ParseCell(p, cell_tag, number, column, row);
      } else {
        scanner.SkipElement(p, cell_tag);
      }
    }
  }
  for (const Fixup& fixup : fixups_) {
    row.cells[fixup.column].text = std::string_view(scratch_.data() + fixup.offset, fixup.size);
  }
  scanner.set_row(0);
  last_row_ = number;
  row.number = number;
  return !row.cells.empty();
}

// The common cell forms, as Excel and most writers produce them:
//   <c r="B2" s="3" t="s"><v>17</v></c>   <c r="B2" s="1"/>   <c r="B2" s="1"></c>
// with only r, s and t attributes in double quotes, t one of n s b, and a plain value. Returns the
// cursor after the cell, or nullptr for anything else: the general path then scans the cell from
// its start (and reports any error in it). Reads stop at the window's '\0' sentinel: each byte is
// read only after the previous one matched a non-'\0' character.
const char* XlsxSheetReader::FastCell(const char* p, std::int64_t row_number, int& column,
                                      Row& row) {
  const char* const end = scanner_->end();
  const char* q = p + 3;  // past "<c "
  int col = column + 1;
  std::uint64_t style = 0;
  bool has_style = false;
  char type = 'n';
  bool self_closing = false;
  for (;;) {
    while (*q == ' ') ++q;
    const char name = *q;
    if (name == '>') {
      ++q;
      break;
    }
    if (name == '/') {
      if (q[1] != '>') return nullptr;
      q += 2;
      self_closing = true;
      break;
    }
    if ((name != 'r' && name != 's' && name != 't') || q[1] != '=' || q[2] != '"') return nullptr;
    const char* value = q + 3;
    const char* close = value;
    while (*close != '"' && *close != '\0') ++close;  // short: a loop beats memchr
    if (*close != '"') return nullptr;
    const std::string_view text(value, static_cast<std::size_t>(close - value));
    if (name == 'r') {
      std::int64_t ref_row = 0;
      if (ParseCellRef(text, col, ref_row) != RefStatus::kOk || ref_row != row_number) {
        return nullptr;
      }
    } else if (name == 's') {
      if (!ParseDigits(text, style)) return nullptr;
      has_style = true;
    } else if (text == "inlineStr") {
      type = 'i';
    } else {
      if (text.size() != 1 || (text[0] != 's' && text[0] != 'n' && text[0] != 'b')) {
        return nullptr;
      }
      type = text[0];
    }
    q = close + 1;
    if (*q != ' ' && *q != '>' && *q != '/') return nullptr;
  }
  if (col <= column || col >= kMaxColumns) return nullptr;
  if (self_closing) {
    column = col;
    return q;
  }
  if (q[0] == '<' && q[1] == '/' && q[2] == 'c' && q[3] == '>') {
    column = col;
    return q + 4;
  }
  if (type == 'i') {
    // <is><t>text</t></is></c> with plain text (no entity, no rich runs): as libxlsxwriter's
    // constant-memory mode and many exporters write strings.
    static constexpr std::string_view kOpen = "<is><t>";
    static constexpr std::string_view kOpenPreserve = "<is><t xml:space=\"preserve\">";
    static constexpr std::string_view kClose = "</t></is></c>";
    const char* value = nullptr;
    if (end - q >= static_cast<std::ptrdiff_t>(kOpen.size()) &&
        std::memcmp(q, kOpen.data(), kOpen.size()) == 0) {
      value = q + kOpen.size();
    } else if (end - q >= static_cast<std::ptrdiff_t>(kOpenPreserve.size()) &&
               std::memcmp(q, kOpenPreserve.data(), kOpenPreserve.size()) == 0) {
      value = q + kOpenPreserve.size();
    } else {
      return nullptr;
    }
    const char* lt = value;
    while (*lt != '<' && *lt != '&' && *lt != '\0' && *lt != '_') ++lt;
    if (*lt != '<' || end - lt < static_cast<std::ptrdiff_t>(kClose.size()) ||
        std::memcmp(lt, kClose.data(), kClose.size()) != 0) {
      return nullptr;  // entities, _xHHHH_ escapes, runs or a split window: the general path
    }
    const std::string_view text(value, static_cast<std::size_t>(lt - value));
    if (!IsValidUtf8(text)) return nullptr;  // the general path reports it
    Cell cell;
    cell.type = CellType::kText;
    cell.text = text;
    column = col;
    const auto index = static_cast<std::size_t>(col);
    if (row.cells.size() <= index) row.cells.resize(index + 1);
    row.cells[index] = cell;
    return lt + kClose.size();
  }
  if (!(q[0] == '<' && q[1] == 'v' && q[2] == '>')) return nullptr;
  const char* value = q + 3;
  const char* lt = value;
  while (*lt != '<' && *lt != '\0') ++lt;
  if (end - lt < 8 || std::memcmp(lt, "</v></c>", 8) != 0) return nullptr;
  const std::string_view text(value, static_cast<std::size_t>(lt - value));

  Cell cell;
  if (type == 'n') {
    if (text.empty()) {
      column = col;
      return lt + 8;
    }
    for (const char c : text) {
      if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'E' || c == 'e')) {
        return nullptr;
      }
    }
    cell.type = CellType::kNumber;
    cell.is_date = has_style && IsDateStyle(style);
    cell.text = text;
  } else if (type == 's') {
    std::uint64_t index = 0;
    if (!ParseDigits(text, index) || index >= strings_.size()) return nullptr;
    cell.type = CellType::kText;
    cell.text = strings_.Get(static_cast<std::size_t>(index));
  } else {
    if (text != "0" && text != "1") return nullptr;
    cell.type = CellType::kBool;
    cell.text = text;
  }
  column = col;
  const auto index = static_cast<std::size_t>(col);
  if (row.cells.size() <= index) row.cells.resize(index + 1);
  row.cells[index] = cell;
  return lt + 8;
}

// <is> of an inline-string cell: the <t> texts, direct or in rich-text runs <r>, concatenated;
// phonetic runs <rPh> and run properties skipped.
TextRef XlsxSheetReader::ParseInlineString(const char*& p, const Tag& tag) {
  xlsx::XmlScanner& scanner = *scanner_;
  TextRef text;
  text.present = true;
  text.in_buffer = true;
  text.offset = scratch_.size();
  scanner.ReadRichText(p, tag, scratch_);
  text.size = scratch_.size() - text.offset;
  return text;
}

void XlsxSheetReader::ParseCell(const char*& p, const Tag& tag, std::int64_t row_number,
                                int& column, Row& row) {
  xlsx::XmlScanner& scanner = *scanner_;
  int col = column + 1;
  std::string_view ref;
  if (const auto r = tag.Find("r")) {
    ref = *r;
    std::int64_t ref_row = 0;
    switch (ParseCellRef(ref, col, ref_row)) {
      case RefStatus::kOk:
        break;
      case RefStatus::kInvalid:
        RowError(row_number, -1, "单元格引用" + Quoted(ref) + "无效",
                 "invalid cell reference " + SingleQuoted(ref));
      case RefStatus::kBeyondColumns:
        RowError(row_number, -1,
                 "单元格引用" + Quoted(ref) + "超出了 Excel 的最后一列 XFD（16384 列）",
                 "the cell reference " + SingleQuoted(ref) +
                     " is beyond Excel's last column XFD (16,384 columns)");
      case RefStatus::kBeyondRows:
        RowError(
            row_number, -1, "单元格引用" + Quoted(ref) + "超出了 Excel 的最大行数 1048576",
            "the cell reference " + SingleQuoted(ref) + " is beyond Excel's last row 1,048,576");
    }
    if (ref_row != row_number) {
      RowError(row_number, col,
               "单元格" + Quoted(ref) + "位于第 " + std::to_string(row_number) + " 行中，行号不符",
               "the cell " + SingleQuoted(ref) + " is inside row " + std::to_string(row_number));
    }
  }
  if (col >= kMaxColumns) {
    RowError(row_number, -1, "本行的单元格超出了 Excel 的最后一列 XFD（16384 列）",
             "the row has cells beyond Excel's last column XFD (16,384 columns)");
  }
  if (col <= column) {
    const std::string name = ref.empty() ? ColumnLetter(col) : std::string(ref);
    RowError(row_number, col, "单元格" + Quoted(name) + "重复或顺序颠倒",
             "the cell " + SingleQuoted(name) + " is duplicated or out of order");
  }
  column = col;

  CellKind kind = CellKind::kNumber;
  if (const auto t = tag.Find("t")) {
    if (*t == "s") {
      kind = CellKind::kShared;
    } else if (*t == "n") {
      kind = CellKind::kNumber;
    } else if (*t == "str") {
      kind = CellKind::kFormulaString;
    } else if (*t == "inlineStr") {
      kind = CellKind::kInline;
    } else if (*t == "b") {
      kind = CellKind::kBool;
    } else if (*t == "e") {
      kind = CellKind::kError;
    } else if (*t == "d") {
      kind = CellKind::kIsoDate;
    } else {
      RowError(row_number, col, "未知的单元格类型 t=" + Quoted(*t),
               "unknown cell type t=" + SingleQuoted(*t));
    }
  }

  TextRef value;
  TextRef inline_text;
  if (!tag.self_closing) {
    const bool escapes =
        kind == CellKind::kFormulaString || kind == CellKind::kInline || kind == CellKind::kError;
    Tag child;
    for (;;) {
      scanner.SkipToMarkup(p);
      if (p[1] == '/') {
        scanner.ParseEndTag(p, tag.qname);
        break;
      }
      if (p[1] == '!' || p[1] == '?') {
        scanner.SkipMarkup(p);
        continue;
      }
      scanner.ParseStartTag(p, child);
      if (child.local == "v") {
        if (child.self_closing) {
          value = TextRef();
          value.present = true;
        } else {
          value = scanner.ReadText(p, child, escapes, scratch_, false);
        }
      } else if (child.local == "is") {
        if (child.self_closing) {
          inline_text = TextRef();
          inline_text.present = true;
        } else {
          inline_text = ParseInlineString(p, child);
        }
      } else {
        scanner.SkipElement(p, child);  // <f> (the cached <v> is what we read), <extLst>
      }
    }
  }

  Cell cell;
  TextRef text;
  bool check_utf8 = false;
  switch (kind) {
    case CellKind::kNumber:
      if (!value.present || value.size == 0) return;
      cell.type = CellType::kNumber;
      if (const auto s = tag.Find("s")) {
        std::uint64_t style = 0;
        cell.is_date = ParseDigits(*s, style) && IsDateStyle(style);
      }
      text = value;
      break;
    case CellKind::kShared: {
      if (!value.present) return;
      std::uint64_t index = 0;
      const std::string_view digits = View(value);
      if (!ParseDigits(digits, index)) {
        RowError(row_number, col, "共享字符串编号" + Quoted(digits) + "无效",
                 "invalid shared-string index " + SingleQuoted(digits));
      }
      if (index >= strings_.size()) {
        RowError(row_number, col,
                 "共享字符串编号 " + std::to_string(index) + " 超出范围（共享字符串表共有 " +
                     std::to_string(strings_.size()) + " 项）",
                 "the shared-string index " + std::to_string(index) +
                     " is out of range (the table has " + std::to_string(strings_.size()) +
                     " entries)");
      }
      cell.type = CellType::kText;
      cell.text = strings_.Get(static_cast<std::size_t>(index));
      break;
    }
    case CellKind::kFormulaString:
      if (!value.present) return;
      cell.type = CellType::kText;
      text = value;
      check_utf8 = true;
      break;
    case CellKind::kInline:
      if (inline_text.present) {
        text = inline_text;
      } else if (value.present) {
        text = value;
      } else {
        return;
      }
      cell.type = CellType::kText;
      check_utf8 = true;
      break;
    case CellKind::kBool: {
      if (!value.present) return;
      const std::string_view v = View(value);
      cell.type = CellType::kBool;
      if (v == "1" || v == "true") {
        cell.text = "1";
      } else if (v == "0" || v == "false") {
        cell.text = "0";
      } else {
        RowError(row_number, col, "逻辑值单元格的值" + Quoted(v) + "无效",
                 "invalid boolean cell value " + SingleQuoted(v));
      }
      break;
    }
    case CellKind::kError:
      if (!value.present) return;
      cell.type = CellType::kError;
      text = value;
      check_utf8 = true;
      break;
    case CellKind::kIsoDate: {
      if (!value.present || value.size == 0) return;
      const std::string iso(View(value));
      const std::size_t offset = scratch_.size();
      if (AppendIsoAsSerial(iso, info_.date1904, scratch_)) {
        cell.type = CellType::kNumber;
        cell.is_date = true;
        text.present = true;
        text.in_buffer = true;
        text.offset = offset;
        text.size = scratch_.size() - offset;
      } else {
        cell.type = CellType::kText;
        text = value;
        check_utf8 = true;
      }
      break;
    }
  }
  if (check_utf8 && !IsValidUtf8(View(text))) {
    RowError(row_number, col, "单元格文本不是有效的 UTF-8", "the cell text is not valid UTF-8");
  }
  const auto index = static_cast<std::size_t>(col);
  if (row.cells.size() <= index) row.cells.resize(index + 1);
  if (text.in_buffer) {
    fixups_.push_back(Fixup{index, text.offset, text.size});
  } else if (text.present) {
    cell.text = std::string_view(text.data, text.size);
  }
  row.cells[index] = cell;
}

void XlsxSheetReader::RowError(std::int64_t row, int column, const std::string& zh,
                               const std::string& en) const {
  throw Error(ErrorKind::kInput, Location(path_, info_.sheet, row, column),
              Tr("不是有效的 .xlsx 文件：" + zh, "not a valid .xlsx file: " + en));
}

}  // namespace

std::unique_ptr<SheetReader> OpenXlsxWithLimits(const std::string& path, const std::string& sheet,
                                                const XlsxLimits& limits) {
  return std::make_unique<XlsxSheetReader>(path, sheet, limits);
}

std::unique_ptr<SheetReader> OpenXlsx(const std::string& path, const std::string& sheet) {
  return OpenXlsxWithLimits(path, sheet, XlsxLimits());
}

}  // namespace huzhu
