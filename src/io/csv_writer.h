// CSV twins of the workbooks: UTF-8 with BOM, RFC 4180 quoting, and text cells guarded so that a
// spreadsheet never runs them as formulas.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/money.h"

namespace huzhu {

class CsvWriter {
 public:
  /// Creates `path` and writes the BOM. Throws Error(kOutput).
  explicit CsvWriter(const std::string& path);
  ~CsvWriter();
  CsvWriter(const CsvWriter&) = delete;
  CsvWriter& operator=(const CsvWriter&) = delete;

  void Header(const std::vector<std::string>& names);
  /// A text field. One starting with = + - @ (or a tab or carriage return) gets a leading
  /// apostrophe so that Excel shows it as text instead of evaluating it.
  void Text(std::string_view text);
  void MoneyField(Money amount);  ///< "1234.56"
  void DateField(Date date);      ///< "2026-03-05"
  void Integer(std::int64_t value);
  /// Hundredths with two decimals: 7647 → "76.47".
  void Hundredths(std::int64_t value);
  /// Tenths with one decimal: -25 → "-2.5" (a number: never guarded as text).
  void Tenths(std::int64_t value);
  void Bool(bool value);  ///< "true"/"false"
  void Blank();
  void EndRow();
  /// Flushes and syncs to disk. Throws Error(kOutput) on any write failure.
  void Close();

 private:
  void Separator();
  void Raw(std::string_view text);
  void Flush();

  std::string path_;
  std::FILE* file_ = nullptr;
  std::string buffer_;
  bool first_in_row_ = true;
  bool failed_ = false;
};

/// Guards and quotes one field as CsvWriter::Text does (exposed for tests).
std::string CsvField(std::string_view text);

}  // namespace huzhu
