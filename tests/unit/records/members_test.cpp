// The member table's storage: texts packed in 8 bytes, units interned, the hash index.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "../engines/engine_test_support.h"
#include "records/members.h"
#include "records/table_reader.h"

namespace huzhu {
namespace {

namespace fs = std::filesystem;

TEST_CASE("PackedText: 8 bytes that read back as the text they were given") {
  static_assert(sizeof(PackedText) == 8);
  const std::string text = "呼和浩特市总工会";
  const PackedText packed(text);
  CHECK(packed.view() == text);
  CHECK(packed.data() == text.data());
  CHECK(packed.size() == text.size());
  CHECK(packed == std::string_view("呼和浩特市总工会"));
  CHECK(PackedText().empty());
  CHECK(PackedText("").empty());
  const std::string longest(PackedText::kMaxSize, 'x');
  CHECK(PackedText(longest).size() == PackedText::kMaxSize);
  const std::string too_long(PackedText::kMaxSize + 1, 'x');
  CHECK_THROWS_AS(PackedText{too_long}, std::length_error);
}

TEST_CASE("TextArena::Intern: equal texts share one copy, different texts never do") {
  TextArena arena;
  // 50,000 unit codes (the table grows several times), each interned three times in a
  // scattered order; texts of 1 to 40 bytes so that every tail length of the hash is met.
  std::vector<std::string> codes;
  for (int i = 0; i < 50000; ++i) {
    std::string code = "U";  // built in steps: GCC 12 warns falsely on "U" + std::to_string
    code += std::to_string(i * 7919 % 100003);
    code.append(static_cast<std::size_t>(i % 33), 'x');
    codes.push_back(code);
  }
  std::vector<std::string_view> first(codes.size());
  int wrong = 0;
  for (int pass = 0; pass < 3; ++pass) {
    for (std::size_t k = 0; k < codes.size(); ++k) {
      const std::size_t i = (k * 12347 + static_cast<std::size_t>(pass)) % codes.size();
      const std::string copy = codes[i];  // a different address, the same text
      const std::string_view got = arena.Intern(copy);
      if (got != codes[i] || got.data() == copy.data()) ++wrong;
      if (first[i].empty()) first[i] = got;
      if (got.data() != first[i].data()) ++wrong;
    }
  }
  CHECK(wrong == 0);
  // Distinct texts have distinct copies.
  std::vector<const char*> addresses;
  for (const std::string_view v : first) addresses.push_back(v.data());
  std::sort(addresses.begin(), addresses.end());
  CHECK(std::adjacent_find(addresses.begin(), addresses.end()) == addresses.end());
  CHECK(arena.Intern("").empty());
}

TEST_CASE("members: a cell over 65,535 bytes makes its row a problem, not a crash") {
  const fs::path dir = fs::temp_directory_path() / ("huzhu-members-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string a = testing::TestId("15010219800305001");
  const std::string b = testing::TestId("15020319901111002");
  std::string long_name;
  while (long_name.size() <= PackedText::kMaxSize) long_name += "很长的名字";
  std::ofstream(dir / "m.csv") << "身份证号,姓名,单位编码,所属地区\n"
                               << a << ",张三,U1,呼和浩特\n"
                               << b << "," << long_name << ",U1,呼和浩特\n";
  ProblemList problems;
  const MemberTable members =
      ReadMembers({(dir / "m.csv").string()}, "", Project::kHospital, problems);
  fs::remove_all(dir);
  REQUIRE(members.size() == 2);
  CHECK(members.at(0).problem.empty());
  CHECK(members.at(0).unit_code.data() == members.at(1).unit_code.data());  // one copy of U1
  CHECK(members.at(0).region.data() == members.at(1).region.data());
  const Member& cut = members.at(1);
  CHECK_FALSE(cut.problem.empty());
  CHECK(cut.problem.view().find("过长") != std::string_view::npos);
  CHECK(cut.name.size() <= PackedText::kMaxSize);
  CHECK(cut.name.view().substr(0, 15) == "很长的名字");  // cut at a character boundary
  REQUIRE(problems.errors() == 1);
  CHECK(problems.items()[0].where.row == 3);
  CHECK(members.Find(b) == 1);  // still found, so that its claims learn why they are refused
}

TEST_CASE("members: 20,000 rows through the read-ahead batches, shortcut and careful paths alike") {
  // Five batches of 4,096 rows, reused as they come back, with rows of different lengths; every
  // few rows a cell takes the careful path (spaced card, full-width unit code, upper-case
  // English category, lower-case x) and must read as its plain twin would.
  const fs::path dir =
      fs::temp_directory_path() / ("huzhu-members-many-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const int n = 20000;
  // Built in steps: GCC 12 warns falsely on "literal" + std::to_string(…).
  auto numbered = [](std::string prefix, int number) { return prefix += std::to_string(number); };
  std::vector<std::string> ids;
  {
    std::ofstream out(dir / "m.csv");
    out << "身份证号,姓名,单位编码,所属地区,人员类别,银行卡号,开户行\n";
    for (int i = 0; i < n; ++i) {
      // 17 digits: area 150102, born 1980-01-(1 + i % 28), sequence (i / 28) % 1000: no two
      // rows below 28,000 share an ID.
      char first17[18];
      std::snprintf(first17, sizeof first17, "150102198001%02d%03d", 1 + i % 28, (i / 28) % 1000);
      std::string id = testing::TestId(first17);
      ids.push_back(id);
      if (i % 11 == 0 && id.back() == 'X') id.back() = 'x';
      const std::string unit = numbered("U", i % 300);
      const std::string card = "62220200000" + std::to_string(10000000 + i);  // 19 digits
      out << id << ",会员" << i << ",";
      out << (i % 5 == 0 ? "\xEF\xBC\xB5" + unit.substr(1) : unit);  // Ｕ: full-width U
      out << ",呼和浩特";
      if (i % 13 == 0) {  // a short row: category, card and bank absent
        out << "\n";
        continue;
      }
      out << "," << (i % 3 == 0 ? "RETIRED" : "在职") << ",";
      out << (i % 7 == 0 ? card.substr(0, 4) + " " + card.substr(4) : card);
      out << ",中国工商银行\n";
    }
  }
  ProblemList problems;
  const MemberTable members =
      ReadMembers({(dir / "m.csv").string()}, "", Project::kHospital, problems);
  fs::remove_all(dir);
  REQUIRE(members.size() == static_cast<std::size_t>(n));
  int wrong = 0;
  for (int i = 0; i < n; ++i) {
    const Member& m = members.at(static_cast<std::size_t>(i));
    const std::string card = "62220200000" + std::to_string(10000000 + i);
    const bool short_row = i % 13 == 0;
    const bool ok = m.row == i + 2 && m.id == ids[static_cast<std::size_t>(i)] &&
                    m.name == numbered("会员", i) && m.unit_code == numbered("U", i % 300) &&
                    m.region.view() == "呼和浩特" &&
                    m.category == (!short_row && i % 3 == 0 ? Category::kRetired
                                                             : Category::kActive) &&
                    m.bank_account == (short_row ? "" : card) &&
                    m.bank_name.view() == (short_row ? "" : "中国工商银行") && m.problem.empty() &&
                    m.birth == Date::FromYmd(1980, 1, 1 + i % 28) &&
                    members.Find(ids[static_cast<std::size_t>(i)]) == i;
    if (!ok) ++wrong;
  }
  CHECK(wrong == 0);
  // No errors; each card failing the Luhn check (counted here independently) is one warning.
  CHECK(problems.errors() == 0);
  int luhn_failures = 0;
  for (int i = 0; i < n; ++i) {
    if (i % 13 == 0) continue;
    const std::string card = "62220200000" + std::to_string(10000000 + i);
    int sum = 0;
    for (std::size_t k = 0; k < card.size(); ++k) {
      int d = card[card.size() - 1 - k] - '0';
      if (k % 2 == 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
    }
    if (sum % 10 != 0) ++luhn_failures;
  }
  CHECK(luhn_failures > 1000);
  CHECK(problems.items().size() == static_cast<std::size_t>(luhn_failures));
  for (const auto& p : problems.items()) CHECK(p.message.find("Luhn") != std::string::npos);
}

}  // namespace
}  // namespace huzhu

namespace huzhu {
namespace {

TEST_CASE("RowReservation: reserves the rows all files will hold, from the first report") {
  // Two files of 1,000 and 3,000 bytes; 50 rows read of the second file's first 500 bytes
  // (after 40 rows of the first): 0.1 rows a byte × 4,000 bytes × 1.1 = 440 rows.
  const fs::path dir = fs::temp_directory_path() / ("huzhu-reserve-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "a.csv") << std::string(1000, 'x');
  std::ofstream(dir / "b.csv") << std::string(3000, 'x');
  std::size_t rows = 40;
  std::vector<std::size_t> reserved;
  std::vector<std::uint64_t> reported;
  RowReservation reservation({(dir / "a.csv").string(), (dir / "b.csv").string()}, 1000,
                             [&rows] { return rows; },
                             [&reserved](std::size_t n) { reserved.push_back(n); });
  const ProgressFn progress =
      reservation.Wrap([&reported](std::uint64_t done, std::uint64_t) { reported.push_back(done); });
  reservation.StartFile();
  rows += 50;
  progress(500, 3000);
  progress(1000, 3000);  // once only
  REQUIRE(reserved.size() == 1);
  CHECK(reserved[0] == 440);
  CHECK(reported == std::vector<std::uint64_t>{500, 1000});  // the caller's reports go on
  // The cap holds: 500 rows in the first 1,000 bytes would make 0.5 × 4,000 × 1.1 = 2,200.
  RowReservation capped({(dir / "a.csv").string(), (dir / "b.csv").string()}, 1000,
                        [] { return std::size_t{500}; },
                        [&reserved](std::size_t n) { reserved.push_back(n); });
  capped.Wrap(nullptr)(1000, 1000);
  CHECK(reserved.back() == 1000);
  // A file that cannot be sized counts 0 bytes.
  RowReservation missing({(dir / "none.csv").string()}, 1000, [] { return std::size_t{500}; },
                         [&reserved](std::size_t n) { reserved.push_back(n); });
  missing.Wrap(nullptr)(1000, 1000);
  CHECK(reserved.back() == 0);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace huzhu
