// huzhu payout --rules R --members M... --claims C... --out DIR
// huzhu explain --rules R --members M... --claims C... --claim ID
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <future>
#include <iostream>

#include "cli/commands.h"
#include "cli/inputs.h"
#include "core/diagnostics.h"
#include "core/text.h"
#include "engines/payout.h"
#include "io/output_dir.h"
#include "reports/payout_report.h"

namespace huzhu::cli {

namespace {

struct PayoutOptions {
  std::string rules;
  std::string override_file;
  std::vector<std::string> members;
  std::vector<std::string> claims;
  std::string sheet;
  std::string out;
  std::string claim;  // explain
};

struct Loaded {
  RuleSet rules;
  ProblemList problems;
  MemberTable members;
  ClaimFile claims;
};

Loaded Load(const PayoutOptions& opt, const Context& ctx) {
  Loaded l;
  l.rules = LoadRulesLogged(opt.rules, opt.override_file);
  // The claims are read on the second core while the members are read on this one, each into its
  // own problem list; the lists are joined in the order the inputs are named (members first).
  // Not when an input is .xls: its reader forks a child, which must not inherit a lock that the
  // other reading thread happens to hold (then both are read in turn, on this thread).
  const auto is_xls = [](const std::string& path) {
    return AsciiLower(std::filesystem::path(path).extension().string()) == ".xls";
  };
  const bool any_xls = std::any_of(opt.members.begin(), opt.members.end(), is_xls) ||
                       std::any_of(opt.claims.begin(), opt.claims.end(), is_xls);
  ProblemList claim_problems;
  std::chrono::steady_clock::duration claim_time{};
  const auto policy = any_xls ? std::launch::deferred : std::launch::async;
  auto claims = std::async(policy, [&opt, &claim_problems, &claim_time] {
    const auto t0 = std::chrono::steady_clock::now();
    ClaimFile file = ReadClaims(opt.claims, opt.sheet, claim_problems);
    claim_time = std::chrono::steady_clock::now() - t0;
    return file;
  });
  l.members = ReadMembersLogged(opt.members, opt.sheet, l.rules, l.problems, ctx);
  l.claims = claims.get();
  l.problems.Append(std::move(claim_problems));
  spdlog::info(fmt::runtime(Tr("结算明细：{} 行，{:.2f} 秒（与会员名单同时读取）",
                               "claims: {} rows, {:.2f} s (read alongside the members)")),
               l.claims.claims.size(),
               std::chrono::duration_cast<std::chrono::milliseconds>(claim_time).count() / 1000.0);
  return l;
}

std::vector<InputRecord> HashPayoutInputs(const PayoutOptions& opt) {
  std::vector<InputRecord> inputs = HashInputs("会员名单", opt.members);
  for (InputRecord& in : HashInputs("结算明细", opt.claims)) inputs.push_back(std::move(in));
  return inputs;
}

// The row counts of the 规则 sheet's input lines (members: all files together on the first).
void CountInputRows(std::vector<InputRecord>& inputs, const Loaded& l) {
  inputs[0].rows = l.members.rows_read();
  std::vector<long long> per_file(l.claims.files.size(), 0);
  for (const Claim& c : l.claims.claims) ++per_file[c.file];
  for (InputRecord& in : inputs) {
    if (in.role != "结算明细") continue;
    for (std::size_t f = 0; f < l.claims.files.size(); ++f) {
      if (l.claims.files[f].path == in.path) in.rows += per_file[f];
    }
  }
}

int RunPayout(const PayoutOptions& opt, const Context& ctx) {
  // The inputs' hashes (for the 规则 sheet) are computed on the second core while the payouts
  // are: reading keeps both cores busy (members here, claims and the read-ahead there), the
  // computation only this one.
  Loaded l = Load(opt, ctx);
  auto hashing = std::async(std::launch::async, [&opt] { return HashPayoutInputs(opt); });
  auto t0 = std::chrono::steady_clock::now();
  const std::vector<ClaimResult> results = ComputePayouts(l.rules, l.members, l.claims, l.problems);
  const PayoutSummary summary = SummarizePayouts(l.rules, l.members, l.claims, results);
  spdlog::info(fmt::runtime(Tr("计算：{:.2f} 秒", "compute: {:.2f} s")), Seconds(t0));

  std::vector<std::string> all_inputs = opt.members;
  all_inputs.insert(all_inputs.end(), opt.claims.begin(), opt.claims.end());
  t0 = std::chrono::steady_clock::now();
  OutputStage stage(opt.out, all_inputs);
  std::vector<InputRecord> inputs = hashing.get();
  CountInputRows(inputs, l);
  WritePayoutOutputs(stage, l.rules, l.members, l.claims, results, summary, l.problems, inputs);
  stage.Commit();
  spdlog::info(fmt::runtime(Tr("写出：{:.2f} 秒", "write: {:.2f} s")), Seconds(t0));

  std::cout << fmt::format(
      fmt::runtime(Tr("申领 {} 行：已赔付 {}，待复核 {}，拒付 {}\n"
                      "赔付金额 {}（代发 {} 笔），待复核金额 {}\n",
                      "{} claim rows: {} paid, {} review, {} rejected\n"
                      "paid {} ({} transfers), under review {}\n")),
      summary.rows_in, summary.paid, summary.review, summary.rejected,
      FormatMoneyGrouped(summary.paid_total), summary.transfers.size(),
      FormatMoneyGrouped(summary.review_total));
  return FinishRun(stage.FinalPaths(), l.problems, "payouts.xlsx");
}

int RunExplain(const PayoutOptions& opt, const Context& ctx) {
  Loaded l = Load(opt, ctx);
  Trace trace;
  trace.claim_id = opt.claim;
  const std::vector<ClaimResult> results = ComputePayouts(l.rules, l.members, l.claims, l.problems, &trace);
  bool found = false;
  for (std::size_t i = 0; i < results.size(); ++i) {
    const Claim& c = l.claims.claims[i];
    if (c.claim_id != opt.claim) continue;
    const ClaimResult& r = results[i];
    std::cout << fmt::format(fmt::runtime(Tr("申领 {}（{}）\n", "claim {} ({})\n")), c.claim_id,
                             FormatLocation(l.claims.Where(c)));
    std::cout << Tr("规则：", "rules: ") << l.rules.id << "（" << l.rules.path << "）\n";
    if (!found) {
      for (const TraceStep& s : trace.steps) {
        std::cout << fmt::format("  {}：{}", s.what, s.value);
        if (!s.key.empty() || !s.source.empty()) {
          std::cout << fmt::format("    [{}；{}]", s.key, s.source);
        }
        std::cout << "\n";
      }
    }
    std::cout << fmt::format(fmt::runtime(Tr("结果：{}{}{}\n", "result: {}{}{}\n")), StatusName(r.status),
                             r.reason == Reason::kNone ? "" : std::string("（") + ReasonCode(r.reason) + " " + ReasonName(r.reason) + "）",
                             "");
    std::cout << fmt::format(
        fmt::runtime(Tr("  医疗补助 {}，住院补贴 {}，补足 {}，身故补助金 {}，一次性补助 {}，二次补助 {}，合计 {}\n",
                        "  medical {}, allowance {}, top-up {}, death {}, lump sum {}, second {}, total {}\n")),
        FormatMoneyGrouped(r.medical_subsidy), FormatMoneyGrouped(r.allowance),
        FormatMoneyGrouped(r.top_up), FormatMoneyGrouped(r.death_benefit),
        FormatMoneyGrouped(r.lump_sum), FormatMoneyGrouped(r.second_subsidy),
        FormatMoneyGrouped(r.total()));
    if (!r.note.empty()) std::cout << Tr("  说明：", "  note: ") << r.note << "\n";
    found = true;
  }
  if (!found) {
    throw Error(ErrorKind::kUsage, Location(),
                Tr("结算明细中没有申领编号 " + opt.claim, "no claim " + opt.claim + " in the claims"));
  }
  return kExitOk;
}

void AddInputOptions(CLI::App* cmd, PayoutOptions& opt) {
  cmd->add_option("--rules", opt.rules, "规则文件路径或编号，如 inner-mongolia/2026/hospital (rules)")
      ->required();
  cmd->add_option("--override", opt.override_file, "覆盖部分参数的本地规则文件 (override file)");
  cmd->add_option("--members", opt.members, "会员名单（可多次给出）(members, repeatable)")->required();
  cmd->add_option("--claims", opt.claims, "结算明细（可多次给出）(claims, repeatable)")->required();
  cmd->add_option("--sheet", opt.sheet, "工作表名称 (sheet name)");
}

}  // namespace

void RegisterPayout(CLI::App& app, Context& ctx) {
  auto opt = std::make_shared<PayoutOptions>();
  CLI::App* cmd = app.add_subcommand("payout", "计算赔付，生成赔付明细和代发文件 (compute payouts)");
  AddInputOptions(cmd, *opt);
  cmd->add_option("--out", opt->out, "输出文件夹 (output folder)")->required();
  cmd->callback([opt, &ctx] { ctx.run = [opt, &ctx] { return RunPayout(*opt, ctx); }; });

  auto eopt = std::make_shared<PayoutOptions>();
  CLI::App* explain = app.add_subcommand("explain", "逐步说明一笔申领的计算 (explain one claim)");
  AddInputOptions(explain, *eopt);
  explain->add_option("--claim", eopt->claim, "申领编号 (claim id)")->required();
  explain->callback([eopt, &ctx] { ctx.run = [eopt, &ctx] { return RunExplain(*eopt, ctx); }; });
}

}  // namespace huzhu::cli
