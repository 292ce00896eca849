// The payout summary's invariants fail a run loudly instead of writing wrong files (hardening
// issue): here results are tampered with after the engine, as a bug would.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "engine_test_support.h"
#include "reports/payout_report.h"

using namespace huzhu;

namespace {

struct Fixture {
  RuleSet rules = testing::ShippedRules("inner-mongolia/2026-hospital.toml");
  ProblemList problems;
  MemberTable members;
  ClaimFile claims;
  std::vector<ClaimResult> results;

  Fixture() {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("huzhu-inv-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const std::string id = testing::TestId("15010219800305001");
    std::ofstream(dir / "m.csv") << "身份证号,姓名,单位编码,连续参互年数\n" << id << ",张三,U1,2\n";
    std::ofstream(dir / "c.csv") << "申领编号,身份证号,入院日期,出院日期,个人自付\n"
                                 << "C1," << id << ",2026-03-01,2026-03-06,8000.00\n"
                                 << "C2," << id << ",2026-06-01,2026-06-03,300.00\n";
    members = ReadMembers({(dir / "m.csv").string()}, "", Project::kHospital, problems);
    claims = ReadClaims({(dir / "c.csv").string()}, "", problems);
    results = ComputePayouts(rules, members, claims, problems);
    fs::remove_all(dir);
  }
};

}  // namespace

TEST_CASE("payout invariants: the untouched results reconcile") {
  Fixture f;
  const PayoutSummary s = SummarizePayouts(f.rules, f.members, f.claims, f.results);
  // §1: C1 S 8,000 → 4,000.00 + allowance 20 × 5 = 100.00; C2 120.00 + top-up 80.00 = 200.00.
  CHECK(s.paid_total == Money::FromFen(430000));
  CHECK(s.transfer_total == s.paid_total);
}

TEST_CASE("payout invariants: a member paid over the period cap stops the run") {
  Fixture f;
  f.results[0].medical_subsidy = Money::FromYuan(500000);  // 500,000 + 100 + 200 > 500,000 (§1)
  CHECK_THROWS_AS(SummarizePayouts(f.rules, f.members, f.claims, f.results), std::logic_error);
}

TEST_CASE("payout invariants: a rejected claim carrying money stops the run") {
  Fixture f;
  f.results[1].status = Status::kRejected;  // but its 200.00 is still in its columns
  f.results[1].reason = Reason::kLateClaim;
  // The claim total (4,300) no longer equals paid (4,100) + review (0).
  CHECK_THROWS_AS(SummarizePayouts(f.rules, f.members, f.claims, f.results), std::logic_error);
}
