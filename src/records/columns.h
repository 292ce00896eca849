// The data contract's input tables: every column's Chinese name, English alias, value type and
// whether it is required; and the mapping of a header row onto them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "io/table.h"

namespace huzhu {

/// How a column's cells are read.
enum class FieldType {
  kText,      ///< any text (codes, names)
  kIdNumber,  ///< 18-character resident ID, must be a text cell
  kBankCard,  ///< 16–19 digits, must be a text cell
  kMoney,     ///< yuan with at most two decimals
  kDate,      ///< a date cell or one of the contract's text forms
  kBool,      ///< 是/否, Y/N, yes/no, true/false, 1/0
  kInteger,   ///< a whole number
  kPercent,   ///< a percentage ("70" or "70%")
  kScore,     ///< 0–1 with one decimal (manual scores)
};

/// When a column must be present.
enum class Need {
  kRequired,     ///< always: a missing column is a fatal input error
  kOptional,     ///< never
  kConditional,  ///< for some commands or schemes only (see `when`)
};

struct FieldSpec {
  std::string key;                   ///< English name, the canonical identifier (id_number)
  std::string zh;                    ///< Chinese name (身份证号)
  FieldType type = FieldType::kText;
  Need need = Need::kOptional;
  std::string when;                  ///< for kConditional: when it is needed (Chinese)
  std::vector<std::string> aliases;  ///< further accepted header texts (bank header variants)
};

/// A field of a table by its position in TableSpec::fields: resolve once, use per row.
struct FieldId {
  int index = -1;
};

struct TableSpec {
  std::string key;  ///< members, claims, units, targets, manual_scores, bank_results
  std::string zh;   ///< 会员名单 …
  std::vector<FieldSpec> fields;

  const FieldSpec* Find(std::string_view key) const;
  /// The field's id; throws std::logic_error for a key the table does not have (a bug).
  FieldId Id(std::string_view key) const;
};

const TableSpec& MembersTable();
const TableSpec& ClaimsTable();
const TableSpec& UnitsTable();
const TableSpec& TargetsTable();
const TableSpec& ManualScoresTable();
const TableSpec& BankResultsTable();
const TableSpec& TransfersTable();
/// All of the above, in that order.
const std::vector<const TableSpec*>& AllTables();

/// The field a header text names in `table` (after trimming, full-width folding and, for
/// English names, ignoring case), or nullptr for an unknown column.
const FieldSpec* MatchHeader(const TableSpec& table, std::string_view header_text);

/// A header row mapped onto a table's fields.
class HeaderMap {
 public:
  HeaderMap() = default;
  /// Maps `header_row`. Unknown columns are ignored. Two columns naming the same field throw
  /// Error(kInput) naming both columns (`where` supplies file and sheet).
  HeaderMap(const TableSpec& table, const Row& header_row, const std::string& file,
            const std::string& sheet);

  const TableSpec& table() const { return *table_; }
  std::int64_t header_row_number() const { return header_row_; }
  /// 0-based column of a field, or -1 when the file has no such column.
  int ColumnOf(std::string_view key) const;
  int ColumnOf(FieldId field) const {
    return field.index >= 0 && static_cast<std::size_t>(field.index) < column_of_.size()
               ? column_of_[static_cast<std::size_t>(field.index)]
               : -1;
  }
  bool Has(std::string_view key) const { return ColumnOf(key) >= 0; }
  /// The header text as written in the file for a column.
  const std::string& HeaderText(int column) const;
  /// Number of columns that map to a known field.
  int MatchedCount() const;
  /// Required fields with no column.
  std::vector<const FieldSpec*> MissingRequired() const;
  /// Throws Error(kInput) naming the file, sheet, the missing column and its accepted names.
  void RequireAll() const;
  /// Fields in column order: (column, field) for every matched column.
  struct Match {
    int column;
    const FieldSpec* field;
  };
  const std::vector<Match>& matches() const { return matches_; }

 private:
  const TableSpec* table_ = nullptr;
  std::string file_;
  std::string sheet_;
  std::int64_t header_row_ = 0;
  std::vector<std::string> headers_;  // by column
  std::vector<int> column_of_;        // by field index in table_->fields
  std::vector<Match> matches_;
};

/// "身份证号 / id_number" — the accepted names of a field, for messages.
std::string AcceptedNames(const FieldSpec& field);

}  // namespace huzhu
