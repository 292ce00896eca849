// One interface for reading a sheet of any spreadsheet format, row by row (streaming).
// No domain words here: records/ maps headers to the data contract's columns.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace huzhu {

enum class CellType : std::uint8_t {
  kEmpty,   ///< no value (absent cell, or an empty string in CSV)
  kText,    ///< a string (xlsx shared or inline string, xls text, every CSV field)
  kNumber,  ///< a number; `text` is its decimal form as stored ("1234.5", "4.1E+17", "45658")
  kBool,    ///< `text` is "1" or "0"
  kError,   ///< a formula error such as "#N/A" or "#DIV/0!"; `text` holds it
};

/// One cell. `text` stays valid until the reader's next NextRow call.
struct Cell {
  CellType type = CellType::kEmpty;
  /// A number cell whose number format is a date or date-time format (an Excel serial in `text`).
  bool is_date = false;
  std::string_view text;
};

/// One row, as the clerk sees it in Excel.
struct Row {
  /// 1-based row number (Excel's row; for CSV the record number, header = 1, so that a record
  /// with an embedded newline still counts as one row).
  std::int64_t number = 0;
  /// Cells by 0-based column index; columns past the last non-empty cell may be absent.
  std::vector<Cell> cells;

  const Cell& at(std::size_t column) const {
    static const Cell kEmptyCell;
    return column < cells.size() ? cells[column] : kEmptyCell;
  }
  bool IsBlank() const;
};

/// A row that owns its texts (a Row's views die with the reader's next row): for header rows.
class OwnedRow {
 public:
  OwnedRow() = default;
  explicit OwnedRow(const Row& row) { Assign(row); }
  OwnedRow(const OwnedRow& other) { Assign(other.row_); }
  OwnedRow& operator=(const OwnedRow& other) {
    if (this != &other) Assign(other.row_);
    return *this;
  }
  void Assign(const Row& row);
  const Row& row() const { return row_; }

 private:
  Row row_;
  std::vector<std::string> texts_;
};

/// What a reader knows of the file as a whole.
struct SheetInfo {
  std::string format;                    ///< "xlsx", "xls" or "csv"
  std::string encoding;                  ///< CSV: "UTF-8", "UTF-8 (BOM)" or "GB18030"; else ""
  std::vector<std::string> sheet_names;  ///< in workbook order; CSV: empty
  std::string sheet;                     ///< the sheet being read; CSV: empty
  bool date1904 = false;                 ///< workbook uses the 1904 date system
};

/// Streams the rows of one sheet. Rows come in ascending order of `number`; blank rows may be
/// skipped by the reader (their numbers are simply absent). Errors in the file (corrupt zip, bad
/// XML, hostile content) throw huzhu::Error of kind kInput naming the file and sheet.
class SheetReader {
 public:
  virtual ~SheetReader() = default;
  virtual const SheetInfo& info() const = 0;
  /// Fills `row` with the next row; returns false at the end of the sheet.
  virtual bool NextRow(Row& row) = 0;
  /// Bytes of input consumed so far and in all, for progress display (0 total = unknown).
  virtual std::uint64_t BytesRead() const { return 0; }
  virtual std::uint64_t BytesTotal() const { return 0; }
};

/// Opens `path` by its extension (.xlsx/.xlsm, .xls, .csv/.txt; case-insensitive) and selects
/// `sheet` by name, or the first sheet when `sheet` is empty. A sheet that does not exist is an
/// error listing the sheets there are.
std::unique_ptr<SheetReader> OpenSheet(const std::string& path, const std::string& sheet = "");

// Format-specific openers (used by OpenSheet; tests may call them directly).
std::unique_ptr<SheetReader> OpenXlsx(const std::string& path, const std::string& sheet);
std::unique_ptr<SheetReader> OpenXls(const std::string& path, const std::string& sheet);
/// Tests: the .xls reading child raises `signal_number` before it reads (0: it does not), to show
/// that a crash of libfreexl becomes an input error.
void SetXlsChildFaultForTesting(int signal_number);
std::unique_ptr<SheetReader> OpenCsv(const std::string& path);

}  // namespace huzhu
