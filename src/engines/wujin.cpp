// Wujin District 2024 (rules reference §6, seed 004): the hospital subsidy by the member's annual
// cumulative out-of-pocket amount (五、1), shown as per-claim increments; the critical-illness
// lump sums (五、2); the work-injury lump sums by appraisal grade (五、3). Everything is paid in
// the lump_sum column.
#include "engines/wujin.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <unordered_set>

#include "core/diagnostics.h"
#include "core/id_number.h"
#include "core/text.h"
#include "engines/blocks.h"
#include "engines/claim_checks.h"
#include "engines/eligibility.h"

namespace huzhu {

namespace {

std::string Fen(Money m) { return FormatMoneyGrouped(m); }

bool IsStay(ClaimKind k) {
  return k == ClaimKind::kInpatient || k == ClaimKind::kEmergencyInpatient;
}

// The Wujin rules, read once from a RuleSet into typed fields.
struct WujinRules {
  Date period_start, period_end;
  std::int64_t min_age = 16;
  bool retired_allowed = false;
  std::set<ClaimKind> kinds;
  CauseTable causes;
  bool require_settlement = false, require_referral = false;
  DeadlineRule deadline;
  std::vector<Bracket> brackets;
  Rate unsettled_rate, traffic_rate;
  Money listed, in_situ;
  std::int64_t local_min_level = 2, elsewhere_min_level = 3;
  std::vector<BenefitRow> grades;

};

WujinRules WujinRulesFrom(const RuleSet& r) {
  WujinRules w;
  w.period_start = r.GetDate("period.start");
  w.period_end = r.GetDate("period.end");
  w.min_age = r.GetInt("eligibility.min_age");
  w.retired_allowed =
      r.Has("eligibility.retired") && r.GetText("eligibility.retired") != "not_allowed";
  w.kinds = CoveredKinds(r);
  w.causes = CauseTable(r);
  w.require_settlement = r.GetBool("claims.require_settlement");
  w.require_referral = r.GetBool("claims.require_referral_filing");
  w.deadline = DeadlineFrom(r);
  w.brackets = r.GetBrackets("annual_brackets.brackets");
  w.unsettled_rate = r.GetRate("annual_brackets.unsettled_rate");
  w.traffic_rate = r.GetRate("annual_brackets.traffic_unsettled_rate");
  if (r.HasSection("critical_illness")) {
    w.listed = r.GetMoney("critical_illness.listed");
    w.in_situ = r.GetMoney("critical_illness.in_situ");
    w.local_min_level = r.GetInt("critical_illness.local_min_level");
    w.elsewhere_min_level = r.GetInt("critical_illness.elsewhere_min_level");
  } else {
    w.kinds.erase(ClaimKind::kCriticalIllness);
  }
  if (r.HasSection("work_injury")) {
    w.grades = r.GetBenefitRows("work_injury.grades");
  } else {
    w.kinds.erase(ClaimKind::kWorkInjury);
  }
  return w;
}

// 重疾类别: a listed disease (是), carcinoma in situ (原位癌), or not a listed disease (否).
enum class Critical { kListed, kInSitu, kNotListed };

std::optional<Critical> ParseCritical(const std::string& text) {
  const std::string t = AsciiLower(NormalizeText(text));
  if (t == "是" || t == "y" || t == "yes" || t == "true" || t == "1") return Critical::kListed;
  if (t == "原位癌" || t == "in_situ" || t == "in situ") return Critical::kInSitu;
  if (t == "否" || t == "n" || t == "no" || t == "false" || t == "0") return Critical::kNotListed;
  return std::nullopt;
}

// 伤残等级: the row of work_injury.grades whose key or alias is the text ("7", "7级", "七级",
// "工亡").
const BenefitRow* FindGrade(const std::vector<BenefitRow>& grades, const std::string& text) {
  const std::string t = NormalizeText(text);
  if (t.empty()) return nullptr;
  for (const BenefitRow& row : grades) {
    if (row.key == t) return &row;
    if (std::find(row.aliases.begin(), row.aliases.end(), t) != row.aliases.end()) return &row;
  }
  return nullptr;
}

// The date that places a claim in the period: the admission date of a stay; the first diagnosis
// of a critical illness (确诊日期, else the stay's dates); the injury of a work-injury claim
// (入院日期 as the day of the accident, else 确诊日期 or 出院日期).
std::optional<Date> EventDate(const Claim& c) {
  if (IsStay(c.kind)) return c.admitted_on;
  if (c.kind == ClaimKind::kCriticalIllness) {
    if (c.diagnosed_on) return c.diagnosed_on;
    if (c.admitted_on) return c.admitted_on;
    return c.discharged_on;
  }
  if (c.admitted_on) return c.admitted_on;
  if (c.diagnosed_on) return c.diagnosed_on;
  return c.discharged_on;
}

// The counted amount of a stay (五、1 注（1）（2）): the out-of-pocket amount when settled through
// medical insurance; 34% of it when not; for a traffic accident not settled through insurance,
// 54.5% × total cost × own-liability share, the product rounded half-up once.
std::optional<Money> CountedAmount(const WujinRules& rules, const RuleSet& rule_set, const Claim& c,
                                   std::string& error, Trace* t) {
  if (c.cause == Cause::kTrafficAccident && !c.insurance_settled) {
    if (!c.total_cost || !c.liability_share) {
      error = Tr("交通事故且未医保结算：须填写住院总费用和责任比例",
                 "traffic accident not settled through insurance: total cost and liability share "
                 "are required");
      return std::nullopt;
    }
    if (*c.liability_share > Rate::FromPercent(100)) {
      error = Tr("责任比例不能超过 100%：" + FormatRate(*c.liability_share),
                 "the liability share cannot exceed 100%: " + FormatRate(*c.liability_share));
      return std::nullopt;
    }
    // total × share × rate, both rates in millionths: one exact product, one rounding.
    const Money counted = ApplyFraction(
        *c.total_cost, c.liability_share->millionths() * rules.traffic_rate.millionths(),
        1'000'000LL * 1'000'000LL);
    if (t) {
      t->Add("核算自理（交通事故，未医保结算）",
             Fen(*c.total_cost) + " × " + FormatRate(*c.liability_share) + " × " +
                 FormatRate(rules.traffic_rate) + " = " + Fen(counted),
             "annual_brackets.traffic_unsettled_rate",
             rule_set.Get("annual_brackets.traffic_unsettled_rate").source);
    }
    return counted;
  }
  if (!c.out_of_pocket) {
    error = Tr("缺少个人自理金额", "the out-of-pocket amount (个人自理) is missing");
    return std::nullopt;
  }
  if (c.insurance_settled) {
    if (t)
      t->Add("核算自理（医保结算）",
             Fen(*c.out_of_pocket) + Tr("（按实际金额）", " (actual amount)"));
    return *c.out_of_pocket;
  }
  const Money counted = ApplyRate(*c.out_of_pocket, rules.unsettled_rate);
  if (t) {
    t->Add("核算自理（未医保结算）",
           Fen(*c.out_of_pocket) + " × " + FormatRate(rules.unsettled_rate) + " = " + Fen(counted),
           "annual_brackets.unsettled_rate", rule_set.Get("annual_brackets.unsettled_rate").source);
  }
  return counted;
}

// Why a member cannot claim (rules reference §6: in-service members with a union service card),
// or "". `rule` (optional) receives the rule key broken.
std::string MemberIneligibility(const WujinRules& rules, const Member& m,
                                std::string* rule = nullptr) {
  auto broke = [rule](const char* key, std::string reason) {
    if (rule != nullptr) *rule = key;
    return reason;
  };
  if (std::string problem = LedgerRowProblem(m); !problem.empty()) {
    return broke(kLedgerRowRule, problem);
  }
  if (m.category == Category::kSpouse) {
    return broke("eligibility.retired",  // 一、参加对象: in-service staff
                 Tr("配偶不能参加在职职工医疗互助保障", "spouses are not members of this scheme"));
  }
  if (m.category == Category::kRetired && !rules.retired_allowed) {
    return broke("eligibility.retired", Tr("本项目只保障在职职工（一、参加对象）",
                                           "in-service staff only (一、参加对象)"));
  }
  // 一、参加对象: 持有效常州市工会服务卡的在职职工.
  if (Trim(m.union_card).empty()) {
    return broke("eligibility.retired",
                 Tr("会员名单没有工会卡号：须持有效常州市工会服务卡（一、参加对象）",
                    "no union card number in the ledger: a valid union service card is required "
                    "(一、参加对象)"));
  }
  const int age = AgeAt(m.birth, m.has_enrolled_on ? m.enrolled_on : rules.period_start);
  if (age < rules.min_age) {
    return broke("eligibility.min_age",
                 Tr("年龄 " + std::to_string(age) + " 岁，不满 " +
                        std::to_string(rules.min_age) + " 周岁",
                    "aged " + std::to_string(age) + ", under " + std::to_string(rules.min_age)));
  }
  return "";
}

}  // namespace

EligibilityCheck WujinEligibility(const RuleSet& rules) {
  return [w = WujinRulesFrom(rules)](const Member& m) {
    EligibilityVerdict v;
    v.reason = MemberIneligibility(w, m, &v.rule);
    return v;
  };
}

std::vector<ClaimResult> ComputeWujinPayouts(const RuleSet& rule_set, const MemberTable& members,
                                             const ClaimFile& file, ProblemList& problems,
                                             Trace* trace) {
  const WujinRules rules = WujinRulesFrom(rule_set);
  const std::vector<Claim>& claims = file.claims;
  std::vector<ClaimResult> results(claims.size());
  auto tracing = [&](const Claim& c) -> Trace* {
    return (trace != nullptr && trace->claim_id == c.claim_id) ? trace : nullptr;
  };

  FirstRowById first_by_id;
  first_by_id.reserve(claims.size());
  // Claims that passed every check, by benefit: computed in a second pass in member order.
  std::vector<std::uint32_t> stays, critical, injuries;
  for (std::uint32_t i = 0; i < claims.size(); ++i) {
    const Claim& c = claims[i];
    ClaimResult& r = results[i];
    Trace* t = tracing(c);
    // 1. Repeated claim ids, 2. data errors in the row.
    if (RejectDuplicate(file, i, first_by_id, r) || RejectInvalidRow(c, r)) continue;
    const bool covered_kind = rules.kinds.count(c.kind) != 0;
    std::string error;
    std::optional<Critical> critical_kind;
    const BenefitRow* grade = nullptr;
    if (covered_kind) {
      if (IsStay(c.kind)) {
        if (!c.admitted_on || !c.discharged_on) {
          error = Tr("住院须填写入院日期和出院日期", "a stay needs admission and discharge dates");
        } else {
          r.self_pay = CountedAmount(rules, rule_set, c, error, nullptr);
        }
      } else if (!EventDate(c)) {
        error = c.kind == ClaimKind::kCriticalIllness
                    ? Tr("重大疾病须填写确诊日期", "a critical illness needs its diagnosis date")
                    : Tr("工伤须填写入院日期（受伤日期）",
                         "a work injury needs its date (admitted_on)");
      } else if (c.kind == ClaimKind::kCriticalIllness) {
        critical_kind = ParseCritical(c.critical_illness);
        if (!critical_kind) {
          error = Tr(
              "重疾类别应为 是（规定的重大疾病）、原位癌 或 否，实际为“" + c.critical_illness + "”",
              "critical_illness must be 是 (listed), 原位癌 (in situ) or 否, got '" +
                  c.critical_illness + "'");
        } else if (*critical_kind != Critical::kNotListed && !c.hospital_level) {
          error =
              Tr("重大疾病须填写确诊医院的医院等级", "a critical illness needs the hospital level");
        }
      } else {
        grade = FindGrade(rules.grades, c.injury_grade);
        if (grade == nullptr) {
          error = Tr("伤残等级应为 1–10 级或 工亡，实际为“" + c.injury_grade + "”",
                     "injury_grade must be 1–10 or 工亡, got '" + c.injury_grade + "'");
        }
      }
    }
    if (!error.empty()) {
      problems.Error(file.Where(c), error, c.claim_id);
      r.self_pay.reset();
      r.Reject(Reason::kInvalidInput, error);
      continue;
    }
    // 3. Membership and eligibility.
    const Member* member = FindMember(members, file, c, r, problems);
    if (member == nullptr) continue;
    const std::string ineligible = MemberIneligibility(rules, *member);
    if (!ineligible.empty()) {
      r.Reject(Reason::kIneligibleMember, ineligible);
      continue;
    }
    if (t) {
      t->Add("会员",
             std::string(member->name) + "（" + FormatLocation(members.Where(*member)) + "）");
      std::string unused;
      if (IsStay(c.kind))
        CountedAmount(rules, rule_set, c, unused, t);  // the counting step, traced
    }
    // 4. Period (四、保障期限): the stay's admission, the diagnosis or the injury.
    if (covered_kind) {
      const Date when = *EventDate(c);
      if (when < rules.period_start) {
        r.Reject(Reason::kOtherPeriod,
                 Tr(when.ToIso() + " 早于保障期开始 " + rules.period_start.ToIso() + "，属上一期",
                    when.ToIso() + " is before the period starts: previous period"));
        continue;
      }
      if (when > rules.period_end) {
        r.Reject(Reason::kOutsidePeriod,
                 Tr(when.ToIso() + " 晚于保障期结束 " + rules.period_end.ToIso(),
                    when.ToIso() + " is after the period ends"));
        continue;
      }
    }
    // 5. Exclusions, in the contract's order of precedence (六、1 for stays and work injuries,
    // 六、2 for critical illness).
    if (c.cause == Cause::kFraud) {
      r.Reject(Reason::kFraud, Tr("欺诈、骗保", "fraud"));
      continue;
    }
    if (IsStay(c.kind) || c.kind == ClaimKind::kWorkInjury) {
      std::string outcome = rules.causes.Outcome(c.cause);
      // A work-injury claim pays for the work injury itself: only the other exclusions apply.
      if (c.kind == ClaimKind::kWorkInjury &&
          (c.cause == Cause::kWorkInjury || c.cause == Cause::kOccupationalDisease)) {
        outcome = "covered";
      }
      if (outcome == "excluded_cause" ||
          (outcome == "covered_if_settled" && !c.insurance_settled)) {
        const std::string key = std::string("causes.") + CauseCode(c.cause);
        r.Reject(Reason::kExcludedCause,
                 Tr(std::string("病因“") + CauseName(c.cause) + "”属除外责任",
                    std::string("cause ") + CauseCode(c.cause) + " is excluded"));
        if (t) t->Add("病因", CauseName(c.cause), key, rule_set.Get(key).source);
        continue;
      }
    }
    if (IsStay(c.kind) && rules.require_settlement && !c.insurance_settled) {
      r.Reject(Reason::kNoSettlement,
               Tr("未进行医保结算", "not settled through medical insurance"));
      continue;
    }
    if (IsStay(c.kind) && rules.require_referral && !c.referral_filed) {
      r.Reject(Reason::kNoReferral,
               Tr("异地转诊未办理备案", "out-of-region transfer without referral filing"));
      continue;
    }
    if (c.kind == ClaimKind::kCriticalIllness && critical_kind != Critical::kNotListed) {
      // 六、2: the disease existed before joining this period's scheme.
      if (c.pre_existing) {
        r.Reject(Reason::kPreExisting, Tr("参加本期互助保障前已患有该重大疾病（六、2）",
                                          "the disease existed before joining (六、2)"));
        continue;
      }
      // 五、2: diagnosed at a grade 2 or 3 hospital in Changzhou, or a grade 3 hospital elsewhere.
      const std::int64_t need =
          c.hospital_local ? rules.local_min_level : rules.elsewhere_min_level;
      const std::string key = c.hospital_local ? "critical_illness.local_min_level"
                                               : "critical_illness.elsewhere_min_level";
      if (t) {
        t->Add("确诊医院",
               std::string(c.hospital_local ? "常州市 " : "外省市 ") +
                   std::to_string(*c.hospital_level) + " 级医院（至少 " + std::to_string(need) +
                   " 级）",
               key, rule_set.Get(key).source);
      }
      if (*c.hospital_level < need) {
        r.Reject(
            Reason::kInstitutionNotRecognized,
            Tr(std::string(c.hospital_local ? "常州市 " : "外省市 ") +
                   std::to_string(*c.hospital_level) + " 级医院的确诊不予认可（须 " +
                   std::to_string(need) + " 级以上）",
               "diagnosis at a grade " + std::to_string(*c.hospital_level) +
                   " hospital is not recognised (grade " + std::to_string(need) + " required)"));
        continue;
      }
    }
    if (RejectLate(rules.deadline, c, IsStay(c.kind) ? c.discharged_on : EventDate(c), r)) continue;
    if (!covered_kind) {
      r.Reject(Reason::kNotCovered,
               Tr(std::string("类型“") + KindName(c.kind) + "”不在本项目保障范围",
                  std::string("kind ") + KindCode(c.kind) + " is not covered"));
      continue;
    }
    if (critical_kind == Critical::kNotListed) {
      r.Reject(Reason::kNotCovered,
               Tr("不属本项目规定的30种重大疾病", "not one of the 30 listed diseases"));
      continue;
    }
    if (IsStay(c.kind)) {
      stays.push_back(i);
    } else if (c.kind == ClaimKind::kCriticalIllness) {
      critical.push_back(i);
    } else {
      // 五、3: one lump sum per appraised injury, by grade.
      r.lump_sum = grade->final;
      r.AddNote(Tr("工伤补助金（" + grade->key + (grade->key == "工亡" ? "" : "级") + "）",
                   "work-injury benefit (grade " + grade->key + ")"));
      if (t)
        t->Add("工伤补助金", Tr("伤残等级 ", "grade ") + grade->key + " → " + Fen(grade->final),
               "work_injury.grades", grade->source);
      injuries.push_back(i);
    }
  }

  // 6. Critical illness (五、2): each benefit once per member ("一次性"), the earliest diagnosis
  // first (then claim id); a later claim for the same benefit is benefit_terminated.
  std::sort(critical.begin(), critical.end(), [&](std::uint32_t a, std::uint32_t b) {
    if (results[a].member != results[b].member) return results[a].member < results[b].member;
    const Date da = *EventDate(claims[a]), db = *EventDate(claims[b]);
    if (da != db) return da < db;
    return claims[a].claim_id < claims[b].claim_id;
  });
  std::int64_t current = -1;
  bool listed_paid = false, in_situ_paid = false;
  for (const std::uint32_t i : critical) {
    const Claim& c = claims[i];
    ClaimResult& r = results[i];
    Trace* t = tracing(c);
    if (r.member != current) {
      current = r.member;
      listed_paid = in_situ_paid = false;
    }
    const bool in_situ = ParseCritical(c.critical_illness) == Critical::kInSitu;
    bool& paid = in_situ ? in_situ_paid : listed_paid;
    if (paid) {
      r.Reject(Reason::kBenefitTerminated,
               Tr(in_situ ? "原位癌慰问金已领取过（一次性）" : "重大疾病补助金已领取过（一次性）",
                  "this one-off benefit was already paid"));
      continue;
    }
    paid = true;
    r.lump_sum = in_situ ? rules.in_situ : rules.listed;
    r.AddNote(in_situ ? Tr("原位癌慰问金", "in situ consolation")
                      : Tr("重大疾病补助金", "critical-illness benefit"));
    if (t) {
      const std::string key = in_situ ? "critical_illness.in_situ" : "critical_illness.listed";
      t->Add(in_situ ? "原位癌慰问金" : "重大疾病补助金", Fen(r.lump_sum), key,
             rule_set.Get(key).source);
    }
  }

  // 7. Hospital subsidy (五、1): per member, the counted stays in discharge order (then claim id);
  // each pays bracket(running sum) − what has been paid so far (starting from paid_to_date),
  // never negative, so that the rows add up to bracket(annual sum) − paid_to_date.
  std::sort(stays.begin(), stays.end(), [&](std::uint32_t a, std::uint32_t b) {
    if (results[a].member != results[b].member) return results[a].member < results[b].member;
    if (*claims[a].discharged_on != *claims[b].discharged_on) {
      return *claims[a].discharged_on < *claims[b].discharged_on;
    }
    return claims[a].claim_id < claims[b].claim_id;
  });
  current = -1;
  Money running, paid_so_far;
  for (const std::uint32_t i : stays) {
    const Claim& c = claims[i];
    ClaimResult& r = results[i];
    Trace* t = tracing(c);
    const Member& m = members.at(static_cast<std::size_t>(r.member));
    if (r.member != current) {
      current = r.member;
      running = Money();
      paid_so_far = m.paid_to_date;
    }
    const Money before = paid_so_far;
    running += *r.self_pay;
    const Money level = BracketAmount(running, rules.brackets);
    const Money increment = std::max(Money(), level - paid_so_far);
    paid_so_far += increment;
    r.lump_sum = increment;
    r.AddNote(Tr("全年累计自理 " + Fen(running) + " → 补助 " + Fen(level) + "；已发 " +
                     Fen(before) + "；本次 " + Fen(increment),
                 "annual sum " + Fen(running) + " → " + Fen(level) + "; paid before " +
                     Fen(before) + "; this claim " + Fen(increment)));
    if (t) {
      if (m.paid_to_date > Money()) t->Add("已发放补助（会员名单）", Fen(m.paid_to_date));
      t->Add("全年累计核算自理（按出院日期）", Fen(running));
      std::string source;
      for (const Bracket& b : rules.brackets) {
        if (running >= b.from) source = b.source;
      }
      t->Add("补助档次", Fen(level), "annual_brackets.brackets",
             source.empty() ? rule_set.Get("annual_brackets.brackets").source : source);
      t->Add("本次补助", Fen(level) + " − " + Fen(before) + " = " + Fen(increment) +
                             (level < before ? Tr("（不为负）", " (never negative)") : ""));
    }
  }
  return results;
}

}  // namespace huzhu
