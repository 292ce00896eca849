#include <doctest/doctest.h>

#include "core/diagnostics.h"
#include "records/columns.h"

using namespace huzhu;

namespace {
// A header row built from texts (views into the caller's strings).
Row MakeRow(const std::vector<std::string>& texts) {
  Row row;
  row.number = 1;
  for (const auto& t : texts) row.cells.push_back(Cell{CellType::kText, false, t});
  return row;
}
}  // namespace

TEST_CASE("ColumnLetter follows Excel's bijective base 26") {
  CHECK(ColumnLetter(0) == "A");
  CHECK(ColumnLetter(25) == "Z");
  CHECK(ColumnLetter(26) == "AA");
  CHECK(ColumnLetter(51) == "AZ");
  CHECK(ColumnLetter(52) == "BA");
  CHECK(ColumnLetter(701) == "ZZ");
  CHECK(ColumnLetter(702) == "AAA");
  CHECK(ColumnLetter(16383) == "XFD");
  CHECK(ColumnLetter(-1) == "");
}

TEST_CASE("FormatLocation names file, sheet, row, column and header") {
  CHECK(FormatLocation(Location("claims.xlsx", "结算明细", 17, 5, "个人自付")) ==
        "claims.xlsx，工作表「结算明细」，第 17 行，F 列（个人自付）");
  CHECK(FormatLocation(Location("m.csv", "", 3)) == "m.csv，第 3 行");
  SetLanguage(Language::kEnglish);
  CHECK(FormatLocation(Location("claims.xlsx", "S", 2, 0, "申领编号")) ==
        "claims.xlsx, sheet 'S', row 2, column A (申领编号)");
  SetLanguage(Language::kChinese);
}

TEST_CASE("headers match Chinese names, English aliases (any case), after trim and full-width fold") {
  const TableSpec& m = MembersTable();
  REQUIRE(MatchHeader(m, "身份证号") != nullptr);
  CHECK(MatchHeader(m, "身份证号")->key == "id_number");
  CHECK(MatchHeader(m, "  身份证号\u3000")->key == "id_number");
  CHECK(MatchHeader(m, "ID_Number")->key == "id_number");
  // Full-width letters and underscore: ｕｎｉｔ＿ｃｏｄｅ
  CHECK(MatchHeader(m, "\uFF55\uFF4E\uFF49\uFF54\uFF3F\uFF43\uFF4F\uFF44\uFF45")->key ==
        "unit_code");
  CHECK(MatchHeader(m, "备注") == nullptr);
  CHECK(MatchHeader(m, "") == nullptr);
}

TEST_CASE("bank result headers accept the common bank variants") {
  const TableSpec& b = BankResultsTable();
  CHECK(MatchHeader(b, "收款人账号")->key == "account");
  CHECK(MatchHeader(b, "收款账号")->key == "account");
  CHECK(MatchHeader(b, "收款人姓名")->key == "payee");
  CHECK(MatchHeader(b, "户名")->key == "payee");
  CHECK(MatchHeader(b, "交易金额")->key == "amount");
  CHECK(MatchHeader(b, "交易状态")->key == "status");
  CHECK(MatchHeader(b, "处理结果")->key == "status");
  CHECK(MatchHeader(b, "备注")->key == "failure_reason");
}

TEST_CASE("every table's required columns are those of the data contract") {
  auto required = [](const TableSpec& t) {
    std::vector<std::string> keys;
    for (const auto& f : t.fields) {
      if (f.need == Need::kRequired) keys.push_back(f.key);
    }
    return keys;
  };
  CHECK(required(MembersTable()) == std::vector<std::string>{"id_number", "name", "unit_code"});
  CHECK(required(ClaimsTable()) == std::vector<std::string>{"claim_id", "id_number"});
  CHECK(required(UnitsTable()) == std::vector<std::string>{"unit_code", "employees"});
  CHECK(required(TargetsTable()) == std::vector<std::string>{"region", "project", "target"});
  CHECK(required(BankResultsTable()) == std::vector<std::string>{"account", "payee", "amount"});
  CHECK(ClaimsTable().fields.size() == 31);
  CHECK(MembersTable().fields.size() == 20);
}

TEST_CASE("HeaderMap maps columns, reports missing required ones and refuses duplicates") {
  const std::vector<std::string> texts{"姓名", "备注", "id_number", "单位编码"};
  const Row header = MakeRow(texts);
  HeaderMap map(MembersTable(), header, "m.xlsx", "会员");
  CHECK(map.ColumnOf("name") == 0);
  CHECK(map.ColumnOf("id_number") == 2);
  CHECK(map.ColumnOf("unit_code") == 3);
  CHECK(map.ColumnOf("region") == -1);
  CHECK(map.MatchedCount() == 3);
  CHECK(map.MissingRequired().empty());
  CHECK_NOTHROW(map.RequireAll());

  const std::vector<std::string> short_texts{"姓名", "所属地区"};
  HeaderMap partial(MembersTable(), MakeRow(short_texts), "m.xlsx", "会员");
  REQUIRE(partial.MissingRequired().size() == 2);
  try {
    partial.RequireAll();
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::kInput);
    const std::string what = e.what();
    CHECK(what.find("m.xlsx，工作表「会员」，第 1 行") == 0);
    CHECK(what.find("身份证号（可用列名：身份证号 / id_number）") != std::string::npos);
    CHECK(what.find("单位编码") != std::string::npos);
  }

  const std::vector<std::string> dup{"身份证号", "姓名", "ID_NUMBER"};
  CHECK_THROWS_WITH_AS(HeaderMap(MembersTable(), MakeRow(dup), "m.csv", ""),
                       doctest::Contains("C 列"), Error);
}
