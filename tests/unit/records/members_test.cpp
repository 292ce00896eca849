// The member table's storage: texts packed in 8 bytes, units interned, the hash index.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include "../engines/engine_test_support.h"
#include "records/members.h"

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

}  // namespace
}  // namespace huzhu
