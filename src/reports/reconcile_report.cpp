#include "reports/reconcile_report.h"

#include "core/diagnostics.h"
#include "io/csv_writer.h"
#include "io/xlsx_writer.h"

namespace huzhu {

namespace {

constexpr ReconStatus kStatuses[] = {ReconStatus::kMatched,          ReconStatus::kFailed,
                                     ReconStatus::kAmountMismatch,   ReconStatus::kMissingInBank,
                                     ReconStatus::kUnexpectedInBank, ReconStatus::kDuplicateInBank};

/// The reference, account and payee a line shows: ours for a transfer's own line; the bank's for
/// a bank row that is not a transfer's own (unexpected, duplicate: where the money really went).
struct Shown {
  std::string reference, account, payee;
};

Shown ShownOf(const ReconLine& l, const TransferFile& transfers, const BankFile& bank) {
  if (l.transfer >= 0 && l.status != ReconStatus::kDuplicateInBank) {
    const TransferRow& t = transfers.rows[static_cast<std::size_t>(l.transfer)];
    return {t.reference, t.account, t.payee};
  }
  const BankRow& b = bank.rows[static_cast<std::size_t>(l.bank)];
  return {b.reference, b.account, b.payee};
}

void WriteSummary(XlsxWorkbook& book, const TransferFile& transfers, const ReconResult& result,
                  const std::vector<InputRecord>& inputs) {
  const ReconTotals& t = result.totals;
  XlsxSheet& sheet = book.AddKeyValueSheet("汇总", "项目", "数值");
  auto kv = [&sheet](const std::string& k, const std::string& v) {
    sheet.Text(k);
    sheet.Text(v);
    sheet.EndRow();
  };
  for (const InputRecord& in : inputs) {
    kv(in.role, in.path + "（" + std::to_string(in.rows) + " 行）");
    kv(in.role + " SHA-256", in.sha256);
  }
  kv("代发笔数", std::to_string(t.transfers));
  kv("代发金额（应付）", FormatMoneyGrouped(t.expected));
  kv("银行回单行数", std::to_string(t.bank_rows));
  kv("银行入账金额（实付）", FormatMoneyGrouped(t.paid));
  kv("差额（实付 − 应付）", FormatMoneyGrouped(t.paid - t.expected));
  for (const ReconStatus s : kStatuses) {
    const auto n = t.count.find(s);
    if (n == t.count.end()) continue;
    const Money expected = t.expected_by.at(s), paid = t.paid_by.at(s);
    kv(std::string(ReconStatusName(s)) + "（" + ReconStatusCode(s) + "）",
       std::to_string(n->second) + " 笔；应付 " + FormatMoneyGrouped(expected) + "，实付 " +
           FormatMoneyGrouped(paid) + "，差额 " + FormatMoneyGrouped(paid - expected));
  }
  kv("核对：差额逐行可解释", "各状态差额之和 = " + FormatMoneyGrouped(t.paid - t.expected));
  kv("需处理笔数", std::to_string(t.attention));
  kv("重发笔数（失败和银行无记录）", std::to_string(t.resend) + " 笔，" + FormatMoneyGrouped(t.resend_amount) +
                                       "，见“重发”表和 resend.csv");
  kv("结论", t.attention == 0 ? "全部代发已入账，金额一致"
                              : "有 " + std::to_string(t.attention) + " 笔需处理，见“明细”中标红的行");
  kv("说明", "金额不符、银行多出、银行重复和结果不确定的行不自动重发：请与银行核实后处理。代发文件共 " +
                std::to_string(transfers.rows.size()) + " 笔。");
}

void WriteDetail(XlsxWorkbook& book, const TransferFile& transfers, const BankFile& bank,
                 const ReconResult& result) {
  XlsxSheet& sheet = book.AddSheet("明细", {{"代发参考号"},
                                           {"银行卡号", ColumnFormat::kText, 22},
                                           {"收款人"},
                                           {"代发金额", ColumnFormat::kMoney},
                                           {"银行入账金额", ColumnFormat::kMoney},
                                           {"差额", ColumnFormat::kMoney},
                                           {"状态"},
                                           {"状态代码"},
                                           {"说明", ColumnFormat::kText, 50},
                                           {"银行户名"},
                                           {"银行状态"},
                                           {"银行回单文件"},
                                           {"银行回单行", ColumnFormat::kInteger, 10},
                                           {"代发文件行", ColumnFormat::kInteger, 10}});
  for (const ReconLine& l : result.lines) {
    const Shown s = ShownOf(l, transfers, bank);
    if (l.attention) sheet.StyleRow(RowStyle::kAttention);
    sheet.Text(s.reference);
    sheet.Text(s.account);
    sheet.Text(s.payee);
    sheet.MoneyCell(l.expected);
    sheet.MoneyCell(l.paid);
    sheet.MoneyCell(l.paid - l.expected);
    sheet.Text(ReconStatusName(l.status));
    sheet.Text(ReconStatusCode(l.status));
    sheet.Text(l.detail);
    if (l.bank >= 0) {
      const BankRow& b = bank.rows[static_cast<std::size_t>(l.bank)];
      sheet.Text(b.payee);
      sheet.Text(b.status);
      sheet.Text(bank.files[b.file].path);
      sheet.Integer(b.row);
    } else {
      for (int k = 0; k < 4; ++k) sheet.Blank();
    }
    if (l.transfer >= 0) {
      sheet.Integer(transfers.rows[static_cast<std::size_t>(l.transfer)].row);
    } else {
      sheet.Blank();
    }
    sheet.EndRow();
  }
}

void WriteResendSheet(XlsxWorkbook& book, const TransferFile& transfers, const ReconResult& result) {
  XlsxSheet& sheet = book.AddSheet("重发", {{"代发参考号"},
                                           {"收款人"},
                                           {"银行卡号", ColumnFormat::kText, 22},
                                           {"开户行"},
                                           {"代发金额", ColumnFormat::kMoney},
                                           {"代发所含申领"}});
  for (const std::size_t i : result.resend) {
    const TransferRow& t = transfers.rows[i];
    sheet.Text(t.reference);
    sheet.Text(t.payee);
    sheet.Text(t.account);
    sheet.Text(t.bank);
    sheet.MoneyCell(t.amount);
    sheet.Text(t.claim_ids);
    sheet.EndRow();
  }
}

}  // namespace

const std::vector<std::string>& ReconcileCsvColumns() {
  static const std::vector<std::string> cols{"reference", "account",   "payee",     "expected",
                                             "paid",      "status",    "detail",    "bank_file",
                                             "bank_row",  "transfer_row"};
  return cols;
}

void WriteReconcileOutputs(OutputStage& stage, const TransferFile& transfers, const BankFile& bank,
                           const ReconResult& result, const ProblemList& problems,
                           const std::vector<InputRecord>& inputs) {
  {
    XlsxWorkbook book(stage.PathFor("reconcile.xlsx"), stage.staging_dir());
    WriteSummary(book, transfers, result, inputs);
    WriteDetail(book, transfers, bank, result);
    WriteResendSheet(book, transfers, result);
    WriteProblemsSheet(book, problems);
    book.Close();
  }
  {
    CsvWriter csv(stage.PathFor("reconcile.csv"));
    csv.Header(ReconcileCsvColumns());
    for (const ReconLine& l : result.lines) {
      const Shown s = ShownOf(l, transfers, bank);
      csv.Text(s.reference);
      csv.Text(s.account);
      csv.Text(s.payee);
      csv.MoneyField(l.expected);
      csv.MoneyField(l.paid);
      csv.Text(ReconStatusCode(l.status));
      csv.Text(l.detail);
      if (l.bank >= 0) {
        const BankRow& b = bank.rows[static_cast<std::size_t>(l.bank)];
        csv.Text(bank.files[b.file].path);
        csv.Integer(b.row);
      } else {
        csv.Blank();
        csv.Blank();
      }
      if (l.transfer >= 0) {
        csv.Integer(transfers.rows[static_cast<std::size_t>(l.transfer)].row);
      } else {
        csv.Blank();
      }
      csv.EndRow();
    }
    csv.Close();
  }
  {
    // The transfers.csv layout, so that the next batch goes out from it and its result file
    // reconciles against it the same way.
    CsvWriter csv(stage.PathFor("resend.csv"));
    csv.Header({"reference", "payee", "account", "bank", "amount", "claim_ids"});
    for (const std::size_t i : result.resend) {
      const TransferRow& t = transfers.rows[i];
      csv.Text(t.reference);
      csv.Text(t.payee);
      csv.Text(t.account);
      csv.Text(t.bank);
      csv.MoneyField(t.amount);
      csv.Text(t.claim_ids);
      csv.EndRow();
    }
    csv.Close();
  }
}

}  // namespace huzhu
