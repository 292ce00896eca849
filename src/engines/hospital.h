// The hospital scheme (Inner Mongolia 2021/2024/2026, rules reference sections 1–3): per-stay
// marginal segments, first-stay daily allowance, pro-rating by covered days, the minimum top-up,
// the death benefit and the period cap — each present only when the rule file has its block.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engines/blocks.h"
#include "engines/claim_checks.h"
#include "engines/outcome.h"
#include "records/claims.h"
#include "records/members.h"
#include "records/problems.h"
#include "ruleset/rule_set.h"

namespace huzhu {

/// The hospital rules, read once from a RuleSet into typed fields (engines never parse keys per
/// claim).
struct HospitalRules {
  Date period_start, period_end;
  std::string coverage;            ///< fixed | month_15th | enrolment_year
  std::string before_cover_start;  ///< other_period | other_period_if_renewed
  std::int64_t min_age = 16, max_age_active = 60;
  std::int64_t female_retirement_age = 0;  ///< in-service women past it: a warning (0: none)
  std::string retired;  ///< allowed | renewed_units_only | not_allowed
  std::int64_t max_age_retired = 0, retired_min_years = 0;
  std::string resident_insurance;  ///< review | ineligible
  CauseTable causes;
  std::set<ClaimKind> kinds;
  bool require_settlement = false, require_referral = false, unfiled_extra_is_own = false;
  DeadlineRule deadline;
  std::vector<Segment> segments;
  bool has_allowance = false;
  std::vector<DailyRate> per_day;
  Money allowance_reset;
  std::int64_t allowance_max_days = 0;
  bool allowance_days_from_dates = true;
  std::optional<Money> top_up;
  std::optional<Money> death_benefit;
  std::vector<Cause> death_causes;
  std::optional<Money> period_cap;

};

HospitalRules HospitalRulesFrom(const RuleSet& rules);

/// Why a member cannot claim under these rules ("" when eligible). `warning` receives a note
/// that does not make the member ineligible (an in-service member over 60). `rule` (optional)
/// receives the rule key broken, or kLedgerRowRule; `warning_rule` the warning's.
std::string MemberIneligibility(const HospitalRules& rules, const Member& member,
                                std::string* warning = nullptr, std::string* rule = nullptr,
                                std::string* warning_rule = nullptr);

/// The member's cover under these rules; nullopt with `error` set when the ledger lacks what
/// the coverage model needs (enrolment date).
std::optional<Cover> MemberCover(const HospitalRules& rules, const Member& member,
                                 std::string* error);

/// Computes every claim; results are in input order. `trace` (optional) records the steps of the
/// claim whose id it names.
std::vector<ClaimResult> ComputeHospitalPayouts(const RuleSet& rules, const MemberTable& members,
                                                const ClaimFile& claims, ProblemList& problems,
                                                Trace* trace = nullptr);

}  // namespace huzhu
