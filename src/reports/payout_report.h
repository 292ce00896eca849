// The payout outputs of the data contract: payouts.xlsx (汇总, 赔付明细, 会员汇总, 规则, 问题),
// payouts.csv and transfers.csv. The summary is computed first (and checked to reconcile to the
// fen), then formatted.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "engines/outcome.h"
#include "io/output_dir.h"
#include "records/claims.h"
#include "records/members.h"
#include "records/problems.h"
#include "reports/common.h"
#include "ruleset/rule_set.h"

namespace huzhu {

/// One member's row of the transfer file (代发).
struct Transfer {
  std::string reference;
  std::int64_t member = -1;
  Money amount;
  std::vector<std::uint32_t> claims;  ///< paid claims with a positive total, input order
};

/// One member's totals over their claims.
struct MemberLine {
  std::int64_t member = -1;
  std::int64_t claims = 0, paid_count = 0, review_count = 0, rejected_count = 0;
  Money paid, review;
  std::int64_t transfer = -1;  ///< index into PayoutSummary::transfers, -1 when none
};

struct PayoutSummary {
  std::int64_t rows_in = 0, paid = 0, review = 0, rejected = 0;
  std::map<std::string, std::int64_t> by_reason;  ///< reason code → count (rejected and review)
  Money medical_subsidy, allowance, top_up, death_benefit, lump_sum, second_subsidy;
  Money paid_total;    ///< sum of paid claims' totals
  Money review_total;  ///< sum of review claims' totals (kept out of the transfers)
  Money claim_total;   ///< sum of all claims' totals = paid_total + review_total
  Money member_total;  ///< sum over members of their paid + review totals
  Money transfer_total;
  std::vector<Transfer> transfers;
  std::vector<MemberLine> members;  ///< members with claims, in order of their first claim
  std::int64_t members_with_claims = 0;
  std::int64_t transfers_without_account = 0;
};

/// Builds the summary and the transfer list; throws std::logic_error if the totals do not
/// reconcile to the fen (claims = members = transfers + review), which would be a bug.
PayoutSummary SummarizePayouts(const RuleSet& rules, const MemberTable& members,
                               const ClaimFile& claims, const std::vector<ClaimResult>& results);

/// Writes payouts.xlsx, payouts.csv and transfers.csv into the stage.
void WritePayoutOutputs(OutputStage& stage, const RuleSet& rules, const MemberTable& members,
                        const ClaimFile& claims, const std::vector<ClaimResult>& results,
                        const PayoutSummary& summary, const ProblemList& problems,
                        const std::vector<InputRecord>& inputs);

/// The payouts.csv header, in the contract's order (more columns follow).
const std::vector<std::string>& PayoutCsvColumns();

}  // namespace huzhu
