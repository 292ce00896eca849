#include <doctest/doctest.h>

#include "core/diagnostics.h"
#include "records/cell_values.h"

using namespace huzhu;

namespace {
Cell Text(std::string_view t) { return Cell{CellType::kText, false, t}; }
Cell Number(std::string_view t) { return Cell{CellType::kNumber, false, t}; }
Cell DateCell(std::string_view t) { return Cell{CellType::kNumber, true, t}; }
}  // namespace

TEST_CASE("money cells: number cells exact, text with ¥ and separators, > 2 decimals refused") {
  CHECK(CellMoney(Number("1234.5")).fen() == 123450);
  CHECK(CellMoney(Text("¥1,234.56")).fen() == 123456);
  CHECK(CellMoney(Text(" 12 ")).fen() == 1200);
  CHECK_THROWS_AS(CellMoney(Text("1.234")), ValueError);
  CHECK_THROWS_AS(CellMoney(Cell{CellType::kError, false, "#DIV/0!"}), ValueError);
}

TEST_CASE("date cells: Excel serials by the workbook's system, yyyymmdd numbers, text forms") {
  // Serial 46086 in the 1900 system: 2026-03-05 (45658 = 2025-01-01, plus 428 days).
  CHECK(CellDate(DateCell("46086"), false).ToIso() == "2026-03-05");
  // The 1904 system is 1462 days behind.
  CHECK(CellDate(DateCell("44624"), true).ToIso() == "2026-03-05");
  CHECK(CellDate(Number("20260305"), false).ToIso() == "2026-03-05");
  CHECK(CellDate(Text("2026年3月5日"), false).ToIso() == "2026-03-05");
  // A plain number that is not a date-formatted cell nor yyyymmdd is refused, not guessed.
  CHECK_THROWS_WITH_AS(CellDate(Number("46086"), false), doctest::Contains("日期"), ValueError);
}

TEST_CASE("yes/no cells accept the contract's forms") {
  for (const char* yes : {"是", "Y", "y", "yes", "TRUE", "1", "\uFF39"}) {
    CHECK_MESSAGE(CellBool(Text(yes)), yes);
  }
  for (const char* no : {"否", "N", "no", "false", "0"}) CHECK_FALSE(CellBool(Text(no)));
  CHECK(CellBool(Cell{CellType::kBool, false, "1"}));
  CHECK_THROWS_AS(CellBool(Text("也许")), ValueError);
}

TEST_CASE("integers, percents and manual scores") {
  CHECK(CellInteger(Number("30")) == 30);
  CHECK(CellInteger(Number("30.0")) == 30);
  CHECK(CellInteger(Text("１５")) == 15);
  CHECK_THROWS_AS(CellInteger(Number("30.5")), ValueError);
  CHECK(CellPercent(Text("70%")) == Rate::FromPercent(70));
  CHECK(CellPercent(Number("70")) == Rate::FromPercent(70));
  CHECK_THROWS_AS(CellPercent(Number("0.7")), ValueError);  // ambiguous: 70% or 0.7%?
  CHECK(CellScoreTenths(Text("0.5")) == 5);
  CHECK(CellScoreTenths(Number("1")) == 10);
  CHECK_THROWS_AS(CellScoreTenths(Text("0.55")), ValueError);
  CHECK_THROWS_AS(CellScoreTenths(Text("1.5")), ValueError);
}

TEST_CASE("ID and card numbers stored as numbers are refused with the advice to use text") {
  CHECK_THROWS_WITH_AS(CellIdNumber(Number("4.10105194912311E+17")), doctest::Contains("文本"),
                       ValueError);
  CHECK(CellIdNumber(Text("11010519491231002X")).digits == "11010519491231002X");
  CHECK_THROWS_WITH_AS(CellBankCard(Number("6.22202E+18")), doctest::Contains("文本"), ValueError);
}

TEST_CASE("RowView adds the cell's location to value errors") {
  const std::string h0 = "申领编号", h1 = "个人自付";
  Row header;
  header.number = 1;
  header.cells = {Text(h0), Text(h1)};
  HeaderMap map(ClaimsTable(), header, "claims.xlsx", "结算明细");
  Row row;
  row.number = 17;
  row.cells = {Text("C1"), Text("12.345")};
  SheetInfo info;
  info.sheet = "结算明细";
  const std::string file = "claims.xlsx";
  RowView view(row, map, info, file);
  CHECK(view.Text("claim_id") == "C1");
  CHECK_FALSE(view.GetMoney("pooled_cost").has_value());  // column absent
  try {
    view.GetMoney("self_pay");
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.where().row == 17);
    CHECK(e.where().column == 1);
    CHECK(std::string(e.what()).find("claims.xlsx，工作表「结算明细」，第 17 行，B 列（个人自付）") ==
          0);
  }
}

TEST_CASE("RowView's well-formed shortcuts take text cells only, as the getters would") {
  const std::string h0 = "身份证号", h1 = "银行卡号", h2 = "配偶身份证号";
  Row header;
  header.number = 1;
  header.cells = {Text(h0), Text(h1), Text(h2)};
  HeaderMap map(MembersTable(), header, "members.xlsx", "会员名单");
  SheetInfo info;
  const std::string file = "members.xlsx";
  Row row;
  row.number = 2;
  // 11010519491231002X is valid (GB 11643 check character X); 6222020200112233446 passes Luhn.
  row.cells = {Text(" 11010519491231002x "), Text("6222020200112233446"), Text("")};
  RowView view(row, map, info, file);
  const auto id = view.WellFormedIdNumber(MembersTable().Id("id_number"));
  REQUIRE(id.has_value());
  CHECK(id->view() == "11010519491231002X");
  CHECK(id->birth == Date::FromYmd(1949, 12, 31));
  CHECK(view.WellFormedBankCardLuhn(MembersTable().Id("bank_account")) == std::optional<bool>(true));
  CHECK_FALSE(view.WellFormedIdNumber(MembersTable().Id("spouse_id")).has_value());  // blank
  CHECK_FALSE(view.WellFormedIdNumber(MembersTable().Id("name")).has_value());       // absent
  // The same digits in number cells (a crafted .xlsx can hold all 18): not the shortcut's, and
  // the getters refuse them with the advice to store them as text (110105194912310011 is valid).
  Row numbers;
  numbers.number = 3;
  numbers.cells = {Number("110105194912310011"), Number("6222020200112233446"), Text("")};
  RowView as_numbers(numbers, map, info, file);
  CHECK_FALSE(as_numbers.WellFormedIdNumber(MembersTable().Id("id_number")).has_value());
  CHECK_FALSE(as_numbers.WellFormedBankCardLuhn(MembersTable().Id("bank_account")).has_value());
  CHECK_THROWS_WITH_AS(as_numbers.GetIdNumber(MembersTable().Id("id_number")),
                       doctest::Contains("文本"), Error);
  CHECK_THROWS_WITH_AS(as_numbers.GetBankCard(MembersTable().Id("bank_account")),
                       doctest::Contains("文本"), Error);
}
