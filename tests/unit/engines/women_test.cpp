// The women's scheme 馨康 engine on small ledgers, against values worked out by hand from
// ../shared/docs/rules-reference.md section 4 (the table row or rule is cited per case).
#include <doctest/doctest.h>

#include <iterator>
#include <map>
#include <vector>

#include "core/diagnostics.h"
#include "engine_test_support.h"
#include "engines/payout.h"
#include "ruleset/rule_loader.h"

using namespace huzhu;

namespace {

std::string Id(const std::string& first17) { return testing::TestId(first17); }

// A woman born on `birth` (YYYYMMDD); `n` (0–499) makes the ID unique; the 17th digit is even.
std::string Woman(int n, const std::string& birth = "19850610") {
  const std::string seq = std::to_string(100 + n / 5);
  return Id("150102" + birth + seq.substr(seq.size() - 2) + std::to_string((n % 5) * 2));
}
const std::string kMan = Id("15010219800305001");  // male (17th digit odd)

using Run = testing::PayoutRun;

Run Pay(const std::string& year, const std::string& members_csv, const std::string& claims_csv) {
  return testing::RunEngine(testing::ShippedRules("inner-mongolia/" + year + "-women.toml"),
                            members_csv, claims_csv);
}

const char* kMembersHeader =
    "身份证号,姓名,单位编码,人员类别,参互类型,参互日期,顺延起始日期,连续参互年数,配偶身份证号\n";
const char* kClaimsHeader =
    "申领编号,身份证号,类型,病种,治疗方式,确诊日期,既往病史,医院等级,病因,申领日期\n";

// Member row: id, then 人员类别,参互类型,参互日期,顺延起始日期,连续参互年数,配偶身份证号.
std::string M(const std::string& id, const std::string& rest) {
  return id + ",会员,U1," + rest + "\n";
}
// Claim row: id, member, then 病种,治疗方式,确诊日期,既往病史,医院等级,病因,申领日期.
std::string C(const std::string& cid, const std::string& id, const std::string& rest) {
  return cid + "," + id + ",特殊疾病," + rest + "\n";
}

Money Y(long long yuan) { return Money::FromYuan(yuan); }

struct Row {
  const char* diagnosis;
  const char* treatment;
  Status status;
  Reason reason;
  long long yuan;
};

// One renewed member (no observation period) per row, each diagnosed 2026-06-01 (2024-06-01).
void CheckTable(const std::string& year, const std::vector<Row>& rows) {
  std::string members = kMembersHeader;
  std::string claims = kClaimsHeader;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const std::string id = Woman(static_cast<int>(i));
    members += M(id, "在职,续互,,,3,");
    std::string rest = rows[i].diagnosis;
    rest.append(",").append(rows[i].treatment).append(",").append(year);
    rest.append("-06-01,否,3,疾病,").append(year).append("-07-01");
    std::string cid = "T";
    cid.append(std::to_string(i));
    claims += C(cid, id, rest);
  }
  const Run r = Pay(year, members, claims);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    CAPTURE(rows[i].diagnosis);
    CAPTURE(rows[i].treatment);
    std::string cid = "T";
    cid.append(std::to_string(i));
    const ClaimResult& got = r[cid];
    CHECK(got.status == rows[i].status);
    CHECK(got.reason == rows[i].reason);
    CHECK(got.lump_sum == Y(rows[i].yuan));
    CHECK(got.total() == Y(rows[i].yuan));
    CHECK(got.medical_subsidy == Y(0));
  }
}

constexpr Status kPaid = Status::kPaid;
constexpr Status kRej = Status::kRejected;
constexpr Reason kNo = Reason::kNone;

}  // namespace

TEST_CASE("women §4: 2026 table: every row and treatment pays its final amount (benefit + 2,000)") {
  CheckTable("2026", {
                         {"浸润性乳腺癌", "", kPaid, kNo, 32000},                 // row 1
                         {"乳腺导管原位癌", "", kPaid, kNo, 12000},               // row 2
                         {"原发性子宫颈恶性肿瘤", "子宫锥切", kRej, Reason::kNotCovered, 0},  // row 3
                         {"原发性子宫颈恶性肿瘤", "全子宫切除", kPaid, kNo, 5000},
                         {"原发性子宫颈恶性肿瘤", "根治术", kPaid, kNo, 12000},
                         {"原发性子宫颈恶性肿瘤", "放疗", kPaid, kNo, 12000},
                         {"卵巢交界性肿瘤", "附件切除", kRej, Reason::kNotCovered, 0},  // row 4
                         {"卵巢交界性肿瘤", "全子宫切除", kPaid, kNo, 5000},
                         {"卵巢交界性肿瘤", "分期术", kPaid, kNo, 12000},
                         {"原发性输卵管恶性肿瘤", "无补充治疗", kPaid, kNo, 7000},  // row 5
                         {"原发性输卵管恶性肿瘤", "补充放化疗", kPaid, kNo, 12000},
                         {"原发性卵巢恶性肿瘤", "全子宫切除", kPaid, kNo, 5000},  // row 6
                         {"原发性卵巢恶性肿瘤", "分期术", kPaid, kNo, 12000},
                         {"原发性腹膜恶性肿瘤", "全子宫切除", kPaid, kNo, 5000},  // row 7
                         {"原发性腹膜恶性肿瘤", "分期术", kPaid, kNo, 12000},
                         {"原发性子宫内膜恶性肿瘤", "全子宫切除", kPaid, kNo, 5000},  // row 8 (2026 split)
                         {"原发性子宫内膜恶性肿瘤", "分期术", kPaid, kNo, 12000},
                         {"妊娠滋养细胞肿瘤", "", kPaid, kNo, 12000},  // row 9
                         {"原发性外阴癌", "", kPaid, kNo, 12000},      // row 10
                         {"原发性阴道癌", "", kPaid, kNo, 12000},      // row 11
                         {"子宫肉瘤", "", kPaid, kNo, 12000},          // row 12
                         {"生殖器官上的黑色素瘤", "", kPaid, kNo, 12000},  // row 13
                         {"全子宫切除术", "", kPaid, kNo, 5000},       // row 14
                         // "any" rows ignore the treatment column.
                         {"浸润性乳腺癌", "放疗", kPaid, kNo, 32000},
                         // Full wordings of the notice.
                         {"卵巢交界性肿瘤/低度恶性卵巢肿瘤", "分期术", kPaid, kNo, 12000},
                         {"妊娠滋养细胞肿瘤（绒毛膜癌、恶性葡萄胎）", "", kPaid, kNo, 12000},
                         {"原发性宫颈恶性肿瘤", "全子宫切除", kPaid, kNo, 5000},
                         // Not one of the 14 listed diseases.
                         {"肺癌", "", kRej, Reason::kNotCovered, 0},
                     });
}

TEST_CASE("women §4: 2024 table: row 8 any treatment, row 14 pays 5,000 final (decision)") {
  CheckTable("2024", {
                         {"浸润性乳腺癌", "", kPaid, kNo, 32000},
                         {"乳腺导管原位癌", "", kPaid, kNo, 12000},
                         {"原发性宫颈恶性肿瘤", "子宫锥切", kRej, Reason::kNotCovered, 0},
                         {"原发性子宫颈恶性肿瘤", "全子宫切除", kPaid, kNo, 5000},
                         {"原发性子宫颈恶性肿瘤", "根治术", kPaid, kNo, 12000},
                         {"原发性子宫颈恶性肿瘤", "放疗", kPaid, kNo, 12000},
                         {"卵巢交界性肿瘤", "附件切除", kRej, Reason::kNotCovered, 0},
                         {"卵巢交界性肿瘤", "全子宫切除", kPaid, kNo, 5000},
                         {"卵巢交界性肿瘤", "分期术", kPaid, kNo, 12000},
                         {"原发性输卵管恶性肿瘤", "无补充治疗", kPaid, kNo, 7000},
                         {"原发性输卵管恶性肿瘤", "补充放化疗", kPaid, kNo, 12000},
                         {"原发性卵巢恶性肿瘤", "全子宫切除", kPaid, kNo, 5000},
                         {"原发性卵巢恶性肿瘤", "分期术", kPaid, kNo, 12000},
                         {"原发性腹膜恶性肿瘤", "全子宫切除", kPaid, kNo, 5000},
                         {"原发性腹膜恶性肿瘤", "分期术", kPaid, kNo, 12000},
                         // Row 8, 2024: any treatment, 12,000 (even after a hysterectomy).
                         {"原发性子宫内膜恶性肿瘤", "", kPaid, kNo, 12000},
                         {"原发性子宫内膜恶性肿瘤", "全子宫切除", kPaid, kNo, 12000},
                         {"妊娠滋养细胞肿瘤", "", kPaid, kNo, 12000},
                         {"原发性外阴癌", "", kPaid, kNo, 12000},
                         {"原发性阴道癌", "", kPaid, kNo, 12000},
                         {"子宫肉瘤", "", kPaid, kNo, 12000},
                         {"生殖器官上的黑色素瘤", "", kPaid, kNo, 12000},
                         {"全子宫切除术", "", kPaid, kNo, 5000},  // decision: 3,000 + 2,000
                     });
}

TEST_CASE("women §4: rows 3–8: a missing or unknown treatment is invalid_input, never a guess") {
  const std::string a = Woman(1), b = Woman(2), c = Woman(3), d = Woman(4);
  const Run r = Pay("2026",
                    std::string(kMembersHeader) + M(a, "在职,续互,,,2,") + M(b, "在职,续互,,,2,") +
                        M(c, "在职,续互,,,2,") + M(d, "在职,续互,,,2,"),
                    std::string(kClaimsHeader) +
                        C("I1", a, "原发性卵巢恶性肿瘤,,2026-05-01,否,3,疾病,") +
                        C("I2", b, "原发性子宫内膜恶性肿瘤,化疗,2026-05-01,否,3,疾病,") +
                        C("I3", c, "浸润性乳腺癌,,,否,3,疾病,") +  // no diagnosis date
                        C("I4", d, ",,2026-05-01,否,3,疾病,"));  // no diagnosis
  for (const char* id : {"I1", "I2", "I3", "I4"}) {
    CAPTURE(id);
    CHECK(r[id].status == Status::kRejected);
    CHECK(r[id].reason == Reason::kInvalidInput);
    CHECK(r[id].total() == Y(0));
  }
  CHECK(r["I1"].note.find("全子宫切除") != std::string::npos);
  // 2024 row 8 needs no treatment.
  const Run r24 = Pay("2024", std::string(kMembersHeader) + M(b, "在职,续互,,,2,"),
                      std::string(kClaimsHeader) + C("I5", b, "原发性子宫内膜恶性肿瘤,化疗,2024-05-01,否,3,疾病,"));
  CHECK(r24["I5"].lump_sum == Y(12000));
}

TEST_CASE("women §4: observation period 2026: day 30 (2026-01-30) pays 500.00, day 31 the table") {
  const std::string a = Woman(1), b = Woman(2), c = Woman(3);
  const Run r = Pay("2026",
                    std::string(kMembersHeader) + M(a, "在职,新参互,2025-09-01,,1,") +
                        M(b, "在职,新参互,2025-09-01,,1,") + M(c, "在职,续互,,,2,"),
                    std::string(kClaimsHeader) +
                        C("O30", a, "浸润性乳腺癌,,2026-01-30,否,3,疾病,2026-03-01") +
                        C("O31", b, "浸润性乳腺癌,,2026-01-31,否,3,疾病,2026-03-01") +
                        C("OC", c, "浸润性乳腺癌,,2026-01-01,否,3,疾病,2026-03-01"));
  CHECK(r["O30"].status == Status::kPaid);
  CHECK(r["O30"].lump_sum == Y(500));   // consolation only
  CHECK(r["O31"].lump_sum == Y(32000));  // 30,000 + 2,000
  // consecutive_years 2: no observation period (day 1 pays the table).
  CHECK(r["OC"].lump_sum == Y(32000));
}

TEST_CASE("women §4: 2024 coverage: 15th-of-month start, observation from it; renewed from extension_from") {
  const std::string a = Woman(1), b = Woman(2), c = Woman(3), d = Woman(4);
  const Run r = Pay("2024",
                    std::string(kMembersHeader) + M(a, "在职,新参互,2024-03-15,,1,") +
                        M(b, "在职,新参互,2024-03-16,,1,") + M(c, "在职,续互,,2024-05-01,2,") +
                        M(d, "在职,新参互,2024-03-16,,1,"),
                    std::string(kClaimsHeader) +
                        // a: cover from 2024-03-01; day 30 = 2024-03-30.
                        C("A30", a, "子宫肉瘤,,2024-03-30,否,3,疾病,2024-06-01") +
                        // b: cover from 2024-04-01: 2024-03-20 is outside it (first year).
                        C("B0", b, "子宫肉瘤,,2024-03-20,否,3,疾病,2024-06-01") +
                        // c: renewed, extension from 2024-05-01: April is phase 2's.
                        C("C0", c, "子宫肉瘤,,2024-04-30,否,3,疾病,2024-06-01") +
                        // d: cover from 2024-04-01; day 31 = 2024-05-01.
                        C("D31", d, "子宫肉瘤,,2024-05-01,否,3,疾病,2024-06-01"));
  CHECK(r["A30"].lump_sum == Y(500));
  CHECK(r["B0"].reason == Reason::kOutsidePeriod);
  CHECK(r["C0"].reason == Reason::kOtherPeriod);
  CHECK(r["D31"].lump_sum == Y(12000));
}

TEST_CASE("women §4: eligibility: 60 included, 61 not; spouses; men") {
  const std::string w60 = Woman(1, "19660101");  // 60 on 2026-01-01
  const std::string w61 = Woman(2, "19650101");  // 61
  const std::string sp = Woman(3, "19500101");   // 76, a spouse: no age limit
  const std::string sp2 = Woman(4, "19700101");  // spouse with no spouse_id
  const Run r = Pay("2026",
                    std::string(kMembersHeader) + M(w60, "在职,续互,,,2,") + M(w61, "在职,续互,,,2,") +
                        M(sp, "配偶,续互,,,2," + kMan) + M(sp2, "配偶,续互,,,2,") +
                        M(kMan, "在职,续互,,,2,"),
                    std::string(kClaimsHeader) +
                        C("E60", w60, "子宫肉瘤,,2026-04-01,否,3,疾病,") +
                        C("E61", w61, "子宫肉瘤,,2026-04-01,否,3,疾病,") +
                        C("ESP", sp, "子宫肉瘤,,2026-04-01,否,3,疾病,") +
                        C("ESP2", sp2, "子宫肉瘤,,2026-04-01,否,3,疾病,") +
                        C("EM", kMan, "子宫肉瘤,,2026-04-01,否,3,疾病,") +
                        C("EX", Woman(9), "子宫肉瘤,,2026-04-01,否,3,疾病,"));
  CHECK(r["E60"].lump_sum == Y(12000));
  CHECK(r["E61"].reason == Reason::kIneligibleMember);
  CHECK(r["ESP"].lump_sum == Y(12000));
  // A spouse without the link is paid, with a warning in the problems.
  CHECK(r["ESP2"].status == Status::kPaid);
  CHECK(r["ESP2"].lump_sum == Y(12000));
  CHECK(r["ESP2"].note.find("配偶身份证号") != std::string::npos);
  CHECK(r["EM"].reason == Reason::kIneligibleMember);
  CHECK(r["EX"].reason == Reason::kNotMember);
}

TEST_CASE("women §4: art. 11: the highest of same-day diagnoses, whatever the input order; later ones end") {
  const std::string a = Woman(1), b = Woman(2), c = Woman(3);
  const Run r = Pay("2026",
                    std::string(kMembersHeader) + M(a, "在职,续互,,,2,") + M(b, "在职,续互,,,2,") +
                        M(c, "在职,新参互,,,1,"),
                    std::string(kClaimsHeader) +
                        C("H1", a, "子宫肉瘤,,2026-05-01,否,3,疾病,") +
                        C("H2", a, "浸润性乳腺癌,,2026-05-01,否,3,疾病,") +
                        C("H3", a, "原发性阴道癌,,2026-08-01,否,3,疾病,") +
                        C("K1", b, "浸润性乳腺癌,,2026-05-01,否,3,疾病,") +
                        C("K2", b, "子宫肉瘤,,2026-05-01,否,3,疾病,") +
                        // Later in the file but earlier in date: K0 pays, K1/K2 end.
                        C("K0", b, "全子宫切除术,,2026-04-01,否,3,疾病,") +
                        // Consolation, then a later diagnosis: terminated (decision).
                        C("W1", c, "子宫肉瘤,,2026-01-10,否,3,疾病,") +
                        C("W2", c, "浸润性乳腺癌,,2026-03-10,否,3,疾病,"));
  CHECK(r["H2"].lump_sum == Y(32000));
  CHECK(r["H1"].reason == Reason::kBenefitTerminated);
  CHECK(r["H1"].total() == Y(0));
  CHECK(r["H3"].reason == Reason::kBenefitTerminated);
  CHECK(r["K0"].lump_sum == Y(5000));
  CHECK(r["K1"].reason == Reason::kBenefitTerminated);
  CHECK(r["K2"].reason == Reason::kBenefitTerminated);
  CHECK(r["W1"].lump_sum == Y(500));
  CHECK(r["W2"].reason == Reason::kBenefitTerminated);
}

TEST_CASE("women §4: exclusions: pre_existing, metastasis, hospital grade, fraud, misdiagnosis") {
  std::string members = kMembersHeader;
  for (int i = 0; i < 9; ++i) members += M(Woman(i), "在职,续互,,,2,");
  const Run r = Pay("2026", members,
                    std::string(kClaimsHeader) +
                        C("P1", Woman(0), "子宫肉瘤,,2026-05-01,是,3,疾病,") +
                        C("P2", Woman(1), "子宫肉瘤,,2026-05-01,否,3,转移,") +
                        C("P3", Woman(2), "子宫肉瘤,,2026-05-01,否,1,疾病,") +
                        C("P4", Woman(3), "子宫肉瘤,,2026-05-01,否,2,疾病,") +
                        C("P5", Woman(4), "子宫肉瘤,,2026-05-01,否,3,欺诈,") +
                        C("P6", Woman(5), "子宫肉瘤,,2026-05-01,否,3,不予保障项目,") +
                        // Precedence: pre_existing before institution_not_recognized.
                        C("P7", Woman(6), "子宫肉瘤,,2026-05-01,是,1,疾病,") +
                        // excluded_cause before pre_existing; fraud before excluded_cause.
                        C("P8", Woman(7), "子宫肉瘤,,2026-05-01,是,1,转移,") +
                        // A rejected claim does not end the cover: P9b pays.
                        C("P9a", Woman(8), "子宫肉瘤,,2026-05-01,否,1,疾病,") +
                        C("P9b", Woman(8), "子宫肉瘤,,2026-06-01,否,3,疾病,"));
  CHECK(r["P1"].reason == Reason::kPreExisting);
  CHECK(r["P2"].reason == Reason::kExcludedCause);
  CHECK(r["P3"].reason == Reason::kInstitutionNotRecognized);
  CHECK(r["P4"].lump_sum == Y(12000));  // grade 2 is "二级以上"
  CHECK(r["P5"].reason == Reason::kFraud);
  CHECK(r["P6"].reason == Reason::kExcludedCause);
  CHECK(r["P7"].reason == Reason::kPreExisting);
  CHECK(r["P8"].reason == Reason::kExcludedCause);
  CHECK(r["P9a"].reason == Reason::kInstitutionNotRecognized);
  CHECK(r["P9b"].lump_sum == Y(12000));
}

TEST_CASE("women §4: deadline: 2026 on 2027-04-30 / 2027-05-01; 2024 on 2025-03-31 / 2025-04-01") {
  const std::string a = Woman(1), b = Woman(2);
  const std::string members = std::string(kMembersHeader) + M(a, "在职,续互,,,2,") + M(b, "在职,续互,,,2,");
  const Run r = Pay("2026", members,
                    std::string(kClaimsHeader) +
                        C("L1", a, "子宫肉瘤,,2026-12-31,否,3,疾病,2027-04-30") +
                        C("L2", b, "子宫肉瘤,,2026-12-31,否,3,疾病,2027-05-01"));
  CHECK(r["L1"].lump_sum == Y(12000));
  CHECK(r["L2"].reason == Reason::kLateClaim);
  const Run r24 = Pay("2024", members,
                      std::string(kClaimsHeader) +
                          C("L3", a, "子宫肉瘤,,2024-12-31,否,3,疾病,2025-03-31") +
                          C("L4", b, "子宫肉瘤,,2024-12-31,否,3,疾病,2025-04-01"));
  CHECK(r24["L3"].lump_sum == Y(12000));
  CHECK(r24["L4"].reason == Reason::kLateClaim);
  // Outside the period: 2027-01-01 (2026 rules), and a late, unlisted claim is late_claim first.
  const Run r2 = Pay("2026", members,
                     std::string(kClaimsHeader) +
                         C("L5", a, "子宫肉瘤,,2027-01-01,否,3,疾病,") +
                         C("L6", b, "肺癌,,2026-06-01,否,3,疾病,2027-05-01"));
  CHECK(r2["L5"].reason == Reason::kOutsidePeriod);
  CHECK(r2["L6"].reason == Reason::kLateClaim);
}

TEST_CASE("women §4: a duplicate claim id and a hospital-kind row") {
  const std::string a = Woman(1);
  const Run r = Pay("2026", std::string(kMembersHeader) + M(a, "在职,续互,,,2,"),
                    std::string(kClaimsHeader) + C("D1", a, "子宫肉瘤,,2026-05-01,否,3,疾病,") +
                        C("D1", a, "子宫肉瘤,,2026-05-01,否,3,疾病,") +
                        "D2," + a + ",住院,子宫肉瘤,,2026-05-01,否,3,疾病,\n");
  CHECK(r.by_id.size() == 2);  // D1 twice: the map keeps the first
  CHECK(r["D1"].lump_sum == Y(12000));
  CHECK(r["D2"].reason == Reason::kNotCovered);
}

TEST_CASE("women §4: women's rule files: parameters, decisions, and a source on every parameter") {
  const std::string dir = std::string(HUZHU_SOURCE_DIR) + "/rules/inner-mongolia/";
  const RuleSet r26 = LoadRuleSet(dir + "2026-women.toml");
  const RuleSet r24 = LoadRuleSet(dir + "2024-women.toml");
  for (const RuleSet* r : {&r26, &r24}) {
    CAPTURE(r->id);
    CHECK(r->project == "women");
    CHECK(r->GetInt("women_benefits.observation_days") == 30);
    CHECK(r->GetMoney("women_benefits.consolation") == Y(500));
    CHECK(r->GetMoney("women_benefits.recovery_grant") == Y(2000));
    CHECK(r->GetInt("women_benefits.max_age") == 60);
    CHECK(r->GetInt("women_benefits.min_hospital_level") == 2);
    CHECK(r->GetText("causes.metastasis") == "excluded_cause");
    CHECK(r->GetTextList("claims.kinds") == std::vector<std::string>{"diagnosis"});
    for (const auto& [key, p] : r->params) {
      CAPTURE(key);
      CHECK(!p.source.empty());
    }
    for (const BenefitRow& row : r->GetBenefitRows("women_benefits.table")) {
      CAPTURE(row.key);
      CHECK(!row.source.empty());
      if (row.covered) CHECK(row.final == row.benefit + Y(2000));
    }
  }
  CHECK(r26.GetText("period.coverage") == "fixed");
  CHECK(r24.GetText("period.coverage") == "month_15th");
  CHECK(r26.GetDate("deadline.date") == Date::FromYmd(2027, 4, 30));
  CHECK(r24.GetDate("deadline.date") == Date::FromYmd(2025, 3, 31));
  auto rows_of = [](const RuleSet& r, const std::string& key) {
    std::vector<BenefitRow> out;
    for (const BenefitRow& row : r.GetBenefitRows("women_benefits.table")) {
      if (row.key == key) out.push_back(row);
    }
    return out;
  };
  // Row 8: 2026 splits by treatment, 2024 pays any treatment.
  CHECK(rows_of(r26, "原发性子宫内膜恶性肿瘤").size() == 2);
  REQUIRE(rows_of(r24, "原发性子宫内膜恶性肿瘤").size() == 1);
  CHECK(rows_of(r24, "原发性子宫内膜恶性肿瘤")[0].treatment.empty());
  // Row 14, 2024 decision: 3,000 benefit, 5,000 final.
  REQUIRE(rows_of(r24, "全子宫切除术").size() == 1);
  CHECK(rows_of(r24, "全子宫切除术")[0].benefit == Y(3000));
  CHECK(rows_of(r24, "全子宫切除术")[0].final == Y(5000));
}

TEST_CASE("women §4: a women's rule file whose final amount leaves out the recovery grant is refused") {
  std::ifstream in(std::string(HUZHU_SOURCE_DIR) + "/rules/inner-mongolia/2026-women.toml");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string from = "benefit = \"30000.00\", final = \"32000.00\"";
  REQUIRE(text.find(from) != std::string::npos);
  text.replace(text.find(from), from.size(), "benefit = \"30000.00\", final = \"30000.00\"");
  const RuleSet bad = ParseRuleSet(text, "bad-women.toml");
  MemberTable members;
  ClaimFile claims;
  ProblemList problems;
  CHECK_THROWS_WITH_AS(ComputePayouts(bad, members, claims, problems),
                       doctest::Contains("women_benefits.table[0]"), Error);
}
