// The Inner Mongolia women's scheme 馨康 (rules reference §4): diagnosis × treatment benefit
// table, observation period and consolation, highest of several, cover ends after a payment.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "engines/eligibility.h"
#include "engines/outcome.h"
#include "records/claims.h"
#include "records/members.h"
#include "records/problems.h"
#include "ruleset/rule_set.h"

namespace huzhu {

/// The women's membership check (who may join: age, sex, spouses) bound to a women's rule set.
EligibilityCheck WomenEligibility(const RuleSet& rules);

/// Computes every claim under a women's rule set; results in input order (lump_sum column).
std::vector<ClaimResult> ComputeWomenPayouts(const RuleSet& rules, const MemberTable& members,
                                             const ClaimFile& claims, ProblemList& problems,
                                             Trace* trace = nullptr);

}  // namespace huzhu
