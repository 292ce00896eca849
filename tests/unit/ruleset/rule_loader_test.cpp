#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "ruleset/rule_loader.h"

using namespace huzhu;

namespace {

std::string ReadShipped(const std::string& rel) {
  std::ifstream in(std::string(HUZHU_SOURCE_DIR) + "/rules/" + rel);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The 2026 hospital file with one substitution applied (a defect per test).
std::string Mutated(const std::string& from, const std::string& to) {
  std::string text = ReadShipped("inner-mongolia/2026-hospital.toml");
  const auto pos = text.find(from);
  REQUIRE_MESSAGE(pos != std::string::npos, from);
  text.replace(pos, from.size(), to);
  return text;
}

std::string ErrorOf(const std::string& text) {
  try {
    ParseRuleSet(text, "t.toml");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::kRules);
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("IM 2026 hospital rule file encodes rules-reference section 1") {
  const RuleSet r = ParseRuleSet(ReadShipped("inner-mongolia/2026-hospital.toml"), "2026.toml");
  CHECK(r.id == "inner-mongolia/2026/hospital");
  CHECK(r.year == 2026);
  CHECK(r.GetDate("period.start").ToIso() == "2026-01-01");
  CHECK(r.GetDate("period.end").ToIso() == "2026-12-31");
  // 第九条 1-7: 0–3,000 40%; –5,000 50%; –10,000 60%; –50,000 70%; –100,000 80%; –500,000 100%.
  const auto& segs = r.GetSegments("medical_subsidy.segments");
  REQUIRE(segs.size() == 6);
  CHECK(segs[0].upto == Money::FromYuan(3000));
  CHECK(segs[0].rate == Rate::FromPercent(40));
  CHECK(segs[5].upto == Money::FromYuan(500000));
  CHECK(segs[5].rate == Rate::FromPercent(100));
  CHECK(segs[3].source == "第九条 4");
  // 第九条 8-13.
  const auto& per_day = r.GetDailyRates("allowance.per_day");
  REQUIRE(per_day.size() == 3);
  CHECK(per_day[2].from_year == 3);
  CHECK(per_day[2].per_day == Money::FromYuan(30));
  CHECK(r.GetInt("allowance.max_days") == 30);
  CHECK(r.GetText("allowance.days_basis") == "dates");
  CHECK(r.GetMoney("top_up.minimum") == Money::FromYuan(200));
  CHECK(r.GetMoney("death_benefit.amount") == Money::FromYuan(2000));
  CHECK(r.GetMoney("period_cap.amount") == Money::FromYuan(500000));
  CHECK(r.GetDate("deadline.date").ToIso() == "2027-04-30");
  CHECK(r.GetText("causes.childbirth") == "covered");
  CHECK(r.GetText("eligibility.resident_insurance") == "review");
  CHECK(r.GetInt("eligibility.retired_min_consecutive_years") == 8);
  CHECK(r.Get("top_up.minimum").source == "第九条 11");
}

TEST_CASE("IM 2024 and 2021 hospital files differ from 2026 exactly where the reference says") {
  const RuleSet r24 = ParseRuleSet(ReadShipped("inner-mongolia/2024-hospital.toml"), "2024.toml");
  CHECK(r24.GetText("period.coverage") == "month_15th");
  CHECK_FALSE(r24.HasSection("death_benefit"));  // no death benefit in 2024
  CHECK(r24.GetText("causes.childbirth") == "excluded_cause");  // art. 14.7
  CHECK(r24.GetBool("claims.require_settlement"));             // art. 14.3
  CHECK(r24.GetText("allowance.days_basis") == "settlement");
  CHECK(r24.GetDate("deadline.date").ToIso() == "2025-03-31");
  CHECK(r24.GetInt("eligibility.retired_min_consecutive_years") == 6);

  const RuleSet r21 = ParseRuleSet(ReadShipped("inner-mongolia/2021-hospital.toml"), "2021.toml");
  const auto& segs = r21.GetSegments("medical_subsidy.segments");
  REQUIRE(segs.size() == 3);  // art. 10: 40% / 70% / 100% to 250,000
  CHECK(segs[0].upto == Money::FromYuan(10000));
  CHECK(segs[1].rate == Rate::FromPercent(70));
  CHECK(segs[2].upto == Money::FromYuan(250000));
  CHECK(r21.GetMoney("period_cap.amount") == Money::FromYuan(250000));
  CHECK(r21.GetText("period.coverage") == "enrolment_year");
  CHECK(r21.GetText("deadline.rule") == "days_after_settlement");
  CHECK(r21.GetInt("deadline.days") == 90);
  CHECK(r21.GetText("causes.traffic_accident") == "covered_if_settled");
  CHECK(r21.GetText("eligibility.resident_insurance") == "ineligible");
  CHECK(r21.GetBool("claims.require_referral_filing"));
}

TEST_CASE("rule file defects: each is refused with file:line, the key and what is wrong") {
  SUBCASE("a typo in a key suggests the right one") {
    const std::string e = ErrorOf(Mutated("minimum = {", "minimun = {"));
    CHECK(e.find("t.toml:") == 0);
    CHECK(e.find("top_up.minimun") != std::string::npos);
    CHECK(e.find("top_up.minimum") != std::string::npos);
  }
  SUBCASE("a typo in a section name") {
    const std::string e = ErrorOf(Mutated("[top_up]", "[topup]"));
    CHECK(e.find("topup") != std::string::npos);
    CHECK(e.find("top_up") != std::string::npos);
  }
  SUBCASE("a parameter without its article") {
    const std::string e =
        ErrorOf(Mutated("minimum = { value = \"200.00\", source = \"第九条 11\" }",
                        "minimum = { value = \"200.00\" }"));
    CHECK(e.find("top_up.minimum") != std::string::npos);
    CHECK(e.find("source") != std::string::npos);
  }
  SUBCASE("unsorted segments") {
    const std::string e = ErrorOf(Mutated("upto = \"5000.00\"", "upto = \"2000.00\""));
    CHECK(e.find("medical_subsidy.segments[1]") != std::string::npos);
  }
  SUBCASE("overlapping (equal) segment bounds") {
    const std::string e = ErrorOf(Mutated("upto = \"5000.00\"", "upto = \"3000.00\""));
    CHECK(e.find("medical_subsidy.segments[1]") != std::string::npos);
  }
  SUBCASE("a percentage out of range") {
    const std::string e = ErrorOf(Mutated("rate = \"40%\"", "rate = \"140%\""));
    CHECK(e.find("segments[0].rate") != std::string::npos);
  }
  SUBCASE("money written as a float") {
    const std::string e = ErrorOf(Mutated("value = \"200.00\"", "value = 200.5"));
    CHECK(e.find("top_up.minimum") != std::string::npos);
  }
  SUBCASE("period dates out of order") {
    const std::string e = ErrorOf(Mutated("end = { value = 2026-12-31", "end = { value = 2025-12-31"));
    CHECK(e.find("period.end") != std::string::npos);
  }
  SUBCASE("a missing required parameter") {
    const std::string e = ErrorOf(Mutated("max_days = { value = 30, source = \"第九条 8\" }", ""));
    CHECK(e.find("max_days") != std::string::npos);
  }
  SUBCASE("a missing required section") {
    const std::string e = ErrorOf(Mutated("[deadline]", "[deadline_x]"));
    CHECK(e.find("deadline") != std::string::npos);
  }
  SUBCASE("an invalid choice") {
    const std::string e = ErrorOf(Mutated("value = \"review\"", "value = \"reveiw\""));
    CHECK(e.find("eligibility.resident_insurance") != std::string::npos);
    CHECK(e.find("review") != std::string::npos);
  }
  SUBCASE("an id that does not match scheme/year/project") {
    const std::string e = ErrorOf(Mutated("id = \"inner-mongolia/2026/hospital\"",
                                          "id = \"inner-mongolia/2025/hospital\""));
    CHECK(e.find("inner-mongolia/2026/hospital") != std::string::npos);
  }
  SUBCASE("schema_version is checked first") {
    const std::string e = ErrorOf(Mutated("schema_version = 1", "schema_version = 2"));
    CHECK(e.find("schema_version") != std::string::npos);
  }
  SUBCASE("TOML syntax errors carry the line") {
    const std::string e = ErrorOf(Mutated("[top_up]", "[top_up"));
    CHECK(e.find("t.toml:") == 0);
  }
}

TEST_CASE("an override file changes parameters and is validated again") {
  RuleSet r = ParseRuleSet(ReadShipped("inner-mongolia/2026-hospital.toml"), "2026.toml");
  ApplyOverride(r,
                "schema_version = 1\nbase = \"inner-mongolia/2026/hospital\"\n"
                "[top_up]\nminimum = { value = \"300.00\", source = \"本地补充规定\" }\n",
                "local.toml");
  CHECK(r.GetMoney("top_up.minimum") == Money::FromYuan(300));
  CHECK(r.Get("top_up.minimum").source == "本地补充规定");
  CHECK(r.Get("top_up.minimum").file == "local.toml");
  CHECK(r.override_path == "local.toml");
  CHECK_THROWS_WITH_AS(ApplyOverride(r, "schema_version = 1\nbase = \"wujin/2024/hospital\"\n", "x.toml"),
                       doctest::Contains("wujin/2024/hospital"), Error);
  CHECK_THROWS_WITH_AS(
      ApplyOverride(r, "schema_version = 1\n[period]\nend = { value = 2025-01-01, source = \"x\" }\n", "y.toml"),
      doctest::Contains("period.end"), Error);
}

TEST_CASE("shipped rule files all load and are listed by id") {
  const auto entries = ListRuleFiles(std::string(HUZHU_SOURCE_DIR) + "/rules");
  REQUIRE(entries.size() >= 4);
  // Sorted by id; other schemes' files come and go beside these.
  std::vector<std::string> ids;
  for (const auto& e : entries) ids.push_back(e.id);
  CHECK(std::is_sorted(ids.begin(), ids.end()));
  for (const char* id : {"hengyang/2021/hospital", "inner-mongolia/2021/hospital",
                         "inner-mongolia/2024/hospital", "inner-mongolia/2026/hospital"}) {
    CHECK_MESSAGE(std::find(ids.begin(), ids.end(), id) != ids.end(), id);
  }
}

TEST_CASE("a list parameter the source leaves unstated: { stated = false, source } when the schema allows") {
  // Hengyang 2021 (rules reference §5): the first-subsidy rates are missing from notice 003.
  RuleSet r = ParseRuleSet(ReadShipped("hengyang/2021-hospital.toml"), "hy.toml");
  REQUIRE(r.Has("first_subsidy.segments"));
  CHECK_FALSE(r.Get("first_subsidy.segments").stated);
  CHECK(r.Get("first_subsidy.segments").source.find("第十条") != std::string::npos);
  const auto unstated = r.UnstatedKeys();
  CHECK(std::find(unstated.begin(), unstated.end(), "first_subsidy.segments") != unstated.end());
  CHECK(std::find(unstated.begin(), unstated.end(), "special_disease.amount") != unstated.end());

  // An override supplies the list: it is stated from then on.
  ApplyOverride(r,
                "schema_version = 1\nbase = \"hengyang/2021/hospital\"\n[first_subsidy]\n"
                "segments = [ { upto = \"10000.00\", rate = \"50%\", source = \"本地补充规定\" } ]\n",
                "local.toml");
  CHECK(r.Get("first_subsidy.segments").stated);
  REQUIRE(r.GetSegments("first_subsidy.segments").size() == 1);
  CHECK(r.GetSegments("first_subsidy.segments")[0].rate == Rate::FromPercent(50));

  // Only `stated = false` and `source` are accepted in the table form.
  const std::string base = ReadShipped("hengyang/2021-hospital.toml");
  auto replaced = [&](const std::string& from, const std::string& to) {
    std::string text = base;
    const auto pos = text.find(from);
    REQUIRE_MESSAGE(pos != std::string::npos, from);
    text.replace(pos, from.size(), to);
    return text;
  };
  const std::string line = "segments = { stated = false,";
  CHECK(ErrorOf(replaced(line, "segments = { stated = true,")).find("first_subsidy.segments") != std::string::npos);
  CHECK(ErrorOf(replaced(line, "segments = { value = 1, stated = false,")).find("first_subsidy.segments.value") !=
        std::string::npos);
  CHECK(ErrorOf(replaced(line, "segments = {")).find("first_subsidy.segments") != std::string::npos);

  // A list whose schema does not allow it (the IM medical subsidy) is still refused.
  std::string im = ReadShipped("inner-mongolia/2026-hospital.toml");
  const auto from = im.find("segments = [");
  REQUIRE(from != std::string::npos);
  const auto to = im.find("]\n", from);
  im.replace(from, to + 2 - from, "segments = { stated = false, source = \"x\" }\n");
  CHECK(ErrorOf(im).find("medical_subsidy.segments") != std::string::npos);
}

TEST_CASE("women's rule files carry §4 premiums: 35.00 per person in 2026, 3.00 per month in 2024") {
  const RuleSet w26 = ParseRuleSet(ReadShipped("inner-mongolia/2026-women.toml"), "w26.toml");
  CHECK(w26.GetMoney("premium.per_person") == Money::FromYuan(35));  // 002 附件2 第八条
  const RuleSet w24 = ParseRuleSet(ReadShipped("inner-mongolia/2024-women.toml"), "w24.toml");
  CHECK(w24.GetMoney("premium.per_month") == Money::FromYuan(3));  // 000 第七条
  CHECK(w24.GetText("premium.renewed") == "free");
  CHECK_FALSE(w24.Has("premium.per_person"));
}
