// huzhu score --rules R --members M... [--targets T...] [--manual S] --out DIR
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <future>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/inputs.h"
#include "core/diagnostics.h"
#include "engines/payout.h"
#include "engines/score.h"
#include "io/output_dir.h"
#include "records/targets.h"
#include "reports/score_report.h"
#include "ruleset/rule_loader.h"

namespace huzhu::cli {

namespace {

struct ScoreOptions {
  std::string rules;
  std::string override_file;
  std::vector<std::string> members;
  std::vector<std::string> targets;
  std::vector<std::string> manual;
  std::string sheet;
  std::string out;
};

/// The official tables of the rule set's scheme year: rules/<scheme>/targets/<year>-*.csv.
std::vector<std::string> DefaultTargets(const RuleSet& rules) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(RulesDirectory()) / rules.scheme / "targets";
  const std::string prefix = std::to_string(rules.year) + "-";
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) == 0 && entry.path().extension() == ".csv") {
      files.push_back(entry.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  // Hospital before women's: the workbook's column order.
  std::stable_sort(files.begin(), files.end(), [](const std::string& a, const std::string& b) {
    return a.find("hospital") != std::string::npos && b.find("hospital") == std::string::npos;
  });
  if (files.empty()) {
    throw Error(ErrorKind::kUsage, Location(dir.string()),
                Tr(rules.id + " 没有随规则提供的目标表，请用 --targets 指定",
                   "no target table ships for " + rules.id + ": give --targets"));
  }
  return files;
}

int RunScore(const ScoreOptions& opt, const Context& ctx) {
  const RuleSet rules = LoadRulesLogged(opt.rules, opt.override_file);
  ProblemList problems;
  const std::vector<std::string> target_files =
      opt.targets.empty() ? DefaultTargets(rules) : opt.targets;
  // Hash the inputs (for the 规则 sheet) on the second core while they are read and scored.
  auto hashing = std::async(std::launch::async, [&opt, &target_files] {
    std::vector<InputRecord> in = HashInputs("会员名单", opt.members);
    for (InputRecord& t : HashInputs("目标表", target_files)) in.push_back(std::move(t));
    for (InputRecord& m : HashInputs("人工评分", opt.manual)) in.push_back(std::move(m));
    return in;
  });
  const TargetTable targets = ReadTargets(target_files, opt.sheet, problems);
  if (targets.targets.empty()) {
    throw Error(ErrorKind::kInput, Location(target_files.front()),
                Tr("目标表中没有可用的目标行", "the target table has no usable row"));
  }
  // Each project with targets counts its members under its own rule set (§8).
  std::vector<std::unique_ptr<RuleSet>> loaded;
  std::map<Project, const RuleSet*> project_rules;
  std::vector<const RuleSet*> used{&rules};
  for (const Target& t : targets.targets) {
    if (project_rules.count(t.project) != 0) continue;
    if (t.project == ProjectOf(rules)) {
      project_rules[t.project] = &rules;
      continue;
    }
    const std::string id = rules.scheme + "/" + std::to_string(rules.year) + "/" +
                           (t.project == Project::kWomen ? "women" : "hospital");
    loaded.push_back(std::make_unique<RuleSet>(LoadRuleSet(id)));
    project_rules[t.project] = loaded.back().get();
    used.push_back(loaded.back().get());
  }
  const MemberTable members =
      ReadMembersLogged(opt.members, opt.sheet, rules, problems, ctx, /*all_projects=*/true);
  std::optional<ManualScoreTable> manual;
  if (!opt.manual.empty()) manual = ReadManualScores(opt.manual, opt.sheet, problems);

  auto t0 = std::chrono::steady_clock::now();
  const ScoreResult result = ComputeScore(ScoreRulesFrom(rules), project_rules, members, targets,
                                          manual ? &*manual : nullptr, problems);
  spdlog::info(fmt::runtime(Tr("计算：{:.2f} 秒", "compute: {:.2f} s")), Seconds(t0));

  std::vector<InputRecord> inputs = hashing.get();
  inputs[0].rows = members.rows_read();

  std::vector<std::string> all_inputs = opt.members;
  all_inputs.insert(all_inputs.end(), opt.targets.begin(), opt.targets.end());
  all_inputs.insert(all_inputs.end(), opt.manual.begin(), opt.manual.end());
  t0 = std::chrono::steady_clock::now();
  OutputStage stage(opt.out, all_inputs);
  WriteScoreOutputs(stage, used, members, result, problems, inputs);
  stage.Commit();
  spdlog::info(fmt::runtime(Tr("写出：{:.2f} 秒", "write: {:.2f} s")), Seconds(t0));

  std::int64_t met = 0;
  for (const RegionScore& r : result.regions) {
    met += std::all_of(r.projects.begin(), r.projects.end(),
                       [](const ProjectLine& l) { return l.score.met(); });
  }
  std::cout << fmt::format(fmt::runtime(Tr("地区 {} 个：全部项目完成目标 {} 个\n",
                                           "{} regions: {} met every project's target\n")),
                           result.regions.size(), met);
  for (const Project p : result.projects) {
    std::cout << fmt::format(
        fmt::runtime(Tr("{}：计入 {} 人，不符合条件或重复 {} 人\n",
                        "{}: {} members counted, {} ineligible or repeated\n")),
        p == Project::kWomen ? Tr("女性馨康", "women") : Tr("住院医疗", "hospital"),
        result.counted.count(p) ? result.counted.at(p) : 0,
        result.not_counted.count(p) ? result.not_counted.at(p) : 0);
  }
  if (!result.unmatched.empty()) {
    std::cout << fmt::format(fmt::runtime(Tr("{} 个所属地区不在目标表中，见“未对应地区”表\n",
                                             "{} ledger regions match no target row: see 未对应地区\n")),
                             result.unmatched.size());
  }
  return FinishRun(stage.FinalPaths(), problems, "score.xlsx");
}

}  // namespace

void RegisterScore(CLI::App& app, Context& ctx) {
  auto opt = std::make_shared<ScoreOptions>();
  CLI::App* cmd = app.add_subcommand(
      "score", "各地区目标完成情况考核评分 (regional target-vs-actual scoring)");
  cmd->add_option("--rules", opt->rules, "规则文件路径或编号，如 inner-mongolia/2024/hospital (rules)")
      ->required();
  cmd->add_option("--override", opt->override_file, "覆盖部分参数的本地规则文件 (override file)");
  cmd->add_option("--members", opt->members, "会员名单（可多次给出）(members, repeatable)")->required();
  cmd->add_option("--targets", opt->targets,
                  "目标表（默认：随规则提供的本年度目标表）(targets; default: the shipped tables)");
  cmd->add_option("--manual", opt->manual, "其余四项人工评分 (manual scores)");
  cmd->add_option("--sheet", opt->sheet, "工作表名称 (sheet name)");
  cmd->add_option("--out", opt->out, "输出文件夹 (output folder)")->required();
  cmd->callback([opt, &ctx] { ctx.run = [opt, &ctx] { return RunScore(*opt, ctx); }; });
}

}  // namespace huzhu::cli
