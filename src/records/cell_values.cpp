#include "records/cell_values.h"

#include "core/diagnostics.h"
#include "core/text.h"

namespace huzhu {

namespace {

std::string Quoted(std::string_view text) { return "“" + std::string(text) + "”"; }

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// A number cell's text as a plain integer, if it is one ("20260305", "7", "7.0").
std::optional<std::int64_t> WholeNumber(std::string_view text) {
  std::string_view t = text;
  const bool negative = !t.empty() && t[0] == '-';
  if (negative) t.remove_prefix(1);
  const auto dot = t.find('.');
  std::string_view whole = t.substr(0, dot);
  if (dot != std::string_view::npos) {
    for (char c : t.substr(dot + 1)) {
      if (c != '0') return std::nullopt;
    }
  }
  if (!AllDigits(whole) || whole.size() > 18) return std::nullopt;
  std::int64_t v = 0;
  for (char c : whole) v = v * 10 + (c - '0');
  return negative ? -v : v;
}

}  // namespace

bool IsBlankCell(const Cell& cell) {
  return cell.type == CellType::kEmpty || (cell.type == CellType::kText && Trim(cell.text).empty());
}

std::string CellText(const Cell& cell) { return std::string(Trim(cell.text)); }

Money CellMoney(const Cell& cell) {
  switch (cell.type) {
    case CellType::kNumber:
      if (cell.is_date) {
        // A money cell formatted as a date (or the legacy [DBNum2] amount format, which .xls
        // readers take for a date): refuse rather than guess.
        throw ValueError(Tr("应为金额，但单元格是日期格式：请把该列设为数值格式",
                            "expected money, but the cell has a date format: format the column "
                            "as numbers"));
      }
      return ParseMoneyNumber(cell.text);
    case CellType::kText:
      return ParseMoneyText(cell.text);
    case CellType::kError:
      throw ValueError(Tr("应为金额，单元格是公式错误 " + std::string(cell.text),
                          "expected money, the cell holds the formula error " +
                              std::string(cell.text)));
    default:
      throw ValueError(Tr("应为金额", "expected money"));
  }
}

Date CellDate(const Cell& cell, bool date1904) {
  if (cell.type == CellType::kNumber) {
    if (cell.is_date) return DateFromExcelSerial(cell.text, date1904);
    // A plain number typed as yyyymmdd (20260305) is the contract's compact form.
    const auto whole = WholeNumber(cell.text);
    if (whole && *whole >= 19000101 && *whole <= 99991231) {
      return ParseDateText(std::to_string(*whole));
    }
    throw ValueError(Tr("应为日期，实际为数字 " + std::string(cell.text) +
                            "（请把该列设为日期格式，或写成 2026-03-05）",
                        "expected a date, found the number " + std::string(cell.text) +
                            " (format the column as dates, or write 2026-03-05)"));
  }
  if (cell.type == CellType::kText) return ParseDateText(cell.text);
  if (cell.type == CellType::kError) {
    throw ValueError(Tr("应为日期，单元格是公式错误 " + std::string(cell.text),
                        "expected a date, the cell holds the formula error " +
                            std::string(cell.text)));
  }
  throw ValueError(Tr("应为日期", "expected a date"));
}

bool CellBool(const Cell& cell) {
  if (cell.type == CellType::kBool) return cell.text == "1";
  // The usual spellings, without allocating.
  const std::string_view t = Trim(cell.text);
  if (t == "是" || t == "1" || t == "Y" || t == "y") return true;
  if (t == "否" || t == "0" || t == "N" || t == "n") return false;
  const std::string v = AsciiLower(NormalizeText(cell.text));
  if (v == "是" || v == "y" || v == "yes" || v == "true" || v == "1") return true;
  if (v == "否" || v == "n" || v == "no" || v == "false" || v == "0") return false;
  throw ValueError(Tr("应为 是/否（或 Y/N、yes/no、true/false、1/0），实际为" + Quoted(cell.text),
                      "expected 是/否 (or Y/N, yes/no, true/false, 1/0), found '" +
                          std::string(cell.text) + "'"));
}

std::int64_t CellInteger(const Cell& cell) {
  if (cell.type == CellType::kNumber || cell.type == CellType::kText) {
    if (const auto whole = WholeNumber(Trim(cell.text))) return *whole;
  }
  const std::string v = NormalizeText(cell.text);
  if (cell.type == CellType::kNumber || cell.type == CellType::kText) {
    if (const auto whole = WholeNumber(v)) return *whole;
  }
  throw ValueError(Tr("应为整数，实际为" + Quoted(cell.text),
                      "expected a whole number, found '" + std::string(cell.text) + "'"));
}

Rate CellPercent(const Cell& cell) {
  const std::string v = NormalizeText(cell.text);
  if (cell.type == CellType::kNumber) {
    // A number cell ≤ 1 could be 0.7 meaning 70% (percent format) or 0.7%: refuse the guess.
    if (const auto whole = WholeNumber(v); whole && *whole == 0) return Rate::FromPercent(0);
    const Rate r = ParseRate(v);
    if (r <= Rate::FromPercent(1)) {
      throw ValueError(Tr("比例“" + v + "”含义不明：请写成百分数，如 70 或 70%",
                          "ambiguous share '" + v + "': write a percentage such as 70 or 70%"));
    }
    return r;
  }
  if (cell.type == CellType::kText) return ParseRate(v);
  throw ValueError(Tr("应为百分比", "expected a percentage"));
}

int CellScoreTenths(const Cell& cell) {
  const std::string v = NormalizeText(cell.text);
  // Accept 0, 1, 0.x (one decimal), also "1.0".
  int tenths = -1;
  if (v == "1" || v == "1.0") {
    tenths = 10;
  } else if (v == "0" || v == "0.0") {
    tenths = 0;
  } else if (v.size() == 3 && v[0] == '0' && v[1] == '.' && v[2] >= '0' && v[2] <= '9') {
    tenths = v[2] - '0';
  } else if (v.size() == 2 && v[0] == '.' && v[1] >= '0' && v[1] <= '9') {
    tenths = v[1] - '0';
  }
  if (tenths < 0) {
    throw ValueError(Tr("应为 0 到 1 之间、最多一位小数的分数，实际为" + Quoted(cell.text),
                        "expected a score from 0 to 1 with at most one decimal, found '" +
                            std::string(cell.text) + "'"));
  }
  return tenths;
}

ResidentId CellIdNumber(const Cell& cell) {
  if (cell.type == CellType::kNumber) throw ValueError(IdNumberCellAdvice(cell.text));
  return ParseResidentId(cell.text);
}

BankCard CellBankCard(const Cell& cell) {
  if (cell.type == CellType::kNumber) {
    throw ValueError(Tr("银行卡号被 Excel 存成了数字（" + std::string(cell.text) +
                            "），可能已丢失位数：请把该列设为“文本”格式后重新录入或导出",
                        "the bank card number was stored as a number (" + std::string(cell.text) +
                            ") and may have lost digits: format the column as text and re-enter "
                            "or re-export it"));
  }
  return ParseBankCard(cell.text);
}

std::string CheckCell(const Cell& cell, FieldType type, bool date1904) {
  if (IsBlankCell(cell)) return "";
  try {
    switch (type) {
      case FieldType::kText:
        if (cell.type == CellType::kError) {
          return Tr("单元格是公式错误 " + std::string(cell.text),
                    "the cell holds the formula error " + std::string(cell.text));
        }
        break;
      case FieldType::kIdNumber:
        CellIdNumber(cell);
        break;
      case FieldType::kBankCard:
        CellBankCard(cell);
        break;
      case FieldType::kMoney:
        CellMoney(cell);
        break;
      case FieldType::kDate:
        CellDate(cell, date1904);
        break;
      case FieldType::kBool:
        CellBool(cell);
        break;
      case FieldType::kInteger:
        CellInteger(cell);
        break;
      case FieldType::kPercent:
        CellPercent(cell);
        break;
      case FieldType::kScore:
        CellScoreTenths(cell);
        break;
    }
  } catch (const ValueError& e) {
    return e.what();
  } catch (const std::overflow_error&) {
    return Tr("数值过大", "value too large");
  }
  return "";
}

Location RowView::Where(FieldId field) const {
  const int col = map_.ColumnOf(field);
  return Location(file_, info_.sheet, row_.number, col, col >= 0 ? map_.HeaderText(col) : "");
}

bool RowView::Has(FieldId field) const {
  const int col = map_.ColumnOf(field);
  return col >= 0 && !IsBlankCell(row_.at(static_cast<std::size_t>(col)));
}

std::string_view RowView::View(FieldId field) const {
  const int col = map_.ColumnOf(field);
  if (col < 0) return {};
  return Trim(row_.at(static_cast<std::size_t>(col)).text);
}

std::optional<QuickResidentId> RowView::WellFormedIdNumber(FieldId field) const {
  const int col = map_.ColumnOf(field);
  if (col < 0) return std::nullopt;
  const Cell& cell = row_.at(static_cast<std::size_t>(col));
  if (cell.type != CellType::kText) return std::nullopt;
  return ParseWellFormedResidentId(Trim(cell.text));
}

std::optional<bool> RowView::WellFormedBankCardLuhn(FieldId field) const {
  const int col = map_.ColumnOf(field);
  if (col < 0) return std::nullopt;
  const Cell& cell = row_.at(static_cast<std::size_t>(col));
  if (cell.type != CellType::kText) return std::nullopt;
  return huzhu::WellFormedBankCardLuhn(Trim(cell.text));
}

template <typename Fn>
auto RowView::Get(FieldId field, Fn fn) const -> std::optional<decltype(fn(Cell{}))> {
  const int col = map_.ColumnOf(field);
  if (col < 0) return std::nullopt;
  const Cell& cell = row_.at(static_cast<std::size_t>(col));
  if (IsBlankCell(cell)) return std::nullopt;
  try {
    return fn(cell);
  } catch (const ValueError& e) {
    throw Error(ErrorKind::kInput, Where(field), e.what());
  } catch (const std::overflow_error&) {
    throw Error(ErrorKind::kInput, Where(field), Tr("数值过大", "value too large"));
  }
}

std::optional<Money> RowView::GetMoney(FieldId f) const {
  return Get(f, [](const Cell& c) { return CellMoney(c); });
}
std::optional<Date> RowView::GetDate(FieldId f) const {
  const bool d1904 = info_.date1904;
  return Get(f, [d1904](const Cell& c) { return CellDate(c, d1904); });
}
std::optional<bool> RowView::GetBool(FieldId f) const {
  return Get(f, [](const Cell& c) { return CellBool(c); });
}
std::optional<std::int64_t> RowView::GetInteger(FieldId f) const {
  return Get(f, [](const Cell& c) { return CellInteger(c); });
}
std::optional<Rate> RowView::GetPercent(FieldId f) const {
  return Get(f, [](const Cell& c) { return CellPercent(c); });
}
std::optional<ResidentId> RowView::GetIdNumber(FieldId f) const {
  return Get(f, [](const Cell& c) { return CellIdNumber(c); });
}
std::optional<BankCard> RowView::GetBankCard(FieldId f) const {
  return Get(f, [](const Cell& c) { return CellBankCard(c); });
}

}  // namespace huzhu
