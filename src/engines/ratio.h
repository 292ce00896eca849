// The unit participation-ratio check (rules reference §7) and the premium (会费) of each member:
// pure computations over the member ledger and the units file. Reports and the CLI command are
// built on RatioResult.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/money.h"
#include "records/members.h"
#include "records/problems.h"
#include "records/units.h"
#include "ruleset/rule_set.h"

namespace huzhu {

/// The [ratio] block, read once. `applies` is false when the rule file has no ratio requirement
/// (Wujin): units are then listed with their premiums but neither pass nor fail.
struct RatioRules {
  bool applies = false;
  Rate threshold;
  std::string base = "employees";  ///< employees | female_employees | eligible
  std::optional<std::int64_t> large_unit_min_employees;  ///< base ≥ this → large_unit_threshold
  std::optional<Rate> large_unit_threshold;
  std::optional<std::int64_t> small_unit_max_eligible;  ///< base < this → small_unit_threshold
  std::optional<Rate> small_unit_threshold;
};

RatioRules RatioRulesFrom(const RuleSet& rules);

/// The threshold for a unit with this base headcount (the base is the count that the large-unit
/// rule (employees, IM) and the small-unit rule (eligible, Hengyang) look at).
Rate ThresholdFor(const RatioRules& rules, std::int64_t base);

/// One unit's check. All arithmetic is on integers.
struct UnitCheck {
  std::int64_t base = 0;
  std::int64_t participants = 0;
  /// participants × 10000 ÷ base truncated: hundredths of a percent (7497 = 74.97%), for
  /// display only; 0 when base is 0. Pass/fail never looks at it.
  std::int64_t ratio_hundredths = 0;
  Rate threshold;
  /// participants × 1,000,000 ≥ threshold_millionths × base (exact).
  bool pass = false;
  /// ceil(threshold_millionths × base ÷ 1,000,000) − participants, at least 0.
  std::int64_t shortfall = 0;
};

/// Checks a unit: base and participants must be ≥ 0. Throws std::overflow_error only for counts
/// no spreadsheet can hold.
UnitCheck CheckUnit(const RatioRules& rules, std::int64_t base, std::int64_t participants);

/// The [premium] block, read once.
struct PremiumRules {
  bool present = false;
  std::optional<Money> per_person, per_person_retired, per_month;
  bool renewed_free = false;
  Money subsidy;        ///< per member, included in the gross amount (0 when not stated)
  Money local_subsidy;  ///< a local union's own subsidy (override files): lowers the personal share
  Date period_end;
};

PremiumRules PremiumRulesFrom(const RuleSet& rules);

struct MemberPremium {
  Money gross, personal, subsidy;  ///< gross = personal + subsidy
};

/// Whole calendar months of cover from `cover_start` to `period_end` (a month counts when it is
/// covered from its 1st; period_end is taken as a month's last day). 0 when start > end.
std::int64_t WholeMonths(Date cover_start, Date period_end);

/// What a member pays: renewed members under `renewed = free` pay nothing (gross = the subsidy,
/// which covers the extension); per_month schemes charge whole months of cover from
/// `cover_start`; otherwise per_person (per_person_retired for retirees when stated). The subsidy
/// (the federation's plus any local union's) is part of the gross and never more than it.
MemberPremium PremiumFor(const PremiumRules& rules, const Member& member, Date cover_start);

/// One unit and project in the ratio report.
struct UnitRatio {
  std::string unit_code, unit_name, region;
  bool in_units_file = false;            ///< false: only in the member ledger (a problem is listed)
  bool has_base = false;                 ///< the units file gives the base headcount
  std::int64_t participants_active = 0;  ///< eligible in-service members: counted
  std::int64_t participants_retired = 0;              ///< eligible retirees: listed, not counted
  std::int64_t participants_spouse = 0;               ///< eligible spouses: listed, not counted
  std::int64_t members_new = 0, members_renewed = 0;  ///< eligible members by enrolment type
  std::int64_t ineligible = 0;  ///< listed in RatioResult::findings, not counted
  UnitCheck check;              ///< meaningful when has_base (and RatioRules::applies)
  Money premium_total, personal_total, subsidy_total;
  std::int64_t first_member_row = 0;  ///< for locating a ledger-only unit
};

/// A member the eligibility check has something to say about: not counted (ineligible, a bad
/// ledger row, a repeated enrolment) or counted with a warning (over 60 in service, enrolled
/// outside the window).
struct MemberFinding {
  std::size_t member = 0;  ///< index into the MemberTable
  bool counted = false;
  std::string reason;
  std::string rule;  ///< the rule broken, as a clerk reads it: "eligibility.min_age（第一条）"
};

struct RatioResult {
  RatioRules rules;
  std::string project;
  std::vector<UnitRatio> units;  ///< units file order, then ledger-only units by first appearance
  std::vector<MemberFinding> findings;  ///< ledger order
  std::int64_t counted = 0;             ///< members counted (eligible, first enrolment)
  std::int64_t not_counted = 0;

  /// The index into `units` of each region's units in report order: regions by first
  /// appearance, and within a region failing units first, each group in `units` order.
  std::vector<std::size_t> ReportOrder() const;
};

/// A unit fails when the rules have a ratio and it cannot be shown to pass (no base headcount,
/// or below the threshold).
bool Fails(const RatioResult& result, const UnitRatio& unit);

/// Groups the ledger's members by unit and checks every unit. Members failing eligibility (the
/// scheme's own membership check) are listed with the reason and not counted; units missing from
/// either input, and units without the base headcount the rules need, are listed as problems
/// and kept in the result.
RatioResult ComputeRatio(const RuleSet& rules, const MemberTable& members, const UnitTable& units,
                         ProblemList& problems);

}  // namespace huzhu
