// Pieces every report shares: the 规则 sheet (which rule file, its hash, every parameter with its
// article) and the 问题 sheet (input problems with file/sheet/row/column).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "io/xlsx_writer.h"
#include "records/problems.h"
#include "ruleset/rule_set.h"

namespace huzhu {

/// An input file of the run, named with its SHA-256 in the rules sheet and manifests.
struct InputRecord {
  std::string role;  ///< 会员名单, 结算明细 …
  std::string path;
  std::string sha256;
  long long rows = 0;
};

void WriteRulesSheet(XlsxWorkbook& book, const RuleSet& rules,
                     const std::vector<InputRecord>& inputs, const std::string& name = "规则");
void WriteProblemsSheet(XlsxWorkbook& book, const ProblemList& problems);

/// Runs `workbook` (libxlsxwriter and its deflate: the slow part) on a second thread while this
/// one runs `csv`; rethrows the first failure after both have finished.
void WriteInParallel(const std::function<void()>& workbook, const std::function<void()>& csv);

/// A transfer reference prefix for a rule set: IM2026H, HY2021H, WJ2024H, IM2026W.
std::string ReferencePrefix(const RuleSet& rules);

}  // namespace huzhu
