// Errors and where they happened. Library code never prints or exits: it throws one of these,
// and the command line turns it into a message and an exit code (data contract, "Exit codes").
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace huzhu {

/// Where in an input a problem is: file, sheet, Excel row (1-based, header = row 1), column.
struct Location {
  Location() = default;
  explicit Location(std::string file_, std::string sheet_ = "", int64_t row_ = 0, int column_ = -1,
                    std::string header_ = "")
      : file(std::move(file_)),
        sheet(std::move(sheet_)),
        row(row_),
        column(column_),
        header(std::move(header_)) {}

  std::string file;    ///< the path as the clerk gave it
  std::string sheet;   ///< empty for CSV
  int64_t row = 0;     ///< 0 = the file as a whole
  int column = -1;     ///< 0-based column index; -1 = the row as a whole
  std::string header;  ///< the header text of that column, when known
};

/// "A" for 0, "Z" for 25, "AA" for 26 ... "XFD" for 16383.
std::string ColumnLetter(int column);

/// "claims.xlsx，工作表「结算明细」，第 17 行，F 列（个人自付）" (or English with SetLanguage).
std::string FormatLocation(const Location& where);

/// The language of clerk-facing text. Chinese unless `--lang en`.
enum class Language { kChinese, kEnglish };
void SetLanguage(Language language);
Language CurrentLanguage();
/// Picks the text for the current language.
inline std::string Tr(std::string_view zh, std::string_view en) {
  return std::string(CurrentLanguage() == Language::kEnglish ? en : zh);
}

/// What kind of failure, which decides the exit code.
enum class ErrorKind {
  kInput,   ///< an input file cannot be used (exit 3)
  kRules,   ///< a rule file is invalid (exit 3)
  kOutput,  ///< output could not be written (exit 4)
  kUsage,   ///< the command line is wrong (exit 2)
};

/// A problem that stops the run. `what()` is the full clerk-facing message with its location.
class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, Location where, const std::string& message);
  ErrorKind kind() const { return kind_; }
  const Location& where() const { return where_; }
  const std::string& message() const { return message_; }

 private:
  ErrorKind kind_;
  Location where_;
  std::string message_;
};

/// A value that does not parse (money, date, ID number ...). Carries no location: the caller that
/// knows the cell adds it (see records/). `what()` says what was expected and what was found.
class ValueError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Exit codes of the data contract.
enum ExitCode : int {
  kExitOk = 0,
  kExitInvalidRows = 1,
  kExitUsage = 2,
  kExitInput = 3,
  kExitOutput = 4,
};
int ExitCodeFor(ErrorKind kind);

}  // namespace huzhu
