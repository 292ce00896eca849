#include "io/csv_writer.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/diagnostics.h"

namespace huzhu {

namespace {
constexpr std::size_t kFlushAt = 1 << 20;

std::string SysError() { return std::strerror(errno); }

// Appends one field: text a spreadsheet would take for a formula (= + - @, tab, CR first) gets a
// leading apostrophe; a field with a comma, quote or line break is quoted, quotes doubled.
void AppendField(std::string& out, std::string_view text) {
  const bool defuse = !text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' ||
                                        text[0] == '@' || text[0] == '\t' || text[0] == '\r');
  // (A byte loop: find_first_of with a set calls memchr once per byte of the text.)
  bool quote = false;
  for (const char c : text) {
    if (c == ',' || c == '"' || c == '\r' || c == '\n') {
      quote = true;
      break;
    }
  }
  if (quote) out += '"';
  if (defuse) out += '\'';
  if (!quote) {
    out.append(text);
    return;
  }
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace

std::string CsvField(std::string_view text) {
  std::string field;
  AppendField(field, text);
  return field;
}

CsvWriter::CsvWriter(const std::string& path) : path_(path) {
  file_ = std::fopen(path.c_str(), "wb");
  if (file_ == nullptr) {
    throw Error(ErrorKind::kOutput, Location(path_),
                Tr("无法创建文件：", "cannot create the file: ") + SysError());
  }
  buffer_.reserve(kFlushAt + 4096);
  buffer_ = "\xEF\xBB\xBF";
}

CsvWriter::~CsvWriter() {
  if (file_ != nullptr) std::fclose(file_);
}

void CsvWriter::Separator() {
  if (!first_in_row_) buffer_ += ',';
  first_in_row_ = false;
}

void CsvWriter::Raw(std::string_view text) {
  Separator();
  buffer_.append(text);
}

void CsvWriter::Header(const std::vector<std::string>& names) {
  for (const std::string& n : names) Raw(CsvField(n));
  EndRow();
}

void CsvWriter::Text(std::string_view text) {
  Separator();
  AppendField(buffer_, text);
}
void CsvWriter::MoneyField(Money amount) {
  Separator();
  AppendFixed(buffer_, amount.fen(), 2);
}
void CsvWriter::DateField(Date date) { Raw(date.ToIso()); }
void CsvWriter::Integer(std::int64_t value) { Raw(std::to_string(value)); }
void CsvWriter::Hundredths(std::int64_t value) {
  Separator();
  AppendFixed(buffer_, value, 2);
}

void CsvWriter::Tenths(std::int64_t value) {
  Separator();
  AppendFixed(buffer_, value, 1);
}
void CsvWriter::Bool(bool value) { Raw(value ? "true" : "false"); }
void CsvWriter::Blank() { Raw(""); }

void CsvWriter::EndRow() {
  buffer_ += "\r\n";
  first_in_row_ = true;
  if (buffer_.size() >= kFlushAt) Flush();
}

void CsvWriter::Flush() {
  if (buffer_.empty() || file_ == nullptr) return;
  if (std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) failed_ = true;
  buffer_.clear();
  if (failed_) {
    throw Error(ErrorKind::kOutput, Location(path_),
                Tr("写入失败（磁盘已满或无权限？）：", "write failed (disk full or no permission?): ") +
                    SysError());
  }
}

void CsvWriter::Close() {
  if (file_ == nullptr) return;
  Flush();
  const bool ok = std::fflush(file_) == 0 && ::fsync(fileno(file_)) == 0;
  const int closed = std::fclose(file_);
  file_ = nullptr;
  if (!ok || closed != 0) {
    throw Error(ErrorKind::kOutput, Location(path_),
                Tr("写入失败（磁盘已满或无权限？）：", "write failed (disk full or no permission?): ") +
                    SysError());
  }
}

}  // namespace huzhu
