#include "io/xlsx_writer.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <cstring>

#include "core/diagnostics.h"
#include "core/text.h"

namespace huzhu {

namespace {

// The creation date stamped into every workbook, so that the same inputs give byte-identical
// files (2000-01-01T00:00:00Z).
constexpr time_t kFixedCreationTime = 946684800;
constexpr std::size_t kWidthSampleRows = 2000;
constexpr std::size_t kMaxWidth = 60;

constexpr lxw_color_t kHeaderFill = 0xDDEBF7;
constexpr lxw_color_t kAttentionFill = 0xFFC7CE;
constexpr lxw_color_t kGoodFill = 0xC6EFCE;

// Excel holds numbers as IEEE doubles; an integer count of hundredths below 2^53 converts to the
// nearest double of the decimal value, which Excel shows back exactly. This is the one place
// exact amounts become spreadsheet numbers.
double SpreadsheetNumber(std::int64_t hundredths) {
  return static_cast<double>(hundredths) / 100.0;
}

std::string ErrorText(lxw_error error) { return lxw_strerror(error); }

}  // namespace

struct XlsxWorkbook::Formats {
  lxw_format* header = nullptr;
  lxw_format* key = nullptr;
  // [style][format]
  lxw_format* cells[3][5] = {};
};

XlsxWorkbook::XlsxWorkbook(const std::string& path, const std::string& temp_dir)
    : path_(path), temp_dir_(temp_dir), formats_(std::make_unique<Formats>()) {
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  options.tmpdir = temp_dir_.empty() ? nullptr : temp_dir_.data();
  options.use_zip64 = LXW_TRUE;
  book_ = workbook_new_opt(path_.c_str(), &options);
  if (book_ == nullptr) {
    throw Error(ErrorKind::kOutput, Location(path_),
                Tr("无法创建工作簿文件", "cannot create the workbook file"));
  }
  lxw_doc_properties props{};
  props.created = kFixedCreationTime;
  static char kApp[] = "huzhu";
  props.author = kApp;
  workbook_set_properties(book_, &props);

  Formats& f = *formats_;
  f.header = workbook_add_format(book_);
  format_set_bold(f.header);
  format_set_bg_color(f.header, kHeaderFill);
  format_set_pattern(f.header, LXW_PATTERN_SOLID);
  format_set_border(f.header, LXW_BORDER_THIN);
  format_set_text_wrap(f.header);
  format_set_align(f.header, LXW_ALIGN_VERTICAL_CENTER);
  f.key = workbook_add_format(book_);
  format_set_bold(f.key);
  const lxw_color_t fills[3] = {0, kAttentionFill, kGoodFill};
  const char* num_formats[5] = {"@", "#,##0.00", "yyyy-mm-dd", "0", "0.00"};
  for (int s = 0; s < 3; ++s) {
    for (int k = 0; k < 5; ++k) {
      lxw_format* fmt = workbook_add_format(book_);
      if (k != 0) format_set_num_format(fmt, num_formats[k]);
      if (s != 0) {
        format_set_bg_color(fmt, fills[s]);
        format_set_pattern(fmt, LXW_PATTERN_SOLID);
      }
      f.cells[s][k] = fmt;
    }
  }
}

XlsxWorkbook::~XlsxWorkbook() {
  if (!closed_ && book_ != nullptr) {
    // Abandoned (an error unwound past us): let libxlsxwriter free its memory; the half-written
    // file sits in the staging folder, which the caller removes.
    workbook_close(book_);
  }
}

XlsxSheet& XlsxWorkbook::AddSheet(const std::string& name, std::vector<XlsxColumn> columns) {
  lxw_worksheet* ws = workbook_add_worksheet(book_, name.c_str());
  if (ws == nullptr) {
    throw Error(ErrorKind::kOutput, Location(path_),
                Tr("无法添加工作表“" + name + "”", "cannot add the sheet '" + name + "'"));
  }
  sheets_.push_back(std::unique_ptr<XlsxSheet>(new XlsxSheet(*this, ws, std::move(columns), false)));
  return *sheets_.back();
}

XlsxSheet& XlsxWorkbook::AddKeyValueSheet(const std::string& name, const std::string& key_header,
                                          const std::string& value_header) {
  lxw_worksheet* ws = workbook_add_worksheet(book_, name.c_str());
  if (ws == nullptr) {
    throw Error(ErrorKind::kOutput, Location(path_),
                Tr("无法添加工作表“" + name + "”", "cannot add the sheet '" + name + "'"));
  }
  std::vector<XlsxColumn> columns{{key_header, ColumnFormat::kText, 0},
                                  {value_header, ColumnFormat::kText, 0}};
  sheets_.push_back(std::unique_ptr<XlsxSheet>(new XlsxSheet(*this, ws, std::move(columns), true)));
  return *sheets_.back();
}

void XlsxWorkbook::Close() {
  if (closed_) return;
  for (auto& sheet : sheets_) sheet->Finish();
  closed_ = true;
  const lxw_error error = workbook_close(book_);
  book_ = nullptr;
  if (error != LXW_NO_ERROR) {
    throw Error(ErrorKind::kOutput, Location(path_),
                Tr("写入工作簿失败：", "writing the workbook failed: ") + ErrorText(error));
  }
}

XlsxSheet::XlsxSheet(XlsxWorkbook& book, lxw_worksheet* sheet, std::vector<XlsxColumn> columns,
                     bool key_value)
    : book_(book), sheet_(sheet), columns_(std::move(columns)), filter_(!key_value) {
  widths_.resize(columns_.size(), 0);
  lxw_format* header = book_.formats_->header;
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    Check(worksheet_write_string(sheet_, 0, static_cast<lxw_col_t>(c), columns_[c].header.c_str(),
                                 header),
          "header");
    widths_[c] = DisplayWidth(columns_[c].header);
  }
  worksheet_freeze_panes(sheet_, 1, 0);
}

void XlsxSheet::Check(int error, const char* what) const {
  if (error != LXW_NO_ERROR) {
    throw Error(ErrorKind::kOutput, Location(book_.path_),
                Tr("写入工作簿失败（", "writing the workbook failed (") + what + "): " +
                    ErrorText(static_cast<lxw_error>(error)));
  }
}

lxw_format* XlsxSheet::FormatFor(ColumnFormat format) const {
  const int s = static_cast<int>(pending_style_);
  return book_.formats_->cells[s][static_cast<int>(format)];
}

bool XlsxSheet::Sampling() const { return col_ < widths_.size() && row_ <= kWidthSampleRows; }

void XlsxSheet::Track(std::size_t display_width) {
  if (Sampling()) widths_[col_] = std::max(widths_[col_], display_width);
}

void XlsxSheet::Text(std::string_view text) {
  // libxlsxwriter wants a NUL-terminated string: reuse one buffer rather than allocate per cell.
  text_.assign(text);
  const std::string& value = text_;
  if (Sampling()) Track(DisplayWidth(value));
  // Plain text needs no format (General shows text as text); highlighted rows need their fill.
  lxw_format* fmt = (!filter_ && col_ == 0) ? book_.formats_->key : nullptr;
  if (pending_style_ != RowStyle::kNormal) fmt = FormatFor(ColumnFormat::kText);
  if (value.empty()) {
    if (pending_style_ != RowStyle::kNormal) {
      Check(worksheet_write_blank(sheet_, row_, col_, fmt), "blank");
    }
  } else {
    Check(worksheet_write_string(sheet_, row_, col_, value.c_str(), fmt), "text");
  }
  ++col_;
}

void XlsxSheet::MoneyCell(Money amount) {
  if (Sampling()) Track(FormatMoneyGrouped(amount).size());
  Check(worksheet_write_number(sheet_, row_, col_, SpreadsheetNumber(amount.fen()),
                               FormatFor(ColumnFormat::kMoney)),
        "money");
  ++col_;
}

void XlsxSheet::DateCell(Date date) {
  Track(10);
  Check(worksheet_write_number(sheet_, row_, col_, static_cast<double>(ExcelSerial(date)),
                               FormatFor(ColumnFormat::kDate)),
        "date");
  ++col_;
}

void XlsxSheet::Integer(std::int64_t value) {
  if (Sampling()) Track(std::to_string(value).size());
  Check(worksheet_write_number(sheet_, row_, col_, static_cast<double>(value),
                               FormatFor(ColumnFormat::kInteger)),
        "integer");
  ++col_;
}

void XlsxSheet::Hundredths(std::int64_t value) {
  if (Sampling()) Track(std::to_string(value).size() + 1);
  Check(worksheet_write_number(sheet_, row_, col_, SpreadsheetNumber(value),
                               FormatFor(ColumnFormat::kDecimal2)),
        "number");
  ++col_;
}

void XlsxSheet::Blank() {
  if (pending_style_ != RowStyle::kNormal) {
    Check(worksheet_write_blank(sheet_, row_, col_, FormatFor(ColumnFormat::kText)), "blank");
  }
  ++col_;
}

void XlsxSheet::EndRow() {
  pending_style_ = RowStyle::kNormal;
  ++row_;
  col_ = 0;
}

void XlsxSheet::Finish() {
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    double width = columns_[c].width;
    if (width <= 0) {
      width = static_cast<double>(std::min(kMaxWidth, widths_[c]) + 2);
      if (width < 8) width = 8;
    }
    Check(worksheet_set_column(sheet_, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width,
                               nullptr),
          "column width");
  }
  if (filter_ && !columns_.empty()) {
    const lxw_row_t last = row_ > 1 ? row_ - 1 : 1;
    Check(worksheet_autofilter(sheet_, 0, 0, last, static_cast<lxw_col_t>(columns_.size() - 1)),
          "autofilter");
  }
}

}  // namespace huzhu
