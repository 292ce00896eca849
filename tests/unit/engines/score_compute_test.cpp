// ComputeScore over a small ledger: sub-regions rolled up, each project counted under its own
// rule set, repeated rows counted once, ledger regions without a target listed, the renewal rate
// (rules reference §8). Hand-worked values beside each check.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "engine_test_support.h"
#include "engines/score.h"

using namespace huzhu;

namespace {

std::string Person(const std::string& birth8, int seq, bool woman) {
  // 17 digits: area, birth date, a 3-digit sequence whose last digit is odd for men.
  const int last = woman ? (seq * 2) % 10 : (seq * 2 + 1) % 10;
  const std::string s = std::to_string(100 + seq % 100).substr(1) + std::to_string(last);
  return testing::TestId("150102" + birth8 + s);
}

struct Run {
  ScoreResult result;
  ProblemList problems;
};

Run Score(const std::string& rules_file, const std::string& members_csv,
          const std::string& targets_csv, const std::string& manual_csv = "") {
  namespace fs = std::filesystem;
  static int n = 0;
  const fs::path dir = fs::temp_directory_path() /
                       ("huzhu-score-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
  fs::create_directories(dir);
  std::ofstream(dir / "m.csv") << members_csv;
  std::ofstream(dir / "t.csv") << targets_csv;
  Run run;
  const RuleSet hospital = testing::ShippedRules("inner-mongolia/" + rules_file + "-hospital.toml");
  const RuleSet women = testing::ShippedRules("inner-mongolia/" + rules_file + "-women.toml");
  const MemberTable members =
      ReadMembers({(dir / "m.csv").string()}, "", Project::kHospital, true, run.problems);
  const TargetTable targets = ReadTargets({(dir / "t.csv").string()}, "", run.problems);
  std::optional<ManualScoreTable> manual;
  if (!manual_csv.empty()) {
    std::ofstream(dir / "s.csv") << manual_csv;
    manual = ReadManualScores({(dir / "s.csv").string()}, "", run.problems);
  }
  run.result = ComputeScore(ScoreRulesFrom(hospital),
                            {{Project::kHospital, &hospital}, {Project::kWomen, &women}}, members,
                            targets, manual ? &*manual : nullptr, run.problems);
  fs::remove_all(dir);
  return run;
}

const ProjectLine& Line(const ScoreResult& r, const std::string& region, Project p) {
  for (const RegionScore& s : r.regions) {
    if (s.region != region) continue;
    for (const ProjectLine& l : s.projects) {
      if (l.project == p) return l;
    }
  }
  throw std::out_of_range(region);
}

}  // namespace

TEST_CASE("score: sub-regions roll up; each project counts its own eligible members once") {
  std::string m = "身份证号,姓名,单位编码,所属地区,项目,人员类别,参互类型,连续参互年数\n";
  // 呼伦贝尔: 2 hospital members in 海拉尔's region name, 1 in 满洲里 (included in 2026).
  m += Person("19800101", 1, false) + ",甲,U1,呼伦贝尔市,住院医疗,在职,续互,3\n";
  m += Person("19800101", 2, true) + ",乙,U1,呼伦贝尔,,在职,新参互,1\n";  // empty 项目 = hospital
  m += Person("19800101", 3, false) + ",丙,U2,满洲里市,住院医疗,在职,续互,3\n";
  // A repeated hospital row of 甲: counted once. 乙 in the women's project too: counted there.
  m += Person("19800101", 1, false) + ",甲,U1,呼伦贝尔市,住院医疗,在职,续互,3\n";
  m += Person("19800101", 2, true) + ",乙,U1,呼伦贝尔,女性馨康,在职,新参互,1\n";
  // A man in the women's project: ineligible there (§4), not counted.
  m += Person("19800101", 4, false) + ",丁,U1,呼伦贝尔,女性馨康,在职,新参互,1\n";
  // A region no target row names: listed, not dropped.
  m += Person("19800101", 5, false) + ",戊,U3,阿尔山,住院医疗,在职,续互,3\n";
  const std::string t =
      "地区,项目,目标人数,包含地区\n"
      "呼伦贝尔市总工会,住院医疗,3,满洲里市总工会\n"
      "呼伦贝尔市总工会,女性馨康,2,满洲里市总工会\n"
      "乌海市总工会,住院医疗,4,\n";
  const Run run = Score("2026", m, t);
  const ScoreResult& r = run.result;
  // Hospital: 甲, 乙 (empty 项目), 丙 via 满洲里 = 3 of 3: met, 4.0 on that project.
  CHECK(Line(r, "呼伦贝尔市总工会", Project::kHospital).score.actual == 3);
  CHECK(Line(r, "呼伦贝尔市总工会", Project::kHospital).score.steps == 0);
  // Women's: 乙 only = 1 of 2: 50% short → 50 steps, −5.0; the region: 0 − 5.0 → clamped, 2.0.
  CHECK(Line(r, "呼伦贝尔市总工会", Project::kWomen).score.actual == 1);
  CHECK(Line(r, "呼伦贝尔市总工会", Project::kWomen).score.adjustment_tenths == -50);
  CHECK(r.regions[0].completion_tenths == 20);
  // 乌海 has a target and no members: actual 0, 100 steps, 2.0.
  CHECK(Line(r, "乌海市总工会", Project::kHospital).score.actual == 0);
  CHECK(r.regions[1].completion_tenths == 20);
  CHECK_FALSE(r.regions[1].manual_tenths.has_value());
  CHECK(r.regions[1].total_tenths == 20);
  CHECK(r.counted.at(Project::kHospital) == 4);      // 甲, 乙, 丙, 戊
  CHECK(r.not_counted.at(Project::kHospital) == 1);  // 甲's repeat
  CHECK(r.counted.at(Project::kWomen) == 1);
  CHECK(r.not_counted.at(Project::kWomen) == 1);     // 丁
  REQUIRE(r.unmatched.size() == 1);
  CHECK(r.unmatched[0].region == "阿尔山");
  CHECK(r.unmatched[0].members == 1);
}

TEST_CASE("score: manual items add up to the total out of 10; a region without them scores 0") {
  std::string m = "身份证号,姓名,单位编码,所属地区\n";
  for (int i = 1; i <= 4; ++i) m += Person("19850505", i, false) + ",某,U1,包头\n";
  const std::string t = "地区,项目,目标人数\n包头市总工会,住院医疗,4\n乌海市总工会,住院医疗,1\n";
  // 包头: met (4.0) + 1 + 0.8 + 1 + 0.5 = 7.3; an item above 1 point counts 1.
  const Run run = Score("2026", m, t, "地区,组织领导,申领审核,日常管理,新闻宣传\n包头,1,0.8,1,0.5\n");
  CHECK(run.result.regions[0].manual_tenths == 33);
  CHECK(run.result.regions[0].total_tenths == 73);
  // 乌海: no row in the manual file: 0 (a warning), completion 2.0 (1 short of 1 = 100 steps).
  CHECK(run.result.regions[1].manual_tenths == 0);
  CHECK(run.result.regions[1].total_tenths == 20);
  CHECK(run.problems.warnings() >= 1);
}

TEST_CASE("score: 2021 renewal rate beside the score — 95% of last year's members (001)") {
  std::string m = "身份证号,姓名,单位编码,所属地区,参互类型,参互日期\n";
  // 19 renewed + 1 new in 赤峰; last year 20 → 19 / 20 = 95.00%: passes (≥ 95%).
  for (int i = 1; i <= 19; ++i) m += Person("19800101", i, false) + ",某,U1,赤峰,续互,2021-06-01\n";
  m += Person("19800101", 20, false) + ",某,U1,赤峰,新参互,2021-06-01\n";
  // 通辽: 18 renewed of last year's 19 → 94.73%: fails.
  for (int i = 21; i <= 38; ++i) m += Person("19800101", i, false) + ",某,U2,通辽,续互,2021-06-01\n";
  const std::string t =
      "地区,项目,目标人数,上年参互人数\n赤峰市总工会,住院医疗,20,20\n通辽市总工会,住院医疗,18,19\n";
  namespace fs = std::filesystem;
  const Run run = Score("2024", m, t);  // 2024 files: no renewal rule, the rate is still shown
  CHECK(Line(run.result, "赤峰市总工会", Project::kHospital).renewal_hundredths == 9500);
  CHECK_FALSE(Line(run.result, "赤峰市总工会", Project::kHospital).renewal_pass.has_value());
  // With the 2021 rule set (hospital only: 2021 has no women's file).
  const RuleSet r2021 = testing::ShippedRules("inner-mongolia/2021-hospital.toml");
  const fs::path dir = fs::temp_directory_path() / ("huzhu-score21-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "m.csv") << m;
  std::ofstream(dir / "t.csv") << t;
  ProblemList problems;
  const MemberTable members = ReadMembers({(dir / "m.csv").string()}, "", Project::kHospital, true, problems);
  const TargetTable targets = ReadTargets({(dir / "t.csv").string()}, "", problems);
  const ScoreResult r = ComputeScore(ScoreRulesFrom(r2021), {{Project::kHospital, &r2021}}, members,
                                     targets, nullptr, problems);
  fs::remove_all(dir);
  CHECK(Line(r, "赤峰市总工会", Project::kHospital).renewal_pass == true);
  CHECK(Line(r, "通辽市总工会", Project::kHospital).renewal_hundredths == 9473);
  CHECK(Line(r, "通辽市总工会", Project::kHospital).renewal_pass == false);
  // 通辽 met its target exactly (18 of 18): 4.0, the renewal rate is shown beside it.
  CHECK(r.regions[1].completion_tenths == 40);
}
