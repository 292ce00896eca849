// The Hengyang 2021 engine on small ledgers, against values worked out by hand from
// ../shared/docs/rules-reference.md section 5 (notice 003; the article is cited per case).
#include <doctest/doctest.h>

#include <map>

#include "engine_test_support.h"
#include "engines/payout.h"
#include "ruleset/rule_loader.h"

using namespace huzhu;

namespace {

std::string Id(const std::string& first17) { return testing::TestId(first17); }

const std::string kA = Id("43040219800305001");  // born 1980-03-05
const std::string kB = Id("43040219900707002");  // born 1990-07-07
const std::string kR = Id("43040219600101003");  // retired
const std::string kRes = Id("43040219850505004");  // resident insurance
const std::string kOut = Id("43040219850505012");  // not in the ledger

using Run = testing::PayoutRun;

const char* kMembers =
    "身份证号,姓名,单位编码,人员类别,医保类型\n";

std::string Members() {
  return std::string(kMembers) + kA + ",甲,HY01,在职,城镇职工\n" + kB + ",乙,HY01,在职,城镇职工\n" + kR +
         ",丙,HY01,退休,城镇职工\n" + kRes + ",丁,HY02,在职,城乡居民\n";
}

const char* kClaimsHeader =
    "申领编号,身份证号,类型,入院日期,出院日期,住院天数,个人自付,互助后个人自负,病因,申领日期,结算日期,医保结算,医保欠费\n";

// claim id, ID, then: kind, admitted, discharged, days, self_pay, remaining, cause, claimed,
// settled, settled-by-insurance, arrears.
std::string C(const std::string& cid, const std::string& id, const std::string& rest) {
  return cid + "," + id + "," + rest + "\n";
}

Run Pay(const std::string& claims_csv, const std::string& override_text = "") {
  return testing::RunEngine(testing::ShippedRules("hengyang/2021-hospital.toml", override_text),
                            Members(), std::string(kClaimsHeader) + claims_csv);
}

Money Y(long long yuan) { return Money::FromYuan(yuan); }
Money F(long long fen) { return Money::FromFen(fen); }

}  // namespace

TEST_CASE("§5 art. 10: second-subsidy thresholds at 50,000 and 100,000 (含) on remaining_burden") {
  const Run r = Pay(C("B1", kA, "住院,2021-02-01,2021-02-11,,,49999.99,疾病,,,,") +
                    C("B2", kA, "住院,2021-03-01,2021-03-11,,,50000.00,疾病,,,,") +
                    C("B3", kA, "住院,2021-04-01,2021-04-11,,,99999.99,疾病,,,,") +
                    C("B4", kA, "住院,2021-05-01,2021-05-11,,,100000.00,疾病,,,,") +
                    C("B5", kA, "住院,2021-06-01,2021-06-11,,,0.00,疾病,,,,"));
  // 49,999.99 < 50,000: nothing, status paid with 0.00 (the first subsidy is paid elsewhere).
  CHECK(r["B1"].status == Status::kPaid);
  CHECK(r["B1"].second_subsidy == Money());
  CHECK(r["B1"].total() == Money());
  CHECK(r["B1"].note.find("第一次补助另行发放") != std::string::npos);
  // 50,000.00 (含五万元) → 6,000.00; 99,999.99 → 6,000.00.
  CHECK(r["B2"].status == Status::kPaid);
  CHECK(r["B2"].second_subsidy == Y(6000));
  CHECK(r["B2"].medical_subsidy == Money());
  CHECK(r["B3"].second_subsidy == Y(6000));
  CHECK(r["B3"].status == Status::kPaid);
  // 100,000.00 (含十万元) → 10,000.00, which is ≥ 7,000: review for appraisal (art. 26).
  CHECK(r["B4"].second_subsidy == Y(10000));
  CHECK(r["B4"].status == Status::kReview);
  CHECK(r["B4"].reason == Reason::kAppraisalRequired);
  CHECK(r["B5"].status == Status::kPaid);
  CHECK(r["B5"].total() == Money());
  CHECK(r["B2"].stay_days == 10);
  CHECK(r["B2"].covered_days == 10);
  CHECK_FALSE(r["B2"].self_pay.has_value());  // no self-pay columns given
}

TEST_CASE("§5 art. 16: cross-period stays pro-rated by days, admission day counts, discharge day not") {
  const Run r = Pay(
      // 2021-12-22 … 2022-01-02: 11 days, 10 in 2021: 6,000 × 10/11 = 5,454.545… → 5,454.55.
      C("P1", kA, "住院,2021-12-22,2022-01-02,,,60000.00,疾病,,,,") +
      // 2021-12-22 … 2022-01-01: 10 days, all 10 in 2021 (discharge day not counted): 6,000.00.
      C("P2", kB, "住院,2021-12-22,2022-01-01,,,60000.00,疾病,,,,") +
      // 2021-12-25 … 2022-01-04: 10 days, 7 in 2021: 10,000 × 7/10 = 7,000.00 → review (art. 26).
      C("P3", kA, "住院,2021-12-25,2022-01-04,,,150000.00,疾病,,,,") +
      // 2021-12-27 … 2022-01-06: 10 days, 5 in 2021: 10,000 × 5/10 = 5,000.00, paid.
      C("P4", kB, "住院,2021-12-27,2022-01-06,,,150000.00,疾病,,,,") +
      // 2020-12-28 … 2021-01-04: 7 days, 3 in 2021: 6,000 × 3/7 = 2,571.428… → 2,571.43.
      C("P5", kA, "住院,2020-12-28,2021-01-04,,,80000.00,疾病,,,,") +
      // 2022-01-01 … 2022-01-05: no day in 2021.
      C("P6", kB, "住院,2022-01-01,2022-01-05,,,80000.00,疾病,,,,") +
      // 2020-12-20 … 2021-01-01: the discharge day is not counted: no day in 2021.
      C("P7", kB, "住院,2020-12-20,2021-01-01,,,80000.00,疾病,,,,"));
  CHECK(r["P1"].second_subsidy == F(545455));
  CHECK(r["P1"].covered_days == 10);
  CHECK(r["P1"].stay_days == 11);
  CHECK(r["P1"].status == Status::kPaid);
  CHECK(r["P1"].note.find("10/11") != std::string::npos);
  CHECK(r["P2"].second_subsidy == Y(6000));
  CHECK(r["P2"].covered_days == 10);
  CHECK(r["P3"].second_subsidy == Y(7000));
  CHECK(r["P3"].status == Status::kReview);
  CHECK(r["P3"].reason == Reason::kAppraisalRequired);
  CHECK(r["P4"].second_subsidy == Y(5000));
  CHECK(r["P4"].status == Status::kPaid);
  CHECK(r["P5"].second_subsidy == F(257143));
  CHECK(r["P5"].covered_days == 3);
  CHECK(r["P6"].reason == Reason::kOutsidePeriod);
  CHECK(r["P7"].reason == Reason::kOutsidePeriod);
}

TEST_CASE("§5 art. 17, 18: 60 days after discharge or final settlement, and no later than 2022-04-30") {
  const Run r = Pay(
      // Discharged 2021-03-01: + 60 days = 2021-04-30.
      C("D1", kA, "住院,2021-02-20,2021-03-01,,,60000.00,疾病,2021-04-30,,,") +
      C("D2", kB, "住院,2021-02-20,2021-03-01,,,60000.00,疾病,2021-05-01,,,") +
      // Final settlement 2021-04-15: + 60 = 2021-06-14.
      C("D3", kA, "住院,2021-03-20,2021-04-01,,,60000.00,疾病,2021-06-14,2021-04-15,,") +
      C("D4", kB, "住院,2021-03-20,2021-04-01,,,60000.00,疾病,2021-06-15,2021-04-15,,") +
      // Settled 2022-03-15 (60 days → 2022-05-14), but the final date 2022-04-30 comes first.
      C("D5", kA, "住院,2021-12-01,2021-12-20,,,60000.00,疾病,2022-04-30,2022-03-15,,") +
      C("D6", kB, "住院,2021-12-01,2021-12-20,,,60000.00,疾病,2022-05-01,2022-03-15,,"));
  CHECK(r["D1"].status == Status::kPaid);
  CHECK(r["D1"].second_subsidy == Y(6000));
  CHECK(r["D2"].reason == Reason::kLateClaim);
  CHECK(r["D2"].total() == Money());
  CHECK(r["D3"].status == Status::kPaid);
  CHECK(r["D4"].reason == Reason::kLateClaim);
  CHECK(r["D5"].status == Status::kPaid);
  CHECK(r["D6"].reason == Reason::kLateClaim);
  CHECK(r["D6"].note.find("2022-04-30") != std::string::npos);
}

TEST_CASE("§5 art. 19, 20: exclusions, with the contract's precedence") {
  const Run r = Pay(C("E1", kA, "住院,2021-02-01,2021-02-11,,,60000.00,生育,,,,") +
                    C("E2", kA, "住院,2021-03-01,2021-03-11,,,60000.00,工伤,,,,") +
                    C("E3", kA, "住院,2021-04-01,2021-04-11,,,60000.00,职业病,,,,") +
                    C("E4", kA, "住院,2021-05-01,2021-05-11,,,60000.00,欺诈,,,,") +
                    C("E5", kA, "住院,2021-06-01,2021-06-11,,,60000.00,疾病,,,,是") +
                    // fraud before arrears before excluded cause.
                    C("E6", kB, "住院,2021-06-01,2021-06-11,,,60000.00,欺诈,,,,是") +
                    C("E7", kB, "住院,2021-07-01,2021-07-11,,,60000.00,生育,,,,是") +
                    // accidents and traffic accidents are not excluded by 003.
                    C("E8", kB, "住院,2021-08-01,2021-08-11,,,60000.00,交通事故,,,,") +
                    C("E9", kB, "住院,2021-09-01,2021-09-11,,,60000.00,疾病,,,否,"));
  CHECK(r["E1"].reason == Reason::kExcludedCause);
  CHECK(r["E2"].reason == Reason::kExcludedCause);
  CHECK(r["E3"].reason == Reason::kExcludedCause);
  CHECK(r["E4"].reason == Reason::kFraud);
  CHECK(r["E5"].reason == Reason::kInsuranceArrears);
  CHECK(r["E6"].reason == Reason::kFraud);
  CHECK(r["E7"].reason == Reason::kInsuranceArrears);
  CHECK(r["E8"].status == Status::kPaid);
  CHECK(r["E8"].second_subsidy == Y(6000));
  CHECK(r["E9"].reason == Reason::kNoSettlement);
  for (const char* id : {"E1", "E2", "E3", "E4", "E5", "E6", "E7", "E9"}) {
    CHECK(r[id].status == Status::kRejected);
    CHECK(r[id].total() == Money());
  }
}

TEST_CASE("§5 art. 9: one stay may not be split: same member and admission date is duplicate_claim") {
  const Run r = Pay(C("S1", kA, "住院,2021-05-01,2021-05-20,,,60000.00,疾病,,,,") +
                    C("S2", kA, "住院,2021-05-01,2021-05-10,,,70000.00,疾病,,,,") +
                    C("S3", kB, "住院,2021-05-01,2021-05-20,,,60000.00,疾病,,,,") +
                    C("S4", kA, "住院,2021-05-21,2021-05-30,,,60000.00,疾病,,,,") +
                    C("S1", kA, "住院,2021-06-01,2021-06-10,,,60000.00,疾病,,,,"));
  CHECK(r["S1"].status == Status::kPaid);
  CHECK(r["S2"].status == Status::kRejected);
  CHECK(r["S2"].reason == Reason::kDuplicateClaim);
  CHECK(r["S2"].note.find("S1") != std::string::npos);
  CHECK(r["S3"].status == Status::kPaid);  // another member, same day
  CHECK(r["S4"].status == Status::kPaid);  // another admission
}

TEST_CASE("§5 art. 4: membership, eligibility and resident insurance; invalid rows; uncovered kinds") {
  const Run r = Pay(C("M1", kOut, "住院,2021-05-01,2021-05-20,,,60000.00,疾病,,,,") +
                    C("M2", kR, "住院,2021-05-01,2021-05-20,,,60000.00,疾病,,,,") +
                    C("M3", kRes, "住院,2021-05-01,2021-05-20,,,60000.00,疾病,,,,") +
                    C("M4", kA, "住院,2021-05-01,2021-05-20,,,,疾病,,,,") +
                    C("M5", kB, "特殊疾病,2021-05-01,,,,,疾病,,,,") +
                    C("M6", kB, "急诊转住院,2021-06-01,2021-06-08,,,50000.00,疾病,,,,"));
  CHECK(r["M1"].reason == Reason::kNotMember);
  CHECK(r["M2"].reason == Reason::kIneligibleMember);
  CHECK(r["M3"].status == Status::kReview);
  CHECK(r["M3"].reason == Reason::kResidentInsurance);
  CHECK(r["M3"].second_subsidy == Y(6000));
  CHECK(r["M4"].reason == Reason::kInvalidInput);
  CHECK(r["M5"].reason == Reason::kNotCovered);
  CHECK(r["M5"].note.find("第二十一条") != std::string::npos);
  CHECK(r["M6"].status == Status::kPaid);
  CHECK(r["M6"].second_subsidy == Y(6000));
  CHECK(r["M6"].stay_days == 7);
}

TEST_CASE("§5 first subsidy: computed on S only when an override supplies its segments; review at 7,000") {
  const std::string claims =
      // S = 6,999.99 at 100%: 6,999.99 < 7,000: paid; S = 7,000.00: 7,000.00 ≥ 7,000: review.
      C("F1", kA, "住院,2021-02-01,2021-02-11,,6999.99,0.00,疾病,,,,") +
      C("F2", kB, "住院,2021-02-01,2021-02-11,,7000.00,0.00,疾病,,,,") +
      // S = 20,000: 10,000 × 100% + 10,000 × 50% = 15,000; second: 60,000 → 6,000; 21,000 review.
      C("F3", kA, "住院,2021-03-01,2021-03-11,,20000.00,60000.00,疾病,,,,") +
      // S = 3,000 and 2021-12-27 … 2022-01-06 (5/10): first 3,000 × 5/10 = 1,500.00, second 0.
      C("F4", kB, "住院,2021-12-27,2022-01-06,,3000.00,1000.00,疾病,,,,") +
      // No self-pay: the first subsidy cannot be computed.
      C("F5", kA, "住院,2021-04-01,2021-04-11,,,60000.00,疾病,,,,");
  const std::string override_text =
      "schema_version = 1\nbase = \"hengyang/2021/hospital\"\n[first_subsidy]\nsegments = [\n"
      "  { upto = \"10000.00\", rate = \"100%\", source = \"本地补充规定 1\" },\n"
      "  { upto = \"50000.00\", rate = \"50%\", source = \"本地补充规定 2\" },\n]\n";
  const Run r = Pay(claims, override_text);
  CHECK(r["F1"].medical_subsidy == F(699999));
  CHECK(r["F1"].status == Status::kPaid);
  CHECK(r["F1"].self_pay == F(699999));
  CHECK(r["F2"].medical_subsidy == Y(7000));
  CHECK(r["F2"].status == Status::kReview);
  CHECK(r["F2"].reason == Reason::kAppraisalRequired);
  CHECK(r["F3"].medical_subsidy == Y(15000));
  CHECK(r["F3"].second_subsidy == Y(6000));
  CHECK(r["F3"].total() == Y(21000));
  CHECK(r["F3"].status == Status::kReview);
  CHECK(r["F4"].medical_subsidy == Y(1500));
  CHECK(r["F4"].second_subsidy == Money());
  CHECK(r["F4"].status == Status::kPaid);
  CHECK(r["F5"].reason == Reason::kInvalidInput);

  // Without the override the same rows pay the second subsidy only.
  const Run base = Pay(claims);
  CHECK(base["F1"].medical_subsidy == Money());
  CHECK(base["F1"].total() == Money());
  CHECK(base["F1"].self_pay == F(699999));  // S shown when given
  CHECK(base["F2"].status == Status::kPaid);
  CHECK(base["F3"].total() == Y(6000));
  CHECK(base["F5"].status == Status::kPaid);
}

TEST_CASE("§5 the shipped rule file: unstated parameters and article citations") {
  const RuleSet r = LoadRuleSet(std::string(HUZHU_SOURCE_DIR) + "/rules/hengyang/2021-hospital.toml");
  CHECK(r.id == "hengyang/2021/hospital");
  CHECK(r.GetDate("period.start") == Date::FromYmd(2021, 1, 1));
  CHECK(r.GetDate("period.end") == Date::FromYmd(2021, 12, 31));
  CHECK(r.GetDate("final_deadline.date") == Date::FromYmd(2022, 4, 30));
  CHECK(r.GetInt("deadline.days") == 60);
  CHECK(r.GetMoney("review.threshold") == Y(7000));
  const auto& b = r.GetBrackets("second_subsidy.brackets");
  REQUIRE(b.size() == 2);
  CHECK(b[0].from == Y(50000));
  CHECK(b[0].pays == Y(6000));
  CHECK(b[1].from == Y(100000));
  CHECK(b[1].pays == Y(10000));
  CHECK(r.UnstatedKeys() == std::vector<std::string>{"first_subsidy.segments", "special_disease.amount"});
  for (const auto& [key, p] : r.params) {
    CHECK_MESSAGE(!p.source.empty(), key);
  }
}
