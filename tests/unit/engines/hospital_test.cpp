// The hospital engine on small ledgers, against values worked out by hand from
// ../shared/docs/rules-reference.md sections 1–3 (the section and article are cited per case).
#include <doctest/doctest.h>

#include <map>

#include "engine_test_support.h"
#include "engines/payout.h"
#include "ruleset/rule_loader.h"

using namespace huzhu;

namespace {

std::string Id(const std::string& first17) { return testing::TestId(first17); }

const std::string kA = Id("15010219800305001");  // male, born 1980-03-05
const std::string kB = Id("15010219900707002");  // female, born 1990-07-07
const std::string kOld = Id("15010219540101003");  // born 1954-01-01: 72 in 2026

using Run = testing::PayoutRun;

// Writes the two CSVs and runs the engine of `rules_id`.
Run Pay(const std::string& rules_id, const std::string& members_csv, const std::string& claims_csv) {
  const std::string scheme = rules_id.substr(0, rules_id.find('/'));
  const std::string year = rules_id.substr(rules_id.find('/') + 1, 4);
  const std::string project = rules_id.substr(rules_id.rfind('/') + 1);
  return testing::RunEngine(testing::ShippedRules(scheme + "/" + year + "-" + project + ".toml"),
                            members_csv, claims_csv);
}

const char* kMembersHeader =
    "身份证号,姓名,单位编码,人员类别,参互类型,参互日期,顺延起始日期,连续参互年数,上期享受住院补贴,下期续互,医保类型\n";
const char* kClaimsHeader =
    "申领编号,身份证号,类型,入院日期,出院日期,住院天数,个人自付,进入统筹费用,统筹基金等已支付费用,病因,出院情况,申领日期,结算日期,续转申领编号,医保结算,转诊备案,医保欠费,未备案转诊增加自付\n";

std::string M(const std::string& id, const std::string& rest) { return id + ",会员," + rest + "\n"; }
std::string C(const std::string& cid, const std::string& id, const std::string& rest) {
  return cid + "," + id + "," + rest + "\n";
}

Money Y(long long yuan) { return Money::FromYuan(yuan); }
Money F(long long fen) { return Money::FromFen(fen); }

}  // namespace

TEST_CASE("§1 2026: segments, first-stay allowance at 20/day in year 2, top-up on a later stay") {
  const Run r = Pay("inner-mongolia/2026/hospital",
                    std::string(kMembersHeader) + M(kA, "U1,在职,续互,2025-08-01,,2,否,否,城镇职工"),
                    std::string(kClaimsHeader) +
                        C("S1", kA, "住院,2026-03-01,2026-03-06,,8000.00,,,疾病,,,,,,,,") +
                        C("S2", kA, "住院,2026-06-01,2026-06-03,,300.00,,,疾病,,,,,,,,"));
  // S1: M = 3,000×40% + 2,000×50% + 3,000×60% = 4,000.00; first stay, year 2: 20 × 5 days.
  CHECK(r["S1"].status == Status::kPaid);
  CHECK(r["S1"].medical_subsidy == Y(4000));
  CHECK(r["S1"].allowance == Y(100));
  CHECK(r["S1"].top_up == Y(0));
  CHECK(r["S1"].total() == Y(4100));
  // S2: M = 300 × 40% = 120; not the first stay: no allowance; top-up to 200 (art. 9.11): +80.
  CHECK(r["S2"].medical_subsidy == Y(120));
  CHECK(r["S2"].allowance == Y(0));
  CHECK(r["S2"].top_up == Y(80));
  CHECK(r["S2"].total() == Y(200));
}

TEST_CASE("§1 art. 9.8: 30-day limit, 30/day from year 3, 10/day after last period's allowance") {
  const Run r = Pay("inner-mongolia/2026/hospital",
                    std::string(kMembersHeader) + M(kA, "U1,在职,续互,,,5,否,否,") +
                        M(kB, "U1,在职,续互,,,5,是,否,"),
                    std::string(kClaimsHeader) +
                        C("L1", kA, "住院,2026-04-01,2026-05-06,,1000.00,,,疾病,,,,,,,,") +
                        C("L2", kB, "住院,2026-04-01,2026-04-11,,1000.00,,,疾病,,,,,,,,"));
  // L1: 35 days, at most 30 × 30.00 = 900; M = 400.
  CHECK(r["L1"].stay_days == 35);
  CHECK(r["L1"].allowance == Y(900));
  CHECK(r["L1"].total() == Y(1300));
  // L2: allowance received last period → 10.00 × 10 days (art. 9.9).
  CHECK(r["L2"].allowance == Y(100));
}

TEST_CASE("§1 art. 13: pro-rating at the period end; renewed_next counts every day") {
  const Run r = Pay("inner-mongolia/2026/hospital",
                    std::string(kMembersHeader) + M(kA, "U1,在职,新参互,,,1,否,否,") +
                        M(kB, "U1,在职,新参互,,,1,否,是,"),
                    std::string(kClaimsHeader) +
                        C("P1", kA, "住院,2026-12-25,2027-01-04,,10000.00,,,疾病,,,,,,,,") +
                        C("P2", kB, "住院,2026-12-25,2027-01-04,,10000.00,,,疾病,,,,,,,,"));
  // P1: 10 days, 7 inside. M(10,000) = 5,200 × 7/10 = 3,640.00; allowance 10 × 7 = 70.
  CHECK(r["P1"].covered_days == 7);
  CHECK(r["P1"].stay_days == 10);
  CHECK(r["P1"].medical_subsidy == Y(3640));
  CHECK(r["P1"].allowance == Y(70));
  // P2: renewed for 2027: the whole stay counts: 5,200 + 10 × 10.
  CHECK(r["P2"].medical_subsidy == Y(5200));
  CHECK(r["P2"].allowance == Y(100));
}

TEST_CASE("§1 pro-rating rounds half-up once: 1,000.00 × 1/3 → 333.33, 5,000 × 2/3") {
  const Run r = Pay("inner-mongolia/2026/hospital",
                    std::string(kMembersHeader) + M(kA, "U1,在职,新参互,,,1,否,否,"),
                    std::string(kClaimsHeader) +
                        C("R1", kA, "住院,2026-12-29,2027-01-01,,2500.00,,,疾病,,,,,,,,"));
  // 3 days (29, 30, 31 Dec) all inside? 2026-12-29 → 2027-01-01 is 3 days: 29,30,31 inside.
  CHECK(r["R1"].covered_days == 3);
  CHECK(r["R1"].medical_subsidy == Y(1000));
  const Run r2 = Pay("inner-mongolia/2026/hospital",
                     std::string(kMembersHeader) + M(kA, "U1,在职,新参互,,,1,否,否,"),
                     std::string(kClaimsHeader) +
                         C("R2", kA, "住院,2026-12-30,2027-01-02,,2500.00,,,疾病,,,,,,,,"));
  // 3 days, 2 inside: 1,000 × 2/3 = 666.666… → 666.67.
  CHECK(r2["R2"].medical_subsidy == F(66667));
  CHECK(r2["R2"].allowance == Y(20));
}

TEST_CASE("§1 other_period, outside_period, not_covered emergency, exclusions and precedence") {
  const Run r = Pay(
      "inner-mongolia/2026/hospital",
      std::string(kMembersHeader) + M(kA, "U1,在职,新参互,,,1,否,否,"),
      std::string(kClaimsHeader) +
          C("O1", kA, "住院,2025-12-28,2026-01-05,,5000.00,,,疾病,,,,,,,,") +
          C("O2", kA, "住院,2027-01-02,2027-01-05,,5000.00,,,疾病,,,,,,,,") +
          C("E1", kA, "急诊,2026-02-01,2026-02-01,,300.00,,,疾病,,,,,,,,") +
          C("X1", kA, "住院,2026-02-01,2026-02-03,,300.00,,,工伤,,,,,,,,") +
          C("X2", kA, "住院,2026-02-01,2026-02-03,,300.00,,,酗酒,,,,,,,,") +
          C("X3", kA, "住院,2026-02-01,2026-02-03,,300.00,,,欺诈,,,,,,,是,") +
          C("X4", kA, "住院,2026-02-01,2026-02-03,,300.00,,,疾病,,,,,,,是,") +
          C("X5", kA, "住院,2026-02-01,2026-02-03,,300.00,,,生育,,,,,,,,"));
  CHECK(r["O1"].reason == Reason::kOtherPeriod);   // art. 13 second paragraph
  CHECK(r["O2"].reason == Reason::kOutsidePeriod);
  CHECK(r["E1"].reason == Reason::kNotCovered);    // 单独急诊不予报销
  CHECK(r["X1"].reason == Reason::kExcludedCause); // art. 16 (5)
  CHECK(r["X2"].reason == Reason::kExcludedCause); // art. 16 (6)
  CHECK(r["X3"].reason == Reason::kFraud);         // fraud precedes insurance_arrears
  CHECK(r["X4"].reason == Reason::kInsuranceArrears);
  CHECK(r["X5"].status == Status::kPaid);          // childbirth covered in 2026 (art. 9.12)
  CHECK(r["X1"].total() == Y(0));
}

TEST_CASE("§1 art. 12: claimed on 2027-04-30 is in time, 2027-05-01 is late_claim") {
  const Run r = Pay("inner-mongolia/2026/hospital",
                    std::string(kMembersHeader) + M(kA, "U1,在职,新参互,,,1,否,否,"),
                    std::string(kClaimsHeader) +
                        C("D1", kA, "住院,2026-02-01,2026-02-03,,300.00,,,疾病,,2027-04-30,,,,,,") +
                        C("D2", kA, "住院,2026-03-01,2026-03-03,,300.00,,,疾病,,2027-05-01,,,,,,"));
  CHECK(r["D1"].status == Status::kPaid);
  CHECK(r["D2"].reason == Reason::kLateClaim);
}

TEST_CASE("§1 death benefit once per member; period cap in discharge order cuts M first") {
  const Run r = Pay("inner-mongolia/2026/hospital",
                    std::string(kMembersHeader) + M(kA, "U1,在职,新参互,,,1,否,否,"),
                    std::string(kClaimsHeader) +
                        C("K1", kA, "住院,2026-01-10,2026-01-20,,500000.00,,,疾病,,,,,,,,") +
                        C("K2", kA, "住院,2026-02-10,2026-02-12,,100000.00,,,疾病,死亡,,,,,,,") +
                        C("K3", kA, "住院,2026-03-10,2026-03-12,,1000.00,,,疾病,,,,,,,,"));
  // K1: M = 473,200.00 (segments to 500,000), allowance 10 × 10 = 100 → 473,300.
  CHECK(r["K1"].total() == Y(473300));
  // K2: M(100,000) = 73,200 + death 2,000 = 75,200; room 26,700: M cut by 48,500 → 24,700.
  CHECK(r["K2"].medical_subsidy == Y(24700));
  CHECK(r["K2"].death_benefit == Y(2000));
  CHECK(r["K2"].total() == Y(26700));
  CHECK(r["K2"].note.find("capped") != std::string::npos);
  CHECK(r["K3"].reason == Reason::kCapReached);
}

TEST_CASE("§1 single stay: a transfer within 24 hours is combined into the first row") {
  const Run r = Pay("inner-mongolia/2026/hospital",
                    std::string(kMembersHeader) + M(kA, "U1,在职,续互,,,3,否,否,"),
                    std::string(kClaimsHeader) +
                        C("T1", kA, "住院,2026-05-01,2026-05-05,,2000.00,,,疾病,,,,,,,,") +
                        C("T2", kA, "住院,2026-05-05,2026-05-09,,2000.00,,,疾病,,,,T1,,,,"));
  // One stay: S = 4,000 → 1,200 + 1,000×50% = 1,700; one allowance over 8 days × 30 = 240.
  CHECK(r["T1"].medical_subsidy == Y(1700));
  CHECK(r["T1"].allowance == Y(240));
  CHECK(r["T2"].status == Status::kPaid);
  CHECK(r["T2"].total() == Y(0));
  CHECK(r["T2"].note.find("combined into T1") != std::string::npos);
}

TEST_CASE("§1 self-pay: S from pooled − fund paid; disagreeing columns and S = 0") {
  const Run r = Pay("inner-mongolia/2026/hospital",
                    std::string(kMembersHeader) + M(kA, "U1,在职,新参互,,,1,否,否,"),
                    std::string(kClaimsHeader) +
                        C("V1", kA, "住院,2026-05-01,2026-05-03,,,12000.00,9000.00,疾病,,,,,,,,") +
                        C("V2", kA, "住院,2026-06-01,2026-06-03,,100.00,12000.00,9000.00,疾病,,,,,,,,") +
                        C("V3", kA, "门诊特殊疾病,2026-07-15,,,0.00,,,疾病,,,,,,,,") +
                        C("V4", kA, "住院,2026-08-01,2026-08-05,,1000.00,,,疾病,,,,,,,,300.00"));
  CHECK(r["V1"].self_pay == Y(3000));
  CHECK(r["V1"].medical_subsidy == Y(1200));
  CHECK(r["V2"].reason == Reason::kInvalidInput);
  CHECK(r["V3"].reason == Reason::kNoSelfPay);
  // Art. 15: the unfiled-referral extra 300 is the member's own: S = 700 → M = 280; top-up +... no
  // (not the first stay: V1 is); 280 ≥ 200.
  CHECK(r["V4"].self_pay == Y(700));
  CHECK(r["V4"].medical_subsidy == Y(280));
}

TEST_CASE("§1 resident insurance → review; ineligible retired member; not_member") {
  const Run r = Pay("inner-mongolia/2026/hospital",
                    std::string(kMembersHeader) + M(kA, "U1,在职,新参互,,,1,否,否,城乡居民") +
                        M(kOld, "U1,退休,续互,,,9,否,否,"),
                    std::string(kClaimsHeader) +
                        C("Q1", kA, "住院,2026-05-01,2026-05-03,,1000.00,,,疾病,,,,,,,,") +
                        C("Q2", kOld, "住院,2026-05-01,2026-05-03,,1000.00,,,疾病,,,,,,,,") +
                        C("Q3", kB, "住院,2026-05-01,2026-05-03,,1000.00,,,疾病,,,,,,,,"));
  CHECK(r["Q1"].status == Status::kReview);
  CHECK(r["Q1"].reason == Reason::kResidentInsurance);
  CHECK(r["Q1"].total() == Y(420));  // M 400 + 10 × 2 days
  CHECK(r["Q2"].reason == Reason::kIneligibleMember);  // 72 > 70 (art. 1)
  CHECK(r["Q3"].reason == Reason::kNotMember);
}

TEST_CASE("§2 2024: 15th-of-month cover start, settlement days, childbirth excluded, no_settlement") {
  const Run r = Pay("inner-mongolia/2024/hospital",
                    std::string(kMembersHeader) + M(kA, "U1,在职,新参互,2024-03-15,,1,否,否,") +
                        M(kB, "U1,在职,新参互,2024-03-16,,1,否,否,"),
                    std::string(kClaimsHeader) +
                        C("N1", kA, "住院,2024-03-01,2024-03-11,9,1000.00,,,疾病,,,,,,,,") +
                        C("N2", kB, "住院,2024-03-20,2024-03-25,,1000.00,,,疾病,,,,,,,,") +
                        C("N3", kA, "住院,2024-05-01,2024-05-03,,1000.00,,,生育,,,,,,,,") +
                        C("N4", kA, "住院,2024-06-01,2024-06-03,,1000.00,,,疾病,,,,,否,,,"));
  // N1: enrolled on the 15th → covered from 2024-03-01; days column 9 (settlement basis): 10 × 9.
  CHECK(r["N1"].status == Status::kPaid);
  CHECK(r["N1"].allowance == Y(90));
  // N2: enrolled on the 16th → covered from 2024-04-01; a new member's stay before it: outside.
  CHECK(r["N2"].reason == Reason::kOutsidePeriod);
  CHECK(r["N3"].reason == Reason::kExcludedCause);  // art. 14 (7)
  CHECK(r["N4"].reason == Reason::kNoSettlement);   // art. 14 (3)
}

TEST_CASE("§3 2021: cover from the day after enrolment for a year; 90 days after settlement") {
  const Run r = Pay("inner-mongolia/2021/hospital",
                    std::string(kMembersHeader) + M(kA, "U1,在职,新参互,2021-05-10,,1,否,否,"),
                    std::string(kClaimsHeader) +
                        C("H1", kA, "住院,2021-05-11,2021-05-21,,20000.00,,,疾病,,2021-08-19,,,,,,") +
                        C("H2", kA, "住院,2022-05-05,2022-05-15,,1000.00,,,疾病,,2022-08-13,,,,,,") +
                        C("H5", kA, "住院,2022-05-01,2022-05-03,,1000.00,,,疾病,,2022-08-02,,,,,,") +
                        C("H3", kA, "住院,2021-06-01,2021-06-03,,1000.00,,,疾病,,,,,,否,,") +
                        C("H4", kA, "住院,2021-07-01,2021-07-03,,1000.00,,,交通事故,,,,,否,,,"));
  // H1: M = 10,000×40% + 10,000×70% = 11,000; allowance 10 × 10; claimed 90 days after discharge.
  CHECK(r["H1"].medical_subsidy == Y(11000));
  CHECK(r["H1"].allowance == Y(100));
  // H2: 10 days, cover ends 2022-05-10: 6 days inside (5..10 May). M = 400 × 6/10 = 240.
  CHECK(r["H2"].covered_days == 6);
  CHECK(r["H2"].medical_subsidy == Y(240));
  // Art. 13: within 90 days of settlement (default: discharge). H2 claimed on day 90 (05-15 +
  // 90 = 08-13): in time. H5: discharged 05-03, claimed 08-02 = day 91: late.
  CHECK(r["H2"].status == Status::kPaid);
  CHECK(r["H5"].reason == Reason::kLateClaim);
  CHECK(r["H3"].reason == Reason::kNoReferral);      // art. 18 (6)
  CHECK(r["H4"].reason == Reason::kExcludedCause);   // traffic accident not settled (art. 18 (8))
}
