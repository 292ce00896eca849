// Hengyang 2021 (rules reference §5, notice 003): per stay, the second subsidy by the personal
// burden left after insurance and the first mutual-aid subsidy (remaining_burden); the first
// subsidy only when an override supplies its rates; pro-rating by days across the period's ends;
// the 60-day and final claim deadlines; the 7,000 review rule; one stay, one claim.
#include "engines/hengyang.h"

#include <map>
#include <utility>

#include "core/diagnostics.h"
#include "engines/blocks.h"
#include "engines/claim_checks.h"
#include "engines/eligibility.h"
#include "engines/hospital.h"

namespace huzhu {

namespace {

std::string Fen(Money m) { return FormatMoneyGrouped(m); }

// The Hengyang rules, read once: the common blocks through HospitalRules (membership, causes,
// kinds, deadline) and the Hengyang blocks.
struct HengyangRules {
  HospitalRules common;
  Date final_date;
  std::vector<Bracket> brackets;
  std::optional<std::vector<Segment>> first_segments;  ///< only when stated (an override)
  Money review_threshold;
};

HengyangRules HengyangRulesFrom(const RuleSet& r) {
  HengyangRules h;
  HospitalRules& c = h.common;
  c = MembershipRules(r);  // no in-service upper age in 003: no over-age note
  c.causes = CauseTable(r);
  c.kinds = CoveredKinds(r);
  c.require_settlement = r.GetBool("claims.require_settlement");
  c.require_referral = r.GetBool("claims.require_referral_filing");
  c.deadline = DeadlineFrom(r);
  if (r.Has("final_deadline.date")) {
    h.final_date = r.GetDate("final_deadline.date");
  } else {
    throw Error(ErrorKind::kRules, Location(r.path),
                Tr("衡阳方案需要 [final_deadline] date（第十八条）", "the Hengyang scheme needs [final_deadline] date"));
  }
  h.brackets = r.GetBrackets("second_subsidy.brackets");
  if (r.Has("first_subsidy.segments") && r.Get("first_subsidy.segments").stated) {
    h.first_segments = r.GetSegments("first_subsidy.segments");
  }
  if (!r.Has("review.threshold")) {
    throw Error(ErrorKind::kRules, Location(r.path),
                Tr("衡阳方案需要 [review] threshold（第二十六条）", "the Hengyang scheme needs [review] threshold"));
  }
  h.review_threshold = r.GetMoney("review.threshold");
  return h;
}

// Self-pay S (rules reference §1 / data contract): pooled − fund paid, or the self_pay column;
// both given must agree. nullopt with `error` when given inconsistently; nullopt and no error
// when no column is given.
std::optional<Money> SelfPay(const Claim& c, std::string& error) {
  const bool any = c.pooled_cost || c.fund_paid || c.self_pay;
  if (!any) return std::nullopt;
  if (c.pooled_cost.has_value() != c.fund_paid.has_value()) {
    if (c.self_pay) return *c.self_pay;
    error = Tr("进入统筹费用和统筹基金等已支付费用须同时填写（或填写个人自付）",
               "pooled cost and fund paid go together (or give self-pay)");
    return std::nullopt;
  }
  if (c.pooled_cost) {
    const Money s = *c.pooled_cost - *c.fund_paid;
    if (s < Money()) {
      error = Tr("统筹基金等已支付费用大于进入统筹费用，个人自付为负",
                 "fund paid exceeds the pooled cost: self-pay would be negative");
      return std::nullopt;
    }
    if (c.self_pay && *c.self_pay != s) {
      error = Tr("个人自付 " + Fen(*c.self_pay) + " 与 进入统筹费用−统筹基金等已支付费用 = " + Fen(s) + " 不一致",
                 "self-pay " + Fen(*c.self_pay) + " disagrees with pooled − fund paid = " + Fen(s));
      return std::nullopt;
    }
    return s;
  }
  return *c.self_pay;
}

}  // namespace

std::vector<ClaimResult> ComputeHengyangPayouts(const RuleSet& rule_set, const MemberTable& members,
                                                const ClaimFile& file, ProblemList& problems,
                                                Trace* trace) {
  const HengyangRules rules = HengyangRulesFrom(rule_set);
  const HospitalRules& common = rules.common;
  const std::vector<Claim>& claims = file.claims;
  std::vector<ClaimResult> results(claims.size());
  auto source = [&](const std::string& key) { return rule_set.Get(key).source; };
  // Art. 16 splits a stay at both ends of the period: the other period's part is its own.
  const Cover period{common.period_start, common.period_end};

  FirstRowById first_by_id;
  first_by_id.reserve(claims.size());
  // Art. 9: one stay is one claim: (ID, admission date) → the first row that claims it.
  std::map<std::pair<std::string, Date>, std::uint32_t> first_by_stay;

  for (std::uint32_t i = 0; i < claims.size(); ++i) {
    const Claim& c = claims[i];
    ClaimResult& r = results[i];
    Trace* t = (trace != nullptr && trace->claim_id == c.claim_id) ? trace : nullptr;
    // 1. Repeated claim ids, data errors found while reading.
    if (RejectDuplicate(file, i, first_by_id, r) || RejectInvalidRow(c, r)) continue;
    // 2. The same stay claimed twice (art. 9): same member, same admission date.
    if (c.admitted_on) {
      std::string key_id = c.id_number;
      if (key_id.size() == 18 && (key_id[17] == 'x')) key_id[17] = 'X';
      auto [it, inserted] = first_by_stay.emplace(std::make_pair(key_id, *c.admitted_on), i);
      if (!inserted) {
        const std::string where = FormatLocation(file.Where(claims[it->second]));
        r.Reject(Reason::kDuplicateClaim,
                 Tr("同一次住院（入院日期 " + c.admitted_on->ToIso() + "）已由" + where + "（" +
                        claims[it->second].claim_id + "）申请，不得分解申请（第九条）",
                    "the same stay (admitted " + c.admitted_on->ToIso() + ") is already claimed by " +
                        claims[it->second].claim_id + " (art. 9)"));
        if (t) t->Add("同一次住院重复申请（第九条）", claims[it->second].claim_id);
        continue;
      }
    }
    // 3. What the computation needs from the row.
    const bool covered_kind = common.kinds.count(c.kind) != 0;
    std::string error;
    std::optional<Money> s;
    if (covered_kind) {
      if (!c.admitted_on || !c.discharged_on) {
        error = Tr("住院须填写入院日期和出院日期", "a stay needs admission and discharge dates");
      } else if (*c.discharged_on < *c.admitted_on) {
        error = Tr("出院日期早于入院日期", "discharged before admitted");
      } else if (!c.remaining_burden) {
        error = Tr("缺少互助后个人自负（第二次补助的依据，第十条）",
                   "remaining_burden (互助后个人自负) is missing: the second subsidy is based on it");
      } else if (*c.remaining_burden < Money()) {
        error = Tr("互助后个人自负为负数", "remaining_burden is negative");
      } else {
        s = SelfPay(c, error);
        if (error.empty() && !s && rules.first_segments) {
          error = Tr("计算第一次补助需要个人自付（或进入统筹费用与统筹基金等已支付费用）",
                     "the first subsidy needs self-pay (or pooled cost and fund paid)");
        }
      }
    }
    if (!error.empty()) {
      RejectInvalidClaim(file, c, error, r, problems);
      continue;
    }
    r.self_pay = s;
    // 4. Membership and eligibility (art. 4).
    const Member* member = FindMember(members, file, c, r, problems);
    if (member == nullptr) continue;
    const Member& m = *member;
    std::string warning;
    const std::string ineligible = MemberIneligibility(common, m, &warning);
    if (!ineligible.empty()) {
      r.Reject(Reason::kIneligibleMember, ineligible);
      continue;
    }
    if (!warning.empty()) r.AddNote(warning);
    if (t) {
      t->Add("会员", std::string(m.name) + "（" + FormatLocation(members.Where(m)) + "）");
      t->Add("保障期", common.period_start.ToIso() + " 至 " + common.period_end.ToIso(), "period",
             source("period.start") + "；" + source("period.end"));
    }
    // 5. Period (art. 5, 16): a stay with no day inside the period is another period's.
    if (c.admitted_on && c.discharged_on && DaysInside(*c.admitted_on, *c.discharged_on, period) == 0) {
      r.Reject(Reason::kOutsidePeriod,
               Tr("住院不在本期保障期 " + common.period_start.ToIso() + " 至 " + common.period_end.ToIso() + " 内",
                  "the stay lies outside the period"));
      continue;
    }
    // 6. Exclusions (art. 19, 20), in the contract's order of precedence.
    if (c.cause == Cause::kFraud) {
      r.Reject(Reason::kFraud, Tr("采取欺诈手段骗取补助金（第十九条 3）", "fraud (art. 19.3)"));
      continue;
    }
    if (c.insurance_arrears && rule_set.GetText("claims.insurance_arrears") == "insurance_arrears") {
      r.Reject(Reason::kInsuranceArrears,
               Tr("拖欠基本医疗保险费（第十九条 1）", "medical insurance premium arrears (art. 19.1)"));
      continue;
    }
    const std::string outcome = common.causes.Outcome(c.cause);
    if (outcome == "excluded_cause" || (outcome == "covered_if_settled" && !c.insurance_settled)) {
      const std::string key = std::string("causes.") + CauseCode(c.cause);
      r.Reject(Reason::kExcludedCause,
               Tr(std::string("病因“") + CauseName(c.cause) + "”属除外责任（" + source(key) + "）",
                  std::string("cause ") + CauseCode(c.cause) + " is excluded"));
      if (t) t->Add("病因", CauseName(c.cause), key, source(key));
      continue;
    }
    if (common.require_settlement && !c.insurance_settled) {
      r.Reject(Reason::kNoSettlement, Tr("未经基本医疗保险结算（第十条、第十七条）", "no medical-insurance settlement"));
      continue;
    }
    if (common.require_referral && !c.referral_filed) {
      r.Reject(Reason::kNoReferral, Tr("异地转诊未办理备案", "out-of-region transfer without referral filing"));
      continue;
    }
    // 7. Deadlines (art. 17, 18): 60 days after discharge or the final settlement, and the final date.
    if (RejectLate(common.deadline, c, c.discharged_on, r)) {
      if (t) t->Add("申领时限", r.note, "deadline.days", source("deadline.days"));
      continue;
    }
    if (c.claimed_on && *c.claimed_on > rules.final_date) {
      r.Reject(Reason::kLateClaim,
               Tr("申领日期 " + c.claimed_on->ToIso() + " 晚于本期最终申报截止 " + rules.final_date.ToIso() +
                      "（第十八条）",
                  "claimed " + c.claimed_on->ToIso() + " after the final date " + rules.final_date.ToIso()));
      if (t) t->Add("最终申报截止", rules.final_date.ToIso(), "final_deadline.date", source("final_deadline.date"));
      continue;
    }
    if (!covered_kind) {
      std::string why = Tr(std::string("申领类型“") + KindName(c.kind) + "”不在住院医疗互助项目保障范围内",
                           std::string("kind ") + KindCode(c.kind) + " is not covered");
      if (c.kind == ClaimKind::kDiagnosis) {
        why += Tr("；特殊疾病保障项目金额来源通知未说明（第二十一条），请人工处理",
                  "; the special-disease amounts are not stated in the notice (art. 21): handle by hand");
      }
      r.Reject(Reason::kNotCovered, why);
      continue;
    }

    // 8. Amounts.
    const Date a = *c.admitted_on;
    const Date d = *c.discharged_on;
    const std::int32_t total_days = StayDays(a, d);
    const std::int32_t inside = DaysInside(a, d, period);
    const bool wholly_inside = inside == total_days;
    r.stay_days = total_days;
    r.covered_days = inside;
    if (wholly_inside && c.days && *c.days > 0) {
      // The settlement document's figure, for a stay wholly inside the period.
      r.stay_days = r.covered_days = static_cast<std::int32_t>(*c.days);
    }
    const Money burden = *c.remaining_burden;
    Money second = BracketAmount(burden, rules.brackets);
    if (t) {
      t->Add("互助后个人自负（第十条）", Fen(burden));
      t->Add("第二次补助", second == Money() ? Fen(burden) + " 未达 " + Fen(rules.brackets.front().from) + "：0.00"
                                             : Fen(burden) + " → " + Fen(second),
             "second_subsidy.brackets", source("second_subsidy.brackets"));
    }
    Money first;
    if (rules.first_segments) {
      if (t) t->Add("个人自付 S", Fen(*s));
      first = MarginalSegments(*s, *rules.first_segments, t, "first_subsidy.segments");
      if (t) t->Add("第一次补助", Fen(first), "first_subsidy.segments", source("first_subsidy.segments"));
    } else if (t) {
      t->Add("第一次补助", Tr("来源通知未说明比例：未计算（可在覆盖文件中给出）", "rates not stated: not computed"),
             "first_subsidy.segments", source("first_subsidy.segments"));
    }
    if (!wholly_inside) {
      // Art. 16: each subsidy × days inside ÷ stay days, rounded half-up once.
      const Money second_p = ApplyFraction(second, inside, total_days);
      const Money first_p = ApplyFraction(first, inside, total_days);
      if (t) {
        t->Add("跨期住院按天数分摊", Fen(second) + " × " + std::to_string(inside) + "/" +
                                         std::to_string(total_days) + " = " + Fen(second_p),
               "second_subsidy.cross_period", source("second_subsidy.cross_period"));
        if (rules.first_segments) {
          t->Add("跨期住院按天数分摊（第一次补助）", Fen(first) + " × " + std::to_string(inside) + "/" +
                                                       std::to_string(total_days) + " = " + Fen(first_p),
                 "second_subsidy.cross_period", source("second_subsidy.cross_period"));
        }
      }
      r.AddNote(Tr("跨保障期住院，按本期 " + std::to_string(inside) + "/" + std::to_string(total_days) +
                       " 天分摊（第十六条）",
                   "crosses the period: pro-rated " + std::to_string(inside) + "/" + std::to_string(total_days)));
      second = second_p;
      first = first_p;
    }
    r.second_subsidy = second;
    r.medical_subsidy = first;
    if (second == Money() && !rules.first_segments) {
      r.AddNote(Tr("互助后个人自负未达 " + Fen(rules.brackets.front().from) + "，无第二次补助（第一次补助另行发放）",
                   "remaining burden below " + Fen(rules.brackets.front().from) +
                       ": no second subsidy (the first subsidy is paid elsewhere)"));
    }
    if (t) t->Add("合计", Fen(r.total()));
    // 9. Review: art. 26 (appraisal from 7,000.00), art. 4 (resident insurance must be checked).
    if (r.total() >= rules.review_threshold) {
      r.status = Status::kReview;
      r.reason = Reason::kAppraisalRequired;
      r.AddNote(Tr("补助 " + Fen(r.total()) + " 达到 " + Fen(rules.review_threshold) +
                       "，须由具有鉴定资质的服务机构认定后发放（第二十六条）",
                   "subsidy " + Fen(r.total()) + " reaches " + Fen(rules.review_threshold) +
                       ": appraisal before payment (art. 26)"));
      if (t) t->Add("须鉴定复核", Fen(r.total()) + " ≥ " + Fen(rules.review_threshold), "review.threshold",
                    source("review.threshold"));
    }
    if (m.insurance == Insurance::kResident && common.resident_insurance == "review") {
      if (r.status != Status::kReview) {
        r.status = Status::kReview;
        r.reason = Reason::kResidentInsurance;
      }
      r.AddNote(Tr("城乡居民医保：仅建档困难职工和衡阳县试点单位职工可参加，须核实（第四条）",
                   "resident insurance: only registered hardship employees and the Hengyang County pilot "
                   "qualify; check (art. 4)"));
    }
  }
  return results;
}

}  // namespace huzhu
