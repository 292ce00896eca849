#include "io/xlsx_writer.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <thread>

#include "core/diagnostics.h"
#include "core/text.h"
#include "io/zip_writer.h"

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

// Row XML per deflated chunk of a table sheet, and the zlib level of those chunks. Level 1 is
// four times faster than libxlsxwriter's 6 on sheet XML for a file 30% larger (payout sheets of
// a province: 140 MB of XML in 0.8 s to 21.9 MB, against 2.6 s to 16.8 MB).
std::size_t g_chunk_bytes = std::size_t{1} << 20;
constexpr int kRowsDeflateLevel = 1;

int DeflateThreads() {
  const unsigned n = std::thread::hardware_concurrency();
  return static_cast<int>(std::clamp(n, 1u, 4u));
}

// value / 10^decimals as the shortest decimal: (123450, 2) → "1234.5", (-5, 2) → "-0.05".
// The same number Excel reads from libxlsxwriter's "%.16G" of the double: both texts parse to the
// double nearest the exact value.
std::string_view ScaledDecimal(std::int64_t value, int decimals, char (&buf)[32]) {
  char* p = buf;
  std::uint64_t u = value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
  if (value < 0) *p++ = '-';
  std::uint64_t scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  p = std::to_chars(p, buf + sizeof buf, u / scale).ptr;
  std::uint64_t frac = u % scale;
  if (frac != 0) {
    *p++ = '.';
    for (std::uint64_t s = scale / 10; s > 0 && frac != 0; s /= 10) {
      *p++ = static_cast<char>('0' + frac / s);
      frac %= s;
    }
  }
  return std::string_view(buf, static_cast<std::size_t>(p - buf));
}

// Appends `text` as XML element content: &, < and > escaped; characters XML 1.0 cannot hold
// (controls other than tab and newline) and a literal "_xHHHH_" written as Excel's _xHHHH_
// escapes, so that Excel shows exactly `text`.
// Bytes AppendXmlText may have to replace: & < > _ and the controls other than tab and newline.
constexpr std::array<bool, 256> kXmlSpecial = [] {
  std::array<bool, 256> special{};
  for (int c = 0; c < 0x20; ++c) special[static_cast<std::size_t>(c)] = c != '\t' && c != '\n';
  for (const char c : {'&', '<', '>', '_'}) special[static_cast<unsigned char>(c)] = true;
  return special;
}();

void AppendXmlText(std::string& out, std::string_view text) {
  // Most texts have none of those bytes: one append.
  std::size_t first = 0;
  while (first < text.size() && !kXmlSpecial[static_cast<unsigned char>(text[first])]) ++first;
  if (first == text.size()) {
    out.append(text);
    return;
  }
  std::size_t plain = 0;
  auto flush = [&](std::size_t i) { out.append(text.data() + plain, i - plain); };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const char* replacement = nullptr;
    char escape[8];
    if (c == '&') {
      replacement = "&amp;";
    } else if (c == '<') {
      replacement = "&lt;";
    } else if (c == '>') {
      replacement = "&gt;";
    } else if ((c < 0x20 && c != '\t' && c != '\n') ||
               (c == '_' && i + 6 < text.size() && text[i + 1] == 'x' && text[i + 6] == '_' &&
                std::all_of(text.begin() + static_cast<std::ptrdiff_t>(i) + 2,
                            text.begin() + static_cast<std::ptrdiff_t>(i) + 6,
                            [](char h) { return std::isxdigit(static_cast<unsigned char>(h)); }))) {
      std::snprintf(escape, sizeof escape, "_x%04X_", c);
      replacement = escape;
    }
    if (replacement == nullptr) continue;
    flush(i);
    out.append(replacement);
    plain = i + 1;
  }
  flush(text.size());
}

bool NeedsPreserve(std::string_view text) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  return !text.empty() && (space(text.front()) || space(text.back()));
}

// The <dimension ref> of a direct sheet: libxlsxwriter saw the header only.
std::string PatchDimension(std::string prefix, const void* context);

}  // namespace

void XlsxWorkbook::SetChunkBytesForTesting(std::size_t bytes) {
  g_chunk_bytes = std::max<std::size_t>(bytes, 1);
}

struct XlsxWorkbook::Formats {
  lxw_format* header = nullptr;
  lxw_format* key = nullptr;
  lxw_format* title = nullptr;
  lxw_format* subtitle = nullptr;
  lxw_format* form_header = nullptr;
  lxw_format* conditional[4] = {};  ///< by RowStyle: the conditional-format highlight
  // [style][format]
  lxw_format* cells[4][6] = {};
};

XlsxWorkbook::XlsxWorkbook(const std::string& path, const std::string& temp_dir)
    : path_(path), temp_dir_(temp_dir), formats_(std::make_unique<Formats>()) {
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  options.tmpdir = temp_dir_.empty() ? nullptr : temp_dir_.data();
  // libxlsxwriter writes everything but the table sheets' data rows, so its archive stays small:
  // no zip64. Close() splices the rows in (SpliceZip) and writes the archive at path_.
  options.use_zip64 = LXW_FALSE;
  book_ = workbook_new_opt(LibxlsxwriterPath().c_str(), &options);
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
  f.title = workbook_add_format(book_);
  format_set_bold(f.title);
  format_set_font_size(f.title, 16);
  format_set_align(f.title, LXW_ALIGN_CENTER);
  format_set_align(f.title, LXW_ALIGN_VERTICAL_CENTER);
  f.subtitle = workbook_add_format(book_);
  format_set_align(f.subtitle, LXW_ALIGN_LEFT);
  f.form_header = workbook_add_format(book_);
  format_set_bold(f.form_header);
  format_set_border(f.form_header, LXW_BORDER_THIN);
  format_set_text_wrap(f.form_header);
  format_set_align(f.form_header, LXW_ALIGN_CENTER);
  format_set_align(f.form_header, LXW_ALIGN_VERTICAL_CENTER);
  // Conditional highlights: dark red on light red, dark green on light green (Excel's own).
  f.conditional[static_cast<int>(RowStyle::kAttention)] = workbook_add_format(book_);
  format_set_font_color(f.conditional[1], 0x9C0006);
  format_set_bg_color(f.conditional[1], kAttentionFill);
  f.conditional[static_cast<int>(RowStyle::kGood)] = workbook_add_format(book_);
  format_set_font_color(f.conditional[2], 0x006100);
  format_set_bg_color(f.conditional[2], kGoodFill);
  // Styles: normal, attention (red fill), good (green fill), total (bold, top border).
  const lxw_color_t fills[4] = {0, kAttentionFill, kGoodFill, 0};
  const char* num_formats[6] = {"@", "#,##0.00", "yyyy-mm-dd", "0", "0.00", "0.0"};
  for (int s = 0; s < 4; ++s) {
    for (int k = 0; k < 6; ++k) {
      lxw_format* fmt = workbook_add_format(book_);
      if (k != 0) format_set_num_format(fmt, num_formats[k]);
      if (fills[s] != 0) {
        format_set_bg_color(fmt, fills[s]);
        format_set_pattern(fmt, LXW_PATTERN_SOLID);
      }
      if (s == static_cast<int>(RowStyle::kTotal)) {
        format_set_bold(fmt);
        format_set_top(fmt, LXW_BORDER_THIN);
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
  ++worksheets_;
  sheets_.push_back(std::unique_ptr<XlsxSheet>(
      new XlsxSheet(*this, ws, name, std::move(columns), XlsxSheet::Kind::kTable)));
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
  ++worksheets_;
  sheets_.push_back(std::unique_ptr<XlsxSheet>(
      new XlsxSheet(*this, ws, name, std::move(columns), XlsxSheet::Kind::kKeyValue)));
  return *sheets_.back();
}

XlsxSheet& XlsxWorkbook::AddFormSheet(const std::string& name, const std::string& title,
                                      const std::string& subtitle,
                                      std::vector<XlsxColumn> columns) {
  lxw_worksheet* ws = workbook_add_worksheet(book_, name.c_str());
  if (ws == nullptr) {
    throw Error(ErrorKind::kOutput, Location(path_),
                Tr("无法添加工作表“" + name + "”", "cannot add the sheet '" + name + "'"));
  }
  ++worksheets_;
  sheets_.push_back(std::unique_ptr<XlsxSheet>(new XlsxSheet(
      *this, ws, name, std::move(columns), XlsxSheet::Kind::kForm, title, subtitle)));
  return *sheets_.back();
}

void XlsxWorkbook::AddBarChartSheet(const std::string& name, const std::string& title,
                                    const XlsxSheet& data, std::uint32_t rows,
                                    std::uint16_t category_column,
                                    const std::vector<ChartSeries>& series,
                                    const std::string& value_axis_title) {
  lxw_chartsheet* cs = workbook_add_chartsheet(book_, name.c_str());
  lxw_chart* chart = workbook_add_chart(book_, LXW_CHART_BAR);
  if (cs == nullptr || chart == nullptr) {
    throw Error(ErrorKind::kOutput, Location(path_),
                Tr("无法添加图表“" + name + "”", "cannot add the chart '" + name + "'"));
  }
  const lxw_row_t first = data.first_data_row();
  const lxw_row_t last = first + (rows == 0 ? 0 : rows - 1);
  for (const ChartSeries& s : series) {
    lxw_chart_series* cs_series = chart_add_series(chart, nullptr, nullptr);
    chart_series_set_categories(cs_series, data.name().c_str(), first, category_column, last,
                                category_column);
    chart_series_set_values(cs_series, data.name().c_str(), first, s.column, last, s.column);
    chart_series_set_name(cs_series, s.name.c_str());
  }
  chart_title_set_name(chart, title.c_str());
  // Bar charts draw the first category at the bottom: reverse it, so the regions read top-down
  // in the table's order.
  chart_axis_set_reverse(chart->x_axis);
  chart_axis_set_name(chart->y_axis, value_axis_title.c_str());
  chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
  const lxw_error error = chartsheet_set_chart(cs, chart);
  if (error != LXW_NO_ERROR) {
    throw Error(ErrorKind::kOutput, Location(path_),
                Tr("写入图表失败：", "writing the chart failed: ") + ErrorText(error));
  }
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
  std::vector<ZipSplice> splices;
  for (const auto& sheet : sheets_) {
    if (!sheet->Direct() || sheet->data_rows() == 0) continue;
    ZipSplice splice;
    splice.name = "xl/worksheets/sheet" + std::to_string(sheet->worksheet_number_) + ".xml";
    splice.marker = "</sheetData>";
    splice.body = sheet->rows_.get();
    splice.patch = PatchDimension;
    splice.context = sheet.get();
    splices.push_back(std::move(splice));
  }
  const std::string written = LibxlsxwriterPath();
  if (splices.empty()) {
    if (std::rename(written.c_str(), path_.c_str()) != 0) {
      throw Error(ErrorKind::kOutput, Location(path_),
                  Tr("写入工作簿失败：", "writing the workbook failed: ") + std::strerror(errno));
    }
    return;
  }
  SpliceZip(written, path_, splices);
  std::remove(written.c_str());
}

std::string XlsxWorkbook::LibxlsxwriterPath() const { return path_ + ".lxw"; }

namespace {

std::string PatchDimension(std::string prefix, const void* context) {
  const auto& sheet = *static_cast<const XlsxSheet*>(context);
  const std::string key = "<dimension ref=\"";
  const std::size_t at = prefix.find(key);
  if (at == std::string::npos) return prefix;
  const std::size_t from = at + key.size();
  const std::size_t to = prefix.find('"', from);
  if (to == std::string::npos) return prefix;
  const std::uint32_t last_row = sheet.first_data_row() + sheet.data_rows();  // 1-based
  const int last_col = std::max<int>(static_cast<int>(sheet.column_count()), 1) - 1;
  prefix.replace(from, to - from, "A1:" + ColumnLetter(last_col) + std::to_string(last_row));
  return prefix;
}

}  // namespace

XlsxSheet::XlsxSheet(XlsxWorkbook& book, lxw_worksheet* sheet, std::string name,
                     std::vector<XlsxColumn> columns, Kind kind, const std::string& title,
                     const std::string& subtitle)
    : book_(book), sheet_(sheet), name_(std::move(name)), columns_(std::move(columns)), kind_(kind) {
  worksheet_number_ = book_.worksheets_;
  widths_.resize(columns_.size(), 0);
  for (std::size_t c = 0; c < columns_.size(); ++c) widths_[c] = DisplayWidth(columns_[c].header);
  if (kind_ == Kind::kForm) {
    WriteFormHeader(title, subtitle);
  } else {
    WriteHeader(0);
  }
  row_ = first_data_row_;
  worksheet_freeze_panes(sheet_, static_cast<lxw_row_t>(first_data_row_), 0);
  if (Direct()) {
    rows_ = std::make_unique<ParallelDeflater>(book_.path_ + "（" + name_ + "）", book_.temp_dir_,
                                               kRowsDeflateLevel, DeflateThreads());
    xml_.reserve(g_chunk_bytes + (std::size_t{64} << 10));
  }
}

XlsxSheet::~XlsxSheet() = default;

void XlsxSheet::WriteHeader(std::uint32_t top) {
  lxw_format* header = book_.formats_->header;
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    Check(worksheet_write_string(sheet_, top, static_cast<lxw_col_t>(c),
                                 columns_[c].header.c_str(), header),
          "header");
  }
  first_data_row_ = top + 1;
}

void XlsxSheet::WriteFormHeader(const std::string& title, const std::string& subtitle) {
  const XlsxWorkbook::Formats& f = *book_.formats_;
  const auto last = static_cast<lxw_col_t>(columns_.empty() ? 0 : columns_.size() - 1);
  Check(worksheet_set_row(sheet_, 0, 30, nullptr), "title height");
  Check(worksheet_merge_range(sheet_, 0, 0, 0, last, title.c_str(), f.title), "title");
  Check(worksheet_merge_range(sheet_, 1, 0, 1, last, subtitle.c_str(), f.subtitle), "subtitle");
  const bool two_levels = std::any_of(columns_.begin(), columns_.end(),
                                      [](const XlsxColumn& c) { return !c.group.empty(); });
  if (!two_levels) {
    for (std::size_t c = 0; c < columns_.size(); ++c) {
      Check(worksheet_write_string(sheet_, 2, static_cast<lxw_col_t>(c),
                                   columns_[c].header.c_str(), f.form_header),
            "header");
    }
    first_data_row_ = 3;
    return;
  }
  // libxlsxwriter's constant-memory mode writes rows strictly in order, so the upper header row
  // is written in full first (group cells merged across their columns), the vertical merges are
  // registered next (their upper cells are already written), then the lower row.
  std::vector<std::pair<lxw_col_t, lxw_col_t>> vertical;
  for (std::size_t c = 0; c < columns_.size();) {
    const auto first = static_cast<lxw_col_t>(c);
    if (columns_[c].group.empty()) {
      Check(worksheet_write_string(sheet_, 2, first, columns_[c].header.c_str(), f.form_header),
            "header");
      vertical.emplace_back(first, first);
      ++c;
      continue;
    }
    std::size_t end = c + 1;
    while (end < columns_.size() && columns_[end].group == columns_[c].group) ++end;
    const auto group_last = static_cast<lxw_col_t>(end - 1);
    if (group_last == first) {
      Check(worksheet_write_string(sheet_, 2, first, columns_[c].group.c_str(), f.form_header),
            "header");
    } else {
      Check(worksheet_merge_range(sheet_, 2, first, 2, group_last, columns_[c].group.c_str(),
                                  f.form_header),
            "header");
    }
    c = end;
  }
  for (const auto& [col, unused] : vertical) {
    Check(worksheet_merge_range(sheet_, 2, col, 3, col, columns_[col].header.c_str(),
                                f.form_header),
          "header");
  }
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    if (columns_[c].group.empty()) continue;
    Check(worksheet_write_string(sheet_, 3, static_cast<lxw_col_t>(c),
                                 columns_[c].header.c_str(), f.form_header),
          "header");
  }
  first_data_row_ = 4;
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

// Direct sheets: <c r="B7" s="3" t="inlineStr"> … as libxlsxwriter writes cells in its
// constant-memory mode, minus the optional spans of <row>.
void XlsxSheet::OpenCell(lxw_format* format, bool inline_string) {
  if (!row_open_) {
    row_digits_size_ = static_cast<std::uint8_t>(
        std::to_chars(row_digits_, row_digits_ + sizeof row_digits_, row_ + 1).ptr - row_digits_);
    xml_ += "<row r=\"";
    xml_.append(row_digits_, row_digits_size_);
    xml_ += "\">";
    row_open_ = true;
  }
  if (col_ >= column_letters_.size()) {
    for (std::size_t c = column_letters_.size(); c <= col_; ++c) {
      column_letters_.push_back(ColumnLetter(static_cast<int>(c)));
    }
  }
  max_columns_ = std::max<std::uint16_t>(max_columns_, static_cast<std::uint16_t>(col_ + 1));
  // The cell's opening tag is put together here and appended once: at most 3 letters, 7 row
  // digits and a 5-digit style index.
  char tag[64];
  char* p = tag;
  auto put = [&p](std::string_view piece) {
    std::memcpy(p, piece.data(), piece.size());
    p += piece.size();
  };
  put("<c r=\"");
  put(column_letters_[col_]);
  put(std::string_view(row_digits_, row_digits_size_));
  put("\"");
  if (format != nullptr) {
    if (format != xf_format_) {  // a format's index is fixed once libxlsxwriter has given it
      xf_format_ = format;
      xf_digits_size_ = static_cast<std::uint8_t>(
          std::to_chars(xf_digits_, xf_digits_ + sizeof xf_digits_,
                        lxw_format_get_xf_index(format))
              .ptr -
          xf_digits_);
    }
    put(" s=\"");
    put(std::string_view(xf_digits_, xf_digits_size_));
    put("\"");
  }
  if (inline_string) put(" t=\"inlineStr\"");
  xml_.append(tag, static_cast<std::size_t>(p - tag));
}

void XlsxSheet::DirectNumber(std::string_view number, lxw_format* format) {
  OpenCell(format, false);
  xml_ += "><v>";
  xml_ += number;
  xml_ += "</v></c>";
}

void XlsxSheet::DirectText(std::string_view text, lxw_format* format) {
  OpenCell(format, true);
  xml_ += NeedsPreserve(text) ? "><is><t xml:space=\"preserve\">" : "><is><t>";
  AppendXmlText(xml_, text);
  xml_ += "</t></is></c>";
}

void XlsxSheet::DirectBlank(lxw_format* format) {
  OpenCell(format, false);
  xml_ += "/>";
}

void XlsxSheet::EndDirectChunk(bool last) {
  if (xml_.size() >= g_chunk_bytes || (last && !xml_.empty())) {
    rows_->Add(std::move(xml_));
    xml_ = rows_->SpareInput();
    if (!last) xml_.reserve(g_chunk_bytes + (std::size_t{64} << 10));
  }
}

void XlsxSheet::Text(std::string_view text) {
  if (Sampling()) Track(DisplayWidth(text));
  // Plain text needs no format (General shows text as text); highlighted rows need their fill.
  lxw_format* fmt = (kind_ == Kind::kKeyValue && col_ == 0) ? book_.formats_->key : nullptr;
  if (pending_style_ != RowStyle::kNormal) fmt = FormatFor(ColumnFormat::kText);
  if (text.empty()) {
    if (pending_style_ != RowStyle::kNormal) {
      if (Direct()) {
        DirectBlank(fmt);
      } else {
        Check(worksheet_write_blank(sheet_, row_, col_, fmt), "blank");
      }
    }
  } else if (Direct()) {
    DirectText(text, fmt);
  } else {
    // libxlsxwriter wants a NUL-terminated string: reuse one buffer rather than allocate per cell.
    text_.assign(text);
    Check(worksheet_write_string(sheet_, row_, col_, text_.c_str(), fmt), "text");
  }
  ++col_;
}

void XlsxSheet::MoneyCell(Money amount) {
  if (Sampling()) Track(FormatMoneyGrouped(amount).size());
  if (Direct()) {
    char buf[32];
    DirectNumber(ScaledDecimal(amount.fen(), 2, buf), FormatFor(ColumnFormat::kMoney));
  } else {
    Check(worksheet_write_number(sheet_, row_, col_, SpreadsheetNumber(amount.fen()),
                                 FormatFor(ColumnFormat::kMoney)),
          "money");
  }
  ++col_;
}

void XlsxSheet::DateCell(Date date) {
  Track(10);
  if (Direct()) {
    char buf[32];
    DirectNumber(ScaledDecimal(ExcelSerial(date), 0, buf), FormatFor(ColumnFormat::kDate));
  } else {
    Check(worksheet_write_number(sheet_, row_, col_, static_cast<double>(ExcelSerial(date)),
                                 FormatFor(ColumnFormat::kDate)),
          "date");
  }
  ++col_;
}

void XlsxSheet::Integer(std::int64_t value) {
  if (Direct()) {
    char buf[32];
    const std::string_view text = ScaledDecimal(value, 0, buf);
    if (Sampling()) Track(text.size());
    DirectNumber(text, FormatFor(ColumnFormat::kInteger));
  } else {
    if (Sampling()) Track(std::to_string(value).size());
    Check(worksheet_write_number(sheet_, row_, col_, static_cast<double>(value),
                                 FormatFor(ColumnFormat::kInteger)),
          "integer");
  }
  ++col_;
}

void XlsxSheet::Hundredths(std::int64_t value) {
  if (Sampling()) Track(std::to_string(value).size() + 1);
  if (Direct()) {
    char buf[32];
    DirectNumber(ScaledDecimal(value, 2, buf), FormatFor(ColumnFormat::kDecimal2));
  } else {
    Check(worksheet_write_number(sheet_, row_, col_, SpreadsheetNumber(value),
                                 FormatFor(ColumnFormat::kDecimal2)),
          "number");
  }
  ++col_;
}

void XlsxSheet::Tenths(std::int64_t value) {
  if (Sampling()) Track(std::to_string(value).size() + 1);
  if (Direct()) {
    char buf[32];
    DirectNumber(ScaledDecimal(value, 1, buf), FormatFor(ColumnFormat::kDecimal1));
  } else {
    Check(worksheet_write_number(sheet_, row_, col_, static_cast<double>(value) / 10.0,
                                 FormatFor(ColumnFormat::kDecimal1)),
          "number");
  }
  ++col_;
}

void XlsxSheet::Blank() {
  if (pending_style_ != RowStyle::kNormal) {
    if (Direct()) {
      DirectBlank(FormatFor(ColumnFormat::kText));
    } else {
      Check(worksheet_write_blank(sheet_, row_, col_, FormatFor(ColumnFormat::kText)), "blank");
    }
  }
  ++col_;
}

void XlsxSheet::EndRow() {
  if (row_open_) {
    xml_ += "</row>";
    row_open_ = false;
    EndDirectChunk(false);
  }
  pending_style_ = RowStyle::kNormal;
  ++row_;
  col_ = 0;
}

void XlsxSheet::HighlightWhen(std::uint16_t first_col, std::uint16_t last_col,
                              std::string formula, RowStyle style) {
  highlights_.push_back(Highlight{first_col, last_col, std::move(formula), style});
}

void XlsxSheet::Finish() {
  if (Direct()) {
    if (row_open_) EndRow();
    EndDirectChunk(true);
    rows_->Finish();
  }
  if (row_ > first_data_row_) {
    for (Highlight& h : highlights_) {
      std::string formula = h.formula;
      const std::string row = std::to_string(first_data_row_ + 1);
      for (std::size_t at; (at = formula.find("{row}")) != std::string::npos;) {
        formula.replace(at, 5, row);
      }
      lxw_conditional_format cf{};
      cf.type = LXW_CONDITIONAL_TYPE_FORMULA;
      cf.value_string = formula.data();
      cf.format = book_.formats_->conditional[static_cast<int>(h.style)];
      Check(worksheet_conditional_format_range(sheet_, first_data_row_, h.first_col, row_ - 1,
                                               h.last_col, &cf),
            "conditional format");
    }
  }
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
  if (kind_ == Kind::kTable && !columns_.empty()) {
    const lxw_row_t last = row_ > 1 ? row_ - 1 : 1;
    Check(worksheet_autofilter(sheet_, 0, 0, last, static_cast<lxw_col_t>(columns_.size() - 1)),
          "autofilter");
  }
}

}  // namespace huzhu
