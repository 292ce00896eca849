#include "engines/eligibility.h"

#include "engines/hospital.h"
#include "engines/women.h"
#include "engines/wujin.h"

namespace huzhu {

namespace {

/// The membership fields of HospitalRules (period, coverage, eligibility), read tolerantly (the
/// optional keys default to "no such rule") so that every hospital-family file can use
/// MemberIneligibility without its payout blocks.
HospitalRules MembershipRulesFrom(const RuleSet& r) {
  HospitalRules h;
  h.period_start = r.GetDate("period.start");
  h.period_end = r.GetDate("period.end");
  h.coverage = r.GetText("period.coverage");
  h.before_cover_start = r.GetText("period.before_cover_start");
  h.min_age = r.GetInt("eligibility.min_age");
  h.max_age_active =
      r.Has("eligibility.max_age_active") ? r.GetInt("eligibility.max_age_active") : 1000;
  h.retired = r.Has("eligibility.retired") ? r.GetText("eligibility.retired") : "not_allowed";
  if (h.retired != "not_allowed") {
    h.max_age_retired = r.GetInt("eligibility.max_age_retired");
    h.retired_min_years = r.Has("eligibility.retired_min_consecutive_years")
                              ? r.GetInt("eligibility.retired_min_consecutive_years")
                              : 0;
  }
  h.female_retirement_age = r.Has("eligibility.female_retirement_age")
                                ? r.GetInt("eligibility.female_retirement_age")
                                : 0;
  h.resident_insurance = r.Has("eligibility.resident_insurance")
                             ? r.GetText("eligibility.resident_insurance")
                             : "review";
  return h;
}

}  // namespace

HospitalRules MembershipRules(const RuleSet& rules) { return MembershipRulesFrom(rules); }

EligibilityCheck EligibilityFor(const RuleSet& rules) {
  // The same selection as ComputePayouts: the blocks a rule file has select its engine.
  if (rules.HasSection("women_benefits")) return WomenEligibility(rules);
  if (rules.HasSection("annual_brackets")) return WujinEligibility(rules);
  return [h = MembershipRulesFrom(rules)](const Member& m) {
    EligibilityVerdict v;
    v.reason = MemberIneligibility(h, m, &v.warning, &v.rule, &v.warning_rule);
    return v;
  };
}

std::string DescribeRule(const RuleSet& rules, const std::string& rule) {
  if (!rules.Has(rule)) return rule;
  return rule + "（" + rules.Get(rule).source + "）";
}

}  // namespace huzhu
