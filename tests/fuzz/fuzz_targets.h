// The bodies of the fuzz targets, shared by the libFuzzer entry points (tests/fuzz/fuzz_*.cpp,
// built with clang by scripts/fuzz) and the regression unit test
// (tests/unit/io/fuzz_regressions_test.cpp, built by the normal test builds), so that a crash
// input saved under tests/fuzz/regressions/<target>/ is replayed through exactly the same code.
//
// Each target takes hostile bytes. Errors the library documents for hostile input (huzhu::Error
// for readers and rule files, ValueError for the value parsers) are expected and caught; any other
// exception escapes and aborts, and so does a broken invariant (FUZZ_CHECK): both are findings.
#pragma once

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/date.h"
#include "core/diagnostics.h"
#include "core/id_number.h"
#include "core/money.h"
#include "core/text.h"
#include "io/csv_reader.h"
#include "io/encoding.h"
#include "io/table.h"
#include "io/xlsx_reader.h"
#include "ruleset/rule_loader.h"

namespace huzhu::fuzz {

[[noreturn]] inline void CheckFailed(const char* condition, const char* file, int line,
                                     const std::string& detail) {
  std::fprintf(stderr, "%s:%d: fuzz invariant failed: %s\n%s\n", file, line, condition,
               detail.c_str());
  std::fflush(stderr);
  std::abort();
}

#define FUZZ_CHECK(condition, detail)                                                       \
  do {                                                                                      \
    if (!(condition)) ::huzhu::fuzz::CheckFailed(#condition, __FILE__, __LINE__, (detail)); \
  } while (false)

/// A scratch folder for this process (in /dev/shm when there is one: no disk writes per run),
/// removed at normal exit.
inline const std::string& TempDir() {
  struct Dir {
    std::string path;
    Dir() {
      std::error_code ec;
      const std::filesystem::path base = std::filesystem::is_directory("/dev/shm", ec)
                                             ? std::filesystem::path("/dev/shm")
                                             : std::filesystem::temp_directory_path();
      std::string pattern = (base / "huzhu-fuzz-XXXXXX").string();
      if (mkdtemp(pattern.data()) == nullptr) {
        std::perror("mkdtemp");
        std::abort();
      }
      path = pattern;
    }
    ~Dir() {
      std::error_code ec;
      std::filesystem::remove_all(path, ec);
    }
  };
  static const Dir dir;
  return dir.path;
}

/// Writes `bytes` to TempDir()/name (replacing it) and returns the path.
inline std::string WriteTemp(const std::string& name, std::string_view bytes) {
  const std::string path = TempDir() + "/" + name;
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) {
    std::perror(path.c_str());
    std::abort();
  }
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n <= 0) {
      std::perror("write");
      std::abort();
    }
    done += static_cast<std::size_t>(n);
  }
  ::close(fd);
  return path;
}

inline std::string Printable(std::string_view text) {
  std::string out;
  for (const char c : text.substr(0, 200)) {
    const auto b = static_cast<unsigned char>(c);
    if (b >= 0x20 && b < 0x7F) {
      out += c;
    } else {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02X", b);
      out += hex;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Readers

/// What a reader produced: every row, owned, and whether (and how) it stopped with an Error.
struct SheetDump {
  std::vector<std::int64_t> numbers;
  std::vector<std::vector<std::pair<int, std::string>>> rows;  // (cell type, text) per cell
  std::vector<std::vector<bool>> dates;
  bool failed = false;
  std::string error;
};

/// Reads every row, checking the SheetReader contract on the way. Each cell's text is copied,
/// which makes ASan look at every byte of it while the view is supposed to be valid.
inline void DrainSheet(SheetReader& reader, SheetDump& dump, bool text_is_utf8) {
  Row row;
  std::int64_t last = 0;
  while (reader.NextRow(row)) {
    FUZZ_CHECK(row.number > last,
               "row " + std::to_string(row.number) + " after " + std::to_string(last));
    last = row.number;
    std::vector<std::pair<int, std::string>> cells;
    std::vector<bool> dates;
    cells.reserve(row.cells.size());
    for (const Cell& cell : row.cells) {
      FUZZ_CHECK(cell.type != CellType::kEmpty || cell.text.empty(), Printable(cell.text));
      FUZZ_CHECK(!cell.is_date || cell.type == CellType::kNumber, Printable(cell.text));
      if (text_is_utf8 && cell.type == CellType::kText) {
        FUZZ_CHECK(IsValidUtf8(cell.text), Printable(cell.text));
      }
      cells.emplace_back(static_cast<int>(cell.type), std::string(cell.text));
      dates.push_back(cell.is_date);
    }
    (void)row.IsBlank();
    OwnedRow owned(row);  // the header-row copy the records layer makes
    FUZZ_CHECK(owned.row().cells.size() == row.cells.size(), "OwnedRow");
    dump.numbers.push_back(row.number);
    dump.rows.push_back(std::move(cells));
    dump.dates.push_back(std::move(dates));
    // Guard against a reader that never ends (a fuzz input is at most a few MB).
    FUZZ_CHECK(dump.rows.size() <= 4'000'000, "too many rows");
  }
  FUZZ_CHECK(!reader.NextRow(row), "NextRow after the end returned a row");
  FUZZ_CHECK(row.cells.empty(), "cells after the end");
}

/// Opens with `open` and drains; an Error (at open or while reading) is recorded, not rethrown.
template <typename Open>
SheetDump ReadSheet(Open&& open, bool text_is_utf8) {
  SheetDump dump;
  try {
    std::unique_ptr<SheetReader> reader = open();
    FUZZ_CHECK(reader != nullptr, "null reader");
    (void)reader->info();
    DrainSheet(*reader, dump, text_is_utf8);
    FUZZ_CHECK(reader->BytesTotal() == 0 || reader->BytesRead() <= reader->BytesTotal(),
               "BytesRead " + std::to_string(reader->BytesRead()) + " > BytesTotal " +
                   std::to_string(reader->BytesTotal()));
  } catch (const Error& e) {
    dump.failed = true;
    dump.error = e.what();
  }
  return dump;
}

inline std::string Describe(const SheetDump& d) {
  std::string out = std::to_string(d.rows.size()) + " rows, " +
                    (d.failed ? "failed: " + d.error : std::string("no error"));
  return out;
}

/// Two reads of the same file with different buffering must agree: both fail or neither, and the
/// same rows (all of them, or with `rows_before_error` those before the error too).
inline void CheckSameRows(const SheetDump& a, const SheetDump& b, const char* what,
                          bool rows_before_error) {
  FUZZ_CHECK(a.failed == b.failed,
             std::string(what) + ": default buffers: " + Describe(a) + "; small: " + Describe(b));
  if (a.failed && !rows_before_error) return;
  FUZZ_CHECK(a.numbers == b.numbers && a.rows == b.rows && a.dates == b.dates,
             std::string(what) + ": the rows differ: " + Describe(a) + "; small: " + Describe(b));
}

/// fuzz_csv: the bytes as a .csv file, read through OpenSheet (the product's defaults), and again
/// with a tiny chunk size that puts chunk boundaries (encoding detection window, UTF-8 sequences
/// split across reads, GB18030 refills, records moved to the buffer's front) inside the input.
inline void FuzzCsv(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::string path = WriteTemp("input.csv", bytes);
  std::string normal_encoding;
  const SheetDump normal = ReadSheet(
      [&] {
        auto reader = OpenSheet(path);
        normal_encoding = reader->info().encoding;
        FUZZ_CHECK(reader->info().format == "csv", reader->info().format);
        return reader;
      },
      true);

  CsvOptions small;
  small.chunk_size = 1 + size % 61;  // 1..61 bytes; the reader reads at least 16 for detection
  std::string small_encoding;
  const SheetDump chunked = ReadSheet(
      [&] {
        auto reader = OpenCsv(path, small);
        small_encoding = reader->info().encoding;
        return reader;
      },
      true);
  // The first chunk is the encoding detection window, so a small one may guess differently; with
  // the same guess, the rows and errors must be the same.
  if (!small_encoding.empty() && normal_encoding == small_encoding) {
    // The CSV reader finds every error at a row that does not depend on the chunk size.
    CheckSameRows(normal, chunked, "csv", true);
  }
  std::filesystem::remove(path);
}

// A minimal stored (uncompressed) zip, written by hand: the reader inflates it through libzip.
struct ZipPart {
  std::string name;
  std::string data;
};

inline void PutLe(std::string& out, std::uint64_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) out += static_cast<char>((value >> (8 * i)) & 0xFF);
}

inline std::string BuildStoredZip(const std::vector<ZipPart>& parts) {
  std::string out;
  std::string central;
  for (const ZipPart& part : parts) {
    const std::uint32_t crc = static_cast<std::uint32_t>(crc32(
        0, reinterpret_cast<const Bytef*>(part.data.data()), static_cast<uInt>(part.data.size())));
    const std::size_t offset = out.size();
    PutLe(out, 0x04034b50, 4);  // local file header
    PutLe(out, 20, 2);          // version needed
    PutLe(out, 0x0800, 2);      // flags: UTF-8 names
    PutLe(out, 0, 2);           // method: stored
    PutLe(out, 0, 4);           // time, date
    PutLe(out, crc, 4);
    PutLe(out, part.data.size(), 4);
    PutLe(out, part.data.size(), 4);
    PutLe(out, part.name.size(), 2);
    PutLe(out, 0, 2);
    out += part.name;
    out += part.data;

    PutLe(central, 0x02014b50, 4);  // central directory header
    PutLe(central, 20, 2);
    PutLe(central, 20, 2);
    PutLe(central, 0x0800, 2);
    PutLe(central, 0, 2);
    PutLe(central, 0, 4);
    PutLe(central, crc, 4);
    PutLe(central, part.data.size(), 4);
    PutLe(central, part.data.size(), 4);
    PutLe(central, part.name.size(), 2);
    PutLe(central, 0, 2);  // extra
    PutLe(central, 0, 2);  // comment
    PutLe(central, 0, 2);  // disk
    PutLe(central, 0, 2);  // internal attributes
    PutLe(central, 0, 4);  // external attributes
    PutLe(central, offset, 4);
    central += part.name;
  }
  const std::size_t central_offset = out.size();
  out += central;
  PutLe(out, 0x06054b50, 4);  // end of central directory
  PutLe(out, 0, 2);
  PutLe(out, 0, 2);
  PutLe(out, parts.size(), 2);
  PutLe(out, parts.size(), 2);
  PutLe(out, central.size(), 4);
  PutLe(out, central_offset, 4);
  PutLe(out, 0, 2);
  return out;
}

/// Reads the first sheet of the .xlsx at `path` with the default buffers and again with tiny ones
/// (4 KiB slots, 64 bytes of headroom: rows and shared strings straddle buffers, and the carry
/// buffer is used), and checks that both agree. Also opens the last sheet by name when there are
/// several. (The reader checks max_row_bytes only on items it has to join across buffers, which
/// every item beyond the limit is when the limit exceeds the buffers, as the defaults do; with a
/// smaller limit the two reads may legitimately differ, so they are not compared.)
inline void ReadXlsxBothWays(const std::string& path, const XlsxLimits& limits) {
  SheetInfo info;
  const SheetDump normal = ReadSheet(
      [&] {
        auto reader = OpenXlsxWithLimits(path, "", limits);
        info = reader->info();
        FUZZ_CHECK(info.format == "xlsx", info.format);
        return reader;
      },
      true);
  XlsxLimits tiny = limits;
  tiny.sheet_stream.slot_bytes = 4096;
  tiny.sheet_stream.headroom = 64;
  tiny.sheet_stream.slots = 2;
  const SheetDump small = ReadSheet([&] { return OpenXlsxWithLimits(path, "", tiny); }, true);
  // A corrupt deflate stream or CRC is only seen once inflated that far: the rows before it
  // depend on the buffer size (they stream), only the failure must not.
  if (limits.max_row_bytes >= limits.sheet_stream.slot_bytes) {
    CheckSameRows(normal, small, "xlsx", false);
  }
  if (info.sheet_names.size() > 1) {
    (void)ReadSheet([&] { return OpenXlsxWithLimits(path, info.sheet_names.back(), limits); },
                    true);
  }
}

/// fuzz_xlsx: the bytes as an .xlsx file (a zip: central directory, entries, deflate data, and
/// the XML inside).
inline void FuzzXlsx(const std::uint8_t* data, std::size_t size) {
  const std::string path =
      WriteTemp("input.xlsx", std::string_view(reinterpret_cast<const char*>(data), size));
  ReadXlsxBothWays(path, XlsxLimits());
  (void)ReadSheet([&] { return OpenSheet(path); }, true);  // the product's entry point
  std::filesystem::remove(path);
}

/// fuzz_xlsx_xml: a valid zip around fuzzed XML parts, so that the fuzzer spends its time in the
/// XML scanners rather than in zip headers. Input: two control bytes, then the parts separated by
/// "@@@": sheet XML, shared-strings XML, styles XML, workbook XML (a missing part gets a default,
/// except the shared strings, which are then absent).
///   control[0]: low 7 bits × 32 = spaces put before the sheet's root (after an XML declaration),
///               moving the 4 KiB buffer boundaries of the tiny-buffer read across the rows;
///               high bit: the default workbook uses the 1904 date system.
///   control[1]: low 7 bits × 32 = the same for the shared strings; high bit: a 600-byte limit on
///               rows and shared-string items (max_row_bytes).
inline void FuzzXlsxXml(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return;
  const std::uint8_t c0 = data[0];
  const std::uint8_t c1 = data[1];
  std::string_view rest(reinterpret_cast<const char*>(data + 2), size - 2);
  std::vector<std::string> parts;
  for (;;) {
    const std::size_t at = rest.find("@@@");
    if (at == std::string_view::npos || parts.size() == 3) {
      parts.emplace_back(rest);
      break;
    }
    parts.emplace_back(rest.substr(0, at));
    rest.remove_prefix(at + 3);
  }
  const auto pad = [](std::string xml, std::size_t spaces) {
    std::size_t at = 0;
    if (xml.compare(0, 5, "<?xml") == 0) {
      const std::size_t close = xml.find("?>");
      at = close == std::string::npos ? 0 : close + 2;
    }
    xml.insert(at, spaces, ' ');
    return xml;
  };

  static const char* const kStyles =
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
      R"(<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
      R"(<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/></numFmts>)"
      R"(<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/>)"
      R"(<xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="4"/></cellXfs></styleSheet>)";
  const std::string workbook =
      std::string(
          R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
          R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
          R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)") +
      ((c0 & 0x80) != 0 ? R"(<workbookPr date1904="1"/>)" : "") +
      R"(<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/>)"
      R"(<sheet name="数据" sheetId="2" r:id="rId4"/></sheets></workbook>)";

  static const std::string kDecl = R"(<?xml version="1.0" encoding="UTF-8"?>)";
  static const std::string kRelationships =
      R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)";
  const auto relationship = [](const char* id, const char* type, const char* target) {
    return std::string(R"(<Relationship Id=")") + id +
           R"(" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/)" +
           type + R"(" Target=")" + target + R"("/>)";
  };

  std::vector<ZipPart> zip;
  zip.push_back({"[Content_Types].xml",
                 kDecl + R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/)" +
                     R"(content-types"/>)"});
  zip.push_back({"_rels/.rels", kDecl + kRelationships +
                                    relationship("rId1", "officeDocument", "xl/workbook.xml") +
                                    "</Relationships>"});
  zip.push_back({"xl/workbook.xml", parts.size() > 3 ? parts[3] : workbook});
  std::string rels = kDecl + kRelationships +
                     relationship("rId1", "worksheet", "worksheets/sheet1.xml") +
                     relationship("rId4", "worksheet", "/xl/worksheets/sheet2.xml") +
                     relationship("rId3", "styles", "styles.xml");
  if (parts.size() > 1) rels += relationship("rId2", "sharedStrings", "sharedStrings.xml");
  rels += "</Relationships>";
  zip.push_back({"xl/_rels/workbook.xml.rels", rels});
  zip.push_back({"xl/worksheets/sheet1.xml", pad(parts[0], (c0 & 0x7Fu) * 32u)});
  // The second sheet: the same XML without padding (so that opening by name is exercised too).
  zip.push_back({"xl/worksheets/sheet2.xml", parts[0]});
  if (parts.size() > 1) zip.push_back({"xl/sharedStrings.xml", pad(parts[1], (c1 & 0x7Fu) * 32u)});
  zip.push_back({"xl/styles.xml", parts.size() > 2 ? parts[2] : std::string(kStyles)});

  const std::string path = WriteTemp("parts.xlsx", BuildStoredZip(zip));
  XlsxLimits limits;
  if ((c1 & 0x80) != 0) limits.max_row_bytes = 600;
  ReadXlsxBothWays(path, limits);
  std::filesystem::remove(path);
}

/// fuzz_xls: the bytes as an .xls file, through freexl.
inline void FuzzXls(const std::uint8_t* data, std::size_t size) {
  const std::string path =
      WriteTemp("input.xls", std::string_view(reinterpret_cast<const char*>(data), size));
  SheetInfo info;
  (void)ReadSheet(
      [&] {
        auto reader = OpenSheet(path);
        info = reader->info();
        FUZZ_CHECK(info.format == "xls", info.format);
        return reader;
      },
      true);
  if (info.sheet_names.size() > 1) {
    (void)ReadSheet([&] { return OpenXls(path, info.sheet_names.back()); }, true);
  }
  std::filesystem::remove(path);
}

// ---------------------------------------------------------------------------------------------
// Value parsers

/// One piece of text through every parser of src/core, with round trips where they are cheap.
inline void FuzzOneValue(std::string_view s) {
  // Text helpers.
  const std::string_view trimmed = Trim(s);
  FUZZ_CHECK(trimmed.size() <= s.size(), Printable(s));
  FUZZ_CHECK(Trim(trimmed) == trimmed, Printable(s));
  const std::string folded = FoldFullWidth(s);
  FUZZ_CHECK(folded.size() <= s.size(), Printable(s));
  if (IsValidUtf8(s)) FUZZ_CHECK(IsValidUtf8(folded), Printable(s));
  const std::string normalized = NormalizeText(s);
  FUZZ_CHECK(NormalizeText(normalized) == normalized, Printable(s));
  (void)DisplayWidth(s);
  (void)PadDisplay(s, 40);
  FUZZ_CHECK(AsciiLower(s).size() == s.size(), Printable(s));

  // Two UTF-8 validators, text.h's and the CSV reader's, must agree.
  const std::size_t prefix = ValidUtf8Prefix(s);
  FUZZ_CHECK(prefix <= s.size(), Printable(s));
  FUZZ_CHECK(ValidUtf8Prefix(s.substr(0, prefix)) == prefix, Printable(s));
  const Utf8Scan scan = ScanUtf8(s);
  switch (scan.status) {
    case Utf8Scan::kValid:
      FUZZ_CHECK(scan.valid == s.size() && prefix == s.size(), Printable(s));
      break;
    case Utf8Scan::kInvalid:
      FUZZ_CHECK(prefix == scan.valid, Printable(s) + " ScanUtf8 " + std::to_string(scan.valid) +
                                           " ValidUtf8Prefix " + std::to_string(prefix));
      break;
    case Utf8Scan::kTruncated:
      FUZZ_CHECK(prefix == scan.valid, Printable(s));
      FUZZ_CHECK(ValidUtf8Prefix(s, true) == s.size(), Printable(s));
      break;
    case Utf8Scan::kNul:
      FUZZ_CHECK(s[scan.valid] == '\0' && ValidUtf8Prefix(s.substr(0, scan.valid)) == scan.valid,
                 Printable(s));
      break;
  }
  (void)SniffText(s, true);
  (void)SniffText(s, false);

  // GB18030 decoding, into an output buffer too small for some inputs.
  {
    static Gb18030Decoder decoder;  // iconv_open per value would dominate the run time
    char out[64];
    std::string_view in = s;
    for (int guard = 0; guard < 4096 && !in.empty(); ++guard) {
      const Gb18030Decoder::Result r = decoder.Decode(in, out, sizeof out);
      FUZZ_CHECK(r.consumed <= in.size() && r.produced <= sizeof out, Printable(s));
      FUZZ_CHECK(IsValidUtf8(std::string_view(out, r.produced)), Printable(s));
      if (r.status != Gb18030Decoder::Status::kOutputFull) break;
      in.remove_prefix(r.consumed);
    }
  }

  // Dates.
  std::optional<Date> date;
  try {
    date = ParseDateText(s);
  } catch (const ValueError&) {
  }
  if (date) {
    const Date d = *date;
    FUZZ_CHECK(d.year() >= 1900 && d.year() <= 9999, Printable(s));
    FUZZ_CHECK(Date::FromYmd(d.year(), d.month(), d.day()) == d, Printable(s));
    FUZZ_CHECK(ParseDateText(d.ToIso()) == d, Printable(s) + " -> " + d.ToIso());
    (void)d.AddMonths(1);
    (void)d.FirstOfMonth();
    (void)AgeAt(d, Date::FromYmd(2026, 3, 5));
    FUZZ_CHECK(DateFromExcelSerial(std::to_string(ExcelSerial(d)), false) == d,
               Printable(s) + " -> " + d.ToIso());
  }
  for (const bool date1904 : {false, true}) {
    try {
      const Date d = DateFromExcelSerial(s, date1904);
      FUZZ_CHECK(d.year() >= 1900 && d.year() <= 9999, Printable(s));
      (void)d.ToIso();
    } catch (const ValueError&) {
    }
  }

  // Money. The round trips run outside the try blocks: a ValueError there is a failure.
  std::optional<Money> money;
  try {
    money = ParseMoneyText(s);
  } catch (const ValueError&) {
  }
  if (money) {
    const Money m = *money;
    FUZZ_CHECK(ParseMoneyText(FormatMoney(m)) == m, Printable(s) + " -> " + FormatMoney(m));
    FUZZ_CHECK(ParseMoneyText(FormatMoneyGrouped(m)) == m,
               Printable(s) + " -> " + FormatMoneyGrouped(m));
    FUZZ_CHECK(ParseMoneyNumber(FormatMoney(m)) == m, Printable(s) + " -> " + FormatMoney(m));
  }
  money.reset();
  try {
    money = ParseMoneyNumber(s);
  } catch (const ValueError&) {
  }
  if (money) {
    const Money m = *money;
    FUZZ_CHECK(ParseMoneyText(FormatMoney(m)) == m, Printable(s) + " -> " + FormatMoney(m));
    FUZZ_CHECK(ParseMoneyNumber(FormatMoney(m)) == m, Printable(s) + " -> " + FormatMoney(m));
  }
  std::optional<Rate> rate;
  try {
    rate = ParseRate(s);
  } catch (const ValueError&) {
  }
  if (rate) {
    FUZZ_CHECK(ParseRate(FormatRate(*rate)) == *rate, Printable(s) + " -> " + FormatRate(*rate));
    try {
      (void)ApplyRate(Money::FromFen(123456789), *rate);
    } catch (const std::overflow_error&) {  // documented for results that do not fit
    }
  }
  if (const std::optional<DecimalNumber> n = ParseDecimalNumber(s)) {
    for (const char c : n->digits) FUZZ_CHECK(c >= '0' && c <= '9', Printable(s));
    FUZZ_CHECK(n->digits.empty() || (n->digits.front() != '0' && n->digits.back() != '0'),
               Printable(s) + " digits " + n->digits);
  }

  // Identity and bank card numbers.
  std::optional<ResidentId> id;
  try {
    id = ParseResidentId(s);
  } catch (const ValueError&) {
  }
  if (id) {
    FUZZ_CHECK(id->digits.size() == 18, Printable(s));
    FUZZ_CHECK(ResidentIdCheckChar(std::string_view(id->digits).substr(0, 17)) == id->digits[17],
               Printable(s));
    FUZZ_CHECK(ParseResidentId(id->digits).digits == id->digits, Printable(s));
    (void)MaskDigits(id->digits);
  }
  std::optional<BankCard> card;
  try {
    card = ParseBankCard(s);
  } catch (const ValueError&) {
  }
  if (card) {
    FUZZ_CHECK(card->digits.size() >= 16 && card->digits.size() <= 19, Printable(s));
    FUZZ_CHECK(card->luhn_ok == LuhnValid(card->digits), Printable(s));
    FUZZ_CHECK(ParseBankCard(card->digits).digits == card->digits, Printable(s));
  }
  (void)IdNumberCellAdvice(s);
  (void)MaskDigits(s);
  (void)LuhnValid(s);

  // The xlsx helpers that are plain functions.
  (void)IsDateFormatCode(s);
  std::string escaped(s);
  const std::size_t decoded = DecodeOoxmlEscapes(escaped.data(), escaped.size());
  FUZZ_CHECK(decoded <= escaped.size(), Printable(s));
}

/// fuzz_parsers: the input split at '\n'; each piece goes through every parser.
inline void FuzzParsers(const std::uint8_t* data, std::size_t size) {
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  for (;;) {
    const std::size_t at = rest.find('\n');
    FuzzOneValue(rest.substr(0, at));
    if (at == std::string_view::npos) break;
    rest.remove_prefix(at + 1);
  }
}

// ---------------------------------------------------------------------------------------------
// Rule files

/// fuzz_rules: the bytes as a base rule file, and as an override of a shipped one.
inline void FuzzRules(const std::uint8_t* data, std::size_t size) {
  const std::string path =
      WriteTemp("rules.toml", std::string_view(reinterpret_cast<const char*>(data), size));
  try {
    (void)LoadRuleSet(path);
  } catch (const Error&) {
  }
  try {
    (void)LoadRuleSet(std::string(HUZHU_SOURCE_RULES_DIR) + "/inner-mongolia/2026-hospital.toml",
                      path);
  } catch (const Error&) {
  }
  std::filesystem::remove(path);
}

}  // namespace huzhu::fuzz
