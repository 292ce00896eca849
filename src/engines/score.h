// Regional target-vs-actual scoring (rules reference §8; the formula of 000 attachment 4): actual
// enrolment per region and project against the official targets, the completion points with
// their per-project steps and the clamped sum, the manual items, the total out of 10. Integer
// arithmetic only: points are held in tenths.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/money.h"
#include "records/members.h"
#include "records/problems.h"
#include "records/targets.h"
#include "ruleset/rule_set.h"

namespace huzhu {

/// The [score] block, read once. `present` is false for a scheme with no scoring formula
/// (Wujin): targets, actuals and completion are still shown, points are not.
struct ScoreRules {
  bool present = false;
  std::int64_t met_tenths = 40;          ///< every project's target met: 4 points
  std::int64_t short_step_percent = 1;   ///< each 1% (or part) short …
  std::int64_t short_step_tenths = 1;    ///< … takes 0.1 point
  std::int64_t over_step_percent = 2;    ///< each 2% (or part) over …
  std::int64_t over_step_tenths = 1;     ///< … adds 0.1 point
  std::int64_t max_adjustment_tenths = 20;  ///< the summed adjustment is clamped to ±2
  std::int64_t manual_item_max_tenths = 10; ///< each of the four other items: up to 1 point
  std::optional<Rate> renewal_rate_min;     ///< 2021: 续会率 ≥ 95%, shown beside the score
};

ScoreRules ScoreRulesFrom(const RuleSet& rules);

/// One project's line of a region.
struct ProjectScore {
  std::int64_t target = 0, actual = 0;
  /// actual × 10000 ÷ target truncated (9875 = 98.75%): never shows 100.00 while short.
  std::int64_t completion_hundredths = 0;
  /// Short: ceil((target − actual) × 100 ÷ (short_step_percent × target)); over:
  /// ceil((actual − target) × 100 ÷ (over_step_percent × target)); 0 at the target.
  std::int64_t steps = 0;
  std::int64_t adjustment_tenths = 0;  ///< signed, unclamped
  bool met() const { return actual >= target; }
};

/// The formula for one project (target > 0, actual ≥ 0).
ProjectScore ScoreProject(const ScoreRules& rules, std::int64_t target, std::int64_t actual);

/// The region's completion points from its projects' adjustments: met_tenths + the sum clamped
/// to ±max_adjustment_tenths.
std::int64_t CompletionTenths(const ScoreRules& rules, const std::vector<std::int64_t>& adjustments);

struct ProjectLine {
  Project project = Project::kHospital;
  const Target* target = nullptr;
  ProjectScore score;
  std::int64_t renewed = 0;                         ///< counted members enrolled as 续互
  std::optional<std::int64_t> renewal_hundredths;   ///< renewed ÷ last_year, when given
  std::optional<bool> renewal_pass;
};

struct RegionScore {
  std::string region;               ///< as the (first) target table names it
  std::vector<ProjectLine> projects;  ///< hospital before women
  std::int64_t adjustment_sum_tenths = 0;  ///< unclamped
  std::int64_t completion_tenths = 0;
  std::optional<std::int64_t> manual_tenths;  ///< when a manual-scores file was given
  std::array<std::optional<std::int64_t>, 4> manual_items;  ///< 组织领导, 申领审核, 日常管理, 新闻宣传
  std::int64_t total_tenths = 0;
};

/// Members whose region matches no target row of their project: listed, not dropped.
struct UnmatchedRegion {
  std::string region;
  Project project = Project::kHospital;
  std::int64_t members = 0;
  std::size_t first_member = 0;  ///< index into the MemberTable
};

struct ScoreResult {
  ScoreRules rules;
  std::vector<Project> projects;     ///< projects with targets, hospital first
  std::vector<RegionScore> regions;  ///< the target table's order
  std::vector<UnmatchedRegion> unmatched;
  std::map<Project, std::int64_t> counted, not_counted;  ///< per project: eligible / not
  std::int64_t other_projects = 0;  ///< ledger rows of a project without targets
};

/// Counts the eligible members of each project (each project under its own rule set, first
/// enrolment of an ID only) per region, rolls sub-regions up, and scores every target row.
/// `project_rules` holds the rule set of every project in `targets`.
ScoreResult ComputeScore(const ScoreRules& rules, const std::map<Project, const RuleSet*>& project_rules,
                         const MemberTable& members, const TargetTable& targets,
                         const ManualScoreTable* manual, ProblemList& problems);

}  // namespace huzhu
