// Reconciliation of transfers against a bank's result file (issue 7; data contract "reconcile").
// Each case is a hand-made pair of files; the expected lines and totals are worked out beside.
#include "engines/reconcile.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "core/diagnostics.h"

using namespace huzhu;

namespace {

struct Run {
  TransferFile transfers;
  BankFile bank;
  ReconResult result;
  ProblemList problems;
};

Run Reconcile2(const std::string& transfers_csv, const std::string& bank_csv) {
  namespace fs = std::filesystem;
  static int n = 0;
  const fs::path dir = fs::temp_directory_path() /
                       ("huzhu-recon-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
  fs::create_directories(dir);
  std::ofstream(dir / "t.csv") << transfers_csv;
  std::ofstream(dir / "b.csv") << bank_csv;
  Run run;
  run.transfers = ReadTransfers((dir / "t.csv").string(), run.problems);
  run.bank = ReadBankResults({(dir / "b.csv").string()}, "", run.problems);
  run.result = Reconcile(run.transfers, run.bank);
  fs::remove_all(dir);
  return run;
}

// Luhn-valid 16-digit test cards: 4000 0000 0000 000X with the right check digit.
const std::string kA = "4000000000000002";
const std::string kB = "4000000000000010";
const std::string kC = "4000000000000028";
const std::string kD = "4000000000000036";

const std::string kTransfers =
    "reference,payee,account,bank,amount,claim_ids\n"
    "IM2026H-000001,张三," + kA + ",工行,1000.00,C1\n"
    "IM2026H-000002,李四," + kB + ",工行,2500.50,C2\n"
    "IM2026H-000003,王五," + kC + ",农行,300.00,C3\n";

std::vector<std::string> Statuses(const ReconResult& r) {
  std::vector<std::string> out;
  for (const ReconLine& l : r.lines) out.emplace_back(ReconStatusCode(l.status));
  return out;
}

}  // namespace

TEST_CASE("reconcile: everything paid as sent — all matched, no attention") {
  const Run run = Reconcile2(kTransfers,
                             "账号,户名,金额,状态,附言\n" + kA + ",张三,1000.00,成功,IM2026H-000001\n" +
                                 kB + ",李四,\"2,500.50\",成功,代发IM2026H-000002工资\n" + kC +
                                 ",王五,300,成功,IM2026H-000003\n");
  CHECK(Statuses(run.result) == std::vector<std::string>{"matched", "matched", "matched"});
  CHECK(run.result.totals.attention == 0);
  CHECK(run.result.totals.expected == Money::FromFen(380050));  // 1,000 + 2,500.50 + 300
  CHECK(run.result.totals.paid == run.result.totals.expected);
  CHECK(run.result.resend.empty());
  CHECK(run.problems.errors() == 0);
}

TEST_CASE("reconcile: each status once, with totals explained line by line") {
  // A: failed with the bank's reason; B: paid 2,500.00 for 2,500.50 (amount_mismatch, −0.50);
  // C: missing; a stranger's row (unexpected, 88.00 paid); A appears again, failed (duplicate).
  const Run run = Reconcile2(
      kTransfers, "收款人账号,收款人姓名,交易金额,交易状态,失败原因,附言\n" + kA +
                      ",张三,1000.00,交易失败,账户冻结,IM2026H-000001\n" + kB +
                      ",李四,2500.00,交易成功,,IM2026H-000002\n" + kD + ",赵六,88.00,成功,,\n" + kA +
                      ",张三,1000.00,失败,账户冻结,IM2026H-000001\n");
  CHECK(Statuses(run.result) == std::vector<std::string>{"failed", "duplicate_in_bank", "amount_mismatch",
                                                         "missing_in_bank", "unexpected_in_bank"});
  const ReconTotals& t = run.result.totals;
  CHECK(t.expected == Money::FromFen(380050));
  // Paid: B 2,500.00 + the stranger's 88.00 = 2,588.00; difference 2,588.00 − 3,800.50 = −1,212.50
  // = −1,000 (A failed) − 0.50 (B) − 300 (C missing) + 88 (unexpected) + 0 (duplicate, failed).
  CHECK(t.paid == Money::FromFen(258800));
  CHECK(t.paid - t.expected == Money::FromFen(-121250));
  CHECK(run.result.lines[0].detail == "账户冻结");
  // Re-sent: the failed A and the missing C (not the amount mismatch: that needs a person).
  REQUIRE(run.result.resend.size() == 2);
  CHECK(run.transfers.rows[run.result.resend[0]].reference == "IM2026H-000001");
  CHECK(run.transfers.rows[run.result.resend[1]].reference == "IM2026H-000003");
  CHECK(t.resend_amount == Money::FromFen(130000));
  CHECK(t.attention == 5);
}

TEST_CASE("reconcile: without a reference, account and amount match; the payee decides ties") {
  // Two transfers to one account with the same amount (two family members' claims paid into one
  // card is not ours to judge): the bank's payee name picks which.
  const std::string transfers =
      "reference,payee,account,bank,amount,claim_ids\n"
      "R1,张三," + kA + ",工行,100.00,C1\n"
      "R2,张小三," + kA + ",工行,100.00,C2\n";
  const Run run = Reconcile2(transfers, "账号,户名,金额\n" + kA + ",张小三,100.00\n" + kA + ",张三,100\n");
  REQUIRE(run.result.lines.size() == 2);
  CHECK(Statuses(run.result) == std::vector<std::string>{"matched", "matched"});
  CHECK(run.result.lines[0].bank == 1);  // R1 (张三) ← the bank's second row
  CHECK(run.result.lines[1].bank == 0);
  CHECK(run.result.totals.attention == 0);
  // A result file without a status column lists what was paid: both rows are successes.
  CHECK(run.result.totals.paid == Money::FromFen(20000));
}

TEST_CASE("reconcile: a payee name that differs is matched but needs attention") {
  const Run run = Reconcile2(kTransfers, "账号,户名,金额,状态,附言\n" + kA +
                                             ",张叁,1000.00,成功,IM2026H-000001\n");
  CHECK(run.result.lines[0].status == ReconStatus::kMatched);
  CHECK(run.result.lines[0].attention);
  CHECK(run.result.lines[0].detail.find("户名不一致") != std::string::npos);
}

TEST_CASE("reconcile: bank amounts — separators, number noise and three decimals") {
  // 1,000.00 with a separator and 2500.5000000001 (binary noise in a number cell) read as the
  // fen; 300.001 has three decimals: an input error, the row kept as an uncertain failure.
  const Run run = Reconcile2(kTransfers, "账号,户名,金额,状态,附言\n" + kA +
                                             ",张三,\"1,000.00\",成功,IM2026H-000001\n" + kB +
                                             ",李四,2500.50,成功,IM2026H-000002\n" + kC +
                                             ",王五,300.001,成功,IM2026H-000003\n");
  CHECK(Statuses(run.result) == std::vector<std::string>{"matched", "matched", "failed"});
  CHECK(run.result.lines[2].detail.find("核实") != std::string::npos);
  CHECK(run.result.resend.empty());  // uncertain: never re-sent automatically
  CHECK(run.problems.errors() == 1);
}

TEST_CASE("reconcile: bank status words") {
  CHECK(ParseBankStatus("成功") == BankOutcome::kSuccess);
  CHECK(ParseBankStatus("交易成功") == BankOutcome::kSuccess);
  CHECK(ParseBankStatus("已入账") == BankOutcome::kSuccess);
  CHECK(ParseBankStatus("SUCCESS") == BankOutcome::kSuccess);
  CHECK(ParseBankStatus("失败") == BankOutcome::kFailed);
  CHECK(ParseBankStatus("交易失败") == BankOutcome::kFailed);
  CHECK(ParseBankStatus("退票") == BankOutcome::kFailed);
  CHECK(ParseBankStatus("处理失败（户名不符）") == BankOutcome::kFailed);
  CHECK_FALSE(ParseBankStatus("").has_value());
  CHECK_FALSE(ParseBankStatus("处理中").has_value());
}

TEST_CASE("reconcile: a bank row for one of our references but another account is flagged") {
  const Run run = Reconcile2(kTransfers, "账号,户名,金额,状态,附言\n" + kD +
                                             ",张三,1000.00,成功,IM2026H-000001\n");
  CHECK(run.result.lines[0].status == ReconStatus::kMatched);
  CHECK(run.result.lines[0].attention);
  CHECK(run.result.lines[0].detail.find("账号不一致") != std::string::npos);
}

TEST_CASE("reconcile: a failed attempt then a successful one — paid, nothing to re-send") {
  const Run run = Reconcile2(kTransfers, "账号,户名,金额,状态,失败原因,附言\n" + kA +
                                             ",张三,1000.00,失败,系统繁忙,IM2026H-000001\n" + kA +
                                             ",张三,1000.00,成功,,IM2026H-000001\n");
  REQUIRE(run.result.lines.size() >= 2);
  CHECK(run.result.lines[0].status == ReconStatus::kMatched);
  CHECK(run.result.lines[0].bank == 1);
  CHECK(run.result.lines[1].status == ReconStatus::kDuplicateInBank);
  CHECK(run.result.lines[1].paid == Money());  // the failed attempt paid nothing
  for (const std::size_t t : run.result.resend) CHECK(run.transfers.rows[t].reference != "IM2026H-000001");
}
