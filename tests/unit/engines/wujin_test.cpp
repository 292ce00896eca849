// The Wujin engine (rules reference §6, seed 004) on small ledgers, against values worked out by
// hand: every bracket boundary of 五、1, the 34% and 54.5% × share counting rules with half-up
// rounding, per-member increments across stays and with paid_to_date, the critical-illness and
// work-injury lump sums (五、2, 五、3), and the exclusions of 六.
#include <doctest/doctest.h>

#include <map>

#include "engine_test_support.h"
#include "engines/payout.h"
#include "ruleset/rule_loader.h"

using namespace huzhu;

namespace {

std::string Id(const std::string& first17) { return testing::TestId(first17); }

// The n-th test member: born 1985-06-15 in 武进区 (320412), male (odd sequence digit).
std::string IdN(int n) {
  const std::string seq = std::to_string(100 + 2 * n + 1);
  return Id("32041219850615" + seq);
}

using Run = testing::PayoutRun;


Run Pay(const std::string& members_csv, const std::string& claims_csv, Trace* trace = nullptr) {
  return testing::RunEngine(testing::ShippedRules("wujin/2024-hospital.toml"), members_csv,
                            claims_csv, trace);
}

const char* kMembersHeader = "身份证号,姓名,单位编码,人员类别,工会卡号,已发放补助\n";
const char* kClaimsHeader =
    "申领编号,身份证号,类型,入院日期,出院日期,个人自理,住院总费用,责任比例,医保结算,病因,既往病史,"
    "医院等级,本地医院,"
    "伤残等级,重疾类别,确诊日期\n";

// An in-service member with a union card; `rest` = paid_to_date.
std::string M(const std::string& id, const std::string& paid = "",
              const std::string& category = "在职", const std::string& card = "3204000011112222") {
  return id + ",会员,WJ01," + category + "," + card + "," + paid + "\n";
}
// A stay: settled through insurance unless `settled` says 否.
std::string Stay(const std::string& cid, const std::string& id, const std::string& admitted,
                 const std::string& discharged, const std::string& oop,
                 const std::string& settled = "是", const std::string& cause = "疾病") {
  return cid + "," + id + ",住院," + admitted + "," + discharged + "," + oop + ",,," + settled +
         "," + cause + ",,,,,,\n";
}
std::string Traffic(const std::string& cid, const std::string& id, const std::string& total,
                    const std::string& share) {
  return cid + "," + id + ",住院,2024-05-01,2024-05-10,," + total + "," + share +
         ",否,交通事故,,,,,,\n";
}
std::string Critical(const std::string& cid, const std::string& id, const std::string& kind,
                     const std::string& level, const std::string& local,
                     const std::string& diagnosed, const std::string& pre = "否",
                     const std::string& cause = "疾病") {
  return cid + "," + id + ",重大疾病,,,,,,," + cause + "," + pre + "," + level + "," + local +
         ",," + kind + "," + diagnosed + "\n";
}
std::string Injury(const std::string& cid, const std::string& id, const std::string& grade,
                   const std::string& cause = "工伤", const std::string& date = "2024-04-01") {
  return cid + "," + id + ",工伤," + date + ",,,,,," + cause + ",,,," + grade + ",,\n";
}

Money Y(long long yuan) { return Money::FromYuan(yuan); }
Money F(long long fen) { return Money::FromFen(fen); }

// "B3": a claim id from a prefix and a number.
std::string Cid(const char* prefix, std::size_t k) {
  std::string id(prefix);
  id.append(std::to_string(k));
  return id;
}

}  // namespace

TEST_CASE("Wujin §6 五、1: every bracket boundary on one settled stay (以上 includes the number)") {
  // [1,000, 5,000) → 500; [5,000, 10,000) → 1,000; … ≥ 100,000 → 50,000; below 1,000 nothing.
  const std::vector<std::pair<std::string, long long>> cases = {
      {"999.99", 0},       {"1000.00", 500},     {"4999.99", 500},     {"5000.00", 1000},
      {"9999.99", 1000},   {"10000.00", 1500},   {"14999.99", 1500},   {"15000.00", 2000},
      {"19999.99", 2000},  {"20000.00", 3000},   {"29999.99", 3000},   {"30000.00", 5000},
      {"39999.99", 5000},  {"40000.00", 10000},  {"49999.99", 10000},  {"50000.00", 20000},
      {"99999.99", 20000}, {"100000.00", 50000}, {"350000.00", 50000}, {"0.00", 0}};
  std::string members = kMembersHeader, claims = kClaimsHeader;
  for (std::size_t k = 0; k < cases.size(); ++k) {
    members += M(IdN(static_cast<int>(k)));
    claims +=
        Stay(Cid("B", k), IdN(static_cast<int>(k)), "2024-03-01", "2024-03-05", cases[k].first);
  }
  const Run r = Pay(members, claims);
  for (std::size_t k = 0; k < cases.size(); ++k) {
    CAPTURE(cases[k].first);
    const ClaimResult& x = r[Cid("B", k)];
    // A stay below the first bracket is paid with 0.00 (the Decision: increment 0 → paid).
    CHECK(x.status == Status::kPaid);
    CHECK(x.lump_sum == Y(cases[k].second));
    CHECK(x.total() == Y(cases[k].second));
    CHECK(x.medical_subsidy == Money());
  }
}

TEST_CASE("Wujin §6 五、1 注（1）: not settled through insurance counts 34%, rounded half-up") {
  const Run r = Pay(
      std::string(kMembersHeader) + M(IdN(1)) + M(IdN(2)) + M(IdN(3)) + M(IdN(4)) + M(IdN(5)),
      std::string(kClaimsHeader) + Stay("U1", IdN(1), "2024-03-01", "2024-03-05", "2941.18", "否") +
          Stay("U2", IdN(2), "2024-03-01", "2024-03-05", "2941.17", "否") +
          Stay("U3", IdN(3), "2024-03-01", "2024-03-05", "2941.16", "否") +
          Stay("U4", IdN(4), "2024-03-01", "2024-03-05", "0.25", "否") +
          Stay("U5", IdN(5), "2024-03-01", "2024-03-05", "9000.00", "否"));
  // 2,941.18 × 34% = 1,000.0012 → 1,000.00 → 500.
  CHECK(*r["U1"].self_pay == F(100000));
  CHECK(r["U1"].lump_sum == Y(500));
  // 2,941.17 × 34% = 999.9978 → 1,000.00 (half-up at the fen, before the bracket) → 500.
  CHECK(*r["U2"].self_pay == F(100000));
  CHECK(r["U2"].lump_sum == Y(500));
  // 2,941.16 × 34% = 999.9944 → 999.99 → below the first bracket: paid 0.00.
  CHECK(*r["U3"].self_pay == F(99999));
  CHECK(r["U3"].status == Status::kPaid);
  CHECK(r["U3"].lump_sum == Y(0));
  // 0.25 × 34% = 0.085 → 0.09 (half-up, not to even).
  CHECK(*r["U4"].self_pay == F(9));
  // 9,000.00 × 34% = 3,060.00 → 500.
  CHECK(*r["U5"].self_pay == Y(3060));
  CHECK(r["U5"].lump_sum == Y(500));
}

TEST_CASE("Wujin §6 五、1 注（2）: unsettled traffic accident counts 54.5% × total × own share") {
  const Run r =
      Pay(std::string(kMembersHeader) + M(IdN(1)) + M(IdN(2)) + M(IdN(3)) + M(IdN(4)) + M(IdN(5)) +
              M(IdN(6)) + M(IdN(7)),
          std::string(kClaimsHeader) + Traffic("T1", IdN(1), "40000.00", "70") +
              Traffic("T2", IdN(2), "18348.62", "100") + Traffic("T3", IdN(3), "18348.61", "100%") +
              Traffic("T4", IdN(4), "1.00", "100") + Traffic("T5", IdN(5), "10000.01", "70") +
              Traffic("T6", IdN(6), "26212.31", "70") + Traffic("T7", IdN(7), "26212.30", "70"));
  // 40,000 × 70% × 54.5% = 15,260.00 → 2,000.
  CHECK(*r["T1"].self_pay == Y(15260));
  CHECK(r["T1"].lump_sum == Y(2000));
  // 18,348.62 × 54.5% = 9,999.9979 → 10,000.00 → 1,500; 18,348.61 → 9,999.99245 → 9,999.99 → 1,000.
  CHECK(*r["T2"].self_pay == Y(10000));
  CHECK(r["T2"].lump_sum == Y(1500));
  CHECK(*r["T3"].self_pay == F(999999));
  CHECK(r["T3"].lump_sum == Y(1000));
  // 1.00 × 54.5% = 0.545 → 0.55 (half-up).
  CHECK(*r["T4"].self_pay == F(55));
  // One rounding of the whole product: 10,000.01 × 70% × 54.5% = 3,815.003815 → 3,815.00 (rounding
  // 7,000.007 first would give 3,815.01).
  CHECK(*r["T5"].self_pay == F(381500));
  // 26,212.31 × 38.15% = 9,999.996265 → 10,000.00 → 1,500; 26,212.30 → 9,999.99245 → 1,000.
  CHECK(*r["T6"].self_pay == Y(10000));
  CHECK(r["T6"].lump_sum == Y(1500));
  CHECK(*r["T7"].self_pay == F(999999));
  CHECK(r["T7"].lump_sum == Y(1000));
}

TEST_CASE(
    "Wujin §6 traffic accident settled through insurance counts the actual amount; missing data") {
  const Run r =
      Pay(std::string(kMembersHeader) + M(IdN(1)) + M(IdN(2)) + M(IdN(3)) + M(IdN(4)),
          std::string(kClaimsHeader) +
              Stay("S1", IdN(1), "2024-03-01", "2024-03-05", "6000.00", "是", "交通事故") +
              Traffic("S2", IdN(2), "20000.00", "") + Traffic("S3", IdN(3), "20000.00", "120") +
              Stay("S4", IdN(4), "2024-03-01", "2024-03-05", ""));
  CHECK(*r["S1"].self_pay == Y(6000));
  CHECK(r["S1"].lump_sum == Y(1000));
  // No liability share, a share over 100%, no out-of-pocket amount: invalid_input.
  CHECK(r["S2"].reason == Reason::kInvalidInput);
  CHECK(r["S3"].reason == Reason::kInvalidInput);
  CHECK(r["S4"].reason == Reason::kInvalidInput);
  CHECK(r["S4"].total() == Money());
}

TEST_CASE(
    "Wujin §6 Decision: increments in discharge order, then claim id; rows add up to the bracket") {
  const Run r = Pay(std::string(kMembersHeader) + M(IdN(1)) + M(IdN(2)),
                    std::string(kClaimsHeader) +
                        // Input order differs from discharge order.
                        Stay("A3", IdN(1), "2024-06-01", "2024-06-10", "8000.00") +
                        Stay("A1", IdN(1), "2024-02-20", "2024-03-01", "4000.00") +
                        Stay("A4", IdN(1), "2024-08-25", "2024-09-01", "9000.00", "否") +
                        Stay("A2", IdN(1), "2024-04-01", "2024-04-02", "500.00") +
                        // Same discharge date: claim id decides (Z1 before Z2).
                        Stay("Z2", IdN(2), "2024-05-01", "2024-05-09", "600.00") +
                        Stay("Z1", IdN(2), "2024-05-02", "2024-05-09", "600.00"));
  // A1 (03-01): 4,000 → 500. A2 (04-02): 4,500 → 500 − 500 = 0.00 (paid). A3 (06-10): 12,500 →
  // 1,500, +1,000. A4 (09-01): 9,000 × 34% = 3,060; 15,560 → 2,000, +500. Sum 2,000 =
  // bracket(15,560).
  CHECK(r["A1"].lump_sum == Y(500));
  CHECK(r["A2"].status == Status::kPaid);
  CHECK(r["A2"].lump_sum == Y(0));
  CHECK(*r["A2"].self_pay == Y(500));
  CHECK(r["A3"].lump_sum == Y(1000));
  CHECK(r["A4"].lump_sum == Y(500));
  CHECK(*r["A4"].self_pay == Y(3060));
  // Z1: 600 → 0.00; Z2: 1,200 → 500.
  CHECK(r["Z1"].lump_sum == Y(0));
  CHECK(r["Z2"].lump_sum == Y(500));
}

TEST_CASE("Wujin §6 paid_to_date: the first increment starts from it, never negative") {
  const Run r =
      Pay(std::string(kMembersHeader) + M(IdN(1), "1000.00") + M(IdN(2), "3000.00") +
              M(IdN(3), "500.00"),
          std::string(kClaimsHeader) + Stay("P1", IdN(1), "2024-04-01", "2024-04-08", "5000.00") +
              Stay("P2", IdN(1), "2024-07-01", "2024-07-08", "6000.00") +
              Stay("Q1", IdN(2), "2024-04-11", "2024-04-20", "12000.00") +
              Stay("Q2", IdN(2), "2024-10-11", "2024-10-20", "10000.00") +
              Stay("R1", IdN(3), "2024-04-11", "2024-04-20", "150000.00"));
  // P1: 5,000 → 1,000 − 1,000 = 0.00; P2: 11,000 → 1,500 − 1,000 = 500.
  CHECK(r["P1"].status == Status::kPaid);
  CHECK(r["P1"].lump_sum == Y(0));
  CHECK(r["P2"].lump_sum == Y(500));
  // Q1: 12,000 → 1,500 < 3,000 already paid: 0.00; Q2: 22,000 → 3,000 − 3,000 = 0.00.
  CHECK(r["Q1"].lump_sum == Y(0));
  CHECK(r["Q2"].lump_sum == Y(0));
  // R1: 150,000 → 50,000 − 500 = 49,500.
  CHECK(r["R1"].lump_sum == Y(49500));
}

TEST_CASE("Wujin §6 五、1 注（3）, 六、1: excluded stays count nothing; exclusions; precedence") {
  const Run r =
      Pay(std::string(kMembersHeader) + M(IdN(1)) + M(IdN(2)) + M(IdN(3)),
          std::string(kClaimsHeader) +
              Stay("W1", IdN(1), "2024-03-03", "2024-03-13", "20000.00", "是", "工伤") +
              Stay("W2", IdN(1), "2024-09-03", "2024-09-06", "2000.00") +
              Stay("W3", IdN(1), "2024-09-10", "2024-09-16", "5000.00", "是", "职业病") +
              Stay("X1", IdN(2), "2024-07-07", "2024-07-17", "8000.00", "是", "醉驾") +
              Stay("X2", IdN(2), "2024-08-07", "2024-08-10", "3000.00", "是", "不予保障项目") +
              Stay("X3", IdN(2), "2024-08-11", "2024-08-12", "3000.00", "是", "欺诈") +
              Stay("X4", IdN(2), "2023-12-20", "2024-01-02", "3000.00", "是", "欺诈") +
              Stay("X5", IdN(3), "2024-08-11", "2024-08-12", "1500.00", "是", "生育") +
              Stay("X6", IdN(3), "2024-12-31", "2025-01-03", "1000.00"));
  CHECK(r["W1"].reason == Reason::kExcludedCause);
  CHECK(r["W1"].total() == Money());
  // The work-injury stay is not in the sum: 2,000 → 500.
  CHECK(r["W2"].lump_sum == Y(500));
  CHECK(r["W3"].reason == Reason::kExcludedCause);
  CHECK(r["X1"].reason == Reason::kExcludedCause);
  CHECK(r["X2"].reason == Reason::kExcludedCause);
  CHECK(r["X3"].reason == Reason::kFraud);
  // other_period precedes fraud in the contract's order.
  CHECK(r["X4"].reason == Reason::kOtherPeriod);
  // Childbirth is a covered stay: X5 1,500 → 500. A stay admitted on 2024-12-31 counts in full,
  // without pro-rating: X6 1,500 + 1,000 = 2,500 → 500 − 500 = 0.00.
  CHECK(r["X5"].lump_sum == Y(500));
  CHECK(r["X6"].status == Status::kPaid);
  CHECK(r["X6"].lump_sum == Y(0));
}

TEST_CASE("Wujin §6 一、参加对象: in-service members with a union card; period and kinds") {
  const std::string spouse = IdN(4);
  const Run r =
      Pay(std::string(kMembersHeader) + M(IdN(1), "", "退休") + M(IdN(2), "", "在职", "") +
              M(IdN(3)) + M(spouse, "", "配偶"),
          std::string(kClaimsHeader) + Stay("E1", IdN(1), "2024-03-01", "2024-03-05", "7000.00") +
              Stay("E2", IdN(2), "2024-03-01", "2024-03-05", "7000.00") +
              Stay("E3", IdN(9), "2024-03-01", "2024-03-05", "7000.00") +
              Stay("E4", IdN(3), "2023-12-28", "2024-01-06", "7000.00") +
              Stay("E5", IdN(3), "2025-01-02", "2025-01-06", "7000.00") + "E6," + IdN(3) +
              ",门诊特殊疾病,2024-03-09,,4000.00,,,是,疾病,,,,,,\n" + "E7," + IdN(3) +
              ",急诊,2024-03-19,2024-03-19,1500.00,,,是,疾病,,,,,,\n" +
              Stay("E9", spouse, "2024-03-01", "2024-03-05", "7000.00"));
  CHECK(r["E1"].reason == Reason::kIneligibleMember);
  CHECK(r["E2"].reason == Reason::kIneligibleMember);
  CHECK(r["E3"].reason == Reason::kNotMember);
  CHECK(r["E4"].reason == Reason::kOtherPeriod);
  CHECK(r["E5"].reason == Reason::kOutsidePeriod);
  CHECK(r["E6"].reason == Reason::kNotCovered);
  CHECK(r["E7"].reason == Reason::kNotCovered);
  CHECK(r["E9"].reason == Reason::kIneligibleMember);
}

TEST_CASE(
    "Wujin §6 五、1: emergency-to-inpatient is a stay; a repeated claim id is duplicate_claim") {
  const Run r = Pay(std::string(kMembersHeader) + M(IdN(3)),
                    std::string(kClaimsHeader) + "E8," + IdN(3) +
                        ",急诊转住院,2024-04-01,2024-04-09,30000.00,,,是,疾病,,,,,,\n" +
                        Stay("E8", IdN(3), "2024-05-01", "2024-05-09", "7000.00"));
  // by_id keeps the first row: 30,000 → 5,000; the repeat is duplicate_claim and not in the sum.
  CHECK(r["E8"].lump_sum == Y(5000));
  REQUIRE(r.rows.size() == 2);
  CHECK(r.rows[1].reason == Reason::kDuplicateClaim);
  CHECK(r.rows[1].total() == Money());
}

TEST_CASE("Wujin §6 五、2, 六、2: critical illness 5,000 once, in situ 1,000, the hospital rule") {
  const Run r =
      Pay(std::string(kMembersHeader) + M(IdN(1)) + M(IdN(2)) + M(IdN(3)) + M(IdN(4)) + M(IdN(5)) +
              M(IdN(6)) + M(IdN(7)) + M(IdN(8)),
          std::string(kClaimsHeader) +
              // Listed disease, Changzhou grade 2 → 5,000; a later listed one → once only.
              Critical("C2", IdN(1), "是", "3", "是", "2024-10-18") +
              Critical("C1", IdN(1), "是", "2", "是", "2024-03-18") +
              // In situ, grade 3 elsewhere → 1,000; then a listed disease → 5,000 as well.
              Critical("D1", IdN(2), "原位癌", "3", "否", "2024-04-22") +
              Critical("D2", IdN(2), "是", "3", "否", "2024-09-22") +
              Critical("D3", IdN(2), "原位癌", "3", "是", "2024-11-22") +
              // Grade 2 outside Changzhou, grade 1 in Changzhou: not recognised.
              Critical("G1", IdN(3), "是", "2", "否", "2024-05-05") +
              Critical("G2", IdN(4), "是", "1", "是", "2024-06-06") +
              // Pre-existing; not listed; misconduct does not exclude a critical illness (六、2).
              Critical("H1", IdN(5), "是", "3", "是", "2024-02-02", "是") +
              Critical("H2", IdN(6), "否", "3", "是", "2024-07-02") +
              Critical("H3", IdN(7), "是", "3", "是", "2024-07-02", "否", "酗酒") +
              Critical("H4", IdN(8), "是", "3", "是", "2024-07-02", "否", "欺诈") +
              // No hospital level; diagnosed in 2023.
              Critical("H5", IdN(8), "是", "", "是", "2024-07-03") +
              Critical("H6", IdN(8), "是", "3", "是", "2023-12-30"));
  CHECK(r["C1"].lump_sum == Y(5000));
  CHECK(r["C1"].total() == Y(5000));
  CHECK(r["C2"].reason == Reason::kBenefitTerminated);
  CHECK(r["C2"].total() == Money());
  CHECK(r["D1"].lump_sum == Y(1000));
  CHECK(r["D2"].lump_sum == Y(5000));
  CHECK(r["D3"].reason == Reason::kBenefitTerminated);
  CHECK(r["G1"].reason == Reason::kInstitutionNotRecognized);
  CHECK(r["G2"].reason == Reason::kInstitutionNotRecognized);
  CHECK(r["H1"].reason == Reason::kPreExisting);
  CHECK(r["H2"].reason == Reason::kNotCovered);
  CHECK(r["H3"].lump_sum == Y(5000));
  CHECK(r["H4"].reason == Reason::kFraud);
  CHECK(r["H5"].reason == Reason::kInvalidInput);
  CHECK(r["H6"].reason == Reason::kOtherPeriod);
}

TEST_CASE("Wujin §6 五、3: every work-injury grade; exclusions of 六、1 apply") {
  const std::vector<std::pair<std::string, long long>> grades = {
      {"工亡", 5000}, {"1", 5000},   {"2", 5000},  {"3", 3000}, {"4", 3000},
      {"5", 2000},    {"6", 2000},   {"7", 500},   {"8", 500},  {"9", 300},
      {"10", 300},    {"七级", 500}, {"10级", 300}};
  std::string members = kMembersHeader, claims = kClaimsHeader;
  for (std::size_t k = 0; k < grades.size(); ++k) {
    members += M(IdN(static_cast<int>(k)));
    claims += Injury(Cid("J", k), IdN(static_cast<int>(k)), grades[k].first);
  }
  members += M(IdN(20)) + M(IdN(21));
  claims += Injury("K1", IdN(20), "7", "酗酒") + Injury("K2", IdN(20), "7", "不予保障项目") +
            Injury("K3", IdN(20), "11") + Injury("K4", IdN(20), "") +
            Injury("K5", IdN(21), "9", "意外") + Injury("K6", IdN(21), "9", "工伤", "2025-01-01") +
            Injury("K7", IdN(21), "9", "职业病");
  const Run r = Pay(members, claims);
  for (std::size_t k = 0; k < grades.size(); ++k) {
    CAPTURE(grades[k].first);
    CHECK(r[Cid("J", k)].status == Status::kPaid);
    CHECK(r[Cid("J", k)].lump_sum == Y(grades[k].second));
  }
  CHECK(r["K1"].reason == Reason::kExcludedCause);
  CHECK(r["K2"].reason == Reason::kExcludedCause);
  CHECK(r["K3"].reason == Reason::kInvalidInput);
  CHECK(r["K4"].reason == Reason::kInvalidInput);
  CHECK(r["K5"].lump_sum == Y(300));
  CHECK(r["K6"].reason == Reason::kOutsidePeriod);
  // An occupational disease appraised as a work injury pays the work-injury benefit.
  CHECK(r["K7"].lump_sum == Y(300));
}

TEST_CASE("Wujin §6: a trace for explain names the rule keys and articles") {
  Trace trace;
  trace.claim_id = "A2";
  const Run r = Pay(std::string(kMembersHeader) + M(IdN(1), "200.00"),
                    std::string(kClaimsHeader) +
                        Stay("A1", IdN(1), "2024-02-01", "2024-02-05", "3000.00", "否") +
                        Stay("A2", IdN(1), "2024-03-01", "2024-03-05", "5000.00", "否"),
                    &trace);
  // A1: 3,000 × 34% = 1,020 → 500 − 200 = 300; A2: 1,700 + 1,020 = 2,720 → 500 − 500 = 0.
  CHECK(r["A1"].lump_sum == Y(300));
  CHECK(r["A2"].lump_sum == Y(0));
  bool rate = false, bracket = false;
  for (const TraceStep& s : trace.steps) {
    if (s.key == "annual_brackets.unsettled_rate" && s.source == "五、1 注（1）") rate = true;
    if (s.key == "annual_brackets.brackets" && s.source.find("五、1") == 0) bracket = true;
  }
  CHECK(rate);
  CHECK(bracket);
}
