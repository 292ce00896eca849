// The score outputs of the data contract: score.xlsx (考核得分 in the target table's order with
// target-vs-actual highlighting, 明细, a native bar chart of target vs actual, 规则, then
// 未对应地区 and 问题) and score.csv.
#pragma once

#include <string>
#include <vector>

#include "engines/score.h"
#include "io/output_dir.h"
#include "records/members.h"
#include "records/problems.h"
#include "reports/common.h"
#include "ruleset/rule_set.h"

namespace huzhu {

void WriteScoreOutputs(OutputStage& stage, const std::vector<const RuleSet*>& rules,
                       const MemberTable& members, const ScoreResult& result,
                       const ProblemList& problems, const std::vector<InputRecord>& inputs);

/// The score.csv header: the contract's columns in order, then ours.
const std::vector<std::string>& ScoreCsvColumns();

}  // namespace huzhu
