// Dispatch to the engine a rule file's blocks select.
#pragma once

#include <vector>

#include "engines/outcome.h"
#include "records/claims.h"
#include "records/members.h"
#include "records/problems.h"
#include "ruleset/rule_set.h"

namespace huzhu {

/// The project a rule set is for.
Project ProjectOf(const RuleSet& rules);

/// Computes every claim under `rules` (results in input order). Throws Error(kRules) when the
/// rule file has no payout block this program knows.
std::vector<ClaimResult> ComputePayouts(const RuleSet& rules, const MemberTable& members,
                                        const ClaimFile& claims, ProblemList& problems,
                                        Trace* trace = nullptr);

}  // namespace huzhu
