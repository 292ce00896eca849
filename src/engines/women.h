// The Inner Mongolia women's scheme 馨康 (rules reference §4): diagnosis × treatment benefit
// table, observation period and consolation, highest of several, cover ends after a payment.
#pragma once

#include <vector>

#include "engines/outcome.h"
#include "records/claims.h"
#include "records/members.h"
#include "records/problems.h"
#include "ruleset/rule_set.h"

namespace huzhu {

/// Computes every claim under a women's rule set; results in input order (lump_sum column).
std::vector<ClaimResult> ComputeWomenPayouts(const RuleSet& rules, const MemberTable& members,
                                             const ClaimFile& claims, ProblemList& problems,
                                             Trace* trace = nullptr);

}  // namespace huzhu
