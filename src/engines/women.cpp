// The Inner Mongolia women's scheme 馨康 (rules reference §4, 2026 and 2024): per claim, the
// checks in the data contract's order of precedence; then per member, the earliest surviving
// diagnosis date pays the highest of that day's diagnoses (the others and every later diagnosis
// are benefit_terminated: the cover ends after a payment). The amount is the table's final amount
// (benefit + recovery grant), or the consolation inside the observation period; paid in lump_sum.
#include "engines/women.h"

#include <algorithm>
#include <map>

#include "core/date.h"
#include "core/diagnostics.h"
#include "core/text.h"
#include "engines/blocks.h"
#include "engines/claim_checks.h"
#include "engines/eligibility.h"
#include "engines/hospital.h"

namespace huzhu {

namespace {

std::string Fen(Money m) { return FormatMoneyGrouped(m); }

/// The women's rules, read once from a RuleSet.
struct WomenRules {
  HospitalRules cover;  ///< only the period and coverage fields: for MemberCover
  std::int64_t min_age = 16, max_age = 60;
  bool spouses = true;
  CauseTable causes;
  std::set<ClaimKind> kinds;
  DeadlineRule deadline;
  std::vector<BenefitRow> table;
  std::int64_t observation_days = 30;
  Money consolation, recovery_grant;
  std::int64_t min_hospital_level = 2;

};

WomenRules WomenRulesFrom(const RuleSet& r) {
  WomenRules w;
  w.cover.period_start = r.GetDate("period.start");
  w.cover.period_end = r.GetDate("period.end");
  w.cover.coverage = r.GetText("period.coverage");
  w.cover.before_cover_start = r.GetText("period.before_cover_start");
  w.min_age = r.GetInt("eligibility.min_age");
  w.max_age = r.GetInt("women_benefits.max_age");
  w.spouses = r.GetText("women_benefits.spouses") == "allowed";
  w.causes = CauseTable(r);
  w.kinds = CoveredKinds(r);
  w.deadline = DeadlineFrom(r);
  w.table = r.GetBenefitRows("women_benefits.table");
  w.observation_days = r.GetInt("women_benefits.observation_days");
  w.consolation = r.GetMoney("women_benefits.consolation");
  w.recovery_grant = r.GetMoney("women_benefits.recovery_grant");
  w.min_hospital_level = r.GetInt("women_benefits.min_hospital_level");
  // The final column includes the recovery grant (§4): a table that disagrees is a rule error.
  for (std::size_t i = 0; i < w.table.size(); ++i) {
    const BenefitRow& row = w.table[i];
    if (row.covered && row.final != row.benefit + w.recovery_grant) {
      throw Error(ErrorKind::kRules, Location(r.Get("women_benefits.table").file),
                  "women_benefits.table[" + std::to_string(i) + "] " + row.key + ": " +
                      Tr("最终补助金额应为补助待遇加康复补助金 " + Fen(w.recovery_grant),
                         "final must be benefit plus the recovery grant " + Fen(w.recovery_grant)));
    }
  }
  return w;
}

bool NamesRow(const BenefitRow& row, const std::string& diagnosis) {
  if (NormalizeText(row.key) == diagnosis) return true;
  return std::any_of(row.aliases.begin(), row.aliases.end(),
                     [&](const std::string& a) { return NormalizeText(a) == diagnosis; });
}

/// The table row a diagnosis and treatment select. `listed` tells whether the diagnosis names a
/// row at all; `error` is set when it does but the treatment picks none of its rows.
const BenefitRow* FindRow(const std::vector<BenefitRow>& table, const std::string& diagnosis,
                          const std::string& treatment, std::size_t* index, bool* listed,
                          std::string* error) {
  *listed = false;
  std::string choices;
  for (std::size_t i = 0; i < table.size(); ++i) {
    const BenefitRow& row = table[i];
    if (!NamesRow(row, diagnosis)) continue;
    *listed = true;
    // "any treatment" rows ignore the column (§4).
    if (row.treatment.empty() || NormalizeText(row.treatment) == treatment) {
      *index = i;
      return &row;
    }
    choices += (choices.empty() ? "" : "、") + row.treatment;
  }
  if (*listed) {
    *error = Tr("病种“" + diagnosis + "”须填写治疗方式（" + choices + "）" +
                    (treatment.empty() ? "" : "，“" + treatment + "”不在其中"),
                "treatment required for '" + diagnosis + "' (" + choices + ")" +
                    (treatment.empty() ? "" : ", not '" + treatment + "'"));
  }
  return nullptr;
}

/// Why a member cannot claim (""): women aged max_age or under, or a spouse (配偶) of a man in the
/// hospital scheme. `warning` receives a note that does not make the member ineligible.
std::string WomenIneligibility(const WomenRules& rules, const Member& m, std::string* warning,
                               std::string* rule = nullptr, std::string* warning_rule = nullptr) {
  auto broke = [rule](const char* key, std::string reason) {
    if (rule != nullptr) *rule = key;
    return reason;
  };
  if (std::string problem = LedgerRowProblem(m); !problem.empty()) {
    return broke(kLedgerRowRule, problem);
  }
  if (m.sex == Sex::kMale) {
    return broke("women_benefits.max_age",  // 第一条: women (and the wives of members)
                 Tr("男性不能参加女性馨康互助保障", "men are not members of the women's scheme"));
  }
  if (m.category == Category::kSpouse) {
    if (!rules.spouses) {
      return broke("women_benefits.spouses",
                   Tr("本期不接受男职工配偶参加", "spouses cannot join this period"));
    }
    if (m.spouse_id.empty()) {
      if (warning_rule != nullptr) *warning_rule = "women_benefits.spouses";
      *warning = Tr("配偶未填写配偶身份证号（应为参加住院医疗互助保障的丈夫），请核实",
                    "spouse without spouse_id (her husband in the hospital scheme): check");
    }
    return "";
  }
  const Date reference = m.has_enrolled_on ? m.enrolled_on : rules.cover.period_start;
  const int age = AgeAt(m.birth, reference);
  if (age > rules.max_age) {
    return broke("women_benefits.max_age",
                 Tr("年龄 " + std::to_string(age) + " 岁，超过 " + std::to_string(rules.max_age) +
                        " 周岁",
                    "aged " + std::to_string(age) + ", over " + std::to_string(rules.max_age)));
  }
  if (age < rules.min_age) {
    return broke("eligibility.min_age",
                 Tr("年龄 " + std::to_string(age) + " 岁，不满 " + std::to_string(rules.min_age) +
                        " 周岁",
                    "aged " + std::to_string(age) + ", under " + std::to_string(rules.min_age)));
  }
  return "";
}

/// A claim that survived every per-claim check, with what it would pay.
struct Candidate {
  std::uint32_t index = 0;
  Date diagnosed;
  Money amount;
};

}  // namespace

EligibilityCheck WomenEligibility(const RuleSet& rules) {
  return [w = WomenRulesFrom(rules)](const Member& m) {
    EligibilityVerdict v;
    v.reason = WomenIneligibility(w, m, &v.warning, &v.rule, &v.warning_rule);
    return v;
  };
}

std::vector<ClaimResult> ComputeWomenPayouts(const RuleSet& rule_set, const MemberTable& members,
                                             const ClaimFile& file, ProblemList& problems,
                                             Trace* trace) {
  const WomenRules rules = WomenRulesFrom(rule_set);
  const std::vector<Claim>& claims = file.claims;
  std::vector<ClaimResult> results(claims.size());
  auto tracing = [&](const Claim& c) -> Trace* {
    return (trace != nullptr && trace->claim_id == c.claim_id) ? trace : nullptr;
  };
  auto source = [&](const std::string& key) { return rule_set.Get(key).source; };

  FirstRowById first_by_id;
  first_by_id.reserve(claims.size());
  std::map<std::int64_t, std::vector<Candidate>> by_member;
  for (std::uint32_t i = 0; i < claims.size(); ++i) {
    const Claim& c = claims[i];
    ClaimResult& r = results[i];
    Trace* t = tracing(c);
    // 1. Repeated claim ids, 2. data errors in the row (incl. a missing diagnosis date or a
    // treatment the row's diagnosis needs).
    if (RejectDuplicate(file, i, first_by_id, r) || RejectInvalidRow(c, r)) continue;
    const bool covered_kind = rules.kinds.count(c.kind) != 0;
    const BenefitRow* row = nullptr;
    std::size_t row_index = 0;
    bool listed = false;
    if (covered_kind) {
      std::string error;
      if (!c.diagnosed_on) {
        error = Tr("特殊疾病须填写确诊日期（首次病理检查报告日期）",
                   "a diagnosis claim needs diagnosed_on (first pathology report date)");
      } else if (c.diagnosis.empty()) {
        error = Tr("特殊疾病须填写病种", "a diagnosis claim needs the diagnosis (病种)");
      } else {
        row = FindRow(rules.table, c.diagnosis, c.treatment, &row_index, &listed, &error);
      }
      if (!error.empty()) {
        RejectInvalidClaim(file, c, error, r, problems);
        continue;
      }
    }
    // 3. Membership and eligibility.
    const Member* member = FindMember(members, file, c, r, problems);
    if (member == nullptr) continue;
    const Member& m = *member;
    std::string error;
    std::optional<Cover> cover = MemberCover(rules.cover, m, &error);
    if (!cover) {
      problems.Error(members.Where(m), error, c.claim_id);
      r.Reject(Reason::kInvalidInput, error);
      continue;
    }
    // The women's cover ends with the period (a renewal starts a new period's cover).
    cover->end = rules.cover.period_end;
    std::string warning;
    const std::string ineligible = WomenIneligibility(rules, m, &warning);
    if (!ineligible.empty()) {
      r.Reject(Reason::kIneligibleMember, ineligible);
      if (t) t->Add("参互对象", ineligible, "women_benefits.max_age", source("women_benefits.max_age"));
      continue;
    }
    if (!warning.empty()) {
      problems.Warning(members.Where(m), warning, c.claim_id);
      r.AddNote(warning);
    }
    if (t) {
      t->Add("会员", std::string(m.name) + "（" + FormatLocation(members.Where(m)) + "）");
      t->Add("保障期", cover->start.ToIso() + " 至 " + cover->end->ToIso(), "period.coverage",
             source("period.coverage"));
    }
    // 4. Period, by the diagnosis date: before the cover starts it belongs to the previous
    // period's policy (renewed members, or always where the rules say so), else outside.
    if (covered_kind) {
      const Date d = *c.diagnosed_on;
      if (d < cover->start) {
        const bool renewed = m.enrolment == EnrolmentType::kRenewed || m.consecutive_years >= 2;
        const bool previous = rules.cover.before_cover_start == "other_period" || renewed;
        r.Reject(previous ? Reason::kOtherPeriod : Reason::kOutsidePeriod,
                 Tr("确诊日期 " + d.ToIso() + " 早于本期保障开始 " + cover->start.ToIso(),
                    "diagnosed " + d.ToIso() + " before this cover starts " + cover->start.ToIso()));
        continue;
      }
      if (d > *cover->end) {
        r.Reject(Reason::kOutsidePeriod,
                 Tr("确诊日期 " + d.ToIso() + " 晚于保障结束 " + cover->end->ToIso(),
                    "diagnosed " + d.ToIso() + " after the cover ends " + cover->end->ToIso()));
        continue;
      }
    }
    // 5. Causes and conditions, in the contract's order of precedence.
    if (c.cause == Cause::kFraud) {
      r.Reject(Reason::kFraud, Tr("欺诈", "fraud"));
      if (t) t->Add("病因", CauseName(c.cause), "causes.fraud", source("causes.fraud"));
      continue;
    }
    const std::string cause_key = std::string("causes.") + CauseCode(c.cause);
    if (rules.causes.Outcome(c.cause) == "excluded_cause") {
      r.Reject(Reason::kExcludedCause,
               Tr(std::string("病因“") + CauseName(c.cause) + "”属除外责任",
                  std::string("cause ") + CauseCode(c.cause) + " is excluded"));
      if (t) t->Add("病因", CauseName(c.cause), cause_key, source(cause_key));
      continue;
    }
    if (c.pre_existing) {
      r.Reject(Reason::kPreExisting,
               Tr("参加本项目前已患（或已领取过补助的）女职工特殊疾病",
                  "the disease existed before joining (or was paid in an earlier period)"));
      continue;
    }
    if (c.hospital_level && *c.hospital_level < rules.min_hospital_level) {
      r.Reject(Reason::kInstitutionNotRecognized,
               Tr("证明材料出自 " + std::to_string(*c.hospital_level) + " 级医院，须 " +
                      std::to_string(rules.min_hospital_level) + " 级以上医疗机构",
                  "certificate from a grade " + std::to_string(*c.hospital_level) +
                      " hospital; grade " + std::to_string(rules.min_hospital_level) +
                      " or above required"));
      if (t) t->Add("医院等级", std::to_string(*c.hospital_level), "women_benefits.min_hospital_level",
                    source("women_benefits.min_hospital_level"));
      continue;
    }
    if (RejectLate(rules.deadline, c, c.diagnosed_on, r)) {
      if (t) t->Add("申领时限", rules.deadline.date.ToIso(), "deadline.date", source("deadline.date"));
      continue;
    }
    if (!covered_kind) {
      r.Reject(Reason::kNotCovered,
               Tr(std::string("类型“") + KindName(c.kind) + "”不在本项目保障范围（应为 特殊疾病）",
                  std::string("kind ") + KindCode(c.kind) + " is not covered (diagnosis)"));
      continue;
    }
    if (!listed) {
      r.Reject(Reason::kNotCovered,
               Tr("病种“" + c.diagnosis + "”不在女职工特殊疾病十四类范围",
                  "'" + c.diagnosis + "' is not one of the listed diseases"));
      continue;
    }
    const std::string row_key = "women_benefits.table[" + std::to_string(row_index) + "]";
    if (t) {
      t->Add("病种 × 治疗方式", row->key + (row->treatment.empty() ? "（不限治疗方式）" : " × " + row->treatment),
             row_key, row->source);
    }
    if (!row->covered) {
      r.Reject(Reason::kNotCovered, Tr(row->key + "仅行" + row->treatment + "，不予补助",
                                       row->key + " with " + row->treatment + " only: not covered"));
      continue;
    }
    // 6. Observation period: first-year members, observation_days calendar days from the cover
    // start (the start day is day 1): a diagnosis inside it pays the consolation only.
    Candidate cand{i, *c.diagnosed_on, row->final};
    if (m.consecutive_years == 1 && rules.observation_days > 0) {
      const Date last = cover->start.AddDays(static_cast<std::int32_t>(rules.observation_days - 1));
      if (*c.diagnosed_on <= last) {
        cand.amount = rules.consolation;
        r.AddNote(Tr("观察期内（" + cover->start.ToIso() + " 至 " + last.ToIso() + "）确诊：慰问金",
                     "diagnosed in the observation period: consolation"));
        if (t) {
          t->Add("观察期", cover->start.ToIso() + " 至 " + last.ToIso() + "，确诊 " +
                             c.diagnosed_on->ToIso() + " 在观察期内",
                 "women_benefits.observation_days", source("women_benefits.observation_days"));
          t->Add("慰问金", Fen(rules.consolation), "women_benefits.consolation",
                 source("women_benefits.consolation"));
        }
      } else if (t) {
        t->Add("观察期", cover->start.ToIso() + " 至 " + last.ToIso() + "，已过",
               "women_benefits.observation_days", source("women_benefits.observation_days"));
      }
    } else if (t) {
      t->Add("观察期", Tr("连续参互，无观察期", "consecutive member: none"),
             "women_benefits.observation_days", source("women_benefits.observation_days"));
    }
    if (t && cand.amount == row->final) {
      t->Add("补助金 + 康复补助金", Fen(row->benefit) + " + " + Fen(rules.recovery_grant) + " = " +
                                       Fen(row->final),
             row_key, row->source + "；" + source("women_benefits.recovery_grant"));
    }
    r.lump_sum = cand.amount;
    by_member[r.member].push_back(cand);
  }

  // 7. Per member: the earliest diagnosis date with a payable claim pays the highest of that
  // day's diagnoses (ties: the smaller claim id), whatever the input order; the cover then ends,
  // so the others of that day and every later diagnosis are benefit_terminated.
  for (auto& [member_index, list] : by_member) {
    (void)member_index;
    std::sort(list.begin(), list.end(), [&](const Candidate& a, const Candidate& b) {
      if (a.diagnosed != b.diagnosed) return a.diagnosed < b.diagnosed;
      if (a.amount != b.amount) return a.amount > b.amount;
      return claims[a.index].claim_id < claims[b.index].claim_id;
    });
    const Candidate& paid = list.front();
    for (std::size_t k = 1; k < list.size(); ++k) {
      const Candidate& other = list[k];
      ClaimResult& r = results[other.index];
      Trace* t = tracing(claims[other.index]);
      const bool same_day = other.diagnosed == paid.diagnosed;
      r.note.clear();
      r.Reject(Reason::kBenefitTerminated,
               same_day ? Tr("同日确诊多种疾病，按金额最高的 " + claims[paid.index].claim_id + " 补助",
                             "several diagnoses on one day: the highest, " +
                                 claims[paid.index].claim_id + ", is paid")
                        : Tr("已于 " + claims[paid.index].claim_id + " 领取补助，保障待遇终止",
                             "cover ended with the payment of " + claims[paid.index].claim_id));
      if (t) {
        t->Add(same_day ? "同时患有多种疾病" : "保障待遇终止", claims[paid.index].claim_id,
               same_day ? "women_benefits.several_at_once" : "women_benefits.after_payment",
               source(same_day ? "women_benefits.several_at_once" : "women_benefits.after_payment"));
      }
    }
    if (Trace* t = tracing(claims[paid.index])) t->Add("合计", Fen(results[paid.index].total()));
  }
  return results;
}

}  // namespace huzhu
