// Typed reading of one cell by the data contract's rules. These throw ValueError saying what was
// expected and what was found; RowView adds the file/sheet/row/column location.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/diagnostics.h"
#include "core/id_number.h"
#include "core/money.h"
#include "io/table.h"
#include "records/columns.h"

namespace huzhu {

/// True when the cell holds nothing (absent, empty, or only white space).
bool IsBlankCell(const Cell& cell);
/// The cell's text, trimmed; numbers as stored, booleans as "1"/"0".
std::string CellText(const Cell& cell);
Money CellMoney(const Cell& cell);
/// Dates: date cells (Excel serials), number cells of the form yyyymmdd, or text forms.
Date CellDate(const Cell& cell, bool date1904);
/// 是/否, Y/N, yes/no, true/false, 1/0 (any case; full-width folded).
bool CellBool(const Cell& cell);
std::int64_t CellInteger(const Cell& cell);
/// A percentage as typed: "70", "70%", or a number cell 70 (or 0.7 with a % number format is not
/// known to us: a number cell ≤ 1 is refused as ambiguous).
Rate CellPercent(const Cell& cell);
/// 0 to 1 with at most one decimal, in tenths (0.5 → 5).
int CellScoreTenths(const Cell& cell);
/// Must be a text cell: a number cell is refused with the advice to re-save the column as text.
ResidentId CellIdNumber(const Cell& cell);
BankCard CellBankCard(const Cell& cell);

/// Checks a cell against a field type (used by `inspect` and by record readers). Returns the
/// problem's message, or an empty string when the value is fine or blank.
std::string CheckCell(const Cell& cell, FieldType type, bool date1904);

/// One data row with its header map: typed, located access by field key.
class RowView {
 public:
  RowView(const Row& row, const HeaderMap& map, const SheetInfo& info, const std::string& file)
      : row_(row), map_(map), info_(info), file_(file) {}

  /// Field access by id (resolve the key once with TableSpec::Id; O(1) per row) or by key.
  bool Has(FieldId field) const;  ///< the column exists and the cell is not blank
  bool HasColumn(FieldId field) const { return map_.ColumnOf(field) >= 0; }  ///< in the file
  bool Has(std::string_view key) const { return Has(Id(key)); }
  /// The trimmed text (a view into the row: valid until the reader's next row); "" when absent.
  std::string_view View(FieldId field) const;
  std::string Text(FieldId field) const { return std::string(View(field)); }
  /// The well-formed cases of GetIdNumber and GetBankCard, without allocating: a text cell
  /// holding an 18-character ID (valid date and check character), or 16–19 digits (then its
  /// Luhn check). nullopt for anything else (absent, blank, a number cell, not well-formed),
  /// which the getter then reads or explains.
  std::optional<QuickResidentId> WellFormedIdNumber(FieldId field) const;
  std::optional<bool> WellFormedBankCardLuhn(FieldId field) const;
  std::string Text(std::string_view key) const { return Text(Id(key)); }
  /// Typed getters: nullopt when the column is absent or the cell blank; throw Error(kInput) with
  /// the cell's location when the value is not valid.
  std::optional<Money> GetMoney(FieldId field) const;
  std::optional<Date> GetDate(FieldId field) const;
  std::optional<bool> GetBool(FieldId field) const;
  std::optional<std::int64_t> GetInteger(FieldId field) const;
  std::optional<Rate> GetPercent(FieldId field) const;
  std::optional<ResidentId> GetIdNumber(FieldId field) const;
  std::optional<BankCard> GetBankCard(FieldId field) const;
  std::optional<Money> GetMoney(std::string_view key) const { return GetMoney(Id(key)); }
  std::optional<Date> GetDate(std::string_view key) const { return GetDate(Id(key)); }
  std::optional<bool> GetBool(std::string_view key) const { return GetBool(Id(key)); }
  std::optional<std::int64_t> GetInteger(std::string_view key) const { return GetInteger(Id(key)); }
  std::optional<Rate> GetPercent(std::string_view key) const { return GetPercent(Id(key)); }
  std::optional<ResidentId> GetIdNumber(std::string_view key) const { return GetIdNumber(Id(key)); }
  std::optional<BankCard> GetBankCard(std::string_view key) const { return GetBankCard(Id(key)); }

  Location Where(FieldId field) const;
  Location Where(std::string_view key) const { return Where(Id(key)); }
  std::int64_t number() const { return row_.number; }

 private:
  FieldId Id(std::string_view key) const { return map_.table().Id(key); }
  template <typename Fn>
  auto Get(FieldId field, Fn fn) const -> std::optional<decltype(fn(Cell{}))>;

  const Row& row_;
  const HeaderMap& map_;
  const SheetInfo& info_;
  const std::string& file_;
};

}  // namespace huzhu
