#include "engines/hospital.h"

#include <algorithm>
#include <map>
#include <span>
#include <unordered_map>

#include "core/diagnostics.h"
#include "core/id_number.h"
#include "engines/claim_checks.h"
#include "engines/eligibility.h"

namespace huzhu {

namespace {

bool IsInpatient(ClaimKind k) {
  return k == ClaimKind::kInpatient || k == ClaimKind::kEmergencyInpatient;
}

// A claim's own date for ordering and period checks: the discharge date for stays, the month's
// date for outpatient rows.
std::optional<Date> OrderDate(const Claim& c) {
  if (c.discharged_on) return c.discharged_on;
  return c.admitted_on;
}

std::optional<Date> MonthDate(const Claim& c) {
  if (c.admitted_on) return c.admitted_on;
  return c.discharged_on;
}

bool IsRenewed(const Member& m) {
  return m.enrolment == EnrolmentType::kRenewed || m.consecutive_years >= 2;
}

std::string Fen(Money m) { return FormatMoneyGrouped(m); }

// Self-pay S of a claim (rules reference §1): pooled − fund paid, or the self_pay column; both
// given must agree. Returns nullopt with `error` when it cannot be determined.
std::optional<Money> SelfPay(const Claim& c, std::string& error) {
  const bool pair = c.pooled_cost.has_value() && c.fund_paid.has_value();
  if (c.pooled_cost.has_value() != c.fund_paid.has_value() && !c.self_pay) {
    error = Tr("进入统筹费用和统筹基金等已支付费用须同时填写（或填写个人自付）",
               "pooled cost and fund paid go together (or give self-pay)");
    return std::nullopt;
  }
  if (pair) {
    const Money s = *c.pooled_cost - *c.fund_paid;
    if (s < Money()) {
      error = Tr("统筹基金等已支付费用 " + Fen(*c.fund_paid) + " 大于进入统筹费用 " +
                     Fen(*c.pooled_cost) + "，个人自付为负",
                 "fund paid exceeds the pooled cost: self-pay would be negative");
      return std::nullopt;
    }
    if (c.self_pay && *c.self_pay != s) {
      error = Tr("个人自付 " + Fen(*c.self_pay) + " 与 进入统筹费用−统筹基金等已支付费用 = " +
                     Fen(s) + " 不一致",
                 "self-pay " + Fen(*c.self_pay) + " disagrees with pooled − fund paid = " + Fen(s));
      return std::nullopt;
    }
    return s;
  }
  if (c.self_pay) return *c.self_pay;
  error = Tr("缺少个人自付（或进入统筹费用与统筹基金等已支付费用）",
             "self-pay is missing (or pooled cost and fund paid)");
  return std::nullopt;
}

struct Stay {
  std::uint32_t root = 0;
  std::vector<std::uint32_t> parts;  // continuing rows, in chain order
  Date admitted, discharged;
  Money s;
  std::int32_t allowance_days = 0;  // days counted for the allowance (before the 30-day limit)
  std::int32_t stay_days = 0;
  std::int32_t covered_days = 0;
  std::int32_t total_days = 0;  // first admission to last discharge, for pro-rating
};

}  // namespace

HospitalRules HospitalRulesFrom(const RuleSet& r) {
  HospitalRules h = MembershipRules(r);
  h.causes = CauseTable(r);
  h.kinds = CoveredKinds(r);
  h.require_settlement = r.GetBool("claims.require_settlement");
  h.require_referral = r.GetBool("claims.require_referral_filing");
  h.unfiled_extra_is_own = r.GetBool("claims.unfiled_referral_extra_is_own");
  h.deadline = DeadlineFrom(r);
  h.segments = r.GetSegments("medical_subsidy.segments");
  if (r.HasSection("allowance")) {
    h.has_allowance = true;
    h.per_day = r.GetDailyRates("allowance.per_day");
    h.allowance_reset = r.GetMoney("allowance.after_allowance_last_period");
    h.allowance_max_days = r.GetInt("allowance.max_days");
    h.allowance_days_from_dates = r.GetText("allowance.days_basis") == "dates";
  }
  if (r.HasSection("top_up")) h.top_up = r.GetMoney("top_up.minimum");
  if (r.HasSection("death_benefit")) {
    h.death_benefit = r.GetMoney("death_benefit.amount");
    for (const std::string& c : r.GetTextList("death_benefit.causes")) {
      const auto cause = ParseCause(c);
      if (!cause) {
        throw Error(ErrorKind::kRules, Location(r.Get("death_benefit.causes").file),
                    "death_benefit.causes: " + Tr("未知病因 ", "unknown cause ") + c);
      }
      h.death_causes.push_back(*cause);
    }
  }
  if (r.HasSection("period_cap")) h.period_cap = r.GetMoney("period_cap.amount");
  return h;
}

std::string MemberIneligibility(const HospitalRules& rules, const Member& m, std::string* warning,
                                std::string* rule, std::string* warning_rule) {
  auto broke = [rule](const char* key, std::string reason) {
    if (rule != nullptr) *rule = key;
    return reason;
  };
  if (std::string problem = LedgerRowProblem(m); !problem.empty()) {
    return broke(kLedgerRowRule, problem);
  }
  if (m.category == Category::kSpouse) {
    return broke("eligibility.min_age",  // 第一条: in-service and retired staff, not spouses
                 Tr("配偶不能参加职工住院医疗互助保障", "spouses are not members of the hospital scheme"));
  }
  const Date reference = m.has_enrolled_on ? m.enrolled_on : rules.period_start;
  const int age = AgeAt(m.birth, reference);
  if (m.insurance == Insurance::kResident && rules.resident_insurance == "ineligible") {
    return broke("eligibility.resident_insurance",
                 Tr("已退出城镇职工基本医疗保险（城乡居民医保），不享受补助",
                    "left employee medical insurance (resident insurance): not covered"));
  }
  if (m.category == Category::kRetired) {
    if (rules.retired == "not_allowed") {
      return broke("eligibility.retired",
                   Tr("本期不接受退休职工参加", "retired members cannot join this period"));
    }
    if (rules.retired == "renewed_units_only" && m.enrolment != EnrolmentType::kRenewed) {
      return broke("eligibility.retired",
                   Tr("新参互单位只接受在职职工", "new units enrol in-service staff only"));
    }
    if (age > rules.max_age_retired) {
      return broke("eligibility.max_age_retired", Tr("退休职工年龄 " + std::to_string(age) + " 岁，超过 " +
                    std::to_string(rules.max_age_retired) + " 周岁",
                "retired member aged " + std::to_string(age) + ", over " +
                    std::to_string(rules.max_age_retired)));
    }
    if (m.consecutive_years < rules.retired_min_years) {
      return broke("eligibility.retired_min_consecutive_years", Tr("退休职工连续参互 " + std::to_string(m.consecutive_years) + " 年，不足 " +
                    std::to_string(rules.retired_min_years) + " 年",
                "retired member with " + std::to_string(m.consecutive_years) +
                    " consecutive years, fewer than " + std::to_string(rules.retired_min_years)));
    }
    return "";
  }
  if (age < rules.min_age) {
    return broke("eligibility.min_age", Tr("年龄 " + std::to_string(age) + " 岁，不满 " + std::to_string(rules.min_age) + " 周岁",
              "aged " + std::to_string(age) + ", under " + std::to_string(rules.min_age)));
  }
  if (warning == nullptr) return "";
  if (age > rules.max_age_active) {
    if (warning_rule != nullptr) *warning_rule = "eligibility.max_age_active";
    *warning = Tr("在职会员年龄 " + std::to_string(age) + " 岁，超过 " +
                      std::to_string(rules.max_age_active) + " 周岁（延迟退休？请核实）",
                  "in-service member aged " + std::to_string(age) + ", over " +
                      std::to_string(rules.max_age_active) + " (delayed retirement? check)");
  } else if (rules.female_retirement_age > 0 && m.sex == Sex::kFemale &&
             age > rules.female_retirement_age) {
    // §1: a woman past a statutory retirement age (50 or 55 by post, not in the ledger) who is
    // still in service is a warning too, never ineligible.
    if (warning_rule != nullptr) *warning_rule = "eligibility.female_retirement_age";
    *warning = Tr("在职女职工年龄 " + std::to_string(age) + " 岁，已过法定退休年龄（50 或 55 周岁，视岗位而定），请核实是否仍在职",
                  "in-service woman aged " + std::to_string(age) +
                      ", past a statutory retirement age (50 or 55 by post): check she is still in service");
  }
  return "";
}

std::optional<Cover> MemberCover(const HospitalRules& rules, const Member& m, std::string* error) {
  Cover cover;
  if (rules.coverage == "fixed") {
    cover.start = rules.period_start;
    cover.end = rules.period_end;
  } else if (rules.coverage == "month_15th") {
    // 2024 art. 4: on or before the 15th → from the 1st of that month, else the next month's 1st;
    // renewed units (续互) are extended from extension_from, else the period start (art. 1).
    if (m.enrolment == EnrolmentType::kRenewed) {
      cover.start = m.has_extension_from ? m.extension_from : rules.period_start;
    } else {
      if (!m.has_enrolled_on) {
        *error = Tr("新参互会员缺少参互日期，无法确定保障开始日", "a new member has no enrolment date: the cover start is unknown");
        return std::nullopt;
      }
      const Date first = m.enrolled_on.FirstOfMonth();
      cover.start = m.enrolled_on.day() <= 15 ? first : first.AddMonths(1);
    }
    cover.end = rules.period_end;
  } else {
    // 2021 art. 4: one year from the day after enrolment: 2021-05-10 → 2021-05-11 … 2022-05-10.
    if (!m.has_enrolled_on) {
      *error = Tr("会员缺少参互日期（2021 年保障期从办结参互手续次日起算）",
                  "the member has no enrolment date (2021 cover starts the day after enrolment)");
      return std::nullopt;
    }
    cover.start = m.enrolled_on.AddDays(1);
    cover.end = m.enrolled_on.AddYears(1);
  }
  // A member renewed for the next period stays covered past the end (pro-rating, allowance).
  if (m.renewed_next) cover.end.reset();
  return cover;
}

std::vector<ClaimResult> ComputeHospitalPayouts(const RuleSet& rule_set, const MemberTable& members,
                                                const ClaimFile& file, ProblemList& problems,
                                                Trace* trace) {
  const HospitalRules rules = HospitalRulesFrom(rule_set);
  const std::vector<Claim>& claims = file.claims;
  std::vector<ClaimResult> results(claims.size());
  auto tracing = [&](const Claim& c) -> Trace* {
    return (trace != nullptr && trace->claim_id == c.claim_id) ? trace : nullptr;
  };

  // 1. Duplicate claim ids (the first occurrence is processed), 2. data errors in the row.
  FirstRowById first_by_id;
  first_by_id.reserve(claims.size());
  std::vector<std::optional<Money>> self_pay(claims.size());
  std::vector<Cover> covers(claims.size());
  for (std::uint32_t i = 0; i < claims.size(); ++i) {
    const Claim& c = claims[i];
    ClaimResult& r = results[i];
    Trace* t = tracing(c);
    if (RejectDuplicate(file, i, first_by_id, r) || RejectInvalidRow(c, r)) continue;
    const bool covered_kind = rules.kinds.count(c.kind) != 0;
    std::string error;
    if (covered_kind) {
      if (IsInpatient(c.kind) && (!c.admitted_on || !c.discharged_on)) {
        error = Tr("住院须填写入院日期和出院日期", "a stay needs admission and discharge dates");
      } else if (!IsInpatient(c.kind) && !MonthDate(c)) {
        error = Tr("门诊特殊疾病须填写治疗月份的日期（入院日期列）",
                   "an outpatient month needs a date in the month (admitted_on)");
      } else {
        self_pay[i] = SelfPay(c, error);
        r.self_pay = self_pay[i];
      }
    }
    if (!error.empty()) {
      RejectInvalidClaim(file, c, error, r, problems);
      continue;
    }
    // 3. Membership and eligibility.
    const Member* member = FindMember(members, file, c, r, problems);
    if (member == nullptr) continue;
    const Member& m = *member;
    const std::optional<Cover> cover = MemberCover(rules, m, &error);
    if (!cover) {
      problems.Error(members.Where(m), error, c.claim_id);
      r.Reject(Reason::kInvalidInput, error);
      continue;
    }
    covers[i] = *cover;
    std::string warning;
    const std::string ineligible = MemberIneligibility(rules, m, &warning);
    if (!ineligible.empty()) {
      r.Reject(Reason::kIneligibleMember, ineligible);
      continue;
    }
    if (!warning.empty()) r.AddNote(warning);
    if (t) {
      t->Add("会员", std::string(m.name) + "（" + FormatLocation(members.Where(m)) + "）");
      t->Add("保障期", cover->start.ToIso() + " 至 " + (cover->end ? cover->end->ToIso() : "下期续互，持续"),
             "period.coverage", rule_set.Get("period.coverage").source);
    }
    // 4. Period: a stay admitted before the cover starts belongs to the previous period's policy
    // (other_period) or, for a first-year member where the rules say so, is pro-rated.
    if (c.admitted_on || c.discharged_on) {
      const bool previous_policy = rules.before_cover_start == "other_period" || IsRenewed(m);
      if (IsInpatient(c.kind) || (c.admitted_on && c.discharged_on)) {
        const Date a = *c.admitted_on;
        const Date d = *c.discharged_on;
        if (a < cover->start && previous_policy) {
          r.Reject(Reason::kOtherPeriod,
                   Tr("入院日期 " + a.ToIso() + " 早于本期保障开始 " + cover->start.ToIso() +
                          "，按入院时所在保障期的政策核算",
                      "admitted " + a.ToIso() + " before this cover starts " + cover->start.ToIso()));
          continue;
        }
        if (DaysInside(a, d, *cover) == 0) {
          r.Reject(Reason::kOutsidePeriod,
                   Tr("住院不在会员保障期内", "the stay lies outside the member's cover"));
          continue;
        }
      } else {
        const Date month = *MonthDate(c);
        if (month < cover->start) {
          r.Reject(previous_policy ? Reason::kOtherPeriod : Reason::kOutsidePeriod,
                   Tr("治疗月份早于保障开始 " + cover->start.ToIso(),
                      "the month is before the cover starts " + cover->start.ToIso()));
          continue;
        }
        if (cover->end && month > *cover->end) {
          r.Reject(Reason::kOutsidePeriod, Tr("治疗月份晚于保障结束", "the month is after the cover ends"));
          continue;
        }
      }
    }
    // 5. Causes and conditions, in the contract's order of precedence.
    if (c.cause == Cause::kFraud) {
      r.Reject(Reason::kFraud, Tr("欺诈", "fraud"));
      continue;
    }
    if (c.insurance_arrears && rule_set.GetText("claims.insurance_arrears") == "insurance_arrears") {
      r.Reject(Reason::kInsuranceArrears, Tr("拖欠基本医疗保险费", "medical insurance premium arrears"));
      continue;
    }
    const std::string outcome = rules.causes.Outcome(c.cause);
    if (outcome == "excluded_cause" || (outcome == "covered_if_settled" && !c.insurance_settled)) {
      r.Reject(Reason::kExcludedCause,
               Tr(std::string("病因“") + CauseName(c.cause) + "”属除外责任",
                  std::string("cause ") + CauseCode(c.cause) + " is excluded"));
      if (t) t->Add("病因", CauseName(c.cause), std::string("causes.") + CauseCode(c.cause),
                    rule_set.Get(std::string("causes.") + CauseCode(c.cause)).source);
      continue;
    }
    if (rules.require_settlement && !c.insurance_settled) {
      r.Reject(Reason::kNoSettlement, Tr("不能提供基本医疗保险结算单", "no medical-insurance settlement"));
      continue;
    }
    if (rules.require_referral && !c.referral_filed) {
      r.Reject(Reason::kNoReferral, Tr("异地转诊未办理备案", "out-of-region transfer without referral filing"));
      continue;
    }
    if (RejectLate(rules.deadline, c, OrderDate(c), r)) continue;
    if (!covered_kind) {
      r.Reject(Reason::kNotCovered,
               Tr(std::string("类型“") + KindName(c.kind) + "”不在本项目保障范围",
                  std::string("kind ") + KindCode(c.kind) + " is not covered"));
      continue;
    }
  }

  // 6. Single stays: rows continuing another (transfer within 24 hours) join their root.
  std::vector<std::int64_t> root_of(claims.size(), -1);
  for (std::uint32_t i = 0; i < claims.size(); ++i) {
    const Claim& c = claims[i];
    if (c.transfer_of.empty() || results[i].status == Status::kRejected) continue;
    auto it = first_by_id.find(c.transfer_of);
    std::string error;
    if (it == first_by_id.end() || it->second == i) {
      error = Tr("续转申领编号“" + c.transfer_of + "”不存在", "transfer_of '" + c.transfer_of + "' does not exist");
    } else if (claims[it->second].id_number != c.id_number) {
      error = Tr("续转申领编号“" + c.transfer_of + "”属于另一位会员",
                 "transfer_of '" + c.transfer_of + "' belongs to another member");
    } else if (!IsInpatient(c.kind) || !IsInpatient(claims[it->second].kind)) {
      error = Tr("只有住院可以续转合并", "only stays can continue one another");
    } else if (claims[it->second].discharged_on &&
               DaysBetween(*claims[it->second].discharged_on, *c.admitted_on) > 1) {
      error = Tr("续转住院应在上一次出院后 24 小时内入院", "a transfer must be admitted within 24 hours");
    }
    if (!error.empty()) {
      RejectInvalidClaim(file, c, error, results[i], problems);
      continue;
    }
    root_of[i] = it->second;
  }
  // Resolve chains to their first row; a cycle is invalid.
  for (std::uint32_t i = 0; i < claims.size(); ++i) {
    if (root_of[i] < 0) continue;
    std::int64_t r = root_of[i];
    std::size_t hops = 0;
    while (root_of[static_cast<std::size_t>(r)] >= 0 && hops++ <= claims.size()) {
      r = root_of[static_cast<std::size_t>(r)];
    }
    if (hops > claims.size()) {
      problems.Error(file.Where(claims[i]), Tr("续转申领编号形成循环", "transfer_of forms a cycle"),
                     claims[i].claim_id);
      results[i].Reject(Reason::kInvalidInput, Tr("续转申领编号形成循环", "transfer_of forms a cycle"));
      root_of[i] = -1;
      continue;
    }
    root_of[i] = r;
  }

  // 7. Build the stays of each member: one per root claim, grouped by member (ascending member
  // index, then claim order), in one flat vector rather than a node per member.
  std::vector<std::pair<std::int64_t, std::uint32_t>> roots;  // (member, root claim)
  for (std::uint32_t i = 0; i < claims.size(); ++i) {
    if (results[i].status == Status::kRejected || root_of[i] >= 0) continue;
    roots.emplace_back(results[i].member, i);
  }
  std::stable_sort(roots.begin(), roots.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Stay> all_stays(roots.size());
  std::vector<std::int64_t> stay_of_root(claims.size(), -1);
  for (std::size_t k = 0; k < roots.size(); ++k) {
    const std::uint32_t i = roots[k].second;
    const Claim& c = claims[i];
    Stay& stay = all_stays[k];
    stay.root = i;
    stay.s = *self_pay[i];
    if (IsInpatient(c.kind)) {
      stay.admitted = *c.admitted_on;
      stay.discharged = *c.discharged_on;
    } else {
      stay.admitted = stay.discharged = *MonthDate(c);
    }
    stay_of_root[i] = static_cast<std::int64_t>(k);
  }
  for (std::uint32_t i = 0; i < claims.size(); ++i) {
    if (root_of[i] < 0) continue;
    const auto root = static_cast<std::uint32_t>(root_of[i]);
    if (results[root].status == Status::kRejected) {
      results[i].Reject(results[root].reason,
                        Tr("与 " + claims[root].claim_id + " 合并为一次住院，随其处理",
                           "part of the stay " + claims[root].claim_id));
      continue;
    }
    Stay& stay = all_stays[static_cast<std::size_t>(stay_of_root[root])];
    stay.parts.push_back(i);
    stay.s += *self_pay[i];
    stay.admitted = std::min(stay.admitted, *claims[i].admitted_on);
    stay.discharged = std::max(stay.discharged, *claims[i].discharged_on);
  }
  // [begin, end) of each member's stays in all_stays.
  std::vector<std::pair<std::size_t, std::size_t>> groups;
  for (std::size_t k = 0; k < roots.size(); ++k) {
    if (k == 0 || roots[k].first != roots[k - 1].first) groups.emplace_back(k, k);
    groups.back().second = k + 1;
  }

  // 8. Compute each member's stays, then apply the period cap in discharge order.
  for (const auto& [group_begin, group_end] : groups) {
    const std::int64_t member_index = roots[group_begin].first;
    const std::span<Stay> stays(all_stays.data() + group_begin, group_end - group_begin);
    const Member& m = members.at(static_cast<std::size_t>(member_index));
    // The first inpatient stay of the period carries the allowance (earliest admission; ties by
    // claim id).
    std::int64_t first = -1;
    for (std::size_t k = 0; k < stays.size(); ++k) {
      if (!IsInpatient(claims[stays[k].root].kind)) continue;
      if (first < 0) {
        first = static_cast<std::int64_t>(k);
        continue;
      }
      const Stay& best = stays[static_cast<std::size_t>(first)];
      if (stays[k].admitted < best.admitted ||
          (stays[k].admitted == best.admitted &&
           claims[stays[k].root].claim_id < claims[best.root].claim_id)) {
        first = static_cast<std::int64_t>(k);
      }
    }
    for (std::size_t k = 0; k < stays.size(); ++k) {
      Stay& stay = stays[k];
      const Claim& c = claims[stay.root];
      ClaimResult& r = results[stay.root];
      Trace* t = tracing(c);
      const Cover& cover = covers[stay.root];
      Money s = stay.s;
      if (t) {
        t->Add("个人自付 S", Fen(s) +
                                 (stay.parts.empty() ? "" : Tr("（含续转合并的住院）", " (with continued stays)")));
      }
      // 2026 art. 15: extra self-pay from an unfiled referral is the member's own.
      Money extra;
      if (rules.unfiled_extra_is_own) {
        extra = c.unfiled_referral_extra.value_or(Money());
        for (std::uint32_t p : stay.parts) extra += claims[p].unfiled_referral_extra.value_or(Money());
      }
      if (extra > Money()) {
        s = std::max(Money(), s - extra);
        if (t) t->Add("扣除未备案转诊增加的自付", Fen(extra) + " → S = " + Fen(s),
                      "claims.unfiled_referral_extra_is_own",
                      rule_set.Get("claims.unfiled_referral_extra_is_own").source);
      }
      r.self_pay = s;
      Money medical = MarginalSegments(s, rules.segments, t, "medical_subsidy.segments");
      if (t) t->Add("医疗补助 M", Fen(medical));
      Money allowance;
      if (IsInpatient(c.kind)) {
        // Days: the stay's own span (first admission to last discharge) for pro-rating.
        stay.total_days = StayDays(stay.admitted, stay.discharged);
        stay.covered_days = DaysInside(stay.admitted, stay.discharged, cover);
        // The days column (settlement document) applies to stays wholly inside the cover.
        std::int32_t days_by_dates = 0;
        bool all_have_days = c.days.has_value();
        std::int64_t days_column = c.days.value_or(0);
        days_by_dates += StayDays(*c.admitted_on, *c.discharged_on);
        for (std::uint32_t p : stay.parts) {
          days_by_dates += StayDays(*claims[p].admitted_on, *claims[p].discharged_on);
          all_have_days = all_have_days && claims[p].days.has_value();
          days_column += claims[p].days.value_or(0);
        }
        const bool wholly_inside = stay.covered_days == stay.total_days;
        stay.stay_days = days_by_dates;
        if (wholly_inside) {
          stay.covered_days = days_by_dates;
          if (all_have_days && days_column != days_by_dates) {
            if (rules.allowance_days_from_dates) {
              problems.Warning(file.Where(c),
                               Tr("住院天数 " + std::to_string(days_column) + " 与出入院日期计算的 " +
                                      std::to_string(days_by_dates) + " 天不一致（按实际住院天数计）",
                                  "days " + std::to_string(days_column) + " disagree with the dates (" +
                                      std::to_string(days_by_dates) + "); the dates count"),
                               c.claim_id);
            } else {
              stay.stay_days = static_cast<std::int32_t>(days_column);
              stay.covered_days = stay.stay_days;
            }
          }
        }
        stay.allowance_days = stay.covered_days;
        r.stay_days = stay.stay_days;
        r.covered_days = stay.covered_days;
        if (!wholly_inside) {
          // Art. 13 (2026) / 12 (2024) / 14 (2021): M × days inside ÷ stay days, rounded once.
          const Money prorated = ApplyFraction(medical, stay.covered_days, stay.total_days);
          if (t) t->Add("按保障期内天数折算", Fen(medical) + " × " + std::to_string(stay.covered_days) + "/" +
                                               std::to_string(stay.total_days) + " = " + Fen(prorated),
                        "period", rule_set.Get("period.before_cover_start").source);
          r.AddNote(Tr("部分在保障期外，按 " + std::to_string(stay.covered_days) + "/" +
                           std::to_string(stay.total_days) + " 天折算",
                       "partly outside the cover: pro-rated " + std::to_string(stay.covered_days) +
                           "/" + std::to_string(stay.total_days)));
          medical = prorated;
        }
        if (rules.has_allowance && static_cast<std::int64_t>(k) == first) {
          const Money rate = DailyAllowanceRate(rules.per_day, m.consecutive_years,
                                                m.allowance_last_period, rules.allowance_reset);
          const std::int64_t days = std::min<std::int64_t>(stay.allowance_days, rules.allowance_max_days);
          allowance = rate * days;
          if (t) t->Add("住院补贴（本期第一次住院）",
                        Fen(rate) + "/天 × " + std::to_string(days) + " 天 = " + Fen(allowance),
                        m.allowance_last_period ? "allowance.after_allowance_last_period" : "allowance.per_day",
                        rule_set.Get(m.allowance_last_period ? "allowance.after_allowance_last_period"
                                                             : "allowance.per_day").source);
        } else if (t && rules.has_allowance) {
          t->Add("住院补贴", Tr("非本期第一次住院，无补贴", "not the first stay: none"), "allowance",
                 rule_set.Get("allowance.per_day").source);
        }
      }
      r.medical_subsidy = medical;
      r.allowance = allowance;
      if (s == Money() && allowance == Money()) {
        r.Reject(Reason::kNoSelfPay, Tr("个人自付为 0，且无住院补贴", "no self-pay and no allowance"));
        continue;
      }
      if (rules.top_up && IsInpatient(c.kind)) {
        r.top_up = TopUp(medical + allowance, *rules.top_up);
        if (t && r.top_up > Money()) {
          t->Add("补足至 " + Fen(*rules.top_up), "+" + Fen(r.top_up), "top_up.minimum",
                 rule_set.Get("top_up.minimum").source);
        }
      }
      if (m.insurance == Insurance::kResident && rules.resident_insurance == "review") {
        r.status = Status::kReview;
        r.reason = Reason::kResidentInsurance;
        r.AddNote(Tr("城乡居民医保报销：医保部分须按城镇职工比例重算后再付",
                     "resident insurance: restate the fund share at the employee ratio before paying"));
      }
    }
    // Period cap in discharge order (then claim id); the death benefit once per member.
    std::vector<std::size_t> order;
    for (std::size_t k = 0; k < stays.size(); ++k) {
      if (results[stays[k].root].status != Status::kRejected) order.push_back(k);
    }
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      if (stays[a].discharged != stays[b].discharged) return stays[a].discharged < stays[b].discharged;
      return claims[stays[a].root].claim_id < claims[stays[b].root].claim_id;
    });
    bool death_paid = false;
    Money running;
    for (std::size_t k : order) {
      const Claim& c = claims[stays[k].root];
      ClaimResult& r = results[stays[k].root];
      Trace* t = tracing(c);
      if (rules.death_benefit && !death_paid && c.died && IsInpatient(c.kind) &&
          std::find(rules.death_causes.begin(), rules.death_causes.end(), c.cause) !=
              rules.death_causes.end()) {
        r.death_benefit = *rules.death_benefit;
        death_paid = true;
        if (t) t->Add("身故补助金", "+" + Fen(r.death_benefit), "death_benefit.amount",
                      rule_set.Get("death_benefit.amount").source);
      }
      if (rules.period_cap) {
        const Money cap = *rules.period_cap;
        if (running >= cap) {
          r.Reject(Reason::kCapReached, Tr("本期补助已达上限 " + Fen(cap), "the period cap " + Fen(cap) + " is reached"));
          if (t) t->Add("保障期上限", Tr("已达上限，不再补助", "reached"), "period_cap.amount",
                        rule_set.Get("period_cap.amount").source);
          continue;
        }
        const Money cut = CutToRoom(cap - running, {&r.medical_subsidy, &r.allowance, &r.top_up, &r.death_benefit});
        if (cut > Money()) {
          r.AddNote("capped: " + Tr("超过本期上限 " + Fen(cap) + "，减去 " + Fen(cut),
                                    "over the period cap " + Fen(cap) + ", cut by " + Fen(cut)));
          if (t) t->Add("保障期上限", "−" + Fen(cut), "period_cap.amount", rule_set.Get("period_cap.amount").source);
        }
      }
      running += r.total();
      if (t) t->Add("合计", Fen(r.total()));
    }
    // Continuing rows of a single stay: paid with 0.00, pointing at the row that carries it.
    for (const Stay& stay : stays) {
      for (std::uint32_t p : stay.parts) {
        results[p].status = Status::kPaid;
        results[p].reason = Reason::kNone;
        results[p].AddNote("combined into " + claims[stay.root].claim_id);
        results[p].self_pay = self_pay[p];
      }
    }
  }
  return results;
}

}  // namespace huzhu
