#include "io/csv_writer.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/diagnostics.h"

namespace huzhu {

namespace {
constexpr std::size_t kFlushAt = 1 << 20;

std::string SysError() { return std::strerror(errno); }

std::string TwoDecimals(std::int64_t hundredths) {
  const bool negative = hundredths < 0;
  // Magnitude without overflow for INT64_MIN.
  const std::uint64_t mag = negative ? 0 - static_cast<std::uint64_t>(hundredths)
                                     : static_cast<std::uint64_t>(hundredths);
  std::string out = std::to_string(mag / 100);
  const unsigned frac = static_cast<unsigned>(mag % 100);
  out += '.';
  out += static_cast<char>('0' + frac / 10);
  out += static_cast<char>('0' + frac % 10);
  return negative ? "-" + out : out;
}
}  // namespace

std::string CsvField(std::string_view text) {
  std::string value;
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
                        text[0] == '\t' || text[0] == '\r')) {
    value = "'";
  }
  value.append(text);
  const bool quote = value.find_first_of(",\"\r\n") != std::string::npos;
  if (!quote) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
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

void CsvWriter::Text(std::string_view text) { Raw(CsvField(text)); }
void CsvWriter::MoneyField(Money amount) { Raw(TwoDecimals(amount.fen())); }
void CsvWriter::DateField(Date date) { Raw(date.ToIso()); }
void CsvWriter::Integer(std::int64_t value) { Raw(std::to_string(value)); }
void CsvWriter::Hundredths(std::int64_t value) { Raw(TwoDecimals(value)); }

void CsvWriter::Tenths(std::int64_t value) {
  const std::uint64_t magnitude =
      value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
  std::string text = value < 0 ? "-" : "";
  text += std::to_string(magnitude / 10);
  text += '.';
  text += static_cast<char>('0' + magnitude % 10);
  Raw(text);
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
