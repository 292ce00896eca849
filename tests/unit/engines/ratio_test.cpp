// Unit participation-ratio check and premiums (rules reference §7, with the thresholds and
// premiums of §1–6). Every expected value is worked by hand in the comment beside it.
#include "engines/ratio.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "engine_test_support.h"
#include "engines/eligibility.h"
#include "records/units.h"

using namespace huzhu;

namespace {

RatioRules Im(const std::string& file) { return RatioRulesFrom(testing::ShippedRules(file)); }
Money Y(long long yuan) { return Money::FromYuan(yuan); }
Date D(int y, int m, int d) { return Date::FromYmd(y, m, d); }

Member Person(Category category, EnrolmentType enrolment) {
  Member m;
  m.category = category;
  m.enrolment = enrolment;
  return m;
}

// 17 digits: region, birth 1980-03-05, then a 3-digit sequence (odd last digit: a man).
std::string Man(int n) {
  std::string seq = std::to_string(1000 + n).substr(1);
  return testing::TestId("15010219800305" + seq);
}

struct RatioRun {
  RatioResult result;
  ProblemList problems;
  const UnitRatio& Unit(const std::string& code) const {
    for (const UnitRatio& u : result.units) {
      if (u.unit_code == code) return u;
    }
    throw std::out_of_range(code);
  }
};

RatioRun RunRatio(const RuleSet& rules, const std::string& members_csv,
                  const std::string& units_csv) {
  static int n = 0;
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() /
                       ("huzhu-ratio-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
  fs::create_directories(dir);
  std::ofstream(dir / "m.csv") << members_csv;
  std::ofstream(dir / "u.csv") << units_csv;
  RatioRun run;
  const MemberTable members =
      ReadMembers({(dir / "m.csv").string()}, "", ProjectOf(rules), run.problems);
  const UnitTable units = ReadUnits({(dir / "u.csv").string()}, "", run.problems);
  run.result = ComputeRatio(rules, members, units, run.problems);
  fs::remove_all(dir);
  return run;
}

bool HasProblem(const ProblemList& problems, const std::string& part) {
  for (const Problem& p : problems.items()) {
    if (p.message.find(part) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("ratio: IM 2026 — below 500 employees 75%, 500 and over 70% (§1, §7)") {
  const RatioRules r = Im("inner-mongolia/2026-hospital.toml");
  // 499 employees (< 500): 75%. 374 / 499 = 74.95%: 374,000,000 < 750,000 × 499 = 374,250,000.
  const UnitCheck small = CheckUnit(r, 499, 374);
  CHECK(small.threshold == Rate::FromPercent(75));
  CHECK_FALSE(small.pass);
  CHECK(small.shortfall == 1);            // ceil(0.75 × 499) = ceil(374.25) = 375
  CHECK(small.ratio_hundredths == 7494);  // 74.9498… shown truncated: 74.94
  CHECK(CheckUnit(r, 499, 375).pass);
  // The same 350 participants: 70.14% of 499 fails at 75% (short 25), 70.00% of 500 passes.
  const UnitCheck u499 = CheckUnit(r, 499, 350);
  CHECK_FALSE(u499.pass);
  CHECK(u499.shortfall == 25);
  const UnitCheck u500 = CheckUnit(r, 500, 350);  // "500人以上" includes 500
  CHECK(u500.threshold == Rate::FromPercent(70));
  CHECK(u500.pass);
  CHECK(u500.shortfall == 0);
  // 1,000 employees at 70%: 699 = 69.90% fails by one; 700 passes.
  const UnitCheck k699 = CheckUnit(r, 1000, 699);
  CHECK_FALSE(k699.pass);
  CHECK(k699.shortfall == 1);
  CHECK(k699.ratio_hundredths == 6990);
  CHECK(CheckUnit(r, 1000, 700).pass);
  // 69.99 / 70: 6,999 of 10,000 fails (short 1); 2,999 of 4,000 = 74.975% passes at 70%.
  const UnitCheck big = CheckUnit(r, 10000, 6999);
  CHECK_FALSE(big.pass);
  CHECK(big.ratio_hundredths == 6999);
  CHECK(big.shortfall == 1);
  const UnitCheck k4 = CheckUnit(r, 4000, 2999);
  CHECK(k4.pass);
  CHECK(k4.ratio_hundredths == 7497);  // 74.975 shown truncated: 74.97 (display only)
}

TEST_CASE("ratio: IM 2024 has the same thresholds as 2026 (§2)") {
  const RatioRules r = Im("inner-mongolia/2024-hospital.toml");
  CHECK(CheckUnit(r, 499, 0).threshold == Rate::FromPercent(75));
  CHECK(CheckUnit(r, 500, 0).threshold == Rate::FromPercent(70));
  CHECK(r.base == "employees");
}

TEST_CASE("ratio: IM 2021 75% for every unit — 2,999 / 4,000 fails, 3,000 passes (§3, §7)") {
  const RatioRules r = Im("inner-mongolia/2021-hospital.toml");
  const UnitCheck fail = CheckUnit(r, 4000, 2999);
  CHECK(fail.threshold == Rate::FromPercent(75));  // no 500 rule in 2021
  CHECK_FALSE(fail.pass);
  CHECK(fail.shortfall == 1);
  CHECK(fail.ratio_hundredths == 7497);
  const UnitCheck pass = CheckUnit(r, 4000, 3000);
  CHECK(pass.pass);
  CHECK(pass.shortfall == 0);
  CHECK(pass.ratio_hundredths == 7500);
  const UnitCheck over = CheckUnit(r, 4000, 4000);
  CHECK(over.pass);
  CHECK(over.shortfall == 0);  // never negative
}

TEST_CASE("ratio: shortfall is the ceiling of threshold × base less participants (§7)") {
  const RatioRules r = Im("inner-mongolia/2021-hospital.toml");
  // base 7 at 75%: ceil(5.25) = 6.
  CHECK(CheckUnit(r, 7, 0).shortfall == 6);
  CHECK(CheckUnit(r, 7, 5).shortfall == 1);
  CHECK_FALSE(CheckUnit(r, 7, 5).pass);  // 5,000,000 < 750,000 × 7 = 5,250,000
  CHECK(CheckUnit(r, 7, 6).pass);
  CHECK(CheckUnit(r, 7, 6).shortfall == 0);
  // base 4 at 75%: exactly 3 — no rounding up past an integer.
  CHECK(CheckUnit(r, 4, 0).shortfall == 3);
  CHECK(CheckUnit(r, 4, 3).pass);
  // base 0: nothing to reach; ratio shown as 0.
  CHECK(CheckUnit(r, 0, 0).pass);
  CHECK(CheckUnit(r, 0, 0).ratio_hundredths == 0);
  // Shown truncated, never rounded up past the threshold: 1 of 3 = 33.333…% → 33.33; 2 of 3 →
  // 66.66.
  CHECK(CheckUnit(r, 3, 1).ratio_hundredths == 3333);
  CHECK(CheckUnit(r, 3, 2).ratio_hundredths == 6666);  // 66.666… truncated
}

TEST_CASE("ratio: Hengyang 60% of eligible, fewer than 15 eligible must all join (§5)") {
  const RatioRules r = Im("hengyang/2021-hospital.toml");
  CHECK(r.base == "eligible");
  // 14 eligible (< 15): 100%. 13 of 14 fails, short 1; 14 passes.
  const UnitCheck s13 = CheckUnit(r, 14, 13);
  CHECK(s13.threshold == Rate::FromPercent(100));
  CHECK_FALSE(s13.pass);
  CHECK(s13.shortfall == 1);
  CHECK(CheckUnit(r, 14, 14).pass);
  // 15 eligible: 60%, ceil(0.6 × 15) = 9. 8 fails (short 1), 9 passes.
  const UnitCheck f8 = CheckUnit(r, 15, 8);
  CHECK(f8.threshold == Rate::FromPercent(60));
  CHECK_FALSE(f8.pass);
  CHECK(f8.shortfall == 1);
  CHECK(CheckUnit(r, 15, 9).pass);
  CHECK(CheckUnit(r, 15, 0).shortfall == 9);
}

TEST_CASE("ratio: women's scheme counts in-service female employees at 75%; Wujin has no ratio") {
  const RatioRules w = Im("inner-mongolia/2026-women.toml");
  CHECK(w.applies);
  CHECK(w.base == "female_employees");
  CHECK(CheckUnit(w, 600, 449).threshold == Rate::FromPercent(75));  // no 500 rule (§4)
  CHECK(CheckUnit(w, 600, 449).shortfall == 1);
  CHECK_FALSE(Im("wujin/2024-hospital.toml").applies);
}

TEST_CASE("premium: IM 2026 in-service 100 = 10 + 90, retired 400 = 10 + 390 (§1)") {
  const PremiumRules p =
      PremiumRulesFrom(testing::ShippedRules("inner-mongolia/2026-hospital.toml"));
  const MemberPremium a =
      PremiumFor(p, Person(Category::kActive, EnrolmentType::kNew), D(2026, 1, 1));
  CHECK(a.gross == Y(100));
  CHECK(a.subsidy == Y(10));
  CHECK(a.personal == Y(90));
  const MemberPremium t =
      PremiumFor(p, Person(Category::kRetired, EnrolmentType::kRenewed), D(2026, 1, 1));
  CHECK(t.gross == Y(400));
  CHECK(t.subsidy == Y(10));
  CHECK(t.personal == Y(390));
}

TEST_CASE("premium: IM 2024 new members 8.00 per whole month less 10.00; renewed free (§2)") {
  const PremiumRules p =
      PremiumRulesFrom(testing::ShippedRules("inner-mongolia/2024-hospital.toml"));
  // Cover from 2024-03-01: March–December = 10 months = 80.00; personal 70.00, subsidy 10.00.
  const MemberPremium n =
      PremiumFor(p, Person(Category::kActive, EnrolmentType::kNew), D(2024, 3, 1));
  CHECK(n.gross == Y(80));
  CHECK(n.personal == Y(70));
  CHECK(n.subsidy == Y(10));
  // Renewed: nothing personal; the federation's 10.00 is the gross.
  const MemberPremium r =
      PremiumFor(p, Person(Category::kActive, EnrolmentType::kRenewed), D(2024, 1, 1));
  CHECK(r.gross == Y(10));
  CHECK(r.personal == Y(0));
  CHECK(r.subsidy == Y(10));
  // December start: 1 month = 8.00 gross; the subsidy is capped at the gross.
  const MemberPremium dec =
      PremiumFor(p, Person(Category::kActive, EnrolmentType::kNew), D(2024, 12, 1));
  CHECK(dec.gross == Y(8));
  CHECK(dec.subsidy == Y(8));
  CHECK(dec.personal == Y(0));
  CHECK(WholeMonths(D(2024, 3, 1), D(2024, 12, 31)) == 10);
  CHECK(WholeMonths(D(2024, 3, 16), D(2024, 12, 31)) == 9);  // March not whole
  CHECK(WholeMonths(D(2025, 1, 1), D(2024, 12, 31)) == 0);
}

TEST_CASE("premium: women's 2026 35.00 all personal; 2024 3.00 per month, renewed free (§4)") {
  const PremiumRules w26 =
      PremiumRulesFrom(testing::ShippedRules("inner-mongolia/2026-women.toml"));
  const MemberPremium a =
      PremiumFor(w26, Person(Category::kSpouse, EnrolmentType::kNew), D(2026, 1, 1));
  CHECK(a.gross == Y(35));
  CHECK(a.personal == Y(35));
  CHECK(a.subsidy == Y(0));
  const PremiumRules w24 =
      PremiumRulesFrom(testing::ShippedRules("inner-mongolia/2024-women.toml"));
  // From 2024-05-01: May–December = 8 months × 3.00 = 24.00.
  const MemberPremium n =
      PremiumFor(w24, Person(Category::kActive, EnrolmentType::kNew), D(2024, 5, 1));
  CHECK(n.gross == Y(24));
  CHECK(n.personal == Y(24));
  const MemberPremium r =
      PremiumFor(w24, Person(Category::kActive, EnrolmentType::kRenewed), D(2024, 1, 1));
  CHECK(r.gross == Y(0));
}

TEST_CASE("premium: Hengyang 90.00; Wujin 100.00 = 20.00 personal + 80.00 subsidy (§5, §6)") {
  const PremiumRules h = PremiumRulesFrom(testing::ShippedRules("hengyang/2021-hospital.toml"));
  const MemberPremium hp =
      PremiumFor(h, Person(Category::kActive, EnrolmentType::kNew), D(2021, 1, 1));
  CHECK(hp.gross == Y(90));
  CHECK(hp.personal == Y(90));
  const PremiumRules wj = PremiumRulesFrom(testing::ShippedRules("wujin/2024-hospital.toml"));
  const MemberPremium wp =
      PremiumFor(wj, Person(Category::kActive, EnrolmentType::kNew), D(2024, 1, 1));
  CHECK(wp.gross == Y(100));
  CHECK(wp.personal == Y(20));
  CHECK(wp.subsidy == Y(80));
}

TEST_CASE("ratio: ComputeRatio groups the ledger by unit; retirees listed not counted (§7)") {
  const RuleSet rules = testing::ShippedRules("inner-mongolia/2026-hospital.toml");
  const std::string header =
      "身份证号,姓名,单位编码,人员类别,参互类型,参互日期,顺延起始日期,连续参互年数,"
      "上期享受住院补贴,下期续互,医保类型\n";
  std::string members = header;
  // U1: 4 employees, 3 in-service (75%: passes) + 1 retiree (listed, not counted).
  for (int i = 1; i <= 3; ++i) members += Man(i) + ",会员,U1,在职,续互,,,2,否,否,城镇职工\n";
  // The retiree: born 1960 (66 at the period start), 10 consecutive years.
  members += testing::TestId("15010219600305001") + ",退休,U1,退休,续互,,,10,否,否,城镇职工\n";
  // U2: 4 employees, 2 in-service (fails, short 1); U9 is not in the units file.
  for (int i = 4; i <= 5; ++i) members += Man(i) + ",会员,U2,在职,续互,,,2,否,否,城镇职工\n";
  members += Man(6) + ",会员,U9,在职,续互,,,2,否,否,城镇职工\n";
  const std::string units =
      "单位编码,单位名称,所属地区,在职职工人数\n"
      "U1,甲单位,东胜区,4\n"
      "U2,乙单位,康巴什区,4\n"
      "U3,丙单位,东胜区,10\n"
      "U1,重复,东胜区,99\n";
  const RatioRun run = RunRatio(rules, members, units);
  const UnitRatio& u1 = run.Unit("U1");
  CHECK(u1.participants_active == 3);
  CHECK(u1.participants_retired == 1);
  CHECK(u1.check.base == 4);  // the first U1 row wins
  CHECK(u1.check.pass);
  CHECK(u1.premium_total == Y(700));   // 3 × 100 + 400
  CHECK(u1.personal_total == Y(660));  // 3 × 90 + 390
  CHECK(u1.subsidy_total == Y(40));
  const UnitRatio& u2 = run.Unit("U2");
  CHECK_FALSE(u2.check.pass);
  CHECK(u2.check.shortfall == 1);
  const UnitRatio& u3 = run.Unit("U3");  // in the units file only: kept, fails, short 8
  CHECK(u3.participants_active == 0);
  CHECK(u3.check.shortfall == 8);        // ceil(7.5)
  const UnitRatio& u9 = run.Unit("U9");  // in the ledger only: kept, no base
  CHECK_FALSE(u9.in_units_file);
  CHECK_FALSE(u9.has_base);
  CHECK(u9.participants_active == 1);
  CHECK(HasProblem(run.problems, "U9"));
  CHECK(HasProblem(run.problems, "U3"));
  CHECK(HasProblem(run.problems, "重复"));
  CHECK(run.result.units.size() == 4);
}

TEST_CASE("ratio: ineligible members are listed with the reason and not counted (§7)") {
  const RuleSet rules = testing::ShippedRules("inner-mongolia/2026-hospital.toml");
  std::string members =
      "身份证号,姓名,单位编码,人员类别,参互类型,参互日期,顺延起始日期,连续参互年数,"
      "上期享受住院补贴,下期续互,医保类型\n";
  members += Man(1) + ",会员,U1,在职,续互,,,2,否,否,城镇职工\n";
  // Born 2015: 10 at the period start, under the minimum age.
  members += testing::TestId("15010220150305001") + ",孩子,U1,在职,续互,,,2,否,否,城镇职工\n";
  const RatioRun run = RunRatio(rules, members, "单位编码,在职职工人数\nU1,2\n");
  const UnitRatio& u1 = run.Unit("U1");
  CHECK(u1.participants_active == 1);
  CHECK(u1.ineligible == 1);
  REQUIRE(run.result.findings.size() == 1);
  CHECK_FALSE(run.result.findings[0].counted);
  CHECK(run.result.findings[0].reason.find("不满 16") != std::string::npos);
  CHECK(run.result.counted == 1);
  CHECK(run.result.not_counted == 1);
  CHECK(u1.premium_total == Y(100));
  CHECK_FALSE(u1.check.pass);      // 1 of 2 = 50%
  CHECK(u1.check.shortfall == 1);  // ceil(1.5) = 2
}

TEST_CASE("units: bad integers are errors; the unit is kept without that count") {
  ProblemList problems;
  const auto path = std::filesystem::temp_directory_path() /
                    ("huzhu-units-" + std::to_string(::getpid()) + ".csv");
  std::ofstream(path) << "单位编码,单位名称,在职职工人数,在职女职工人数\nU1,甲,abc,3\nU2,乙,12,\n";
  const UnitTable t = ReadUnits({path.string()}, "", problems);
  std::filesystem::remove(path);
  REQUIRE(t.units.size() == 2);
  CHECK_FALSE(t.units[0].employees.has_value());
  CHECK(t.units[0].female_employees == 3);
  CHECK(t.units[1].employees == 12);
  CHECK_FALSE(t.units[1].female_employees.has_value());
  CHECK(problems.errors() == 1);
  CHECK(t.Find("U2") == &t.units[1]);
}

TEST_CASE("ratio: a second enrolment of one ID counts once; its row is listed (§4 one share, §7)") {
  const RuleSet rules = testing::ShippedRules("inner-mongolia/2026-hospital.toml");
  std::string members = "身份证号,姓名,单位编码,人员类别,参互类型,连续参互年数\n";
  members += Man(1) + ",甲,U1,在职,续互,2\n";
  members += Man(2) + ",乙,U1,在职,续互,2\n";
  members += Man(1) + ",甲,U1,在职,续互,2\n";  // row 4 repeats row 2
  const RatioRun run = RunRatio(rules, members, "单位编码,在职职工人数\nU1,3\n");
  const UnitRatio& u1 = run.Unit("U1");
  CHECK(u1.participants_active == 2);  // 2 of 3 = 66.66% < 75%: fails, short ceil(2.25) − 2 = 1
  CHECK(u1.ineligible == 1);
  CHECK(u1.check.ratio_hundredths == 6666);
  CHECK(u1.check.shortfall == 1);
  CHECK(u1.premium_total == Y(200));  // only the counted rows pay: 2 × 100
  REQUIRE(run.result.findings.size() == 1);
  CHECK(run.result.findings[0].member == 2);
  CHECK(run.result.findings[0].reason.find("第 2 行") != std::string::npos);
}

TEST_CASE("ratio: over 60 in service and enrolment outside the window are warnings, counted (§1)") {
  const RuleSet rules = testing::ShippedRules("inner-mongolia/2026-hospital.toml");
  std::string members = "身份证号,姓名,单位编码,人员类别,参互类型,参互日期,连续参互年数\n";
  // Born 1964-03-05: 61 on the enrolment date 2025-08-01 — delayed retirement, a warning.
  members += testing::TestId("15010219640305001") + ",老,U1,在职,续互,2025-08-01,2\n";
  // Window 2025-07-01..2025-12-10 (art. 4): 2025-06-30 is one day early, 2025-12-10 is inside.
  members += Man(2) + ",早,U1,在职,新参互,2025-06-30,1\n";
  members += Man(3) + ",末,U1,在职,新参互,2025-12-10,1\n";
  members += Man(4) + ",晚,U1,在职,新参互,2025-12-11,1\n";
  const RatioRun run = RunRatio(rules, members, "单位编码,在职职工人数\nU1,4\n");
  CHECK(run.Unit("U1").participants_active == 4);  // warnings never stop a member counting
  CHECK(run.Unit("U1").check.pass);
  REQUIRE(run.result.findings.size() == 3);
  for (const MemberFinding& f : run.result.findings) CHECK(f.counted);
  CHECK(run.result.findings[0].member == 0);
  CHECK(run.result.findings[0].reason.find("61 岁") != std::string::npos);
  CHECK(run.result.findings[1].member == 1);
  CHECK(run.result.findings[1].reason.find("2025-06-30") != std::string::npos);
  CHECK(run.result.findings[2].member == 3);
  CHECK(run.result.findings[2].reason.find("2025-12-11") != std::string::npos);
}

TEST_CASE("ratio: IM 2024 checks the window for new units only (§2: renewed units are extended)") {
  const RuleSet rules = testing::ShippedRules("inner-mongolia/2024-hospital.toml");
  std::string members = "身份证号,姓名,单位编码,人员类别,参互类型,参互日期,连续参互年数\n";
  members += Man(1) + ",续,U1,在职,续互,2023-05-10,2\n";    // renewed: enrolled last year, fine
  members += Man(2) + ",新,U1,在职,新参互,2024-09-01,1\n";  // new, one day after 2024-08-31
  const RatioRun run = RunRatio(rules, members, "单位编码,在职职工人数\nU1,2\n");
  REQUIRE(run.result.findings.size() == 1);
  CHECK(run.result.findings[0].member == 1);
  // Premium: the renewed member pays nothing (gross 10.00, all subsidy); the new member enrolled
  // on 2024-09-01 (on or before the 15th) is covered from 2024-09-01: 4 whole months × 8.00 =
  // 32.00, of which 10.00 subsidy and 22.00 personal (art. 4, 5).
  const UnitRatio& u1 = run.Unit("U1");
  CHECK(u1.premium_total == Y(42));
  CHECK(u1.subsidy_total == Y(20));
  CHECK(u1.personal_total == Y(22));
}

TEST_CASE("ratio: women's scheme — men ineligible, spouses listed not counted (§4)") {
  const RuleSet rules = testing::ShippedRules("inner-mongolia/2026-women.toml");
  std::string members = "身份证号,姓名,单位编码,人员类别,参互类型,连续参互年数\n";
  // Even 17th digit: women born 1985-06-15.
  members += testing::TestId("15010219850615002") + ",甲,U1,在职,续互,2\n";
  members += testing::TestId("15010219850615004") + ",乙,U1,在职,续互,2\n";
  members += testing::TestId("15010219850615006") + ",丙,U1,配偶,续互,2\n";
  members += Man(1) + ",男,U1,在职,续互,2\n";
  const RatioRun run =
      RunRatio(rules, members, "单位编码,在职职工人数,在职女职工人数\nU1,10,3\n");
  const UnitRatio& u1 = run.Unit("U1");
  CHECK(u1.participants_active == 2);  // 2 of 3 female employees = 66.66%: fails, short 1
  CHECK(u1.participants_spouse == 1);
  CHECK(u1.ineligible == 1);
  CHECK(u1.check.base == 3);
  CHECK_FALSE(u1.check.pass);
  CHECK(u1.check.shortfall == 1);      // ceil(2.25) − 2
  CHECK(u1.premium_total == Y(105));   // 3 × 35.00, spouses pay too (art. 8)
}

TEST_CASE("premium: a local union's subsidy lowers the personal share (IM 2026 art. 6)") {
  PremiumRules p = PremiumRulesFrom(testing::ShippedRules("inner-mongolia/2026-hospital.toml"));
  p.local_subsidy = Y(30);
  const MemberPremium m = PremiumFor(p, Person(Category::kActive, EnrolmentType::kNew), D(2026, 1, 1));
  CHECK(m.gross == Y(100));
  CHECK(m.subsidy == Y(40));  // 10 federation + 30 local
  CHECK(m.personal == Y(60));
}

TEST_CASE("ratio: report order — regions by first appearance, failing units first within each") {
  const RuleSet rules = testing::ShippedRules("inner-mongolia/2026-hospital.toml");
  std::string members = "身份证号,姓名,单位编码,人员类别,参互类型,连续参互年数\n";
  members += Man(1) + ",甲,A1,在职,续互,2\n";  // A1: 1 of 1 passes
  members += Man(2) + ",乙,B1,在职,续互,2\n";  // B1: 1 of 1 passes
  const std::string units =
      "单位编码,所属地区,在职职工人数\n"
      "A1,东区,1\n"
      "B1,西区,1\n"
      "A2,东区,4\n"   // fails (0 of 4)
      "B2,西区,\n"    // no base: cannot pass
      "A3,东区,2\n";  // fails (0 of 2)
  const RatioRun run = RunRatio(rules, members, units);
  std::vector<std::string> codes;
  for (const std::size_t i : run.result.ReportOrder()) codes.push_back(run.result.units[i].unit_code);
  CHECK(codes == std::vector<std::string>{"A2", "A3", "A1", "B2", "B1"});
}

TEST_CASE("ratio: Wujin counts in-service members with a union card; no ratio to meet (§6)") {
  const RuleSet rules = testing::ShippedRules("wujin/2024-hospital.toml");
  std::string members = "身份证号,姓名,单位编码,人员类别,参互类型,工会卡号\n";
  members += Man(1) + ",甲,W1,在职,新参互,3204000000000001\n";
  members += Man(2) + ",乙,W1,在职,新参互,\n";                   // no union card: not counted
  members += Man(3) + ",丙,W1,退休,新参互,3204000000000003\n";  // retired: not a member
  const RatioRun run = RunRatio(rules, members, "单位编码,在职职工人数\nW1,10\n");
  const UnitRatio& w1 = run.Unit("W1");
  CHECK(w1.participants_active == 1);
  CHECK(w1.ineligible == 2);
  CHECK_FALSE(Fails(run.result, w1));  // 1 of 10, but Wujin has no unit ratio requirement
  CHECK(w1.premium_total == Y(100));   // 100.00 = 20.00 personal + 80.00 district subsidy
  CHECK(w1.personal_total == Y(20));
  REQUIRE(run.result.findings.size() == 2);
  CHECK(run.result.findings[0].reason.find("工会卡号") != std::string::npos);
  CHECK(run.result.findings[1].rule.rfind("eligibility.retired（", 0) == 0);
}

TEST_CASE("ratio: each finding names the rule key and article it rests on") {
  const RuleSet rules = testing::ShippedRules("inner-mongolia/2021-hospital.toml");
  std::string members = "身份证号,姓名,单位编码,人员类别,参互类型,参互日期,连续参互年数\n";
  // 2021 retirees need consecutive_years ≥ 3 (§3): 2 is not enough.
  members += testing::TestId("15010219580305001") + ",退,U1,退休,续互,2021-06-01,2\n";
  // A bad check character: the ledger row is unusable (data contract, GB 11643).
  members += "150102198003050010,坏,U1,在职,续互,2021-06-01,2\n";
  const RatioRun run = RunRatio(rules, members, "单位编码,在职职工人数\nU1,1\n");
  REQUIRE(run.result.findings.size() == 2);
  CHECK(run.result.findings[0].rule ==
        "eligibility.retired_min_consecutive_years（" +
            rules.Get("eligibility.retired_min_consecutive_years").source + "）");
  CHECK(run.result.findings[1].rule == kLedgerRowRule);
  CHECK(run.problems.errors() >= 1);  // the bad ID is an input error as well
}

TEST_CASE("ratio: an in-service woman past 50 is a warning, counted (§1 delayed retirement)") {
  const RuleSet rules = testing::ShippedRules("inner-mongolia/2026-hospital.toml");
  std::string members = "身份证号,姓名,单位编码,人员类别,参互类型,参互日期,连续参互年数\n";
  // Women (even 17th digit) born 1975-09-01: 50 on 2025-08-01 (not past 50), 51 on 2026-09-01.
  members += testing::TestId("15010219750901002") + ",五十,U1,在职,续互,2025-08-01,2\n";
  members += testing::TestId("15010219740901002") + ",五一,U1,在职,续互,2025-09-01,2\n";
  // The same birth date for a man: no warning until over 60.
  members += testing::TestId("15010219740901001") + ",男,U1,在职,续互,2025-09-01,2\n";
  const RatioRun run = RunRatio(rules, members, "单位编码,在职职工人数\nU1,3\n");
  CHECK(run.Unit("U1").participants_active == 3);
  REQUIRE(run.result.findings.size() == 1);
  CHECK(run.result.findings[0].member == 1);
  CHECK(run.result.findings[0].counted);
  CHECK(run.result.findings[0].reason.find("51 岁") != std::string::npos);
  CHECK(run.result.findings[0].rule.rfind("eligibility.female_retirement_age（", 0) == 0);
}
