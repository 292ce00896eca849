#include "cli/inputs.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <iostream>

#include "core/diagnostics.h"
#include "core/sha256.h"
#include "engines/payout.h"
#include "ruleset/rule_loader.h"

namespace huzhu::cli {

RuleSet LoadRulesLogged(const std::string& rules, const std::string& override_file) {
  RuleSet r = LoadRuleSet(rules, override_file);
  spdlog::info("{}{}（{}）", Tr("规则：", "rules: "), r.id, r.path);
  return r;
}

MemberTable ReadMembersLogged(const std::vector<std::string>& files, const std::string& sheet,
                              const RuleSet& rules, ProblemList& problems, const Context& ctx,
                              bool all_projects) {
  const auto t0 = std::chrono::steady_clock::now();
  MemberTable members;
  {
    Progress progress(Tr("读取会员名单", "reading members"), ctx.log.quiet);
    members = ReadMembers(files, sheet, ProjectOf(rules), all_projects, problems,
                          [&](std::uint64_t d, std::uint64_t t) { progress.Update(d, t); });
  }
  spdlog::info(fmt::runtime(all_projects ? Tr("会员名单：{} 行（各项目共 {} 人），{:.2f} 秒",
                                              "members: {} rows ({} in all projects), {:.2f} s")
                                         : Tr("会员名单：{} 行（本项目 {} 人），{:.2f} 秒",
                                              "members: {} rows ({} in this project), {:.2f} s")),
               members.rows_read(), members.size(), Seconds(t0));
  return members;
}

int FinishRun(const std::vector<std::string>& final_paths, const ProblemList& problems,
              const std::string& workbook) {
  for (const std::string& p : final_paths) std::cout << "  " << p << "\n";
  if (problems.errors() == 0) return kExitOk;
  std::cout << fmt::format(
      fmt::runtime(Tr("输入中有 {} 个错误、{} 个警告，见 {} 的“问题”表\n",
                      "{} input errors and {} warnings: see the 问题 sheet of {}\n")),
      problems.errors(), problems.warnings(), workbook);
  return kExitInvalidRows;
}

std::vector<InputRecord> HashInputs(const std::string& role, const std::vector<std::string>& files) {
  std::vector<InputRecord> out;
  for (const std::string& p : files) out.push_back(InputRecord{role, p, Sha256File(p), 0});
  return out;
}

}  // namespace huzhu::cli
