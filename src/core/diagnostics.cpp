#include "core/diagnostics.h"

#include <atomic>

namespace huzhu {

namespace {
std::atomic<Language> g_language{Language::kChinese};

std::string BuildWhat(const Location& where, const std::string& message) {
  std::string place = FormatLocation(where);
  if (place.empty()) return message;
  return place + Tr("：", ": ") + message;
}
}  // namespace

void SetLanguage(Language language) { g_language = language; }
Language CurrentLanguage() { return g_language; }

std::string ColumnLetter(int column) {
  if (column < 0) return "";
  std::string letters;
  for (int n = column + 1; n > 0; n = (n - 1) / 26) {
    letters.push_back(static_cast<char>('A' + (n - 1) % 26));
  }
  return std::string(letters.rbegin(), letters.rend());
}

std::string FormatLocation(const Location& where) {
  const bool zh = CurrentLanguage() == Language::kChinese;
  std::string out = where.file;
  auto add = [&out, zh](const std::string& part) {
    if (!out.empty()) out += zh ? "，" : ", ";
    out += part;
  };
  if (!where.sheet.empty()) add(zh ? "工作表「" + where.sheet + "」" : "sheet '" + where.sheet + "'");
  if (where.row > 0) {
    add(zh ? "第 " + std::to_string(where.row) + " 行" : "row " + std::to_string(where.row));
  }
  if (where.column >= 0) {
    std::string col = zh ? ColumnLetter(where.column) + " 列" : "column " + ColumnLetter(where.column);
    if (!where.header.empty()) col += zh ? "（" + where.header + "）" : " (" + where.header + ")";
    add(col);
  }
  return out;
}

Error::Error(ErrorKind kind, Location where, const std::string& message)
    : std::runtime_error(BuildWhat(where, message)),
      kind_(kind),
      where_(std::move(where)),
      message_(message) {}

int ExitCodeFor(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kInput:
    case ErrorKind::kRules:
      return kExitInput;
    case ErrorKind::kOutput:
      return kExitOutput;
    case ErrorKind::kUsage:
      return kExitUsage;
  }
  return kExitInput;
}

}  // namespace huzhu
