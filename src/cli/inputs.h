// Steps every data command takes the same way: load the rule set, read the member ledger with a
// progress line and a phase log, and describe the input files (with their SHA-256) for the 规则
// sheet.
#pragma once

#include <string>
#include <vector>

#include "cli/commands.h"
#include "records/members.h"
#include "records/problems.h"
#include "reports/common.h"
#include "ruleset/rule_set.h"

namespace huzhu::cli {

/// Loads `rules` (a path or scheme/year/project id) with an optional override file, and logs it.
RuleSet LoadRulesLogged(const std::string& rules, const std::string& override_file);

/// Reads the member files for the rule set's project (or, with `all_projects`, every project's
/// rows), with progress on a terminal.
MemberTable ReadMembersLogged(const std::vector<std::string>& files, const std::string& sheet,
                              const RuleSet& rules, ProblemList& problems, const Context& ctx,
                              bool all_projects = false);

/// Prints the final paths and, when the inputs had errors, where they are listed; returns the
/// exit code (0, or 1 when input rows were invalid: data contract).
int FinishRun(const std::vector<std::string>& final_paths, const ProblemList& problems,
              const std::string& workbook);

/// One InputRecord per file, hashed; `rows` is filled in by the caller where it is known.
std::vector<InputRecord> HashInputs(const std::string& role, const std::vector<std::string>& files);

}  // namespace huzhu::cli
