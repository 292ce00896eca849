// Hengyang 2021 (rules reference §5): the second subsidy on the burden left after the first,
// cross-period pro-rating, 60-day and final deadlines, the 7,000 review rule.
#pragma once

#include <vector>

#include "engines/outcome.h"
#include "records/claims.h"
#include "records/members.h"
#include "records/problems.h"
#include "ruleset/rule_set.h"

namespace huzhu {

/// Computes every claim under the Hengyang rule set; results in input order (second_subsidy
/// column; the first subsidy when an override file supplies its rates).
std::vector<ClaimResult> ComputeHengyangPayouts(const RuleSet& rules, const MemberTable& members,
                                                const ClaimFile& claims, ProblemList& problems,
                                                Trace* trace = nullptr);

}  // namespace huzhu
