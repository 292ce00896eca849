// Legacy Excel 97-2003 (.xls, BIFF5/BIFF8) reader on libfreexl. freexl loads the whole workbook at
// open (an .xls sheet has at most 65,536 rows), so NextRow only walks the selected sheet's cells.
//
// Cell mapping:
//   NULL                  -> kEmpty
//   INT                   -> kNumber, its decimal digits
//   DOUBLE                -> kNumber, the shortest text that reads back as the same double
//                            (std::to_chars), in scientific notation from 1E+15 on, with an
//                            upper-case "E" as Excel writes it: "1234.56", "4.1010219900101126E+17"
//   TEXT, SST_TEXT        -> kText (freexl gives UTF-8); an empty string is kEmpty
//   DATE, DATETIME, TIME  -> kNumber with is_date = true and the Excel serial as text, exactly as
//                            the xlsx reader gives date cells, so that callers have one path for
//                            date cells. freexl hands dates over as "2026-03-05",
//                            "2026-03-05 10:30:00" or "10:30:00" text computed in the workbook's
//                            date system; we turn that back into the serial of the same system
//                            (SheetInfo::date1904 says which). freexl drops the time of DATE cells
//                            and rounds DATETIME/TIME to the second; a 2-decimal number survives
//                            (k/100 day is a whole number of seconds).
// Known freexl 1.0 limits: formula cells come out empty (their cached results are not read);
// booleans and error values both come out as the number 0 or 1.
#include <freexl.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostics.h"
#include "core/text.h"
#include "io/table.h"

namespace huzhu {

namespace {

// Days from 1900-01-01 to y-m-d in freexl's calendar, where every year divisible by 4 is a leap
// year. That calendar is Excel's 1900 system, with its phantom 1900-02-29, up to 2099.
std::int64_t FreexlDays(int year, int month, int day) {
  static constexpr int kDaysBeforeMonth[12] = {0,   31,  59,  90,  120, 151,
                                               181, 212, 243, 273, 304, 334};
  std::int64_t days = 365LL * (year - 1900) + (year - 1) / 4 - 1899 / 4;  // leap years before
  days += kDaysBeforeMonth[month - 1] + (month > 2 && year % 4 == 0 ? 1 : 0) + (day - 1);
  return days;
}

// Parses `n` digits at text[at]; false when they are not all digits.
bool ParseDigits(std::string_view text, std::size_t at, std::size_t n, int& value) {
  if (at + n > text.size()) return false;
  const char* first = text.data() + at;
  const auto [ptr, ec] = std::from_chars(first, first + n, value);
  return ec == std::errc() && ptr == first + n;
}

// "HH:MM:SS" at text[at] -> seconds of the day.
bool ParseTime(std::string_view text, std::size_t at, std::int64_t& seconds) {
  int h = 0;
  int m = 0;
  int s = 0;
  if (text.size() != at + 8 || text[at + 2] != ':' || text[at + 5] != ':') return false;
  if (!ParseDigits(text, at, 2, h) || !ParseDigits(text, at + 3, 2, m) ||
      !ParseDigits(text, at + 6, 2, s)) {
    return false;
  }
  seconds = h * 3600LL + m * 60LL + s;
  return true;
}

// freexl's date text back to the Excel serial of the workbook's date system, written to `out`.
// Returns the text, or an empty view when the text has an unexpected form.
std::string_view DateSerial(int type, std::string_view text, bool date1904, char* out,
                            std::size_t out_size) {
  std::int64_t days = 0;
  std::int64_t seconds = 0;
  if (type == FREEXL_CELL_TIME) {
    if (!ParseTime(text, 0, seconds)) return {};
  } else {
    int y = 0;
    int m = 0;
    int d = 0;
    if (text.size() < 10 || text[4] != '-' || text[7] != '-' || !ParseDigits(text, 0, 4, y) ||
        !ParseDigits(text, 5, 2, m) || !ParseDigits(text, 8, 2, d) || m < 1 || m > 12) {
      return {};
    }
    if (type == FREEXL_CELL_DATETIME) {
      if (text.size() < 11 || text[10] != ' ' || !ParseTime(text, 11, seconds)) return {};
    } else if (text.size() != 10) {
      return {};
    }
    // freexl counts serial 1 as 1900-01-01 (1904 system: 1904-01-02) and adds days from there.
    days = date1904 ? FreexlDays(y, m, d) - FreexlDays(1904, 1, 2) + 1 : FreexlDays(y, m, d) + 1;
  }
  std::to_chars_result r;
  if (seconds == 0) {
    r = std::to_chars(out, out + out_size, days);
  } else {
    // One division of exact integers: the double nearest to the true serial.
    const double serial = static_cast<double>(days * 86400 + seconds) / 86400.0;
    r = std::to_chars(out, out + out_size, serial);
  }
  return std::string_view(out, static_cast<std::size_t>(r.ptr - out));
}

// freexl 1.0.6 converts the name of every entry in the first directory sector of the compound
// file with the length the entry states, unchecked: a length over 64 bytes (the most [MS-CFB]
// allows) makes it read up to 64 KiB past its 4 KiB stack buffer. Such a file is refused before
// freexl sees it. Reads the sector freexl reads: ((directory start + 1) × sector size) in 32 bits.
bool HasOverlongDirectoryName(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::array<unsigned char, 512> header{};
  if (!in.read(reinterpret_cast<char*>(header.data()), header.size())) return false;
  if (std::memcmp(header.data(), "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) != 0) return false;
  const unsigned shift = header[0x1E] | (header[0x1F] << 8);
  if (shift != 9 && shift != 12) return false;  // freexl refuses other sector sizes itself
  const std::uint32_t sector = std::uint32_t{1} << shift;
  const std::uint32_t start = header[0x30] | (header[0x31] << 8) | (header[0x32] << 16) |
                              (std::uint32_t{header[0x33]} << 24);
  std::vector<unsigned char> entries(sector);
  in.seekg(static_cast<std::streamoff>((start + 1) * sector));
  if (!in.read(reinterpret_cast<char*>(entries.data()), sector)) return false;  // freexl fails too
  for (std::uint32_t at = 0; at + 128 <= sector; at += 128) {
    if ((entries[at + 64] | (entries[at + 65] << 8)) > 64) return true;
  }
  return false;
}

// Closes a freexl handle.
struct XlsHandle {
  const void* handle = nullptr;
  XlsHandle() = default;
  XlsHandle(const XlsHandle&) = delete;
  XlsHandle& operator=(const XlsHandle&) = delete;
  ~XlsHandle() {
    if (handle != nullptr) freexl_close(handle);
  }
};

class XlsReader final : public SheetReader {
 public:
  XlsReader(std::string path, const std::string& sheet);

  const SheetInfo& info() const override { return info_; }
  bool NextRow(Row& row) override;
  std::uint64_t BytesRead() const override {
    if (rows_ == 0) return bytes_total_;
    return bytes_total_ * next_row_ / rows_;
  }
  std::uint64_t BytesTotal() const override { return bytes_total_; }

 private:
  [[noreturn]] void Fail(const std::string& message) const {
    throw Error(ErrorKind::kInput, Location(path_, info_.sheet), message);
  }
  [[noreturn]] void FailOpen(int code) const;
  void SelectSheet(const std::string& wanted);
  Cell MakeCell(const FreeXL_CellValue& value, unsigned short column);

  std::string path_;
  SheetInfo info_;
  XlsHandle xls_;
  unsigned int rows_ = 0;
  unsigned short columns_ = 0;
  unsigned int next_row_ = 0;
  std::uint64_t bytes_total_ = 0;
  // The text of the current row's number cells, one slot per column.
  std::vector<std::array<char, 40>> numbers_;
};

XlsReader::XlsReader(std::string path, const std::string& sheet) : path_(std::move(path)) {
  info_.format = "xls";
  std::error_code ec;
  const auto size = std::filesystem::file_size(path_, ec);
  if (!ec) bytes_total_ = size;

  if (std::filesystem::is_directory(path_, ec)) {
    Fail(Tr("这是一个文件夹，不是文件", "this is a folder, not a file"));
  }
  if (HasOverlongDirectoryName(path_)) FailOpen(FREEXL_INVALID_CFBF_HEADER);
  const int rc = freexl_open(path_.c_str(), &xls_.handle);
  if (rc != FREEXL_OK) FailOpen(rc);

  unsigned int value = 0;
  if (freexl_get_info(xls_.handle, FREEXL_BIFF_PASSWORD, &value) == FREEXL_OK &&
      value != FREEXL_BIFF_PLAIN) {
    Fail(
        Tr("这个 .xls 文件设置了打开密码（已加密），无法读取。请在 Excel 中取消密码后另存为 "
           ".xlsx",
           "this .xls file is protected with a password (encrypted) and cannot be read. Remove "
           "the password in Excel and save it as .xlsx"));
  }
  if (freexl_get_info(xls_.handle, FREEXL_BIFF_DATEMODE, &value) == FREEXL_OK) {
    info_.date1904 = value == FREEXL_BIFF_DATEMODE_1904;
  }
  unsigned int count = 0;
  if (freexl_get_info(xls_.handle, FREEXL_BIFF_SHEET_COUNT, &count) != FREEXL_OK) count = 0;
  for (unsigned int i = 0; i < count && i <= 0xFFFF; ++i) {
    const char* name = nullptr;
    if (freexl_get_worksheet_name(xls_.handle, static_cast<unsigned short>(i), &name) !=
        FREEXL_OK) {
      FailOpen(FREEXL_BIFF_ILLEGAL_SHEET_INDEX);
    }
    info_.sheet_names.emplace_back(name != nullptr ? name : "");
  }
  SelectSheet(sheet);
}

void XlsReader::FailOpen(int code) const {
  std::error_code ec;
  if (code == FREEXL_FILE_NOT_FOUND) {
    if (!std::filesystem::exists(path_, ec)) Fail(Tr("找不到这个文件", "file not found"));
    Fail(Tr("无法打开这个文件（没有读取权限？）",
            "cannot open the file (no permission to read it?)"));
  }
  // Files named .xls are often something else: say what, so that the clerk knows what to do.
  std::array<char, 4096> head{};
  std::ifstream in(path_, std::ios::binary);
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  const std::string_view bytes(head.data(), static_cast<std::size_t>(in.gcount()));
  if (bytes.substr(0, 4) == "PK\x03\x04") {
    Fail(Tr("这个文件其实是 .xlsx 工作簿，只是扩展名写成了 .xls。请把扩展名改为 .xlsx",
            "this file is really an .xlsx workbook named .xls. Rename it to .xlsx"));
  }
  const std::string_view trimmed = Trim(bytes.substr(bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0));
  if (!trimmed.empty() && trimmed.front() == '<') {
    Fail(
        Tr("这个 .xls 文件其实是网页（HTML）格式，常见于从业务系统导出的表格。请用 Excel 打开后"
           "另存为 .xlsx",
           "this .xls file is really a web page (HTML), as some systems export tables. Open it "
           "in Excel and save it as .xlsx"));
  }
  if (!bytes.empty() && bytes.substr(0, 8) != "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" &&
      bytes.find('\0') == std::string_view::npos) {
    Fail(
        Tr("这个 .xls 文件其实是文本文件（可能是 CSV 或制表符分隔）。请用 Excel 打开后另存为 "
           ".xlsx，或把扩展名改为 .csv",
           "this .xls file is really a text file (CSV or tab-separated, perhaps). Open it in "
           "Excel and save it as .xlsx, or rename it to .csv"));
  }
  const std::string detail = " (freexl " + std::to_string(code) + ")";
  Fail(Tr("无法读取这个 .xls 文件：文件已损坏、设置了打开密码，或不是 Excel 97-2003 工作簿" +
              detail + "。请用 Excel 打开后另存为 .xlsx 再试",
          "cannot read this .xls file: it is damaged, password-protected, or not an Excel "
          "97-2003 workbook" +
              detail + ". Open it in Excel, save it as .xlsx and try again"));
}

void XlsReader::SelectSheet(const std::string& wanted) {
  if (info_.sheet_names.empty()) {
    Fail(Tr("这个 .xls 文件里没有工作表", "this .xls file has no worksheets"));
  }
  std::size_t index = 0;
  if (!wanted.empty()) {
    auto found = std::find(info_.sheet_names.begin(), info_.sheet_names.end(), wanted);
    if (found == info_.sheet_names.end()) {
      // Second chance: the name as typed with a Chinese input method, or with stray spaces.
      const std::string normalized = NormalizeText(wanted);
      found =
          std::find_if(info_.sheet_names.begin(), info_.sheet_names.end(),
                       [&](const std::string& name) { return NormalizeText(name) == normalized; });
    }
    if (found == info_.sheet_names.end()) {
      std::string zh;
      std::string en;
      for (const std::string& name : info_.sheet_names) {
        zh += (zh.empty() ? "「" : "、「") + name + "」";
        en += (en.empty() ? "'" : ", '") + name + "'";
      }
      Fail(Tr("找不到工作表「" + wanted + "」。这个文件中的工作表有：" + zh,
              "there is no sheet '" + wanted + "'; the sheets in this file are: " + en));
    }
    index = static_cast<std::size_t>(found - info_.sheet_names.begin());
  }
  info_.sheet = info_.sheet_names[index];
  if (freexl_select_active_worksheet(xls_.handle, static_cast<unsigned short>(index)) !=
          FREEXL_OK ||
      freexl_worksheet_dimensions(xls_.handle, &rows_, &columns_) != FREEXL_OK) {
    FailOpen(FREEXL_BIFF_UNSELECTED_SHEET);
  }
  numbers_.resize(columns_);
}

Cell XlsReader::MakeCell(const FreeXL_CellValue& value, unsigned short column) {
  char* const out = numbers_[column].data();
  const std::size_t out_size = numbers_[column].size();
  Cell cell;
  switch (value.type) {
    case FREEXL_CELL_INT: {
      const auto r = std::to_chars(out, out + out_size, value.value.int_value);
      cell.type = CellType::kNumber;
      cell.text = std::string_view(out, static_cast<std::size_t>(r.ptr - out));
      break;
    }
    case FREEXL_CELL_DOUBLE: {
      // From 16 integer digits on, a double no longer holds every digit: scientific notation then
      // shows that (an 18-digit ID number typed as a number reads "4.1010219900101126E+17", not
      // as 18 digits of which the last two are made up).
      const double number = value.value.double_value;
      const auto r = std::abs(number) >= 1e15
                         ? std::to_chars(out, out + out_size, number, std::chars_format::scientific)
                         : std::to_chars(out, out + out_size, number);
      std::replace(out, r.ptr, 'e', 'E');
      cell.type = CellType::kNumber;
      cell.text = std::string_view(out, static_cast<std::size_t>(r.ptr - out));
      break;
    }
    case FREEXL_CELL_TEXT:
    case FREEXL_CELL_SST_TEXT:
      if (value.value.text_value != nullptr && value.value.text_value[0] != '\0') {
        cell.type = CellType::kText;
        cell.text = value.value.text_value;
      }
      break;
    case FREEXL_CELL_DATE:
    case FREEXL_CELL_DATETIME:
    case FREEXL_CELL_TIME: {
      if (value.value.text_value == nullptr) break;
      const std::string_view text = value.value.text_value;
      const std::string_view serial = DateSerial(value.type, text, info_.date1904, out, out_size);
      if (!serial.empty()) {
        cell.type = CellType::kNumber;
        cell.is_date = true;
        cell.text = serial;
      } else {
        cell.type = CellType::kText;  // not expected from freexl; the text is still a date
        cell.text = text;
      }
      break;
    }
    default:
      break;
  }
  return cell;
}

bool XlsReader::NextRow(Row& row) {
  while (next_row_ < rows_) {
    const unsigned int r = next_row_++;
    row.cells.clear();
    std::size_t used = 0;
    for (unsigned short c = 0; c < columns_; ++c) {
      FreeXL_CellValue value{};
      if (freexl_get_cell_value(xls_.handle, r, c, &value) != FREEXL_OK) {
        throw Error(ErrorKind::kInput, Location(path_, info_.sheet, r + 1, c),
                    Tr("无法读取这个单元格，文件可能已损坏",
                       "cannot read this cell: the file may be damaged"));
      }
      row.cells.push_back(MakeCell(value, c));
      if (row.cells.back().type != CellType::kEmpty) used = c + 1u;
    }
    if (used == 0) continue;  // an entirely empty row
    row.cells.resize(used);
    row.number = static_cast<std::int64_t>(r) + 1;
    return true;
  }
  row.cells.clear();
  return false;
}

}  // namespace

std::unique_ptr<SheetReader> OpenXls(const std::string& path, const std::string& sheet) {
  return std::make_unique<XlsReader>(path, sheet);
}

}  // namespace huzhu
