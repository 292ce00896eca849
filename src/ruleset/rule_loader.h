// Loading rule files (TOML, via toml++) into a validated RuleSet. Strict: unknown keys, missing
// parameters, parameters without their article, unsorted or overlapping segments, percentages out
// of range and dates out of order are errors naming file:line:col and the dotted key.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ruleset/rule_set.h"

namespace huzhu {

/// Parses and validates a base rule file given as text (tests feed strings; `path` names it in
/// messages). Throws Error(kRules).
RuleSet ParseRuleSet(std::string_view text, const std::string& path);

/// Applies an override file (same format; any subset of sections and parameters; `base = "<id>"`
/// must name the rule set when given) and validates the result again. Throws Error(kRules).
void ApplyOverride(RuleSet& rules, std::string_view text, const std::string& path);

/// Loads `path_or_id` (a file path, or an id such as inner-mongolia/2026/hospital) and optionally
/// an override file; records paths and SHA-256 of both. Throws Error(kRules) or Error(kInput).
RuleSet LoadRuleSet(const std::string& path_or_id, const std::string& override_path = "");

/// Where the shipped rule files are: $HUZHU_RULES_DIR, else rules/ beside or above the binary,
/// else ./rules, else the source tree's rules/.
std::string RulesDirectory();

/// A path for an id ("inner-mongolia/2026/hospital" → RulesDirectory()/inner-mongolia/2026-hospital.toml);
/// a string naming an existing file is returned as is.
std::string ResolveRulesPath(const std::string& path_or_id);

struct RuleFileEntry {
  std::string id, scheme, project, title, notice, path;
  int year = 0;
};
/// Every rule file under `dir`, sorted by id. Files that fail to load throw.
std::vector<RuleFileEntry> ListRuleFiles(const std::string& dir);

}  // namespace huzhu
