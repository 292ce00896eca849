// Wujin District 2024 (rules reference §6): annual cumulative bracket subsidy per member shown as
// per-claim increments, critical illness and work-injury lump sums.
#pragma once

#include <vector>

#include "engines/eligibility.h"
#include "engines/outcome.h"
#include "records/claims.h"
#include "records/members.h"
#include "records/problems.h"
#include "ruleset/rule_set.h"

namespace huzhu {

/// The Wujin membership check (in-service staff with a union service card) bound to a rule set.
EligibilityCheck WujinEligibility(const RuleSet& rules);

/// Computes every claim under the Wujin rule set; results in input order (lump_sum column).
std::vector<ClaimResult> ComputeWujinPayouts(const RuleSet& rules, const MemberTable& members,
                                             const ClaimFile& claims, ProblemList& problems,
                                             Trace* trace = nullptr);

}  // namespace huzhu
