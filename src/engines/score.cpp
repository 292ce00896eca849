#include "engines/score.h"

#include <algorithm>
#include <stdexcept>
#include <unordered_map>

#include "core/diagnostics.h"
#include "engines/eligibility.h"

namespace huzhu {

namespace {

__extension__ typedef __int128 Int128;

/// ceil(a ÷ b) for a ≥ 0, b > 0.
std::int64_t CeilDiv(Int128 a, Int128 b) {
  const Int128 q = (a + b - 1) / b;
  if (q > INT64_MAX) throw std::overflow_error("score arithmetic overflow");
  return static_cast<std::int64_t>(q);
}

const char* ProjectNameZh(Project p) { return p == Project::kWomen ? "女性馨康" : "住院医疗"; }

}  // namespace

ScoreRules ScoreRulesFrom(const RuleSet& r) {
  ScoreRules s;
  if (!r.HasSection("score")) return s;
  s.present = true;
  s.met_tenths = r.GetInt("score.target_met_points") * 10;
  s.short_step_percent = r.GetInt("score.short_step_percent");
  s.short_step_tenths = r.GetInt("score.short_step_tenths");
  s.over_step_percent = r.GetInt("score.over_step_percent");
  s.over_step_tenths = r.GetInt("score.over_step_tenths");
  s.max_adjustment_tenths = r.GetInt("score.max_adjustment_tenths");
  s.manual_item_max_tenths = r.GetInt("score.manual_item_max_tenths");
  if (r.Has("score.renewal_rate_min")) s.renewal_rate_min = r.GetRate("score.renewal_rate_min");
  return s;
}

ProjectScore ScoreProject(const ScoreRules& rules, std::int64_t target, std::int64_t actual) {
  if (target <= 0 || actual < 0) throw std::invalid_argument("score: target > 0, actual ≥ 0");
  ProjectScore p;
  p.target = target;
  p.actual = actual;
  const Int128 completion = Int128{actual} * 10000 / target;
  if (completion > INT64_MAX) throw std::overflow_error("score arithmetic overflow");
  p.completion_hundredths = static_cast<std::int64_t>(completion);
  if (!rules.present) return p;
  if (actual < target) {
    // "每减少1%(不足1%视为1%)": the shortfall in whole steps of 1% of the target, rounded up.
    p.steps = CeilDiv(Int128{target - actual} * 100, Int128{rules.short_step_percent} * target);
    p.adjustment_tenths = -p.steps * rules.short_step_tenths;
  } else if (actual > target) {
    // "每增长2%(不足2%视为2%)".
    p.steps = CeilDiv(Int128{actual - target} * 100, Int128{rules.over_step_percent} * target);
    p.adjustment_tenths = p.steps * rules.over_step_tenths;
  }
  return p;
}

std::int64_t CompletionTenths(const ScoreRules& rules, const std::vector<std::int64_t>& adjustments) {
  std::int64_t sum = 0;
  for (const std::int64_t a : adjustments) sum += a;
  return rules.met_tenths +
         std::clamp(sum, -rules.max_adjustment_tenths, rules.max_adjustment_tenths);
}

ScoreResult ComputeScore(const ScoreRules& rules,
                         const std::map<Project, const RuleSet*>& project_rules,
                         const MemberTable& members, const TargetTable& targets,
                         const ManualScoreTable* manual, ProblemList& problems) {
  ScoreResult result;
  result.rules = rules;
  for (const Project p : {Project::kHospital, Project::kWomen}) {
    const bool has = std::any_of(targets.targets.begin(), targets.targets.end(),
                                 [p](const Target& t) { return t.project == p; });
    if (has) result.projects.push_back(p);
  }

  // Which target row of each project a region key counts toward: its own row, or the row that
  // includes it as a sub-region.
  struct Slot {
    std::int64_t actual = 0, renewed = 0;
  };
  std::map<Project, std::unordered_map<std::string, std::size_t>> row_of;  // key → targets index
  std::vector<Slot> slots(targets.targets.size());
  for (std::size_t i = 0; i < targets.targets.size(); ++i) {
    const Target& t = targets.targets[i];
    auto& keys = row_of[t.project];
    keys.emplace(RegionKey(t.region), i);
  }
  for (std::size_t i = 0; i < targets.targets.size(); ++i) {
    const Target& t = targets.targets[i];
    auto& keys = row_of[t.project];
    for (const std::string& sub : t.includes) {
      const auto [it, added] = keys.emplace(RegionKey(sub), i);
      if (!added && it->second != i) {
        problems.Error(targets.Where(t),
                       Tr("包含地区“" + sub + "”已是本项目另一行的地区，未重复计入",
                          "sub-region '" + sub + "' is already another row of this project"));
      }
    }
  }

  std::map<Project, EligibilityCheck> checks;
  for (const Project p : result.projects) checks.emplace(p, EligibilityFor(*project_rules.at(p)));

  std::map<std::pair<Project, std::string>, std::size_t> unmatched_index;
  for (std::size_t i = 0; i < members.size(); ++i) {
    const Member& m = members.at(i);
    const auto check = checks.find(m.project);
    if (check == checks.end()) {
      ++result.other_projects;
      continue;
    }
    // One share per person per project and period: a repeated row is not counted again.
    const std::int64_t first = members.Find(m.id, m.project);
    if ((first >= 0 && first != static_cast<std::int64_t>(i)) ||
        !check->second(m).reason.empty()) {
      ++result.not_counted[m.project];
      continue;
    }
    ++result.counted[m.project];
    const std::string key = RegionKey(m.region);
    const auto& keys = row_of[m.project];
    const auto row = keys.find(key);
    if (row == keys.end()) {
      const auto [it, added] =
          unmatched_index.try_emplace({m.project, key}, result.unmatched.size());
      if (added) result.unmatched.push_back(UnmatchedRegion{std::string(m.region), m.project, 0, i});
      ++result.unmatched[it->second].members;
      continue;
    }
    ++slots[row->second].actual;
    if (m.enrolment == EnrolmentType::kRenewed) ++slots[row->second].renewed;
  }
  for (const UnmatchedRegion& u : result.unmatched) {
    problems.Warning(members.Where(members.at(u.first_member)),
                     Tr(std::string(ProjectNameZh(u.project)) + "会员所属地区“" + u.region +
                            "”不在目标表中（共 " + std::to_string(u.members) +
                            " 人），未计入任何地区的完成数，见“未对应地区”表",
                        std::string(ProjectCode(u.project)) + " members of region '" + u.region +
                            "' match no target row (" + std::to_string(u.members) +
                            "): counted toward no region, see 未对应地区"));
  }

  // Regions in the order of the target table (first appearance of their key).
  std::unordered_map<std::string, std::size_t> region_index;
  for (std::size_t i = 0; i < targets.targets.size(); ++i) {
    const Target& t = targets.targets[i];
    const auto [it, added] = region_index.try_emplace(RegionKey(t.region), result.regions.size());
    if (added) {
      result.regions.emplace_back();
      result.regions.back().region = t.region;
    }
    ProjectLine line;
    line.project = t.project;
    line.target = &t;
    line.score = ScoreProject(rules, t.target, slots[i].actual);
    line.renewed = slots[i].renewed;
    if (t.last_year && *t.last_year > 0) {
      line.renewal_hundredths =
          static_cast<std::int64_t>(Int128{slots[i].renewed} * 10000 / *t.last_year);
      if (rules.renewal_rate_min) {
        line.renewal_pass = Int128{slots[i].renewed} * 1000000 >=
                            Int128{rules.renewal_rate_min->millionths()} * *t.last_year;
      }
    }
    result.regions[it->second].projects.push_back(line);
  }

  std::unordered_map<std::string, const ManualScore*> manual_of;
  if (manual != nullptr) {
    for (const ManualScore& s : manual->scores) {
      const std::string key = RegionKey(s.region);
      if (region_index.count(key) == 0) {
        problems.Warning(manual->Where(s),
                         Tr("人工评分的地区“" + s.region + "”不在目标表中，未使用",
                            "manual scores for region '" + s.region + "' match no target row: not used"));
        continue;
      }
      manual_of.emplace(key, &s);
    }
  }
  for (RegionScore& r : result.regions) {
    std::stable_sort(r.projects.begin(), r.projects.end(),
                     [](const ProjectLine& a, const ProjectLine& b) { return a.project < b.project; });
    std::vector<std::int64_t> adjustments;
    for (const ProjectLine& p : r.projects) {
      adjustments.push_back(p.score.adjustment_tenths);
      r.adjustment_sum_tenths += p.score.adjustment_tenths;
    }
    r.completion_tenths = rules.present ? CompletionTenths(rules, adjustments) : 0;
    if (manual != nullptr) {
      const auto it = manual_of.find(RegionKey(r.region));
      std::int64_t sum = 0;
      if (it == manual_of.end()) {
        problems.Warning(Location(manual->files.empty() ? "" : manual->files[0].path),
                         Tr("人工评分中没有地区“" + r.region + "”，其四项按 0 分计",
                            "no manual scores for region '" + r.region + "': the four items count 0"));
      } else {
        for (std::size_t k = 0; k < 4; ++k) {
          const auto& item = it->second->tenths[k];
          if (!item) continue;
          r.manual_items[k] = std::min(*item, rules.manual_item_max_tenths);
          sum += *r.manual_items[k];
        }
      }
      r.manual_tenths = sum;
    }
    r.total_tenths = r.completion_tenths + r.manual_tenths.value_or(0);
  }
  return result;
}

}  // namespace huzhu
