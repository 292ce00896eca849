// Legacy Excel 97-2003 (.xls, BIFF5/BIFF8) reader on libfreexl. freexl loads the whole workbook at
// open (an .xls sheet has at most 65,536 rows), so NextRow only walks the selected sheet's cells.
//
// Isolation: libfreexl 1.0.6 crashes, overreads and exhausts memory on crafted files (found by
// fuzz_xls; tests/fuzz/known/fuzz_xls/README.md), in code huzhu cannot fix. So freexl never runs
// in the huzhu process: OpenXls forks a child that opens the file with freexl under CPU and
// memory limits, walks the selected sheet and sends its rows down a pipe in a small binary form
// (or the huzhu::Error it met). The parent reads the whole stream (a sheet is bounded by the
// BIFF8 limits), then waits: a child killed by a signal, over its limits or gone without a
// complete stream is a damaged file, Error(kInput), never a crash of huzhu. fork() without exec:
// the child calls only freexl, the reader below (POSIX reads, no iostreams) and write(2), then
// _exit(2)s without running destructors or atexit. Other threads may be running at the fork (the
// input hashing: plain reads, no locks), but no other reader: payout reads its inputs in turn
// when one is .xls. A child that still got stuck is killed after 60 silent seconds.
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
#include <fcntl.h>
#include <poll.h>
#include <freexl.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostics.h"
#include "core/text.h"
#include "io/table.h"

// From the sanitizer runtime when there is one (weak: absent in a normal build).
extern "C" void __sanitizer_set_death_callback(void (*callback)()) __attribute__((weak));

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
// Reads up to `n` bytes at `offset` with POSIX calls only (they run in the forked child, where a
// lock another thread of the parent held at the fork, such as iostreams' locale mutex, would
// never be released). Returns the bytes read.
std::size_t ReadAt(const std::string& path, std::uint64_t offset, void* out, std::size_t n) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  std::size_t got = 0;
  while (got < n) {
    const ssize_t r = ::pread(fd, static_cast<char*>(out) + got, n - got,
                              static_cast<off_t>(offset + got));
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) break;
    got += static_cast<std::size_t>(r);
  }
  ::close(fd);
  return got;
}

bool HasOverlongDirectoryName(const std::string& path) {
  std::array<unsigned char, 512> header{};
  if (ReadAt(path, 0, header.data(), header.size()) != header.size()) return false;
  if (std::memcmp(header.data(), "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) != 0) return false;
  const unsigned shift = header[0x1E] | (header[0x1F] << 8);
  if (shift != 9 && shift != 12) return false;  // freexl refuses other sector sizes itself
  const std::uint32_t sector = std::uint32_t{1} << shift;
  const std::uint32_t start = header[0x30] | (header[0x31] << 8) | (header[0x32] << 16) |
                              (std::uint32_t{header[0x33]} << 24);
  std::vector<unsigned char> entries(sector);
  const std::uint32_t at = (start + 1) * sector;  // in 32 bits, as freexl computes it
  if (ReadAt(path, at, entries.data(), sector) != sector) return false;  // freexl fails too
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

class FreexlReader final : public SheetReader {
 public:
  FreexlReader(std::string path, const std::string& sheet);

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

FreexlReader::FreexlReader(std::string path, const std::string& sheet) : path_(std::move(path)) {
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

void FreexlReader::FailOpen(int code) const {
  std::error_code ec;
  if (code == FREEXL_FILE_NOT_FOUND) {
    if (!std::filesystem::exists(path_, ec)) Fail(Tr("找不到这个文件", "file not found"));
    Fail(Tr("无法打开这个文件（没有读取权限？）",
            "cannot open the file (no permission to read it?)"));
  }
  // Files named .xls are often something else: say what, so that the clerk knows what to do.
  std::array<char, 4096> head{};
  const std::string_view bytes(head.data(), ReadAt(path_, 0, head.data(), head.size()));
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

void FreexlReader::SelectSheet(const std::string& wanted) {
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

Cell FreexlReader::MakeCell(const FreeXL_CellValue& value, unsigned short column) {
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

bool FreexlReader::NextRow(Row& row) {
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

// ---------------------------------------------------------------------------------------------
// The child process and its stream.
//
// Stream records (host byte order: both ends are the same program):
//   'I' date1904:u8 names:u32 (name:str)* sheet:str      the workbook, once, first
//   'R' number:i64 cells:u32 (type:u8 is_date:u8 text:str)*  one row
//   'E' kind:u8 row:i64 column:i32 sheet:str header:str message:str   the Error the reader met
//   'Z'                                                  the end of a complete stream
// where str is length:u32 then the bytes.

// Limits of the child. A real .xls sheet (65,536 rows × 256 columns at most) reads in well under
// a second (the slowest crafted file fuzz_xls found walks all 16.7 million cells in 0.33 s);
// freexl's cell array is at most 256 MB.
constexpr rlim_t kChildCpuSeconds = 10;
constexpr rlim_t kChildAddressSpace = rlim_t{2} << 30;
// Exit statuses of the child besides 0 (a complete stream, possibly ending in an 'E' record).
// The parent gives up on a child that sends nothing for this long (a child stuck without using
// CPU, which RLIMIT_CPU would not stop), and kills it.
constexpr int kChildSilenceMillis = 60 * 1000;
constexpr int kChildOutOfMemory = 3;
int g_child_fault_for_testing = 0;
constexpr int kChildFailed = 4;

class StreamWriter {
 public:
  explicit StreamWriter(int fd) : fd_(fd) { buffer_.reserve(kSize); }
  void Byte(unsigned char b) { Put(&b, 1); }
  void U32(std::uint32_t v) { Put(&v, sizeof v); }
  void I32(std::int32_t v) { Put(&v, sizeof v); }
  void I64(std::int64_t v) { Put(&v, sizeof v); }
  void Str(std::string_view s) {
    U32(static_cast<std::uint32_t>(s.size()));
    Put(s.data(), s.size());
  }
  // False when the parent has gone (the pipe is closed).
  bool Flush() {
    std::size_t at = 0;
    while (at < buffer_.size()) {
      const ssize_t n = ::write(fd_, buffer_.data() + at, buffer_.size() - at);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return false;
      at += static_cast<std::size_t>(n);
    }
    buffer_.clear();
    return true;
  }

 private:
  static constexpr std::size_t kSize = 1 << 16;
  void Put(const void* data, std::size_t n) {
    const char* p = static_cast<const char*>(data);
    buffer_.insert(buffer_.end(), p, p + n);
    if (buffer_.size() >= kSize && !Flush()) _exit(kChildFailed);
  }
  int fd_;
  std::vector<char> buffer_;
};

// The child's work: read the sheet with freexl and send it. Returns the exit status.
int RunChild(int fd, const std::string& path, const std::string& sheet) {
  StreamWriter out(fd);
  try {
    // The stream ends ('Z') only after freexl_close: freexl also crashes while freeing a sheet.
    std::optional<FreexlReader> opened(std::in_place, path, sheet);
    FreexlReader& reader = *opened;
    const SheetInfo& info = reader.info();
    out.Byte('I');
    out.Byte(info.date1904 ? 1 : 0);
    out.U32(static_cast<std::uint32_t>(info.sheet_names.size()));
    for (const std::string& name : info.sheet_names) out.Str(name);
    out.Str(info.sheet);
    Row row;
    while (reader.NextRow(row)) {
      out.Byte('R');
      out.I64(row.number);
      out.U32(static_cast<std::uint32_t>(row.cells.size()));
      for (const Cell& cell : row.cells) {
        out.Byte(static_cast<unsigned char>(cell.type));
        out.Byte(cell.is_date ? 1 : 0);
        out.Str(cell.text);
      }
    }
    opened.reset();
    out.Byte('Z');
  } catch (const Error& e) {
    out.Byte('E');
    out.Byte(static_cast<unsigned char>(e.kind()));
    out.I64(e.where().row);
    out.I32(e.where().column);
    out.Str(e.where().sheet);
    out.Str(e.where().header);
    out.Str(e.message());
    out.Byte('Z');
  } catch (const std::bad_alloc&) {
    return kChildOutOfMemory;
  } catch (...) {
    return kChildFailed;
  }
  return out.Flush() ? 0 : kChildFailed;
}

// Reads a stream written by RunChild; every read is bounds-checked, and a short or malformed
// stream is reported as false (the child died part-way).
class StreamReader {
 public:
  explicit StreamReader(std::string_view data) : data_(data) {}
  bool AtEnd() const { return at_ >= data_.size(); }
  std::size_t offset() const { return at_; }
  bool Byte(unsigned char& v) { return Get(&v, sizeof v); }
  bool U32(std::uint32_t& v) { return Get(&v, sizeof v); }
  bool I32(std::int32_t& v) { return Get(&v, sizeof v); }
  bool I64(std::int64_t& v) { return Get(&v, sizeof v); }
  bool Str(std::string_view& s) {
    std::uint32_t n = 0;
    if (!U32(n) || n > data_.size() - at_) return false;
    s = data_.substr(at_, n);
    at_ += n;
    return true;
  }

 private:
  bool Get(void* v, std::size_t n) {
    if (n > data_.size() - at_) return false;
    std::memcpy(v, data_.data() + at_, n);
    at_ += n;
    return true;
  }
  std::string_view data_;
  std::size_t at_ = 0;
};

bool SanitizersActive() {
#if defined(__SANITIZE_ADDRESS__)
  return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
  return true;
#else
  return false;
#endif
#else
  return false;
#endif
}

// The parent side: runs the child, keeps its stream, and serves the rows from it.
class IsolatedXlsReader final : public SheetReader {
 public:
  IsolatedXlsReader(std::string path, const std::string& sheet);

  const SheetInfo& info() const override { return info_; }
  bool NextRow(Row& row) override;
  std::uint64_t BytesRead() const override {
    if (stream_.empty()) return bytes_total_;
    return bytes_total_ * rows_.offset() / stream_.size();
  }
  std::uint64_t BytesTotal() const override { return bytes_total_; }

 private:
  [[noreturn]] void Fail(const std::string& message) const {
    throw Error(ErrorKind::kInput, Location(path_, info_.sheet), message);
  }
  [[noreturn]] void FailDamaged(const std::string& why_zh, const std::string& why_en) const;
  void RunAndCollect(const std::string& sheet, int& status);
  void Parse(int status);

  std::string path_;
  SheetInfo info_;
  std::uint64_t bytes_total_ = 0;
  std::string stream_;
  StreamReader rows_{std::string_view()};
};

IsolatedXlsReader::IsolatedXlsReader(std::string path, const std::string& sheet)
    : path_(std::move(path)) {
  info_.format = "xls";
  std::error_code ec;
  const auto size = std::filesystem::file_size(path_, ec);
  if (!ec) bytes_total_ = size;
  int status = 0;
  RunAndCollect(sheet, status);
  Parse(status);
}

void IsolatedXlsReader::RunAndCollect(const std::string& sheet, int& status) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) {
    Fail(Tr("无法启动 .xls 读取进程：", "cannot start the .xls reading process: ") +
         std::strerror(errno));
  }
  std::fflush(nullptr);  // nothing buffered may be written twice
  const pid_t pid = ::fork();
  if (pid < 0) {
    const int err = errno;
    ::close(fds[0]);
    ::close(fds[1]);
    Fail(Tr("无法启动 .xls 读取进程：", "cannot start the .xls reading process: ") +
         std::strerror(err));
  }
  if (pid == 0) {
    ::close(fds[0]);
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    // The default actions: a crash in freexl must end the child, not run a handler the parent
    // installed (a test framework's, say) in a copy of the parent.
    for (const int sig : {SIGPIPE, SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGXCPU}) {
      ::signal(sig, SIG_DFL);
    }
    const rlimit cpu{kChildCpuSeconds, kChildCpuSeconds + 5};
    ::setrlimit(RLIMIT_CPU, &cpu);
    if (!SanitizersActive()) {  // ASan reserves terabytes of address space for its shadow
      const rlimit as{kChildAddressSpace, kChildAddressSpace};
      ::setrlimit(RLIMIT_AS, &as);
    }
    // The child has nothing to say on stderr (its errors travel in the stream); what a crash in
    // freexl prints there (a sanitizer's report, say) is noise in a clerk's console, so it goes
    // nowhere unless HUZHU_XLS_CHILD_STDERR=1 is set for debugging.
    const char* keep_stderr = std::getenv("HUZHU_XLS_CHILD_STDERR");
    if (keep_stderr == nullptr || std::string_view(keep_stderr) != "1") {
      const int null_fd = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
      if (null_fd >= 0) ::dup2(null_fd, STDERR_FILENO);
    }
    // Under a sanitizer (tests, fuzzing) a fault freexl makes in the child must end the child
    // only: no death callback of the parent's (libFuzzer writes a crash file from it).
    if (__sanitizer_set_death_callback != nullptr) __sanitizer_set_death_callback(nullptr);
    const rlimit no_core{0, 0};
    ::setrlimit(RLIMIT_CORE, &no_core);
    if (g_child_fault_for_testing != 0) ::raise(g_child_fault_for_testing);
    int rc = kChildFailed;
    try {
      rc = RunChild(fds[1], path_, sheet);
    } catch (...) {
    }
    _exit(rc);
  }
  ::close(fds[1]);
  char buffer[1 << 16];
  int read_errno = 0;
  bool silent = false;
  for (;;) {
    pollfd wait{fds[0], POLLIN, 0};
    const int ready = ::poll(&wait, 1, kChildSilenceMillis);
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0) {
      ::kill(pid, SIGKILL);
      silent = true;
      break;
    }
    const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) read_errno = errno;
    if (n <= 0) break;
    stream_.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fds[0]);
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) {
      status = -1;
      break;
    }
  }
  if (read_errno != 0) {
    Fail(Tr("读取 .xls 读取进程的结果时出错：", "error reading from the .xls reading process: ") +
         std::strerror(read_errno));
  }
  if (silent) {
    FailDamaged("读取进程 " + std::to_string(kChildSilenceMillis / 1000) + " 秒无响应",
                "the reading process gave no sign of life for " +
                    std::to_string(kChildSilenceMillis / 1000) + " seconds");
  }
}

void IsolatedXlsReader::FailDamaged(const std::string& why_zh, const std::string& why_en) const {
  Fail(Tr("无法读取这个 .xls 文件：文件已损坏（" + why_zh +
              "）。请用 Excel 打开后另存为 .xlsx 再试",
          "cannot read this .xls file: it is damaged (" + why_en +
              "). Open it in Excel, save it as .xlsx and try again"));
}

void IsolatedXlsReader::Parse(int status) {
  if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    if (WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU) {
      FailDamaged("读取超过 " + std::to_string(kChildCpuSeconds) + " 秒",
                  "reading took over " + std::to_string(kChildCpuSeconds) + " seconds");
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == kChildOutOfMemory) {
      FailDamaged("读取它需要的内存超出限制", "reading it needs more memory than allowed");
    }
    if (WIFSIGNALED(status)) {
      const std::string sig = std::to_string(WTERMSIG(status));
      FailDamaged(".xls 读取库 libfreexl 异常退出，信号 " + sig,
                  "the .xls library libfreexl stopped with signal " + sig);
    }
    FailDamaged(".xls 读取进程异常结束", "the .xls reading process failed");
  }
  StreamReader in(stream_);
  const auto truncated = [this] {
    FailDamaged(".xls 读取进程的结果不完整", "the .xls reading process gave an incomplete result");
  };
  unsigned char tag = 0;
  if (!in.Byte(tag)) truncated();
  if (tag == 'I') {
    unsigned char date1904 = 0;
    std::uint32_t count = 0;
    if (!in.Byte(date1904) || !in.U32(count)) truncated();
    info_.date1904 = date1904 != 0;
    for (std::uint32_t i = 0; i < count; ++i) {
      std::string_view name;
      if (!in.Str(name)) truncated();
      info_.sheet_names.emplace_back(name);
    }
    std::string_view selected;
    if (!in.Str(selected)) truncated();
    info_.sheet = std::string(selected);
    rows_ = in;  // rows start here
  }
  // Check the whole stream now: an error the child met part-way is raised at open, so that a
  // damaged .xls stops the run before any of its rows is used.
  for (;;) {
    if (tag != 'I' && tag != 'R' && tag != 'E' && tag != 'Z') truncated();
    if (tag == 'Z') break;
    if (tag == 'R') {
      std::int64_t number = 0;
      std::uint32_t cells = 0;
      if (!in.I64(number) || !in.U32(cells)) truncated();
      for (std::uint32_t c = 0; c < cells; ++c) {
        unsigned char type = 0;
        unsigned char is_date = 0;
        std::string_view text;
        if (!in.Byte(type) || !in.Byte(is_date) || !in.Str(text)) truncated();
        if (type > static_cast<unsigned char>(CellType::kError)) truncated();
      }
    } else if (tag == 'E') {
      unsigned char kind = 0;
      std::int64_t row = 0;
      std::int32_t column = 0;
      std::string_view sheet;
      std::string_view header;
      std::string_view message;
      if (!in.Byte(kind) || !in.I64(row) || !in.I32(column) || !in.Str(sheet) ||
          !in.Str(header) || !in.Str(message)) {
        truncated();
      }
      throw Error(static_cast<ErrorKind>(kind),
                  Location(path_, std::string(sheet), row, column, std::string(header)),
                  std::string(message));
    }
    if (!in.Byte(tag)) truncated();
  }
  if (!in.AtEnd() || info_.sheet_names.empty()) truncated();
}

bool IsolatedXlsReader::NextRow(Row& row) {
  row.cells.clear();
  unsigned char tag = 0;
  // Parse() checked the stream: every read here succeeds.
  if (!rows_.Byte(tag) || tag != 'R') return false;
  std::uint32_t cells = 0;
  rows_.I64(row.number);
  rows_.U32(cells);
  for (std::uint32_t c = 0; c < cells; ++c) {
    unsigned char type = 0;
    unsigned char is_date = 0;
    Cell cell;
    rows_.Byte(type);
    rows_.Byte(is_date);
    rows_.Str(cell.text);
    cell.type = static_cast<CellType>(type);
    cell.is_date = is_date != 0;
    row.cells.push_back(cell);
  }
  return true;
}

}  // namespace

void SetXlsChildFaultForTesting(int signal_number) { g_child_fault_for_testing = signal_number; }

std::unique_ptr<SheetReader> OpenXls(const std::string& path, const std::string& sheet) {
  return std::make_unique<IsolatedXlsReader>(path, sheet);
}

}  // namespace huzhu
