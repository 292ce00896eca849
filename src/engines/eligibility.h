// Who may join a scheme, as one check per rule set: the same check the payout engines apply to a
// claimant, here bound to a rule set so that the participation-ratio check counts exactly the
// members the payout would accept.
#pragma once

#include <functional>
#include <string>

#include "records/members.h"
#include "ruleset/rule_set.h"

namespace huzhu {

/// The outcome of a membership check. `reason` is empty when the member may join; `warning` is a
/// note that does not stop them (an in-service member over 60). `rule` / `warning_rule` name what
/// was broken: a rule key (e.g. eligibility.min_age, whose article the rule set gives) or, for
/// ledger data the data contract governs, a short description.
struct EligibilityVerdict {
  std::string reason, rule;
  std::string warning, warning_rule;
};

using EligibilityCheck = std::function<EligibilityVerdict(const Member&)>;

/// The membership check of the engine the rule set's blocks select (hospital, women's, Wujin,
/// Hengyang).
EligibilityCheck EligibilityFor(const RuleSet& rules);

struct HospitalRules;
/// The membership fields of HospitalRules (period, coverage model, eligibility) of any rule set:
/// enough for MemberIneligibility and MemberCover without the payout blocks.
HospitalRules MembershipRules(const RuleSet& rules);

/// What the data contract says about an unusable ledger row (for EligibilityVerdict::rule).
inline constexpr const char* kLedgerRowRule = "数据约定：会员名单（身份证号、性别等）";

/// A rule as a clerk reads it: "key（article）" for a rule key, else the text itself.
std::string DescribeRule(const RuleSet& rules, const std::string& rule);

}  // namespace huzhu
