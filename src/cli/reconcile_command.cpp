// huzhu reconcile --transfers DIR/transfers.csv --bank RESULT... --out DIR
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/inputs.h"
#include "core/diagnostics.h"
#include "engines/reconcile.h"
#include "io/output_dir.h"
#include "records/bank.h"
#include "reports/reconcile_report.h"

namespace huzhu::cli {

namespace {

struct ReconcileOptions {
  std::string transfers;
  std::vector<std::string> bank;
  std::string sheet;
  std::string out;
};

int RunReconcile(const ReconcileOptions& opt, const Context&) {
  ProblemList problems;
  const TransferFile transfers = ReadTransfers(opt.transfers, problems);
  const BankFile bank = ReadBankResults(opt.bank, opt.sheet, problems);
  spdlog::info(fmt::runtime(Tr("代发文件：{} 笔；银行回单：{} 行", "transfers: {}; bank rows: {}")),
               transfers.rows.size(), bank.rows.size());
  const ReconResult result = Reconcile(transfers, bank);

  std::vector<InputRecord> inputs = HashInputs("代发文件", {opt.transfers});
  inputs[0].rows = static_cast<long long>(transfers.rows.size());
  for (InputRecord& in : HashInputs("银行回单", opt.bank)) {
    for (const BankRow& b : bank.rows) in.rows += bank.files[b.file].path == in.path;
    inputs.push_back(std::move(in));
  }
  std::vector<std::string> all_inputs{opt.transfers};
  all_inputs.insert(all_inputs.end(), opt.bank.begin(), opt.bank.end());
  OutputStage stage(opt.out, all_inputs);
  WriteReconcileOutputs(stage, transfers, bank, result, problems, inputs);
  stage.Commit();

  const ReconTotals& t = result.totals;
  std::cout << fmt::format(
      fmt::runtime(Tr("代发 {} 笔 {}；银行入账 {}；差额 {}\n",
                      "{} transfers of {}; the bank paid {}; difference {}\n")),
      t.transfers, FormatMoneyGrouped(t.expected), FormatMoneyGrouped(t.paid),
      FormatMoneyGrouped(t.paid - t.expected));
  for (const auto& [status, count] : t.count) {
    std::cout << fmt::format("  {}（{}）：{}\n", ReconStatusName(status), ReconStatusCode(status), count);
  }
  if (t.resend > 0) {
    std::cout << fmt::format(fmt::runtime(Tr("需重发 {} 笔 {}：resend.csv\n", "to re-send: {} of {}: resend.csv\n")),
                             t.resend, FormatMoneyGrouped(t.resend_amount));
  }
  for (const std::string& p : stage.FinalPaths()) std::cout << "  " << p << "\n";
  // Exit 0 only when every transfer reached its account as sent; 1 when anything needs a look
  // (so that cron can alert).
  if (t.attention > 0 || problems.errors() > 0) {
    std::cout << fmt::format(fmt::runtime(Tr("有 {} 笔需处理，见 reconcile.xlsx 的“明细”表\n",
                                             "{} lines need attention: see 明细 in reconcile.xlsx\n")),
                             t.attention);
    return kExitInvalidRows;
  }
  std::cout << Tr("全部代发已入账，金额一致\n", "every transfer was paid as sent\n");
  return kExitOk;
}

}  // namespace

void RegisterReconcile(CLI::App& app, Context& ctx) {
  auto opt = std::make_shared<ReconcileOptions>();
  CLI::App* cmd = app.add_subcommand(
      "reconcile", "核对代发文件与银行回单，生成重发文件 (reconcile transfers with the bank's result)");
  cmd->add_option("--transfers", opt->transfers, "代发文件 transfers.csv（或上次的 resend.csv）(transfers)")
      ->required();
  cmd->add_option("--bank", opt->bank, "银行回单（可多次给出）(bank result file, repeatable)")->required();
  cmd->add_option("--sheet", opt->sheet, "工作表名称 (sheet name)");
  cmd->add_option("--out", opt->out, "输出文件夹 (output folder)")->required();
  cmd->callback([opt, &ctx] { ctx.run = [opt, &ctx] { return RunReconcile(*opt, ctx); }; });
}

}  // namespace huzhu::cli
