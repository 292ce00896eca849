// The ratio outputs of the data contract: ratio.xlsx (单位检查, 参互单位台账, 年度参互汇总表,
// 资格问题, 规则, then 问题 with the input problems) and ratio.csv. Totals per region are computed
// first and checked to reconcile with the unit rows and the ledger, then formatted.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engines/ratio.h"
#include "io/output_dir.h"
#include "records/members.h"
#include "records/problems.h"
#include "reports/common.h"
#include "ruleset/rule_set.h"

namespace huzhu {

/// One region's line of the 年度参互汇总表 (attachment 1-3), plus the premium split.
struct RegionTotals {
  std::string region;
  std::int64_t units = 0;         ///< units with at least one counted member (参互单位数)
  std::int64_t units_failing = 0; ///< units that fail (or cannot be shown to pass) the ratio
  std::int64_t renewed = 0, new_members = 0;
  std::int64_t active = 0, retired = 0, spouse = 0;
  std::int64_t not_counted = 0;
  std::int64_t base = 0;  ///< sum of the units' base headcounts (units with one)
  Money premium, personal, subsidy;
};

struct RatioSummary {
  std::vector<RegionTotals> regions;  ///< by first appearance, as RatioResult::ReportOrder
  RegionTotals total;                 ///< region = 合计
  std::int64_t units_checked = 0, units_passing = 0;
};

/// Sums the units per region. Throws std::logic_error if the members counted and not counted do
/// not add up to the ledger's rows of this project, or the premium totals disagree between the
/// units, the regions and the grand total (which would be a bug).
RatioSummary SummarizeRatio(const RatioResult& result, const MemberTable& members);

/// Writes ratio.xlsx and ratio.csv into the stage.
void WriteRatioOutputs(OutputStage& stage, const RuleSet& rules, const MemberTable& members,
                       const RatioResult& result, const RatioSummary& summary,
                       const ProblemList& problems, const std::vector<InputRecord>& inputs);

/// The ratio.csv header: the contract's columns in order, then ours.
const std::vector<std::string>& RatioCsvColumns();

}  // namespace huzhu
