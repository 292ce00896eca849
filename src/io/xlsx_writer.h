// Writing .xlsx workbooks the way a careful clerk lays them out: Chinese headers in a bold frozen
// row, an autofilter, column widths that fit, money as numbers formatted #,##0.00, dates as dates.
// Rows are streamed (libxlsxwriter's constant-memory mode) and output is byte-reproducible.
// Only this file and xlsx_writer.cpp touch libxlsxwriter.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/money.h"

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace huzhu {

class ParallelDeflater;

enum class ColumnFormat {
  kText,
  kMoney,     ///< #,##0.00
  kDate,      ///< yyyy-mm-dd
  kInteger,   ///< 0
  kDecimal2,  ///< 0.00 (percentages shown as numbers, e.g. 76.47)
  kDecimal1,  ///< 0.0 (points, e.g. 3.7)
};

struct XlsxColumn {
  std::string header;
  ColumnFormat format = ColumnFormat::kText;
  /// Width in Excel character units; 0 = fit to the header and the first rows' contents.
  int width = 0;
  /// Form sheets only: adjacent columns with the same non-empty group share a merged upper
  /// header cell (参互人数 over 在职 and 退休); a column without a group spans both header rows.
  std::string group = {};
};

/// Highlighting of a whole data row: failing rows, passing rows, and the bold total row (合计)
/// of a form sheet.
enum class RowStyle { kNormal, kAttention, kGood, kTotal };

class XlsxWorkbook;

/// One worksheet being written row by row. Cells of a row are given left to right.
class XlsxSheet {
 public:
  ~XlsxSheet();
  XlsxSheet(const XlsxSheet&) = delete;
  XlsxSheet& operator=(const XlsxSheet&) = delete;

  void Text(std::string_view text);
  void MoneyCell(Money amount);
  void DateCell(Date date);
  void Integer(std::int64_t value);
  /// A number with two decimals given in hundredths (7647 → 76.47).
  void Hundredths(std::int64_t value);
  /// A number with one decimal given in tenths (37 → 3.7).
  void Tenths(std::int64_t value);
  void Blank();
  /// Highlights the row being written (call before its first cell).
  void StyleRow(RowStyle style) { pending_style_ = style; }
  /// Ends the current row; the next cell starts a new, unhighlighted one.
  void EndRow();
  /// Number of data rows written so far.
  std::uint32_t data_rows() const { return row_ - first_data_row_; }
  /// The 0-based row of the first data row (below the header).
  std::uint32_t first_data_row() const { return first_data_row_; }
  const std::string& name() const { return name_; }
  /// Columns of the widest row (the header's at least).
  std::size_t column_count() const { return std::max<std::size_t>(columns_.size(), max_columns_); }
  /// Conditional formatting over columns [first_col, last_col] of every data row written:
  /// highlighted when `formula` holds. The formula is Excel's, written for the first data row,
  /// with {row} standing for that row's 1-based number: "=$D{row}<$C{row}".
  void HighlightWhen(std::uint16_t first_col, std::uint16_t last_col, std::string formula,
                     RowStyle style);

 private:
  friend class XlsxWorkbook;
  enum class Kind { kTable, kKeyValue, kForm };
  XlsxSheet(XlsxWorkbook& book, lxw_worksheet* sheet, std::string name,
            std::vector<XlsxColumn> columns, Kind kind, const std::string& title = "",
            const std::string& subtitle = "");
  void WriteHeader(std::uint32_t top);
  void WriteFormHeader(const std::string& title, const std::string& subtitle);
  void Finish();
  void Check(int error, const char* what) const;
  lxw_format* FormatFor(ColumnFormat format) const;
  // Table sheets write their data rows as XML themselves (see zip_writer.h), in chunks deflated
  // on worker threads; libxlsxwriter writes the rest of the sheet and the rest of the workbook.
  bool Direct() const { return kind_ == Kind::kTable; }
  void OpenCell(lxw_format* format, bool inline_string);
  void DirectNumber(std::string_view number, lxw_format* format);
  void DirectText(std::string_view text, lxw_format* format);
  void DirectBlank(lxw_format* format);
  void EndDirectChunk(bool last);
  bool Sampling() const;
  void Track(std::size_t display_width);

  struct Highlight {
    std::uint16_t first_col, last_col;
    std::string formula;
    RowStyle style;
  };
  XlsxWorkbook& book_;
  lxw_worksheet* sheet_;
  std::string name_;
  std::vector<Highlight> highlights_;
  std::vector<XlsxColumn> columns_;
  std::vector<std::size_t> widths_;
  Kind kind_;
  std::uint32_t first_data_row_ = 1;
  std::uint32_t row_ = 1;  // the row being written
  std::uint16_t col_ = 0;
  RowStyle pending_style_ = RowStyle::kNormal;
  std::string text_;  // the current text cell, NUL-terminated for libxlsxwriter
  // Direct sheets: the rows' XML not yet handed to the deflater, whether the current row's
  // <row> is open, the widest row, and the deflated rows.
  std::string xml_;
  bool row_open_ = false;
  std::uint16_t max_columns_ = 0;
  std::unique_ptr<ParallelDeflater> rows_;
  std::vector<std::string> column_letters_;
  char row_digits_[12] = {};  // the open row's number, for each cell's r="…"
  std::uint8_t row_digits_size_ = 0;
  lxw_format* xf_format_ = nullptr;  // the last cell format and its style index, as digits
  char xf_digits_[12] = {};
  std::uint8_t xf_digits_size_ = 0;
  int worksheet_number_ = 0;  // N of xl/worksheets/sheetN.xml
};

/// A workbook written to `path`. Call Close(): until then the file is incomplete. Errors throw
/// Error(kOutput) naming the path.
class XlsxWorkbook {
 public:
  /// `temp_dir` holds the temporary files (the output staging folder).
  XlsxWorkbook(const std::string& path, const std::string& temp_dir);
  /// Bytes of row XML per deflated chunk of a table sheet (tests make it small).
  static void SetChunkBytesForTesting(std::size_t bytes);
  ~XlsxWorkbook();
  XlsxWorkbook(const XlsxWorkbook&) = delete;
  XlsxWorkbook& operator=(const XlsxWorkbook&) = delete;

  /// A table sheet: header row (bold, frozen), autofilter over the data.
  XlsxSheet& AddSheet(const std::string& name, std::vector<XlsxColumn> columns);
  /// A two-column sheet of labels and values (汇总, 规则): bold first column, no filter.
  XlsxSheet& AddKeyValueSheet(const std::string& name, const std::string& key_header,
                              const std::string& value_header);
  /// A sheet in the layout of a printed form (the federation's ledger attachments): a title row
  /// merged across the columns, a line under it (机构名称 / 日期 for the clerk to fill in), a
  /// one- or two-level bordered header (see XlsxColumn::group), then the rows; frozen below the
  /// header, no filter. A RowStyle::kTotal row gives the bold 合计 line.
  XlsxSheet& AddFormSheet(const std::string& name, const std::string& title,
                          const std::string& subtitle, std::vector<XlsxColumn> columns);
  /// A chart sheet holding a clustered bar chart of the first `rows` data rows of `data`: one bar
  /// per series (a column of `data`) for each category (the rows' `category_column`).
  struct ChartSeries {
    std::string name;
    std::uint16_t column;
  };
  void AddBarChartSheet(const std::string& name, const std::string& title, const XlsxSheet& data,
                        std::uint32_t rows, std::uint16_t category_column,
                        const std::vector<ChartSeries>& series,
                        const std::string& value_axis_title);
  /// Finishes every sheet and writes the file. Throws Error(kOutput) on failure.
  void Close();

  lxw_workbook* raw() { return book_; }
  const std::string& temp_dir() const { return temp_dir_; }
  const std::string& path() const { return path_; }

 private:
  friend class XlsxSheet;
  struct Formats;
  // Where libxlsxwriter writes its archive, which Close() completes into path_.
  std::string LibxlsxwriterPath() const;
  std::string path_;
  std::string temp_dir_;
  lxw_workbook* book_ = nullptr;
  std::unique_ptr<Formats> formats_;
  std::vector<std::unique_ptr<XlsxSheet>> sheets_;
  int worksheets_ = 0;  // worksheets added so far (chartsheets are numbered apart)
  bool closed_ = false;
};

}  // namespace huzhu
