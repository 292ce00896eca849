// huzhu ratio --rules R --members M... --units U... --out DIR
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <future>
#include <iostream>

#include "cli/commands.h"
#include "cli/inputs.h"
#include "core/diagnostics.h"
#include "engines/ratio.h"
#include "io/output_dir.h"
#include "records/units.h"
#include "reports/ratio_report.h"

namespace huzhu::cli {

namespace {

struct RatioOptions {
  std::string rules;
  std::string override_file;
  std::vector<std::string> members;
  std::vector<std::string> units;
  std::string sheet;
  std::string out;
};

int RunRatio(const RatioOptions& opt, const Context& ctx) {
  // Hash the inputs (for the 规则 sheet) on the second core while they are read and checked.
  auto hashing = std::async(std::launch::async, [&opt] {
    std::vector<InputRecord> in = HashInputs("会员名单", opt.members);
    for (InputRecord& u : HashInputs("单位表", opt.units)) in.push_back(std::move(u));
    return in;
  });
  const RuleSet rules = LoadRulesLogged(opt.rules, opt.override_file);
  ProblemList problems;
  const MemberTable members = ReadMembersLogged(opt.members, opt.sheet, rules, problems, ctx);
  auto t0 = std::chrono::steady_clock::now();
  const UnitTable units = ReadUnits(opt.units, opt.sheet, problems);
  spdlog::info(fmt::runtime(Tr("单位表：{} 个单位，{:.2f} 秒", "units: {} units, {:.2f} s")),
               units.units.size(), Seconds(t0));

  t0 = std::chrono::steady_clock::now();
  const RatioResult result = ComputeRatio(rules, members, units, problems);
  const RatioSummary summary = SummarizeRatio(result, members);
  spdlog::info(fmt::runtime(Tr("计算：{:.2f} 秒", "compute: {:.2f} s")), Seconds(t0));

  std::vector<std::string> all_inputs = opt.members;
  all_inputs.insert(all_inputs.end(), opt.units.begin(), opt.units.end());
  t0 = std::chrono::steady_clock::now();
  OutputStage stage(opt.out, all_inputs);
  std::vector<InputRecord> inputs = hashing.get();
  inputs[0].rows = members.rows_read();
  WriteRatioOutputs(stage, rules, members, result, summary, problems, inputs);
  stage.Commit();
  spdlog::info(fmt::runtime(Tr("写出：{:.2f} 秒", "write: {:.2f} s")), Seconds(t0));

  const RegionTotals& t = summary.total;
  std::cout << fmt::format(
      fmt::runtime(Tr("单位 {} 个：达标 {}，未达标或无法检查 {}\n"
                      "计入会员 {} 人（在职 {}，退休 {}，配偶 {}），不符合条件未计入 {} 人\n"
                      "互助金总额 {}（个人 {}，补助 {}）\n",
                      "{} units: {} pass, {} fail or cannot be checked\n"
                      "{} members counted ({} in service, {} retired, {} spouses), {} not counted\n"
                      "premiums {} (personal {}, subsidy {})\n")),
      result.units.size(), summary.units_passing, t.units_failing,
      t.active + t.retired + t.spouse, t.active, t.retired, t.spouse, t.not_counted,
      FormatMoneyGrouped(t.premium), FormatMoneyGrouped(t.personal), FormatMoneyGrouped(t.subsidy));
  return FinishRun(stage.FinalPaths(), problems, "ratio.xlsx");
}

}  // namespace

void RegisterRatio(CLI::App& app, Context& ctx) {
  auto opt = std::make_shared<RatioOptions>();
  CLI::App* cmd = app.add_subcommand(
      "ratio", "检查单位参互比例、会员资格和互助金 (unit participation ratios and premiums)");
  cmd->add_option("--rules", opt->rules, "规则文件路径或编号，如 inner-mongolia/2026/hospital (rules)")
      ->required();
  cmd->add_option("--override", opt->override_file, "覆盖部分参数的本地规则文件 (override file)");
  cmd->add_option("--members", opt->members, "会员名单（可多次给出）(members, repeatable)")->required();
  cmd->add_option("--units", opt->units, "单位表（可多次给出）(units, repeatable)")->required();
  cmd->add_option("--sheet", opt->sheet, "工作表名称 (sheet name)");
  cmd->add_option("--out", opt->out, "输出文件夹 (output folder)")->required();
  cmd->callback([opt, &ctx] { ctx.run = [opt, &ctx] { return RunRatio(*opt, ctx); }; });
}

}  // namespace huzhu::cli
