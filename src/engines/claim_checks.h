// Checks every scheme makes on a claim, in the data contract's order of precedence: repeated
// claim ids, data errors in the row, membership, and the claim deadline. Each returns true when
// it rejected the claim (the result then carries the reason and a note).
#pragma once

#include <array>
#include <cstdint>
#include <set>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/date.h"
#include "engines/outcome.h"
#include "records/claims.h"
#include "records/members.h"
#include "records/problems.h"
#include "ruleset/rule_set.h"

namespace huzhu {

/// The first row of each claim id (input index), filled as claims are checked in input order.
using FirstRowById = std::unordered_map<std::string, std::uint32_t>;

/// duplicate_claim for a repeat of an earlier claim id (the first occurrence is processed).
bool RejectDuplicate(const ClaimFile& file, std::uint32_t index, FirstRowById& first,
                     ClaimResult& result);

/// invalid_input for a row with a data error found while reading it.
bool RejectInvalidRow(const Claim& claim, ClaimResult& result);

/// invalid_input for a data problem an engine finds (missing dates, disagreeing amounts …): the
/// claim is rejected and the problem listed with the claim's location, so that the run exits 1.
void RejectInvalidClaim(const ClaimFile& file, const Claim& claim, const std::string& error,
                        ClaimResult& result, ProblemList& problems);

/// not_member when the ID is not in the ledger; otherwise sets result.member, warns when the
/// claim's name differs from the ledger's, and returns the member.
const Member* FindMember(const MemberTable& members, const ClaimFile& file, const Claim& claim,
                         ClaimResult& result, ProblemList& problems);

/// How a scheme sets its claim deadline.
struct DeadlineRule {
  std::string rule;  ///< fixed_date | days_after_settlement | none
  Date date;         ///< fixed_date
  std::int64_t days = 0;  ///< days_after_settlement
};

/// Why a member's ledger row cannot be used ("" when it can): its data errors, for the claim's
/// ineligible_member note.
std::string LedgerRowProblem(const Member& member);

/// The [causes] block: what each cause comes to (covered, excluded_cause, fraud,
/// covered_if_settled), read once.
class CauseTable {
 public:
  CauseTable() = default;
  explicit CauseTable(const RuleSet& rules);
  const std::string& Outcome(Cause cause) const { return outcome_[static_cast<std::size_t>(cause)]; }

 private:
  std::array<std::string, 11> outcome_{};
};

/// The claim kinds a rule set covers ([claims] kinds); an unknown kind is a rule-file error.
std::set<ClaimKind> CoveredKinds(const RuleSet& rules);

/// The [deadline] block of a rule set.
DeadlineRule DeadlineFrom(const RuleSet& rules);

/// late_claim when the claim date is past the deadline. `event` is the claim's own date used
/// when there is no settlement date (discharge, diagnosis …). No claim date: not checked.
bool RejectLate(const DeadlineRule& deadline, const Claim& claim, std::optional<Date> event,
                ClaimResult& result);

}  // namespace huzhu
