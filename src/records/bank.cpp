#include "records/bank.h"

#include <unordered_map>

#include "core/diagnostics.h"
#include "core/text.h"
#include "records/table_reader.h"

namespace huzhu {

namespace {

bool Contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

}  // namespace

std::optional<BankOutcome> ParseBankStatus(std::string_view text) {
  const std::string t = AsciiLower(NormalizeText(text));
  if (t.empty()) return std::nullopt;
  // Failure words first: "交易失败" must not read as success because of a longer phrase.
  for (std::string_view w : {"失败", "退回", "退票", "退汇", "拒绝", "拒付", "未成功", "fail", "reject"}) {
    if (Contains(t, w)) return BankOutcome::kFailed;
  }
  for (std::string_view w : {"成功", "已入账", "入账", "已处理", "success", "ok", "paid"}) {
    if (Contains(t, w)) return BankOutcome::kSuccess;
  }
  return std::nullopt;
}

TransferFile ReadTransfers(const std::string& path, ProblemList& problems) {
  const TableSpec& spec = TransfersTable();
  const FieldId f_reference = spec.Id("reference"), f_payee = spec.Id("payee"),
                f_account = spec.Id("account"), f_bank = spec.Id("bank"),
                f_amount = spec.Id("amount"), f_claims = spec.Id("claim_ids");
  TransferFile t;
  t.file.path = path;
  std::unordered_map<std::string, std::int64_t> seen;
  ForEachRecord(path, "", spec, [&](const RowView& row) {
    t.file.sheet = row.Where(f_reference).sheet;
    TransferRow r;
    r.row = row.number();
    r.reference = NormalizeText(row.View(f_reference));
    r.payee = NormalizeText(row.View(f_payee));
    r.account = NormalizeText(row.View(f_account));
    r.bank = NormalizeText(row.View(f_bank));
    r.claim_ids = NormalizeText(row.View(f_claims));
    if (r.reference.empty()) {
      problems.Error(row.Where(f_reference), Tr("代发参考号为空，此行未使用", "empty reference: row not used"));
      return;
    }
    try {
      const std::optional<Money> amount = row.GetMoney(f_amount);
      if (!amount || *amount <= Money()) {
        problems.Error(row.Where(f_amount),
                       Tr("代发金额应为正数，此行未使用", "the amount must be positive: row not used"));
        return;
      }
      r.amount = *amount;
    } catch (const Error& e) {
      problems.Error(e.where(), e.message() + Tr("，此行未使用", ": row not used"));
      return;
    }
    if (const auto [it, added] = seen.emplace(r.reference, r.row); !added) {
      problems.Error(row.Where(f_reference),
                     Tr("代发参考号 " + r.reference + " 重复（首次在第 " + std::to_string(it->second) +
                            " 行），此行未使用",
                        "reference " + r.reference + " repeats (first at row " +
                            std::to_string(it->second) + "): row not used"));
      return;
    }
    t.rows.push_back(std::move(r));
  });
  return t;
}

BankFile ReadBankResults(const std::vector<std::string>& files, const std::string& sheet,
                         ProblemList& problems) {
  const TableSpec& spec = BankResultsTable();
  const FieldId f_account = spec.Id("account"), f_payee = spec.Id("payee"),
                f_amount = spec.Id("amount"), f_status = spec.Id("status"),
                f_reason = spec.Id("failure_reason"), f_reference = spec.Id("reference");
  BankFile bank;
  for (const std::string& path : files) {
    const auto file_index = static_cast<std::uint16_t>(bank.files.size());
    bank.files.push_back(InputFile{path, ""});
    ForEachRecord(path, sheet, spec, [&](const RowView& row) {
      bank.files[file_index].sheet = row.Where(f_account).sheet;
      BankRow b;
      b.row = row.number();
      b.file = file_index;
      b.payee = NormalizeText(row.View(f_payee));
      b.reference = NormalizeText(row.View(f_reference));
      b.status = NormalizeText(row.View(f_status));
      b.failure_reason = NormalizeText(row.View(f_reason));
      auto unusable = [&](const Location& where, const std::string& why) {
        problems.Error(where, why);
        b.outcome = BankOutcome::kFailed;
        b.uncertain = true;
        if (b.failure_reason.empty()) b.failure_reason = why;
      };
      try {
        if (const auto card = row.GetBankCard(f_account)) b.account = card->digits;
      } catch (const Error& e) {
        b.account = NormalizeText(row.View(f_account));
        unusable(e.where(), e.message());
      }
      try {
        const std::optional<Money> amount = row.GetMoney(f_amount);
        if (!amount) {
          unusable(row.Where(f_amount), Tr("金额为空", "empty amount"));
        } else {
          b.amount = *amount;
        }
      } catch (const Error& e) {
        unusable(e.where(), e.message());
      }
      if (row.HasColumn(f_status)) {
        const std::optional<BankOutcome> outcome = ParseBankStatus(b.status);
        if (!outcome) {
          unusable(row.Where(f_status),
                   Tr("交易状态“" + b.status + "”无法识别（应为 成功 或 失败），请向银行核实",
                      "bank status '" + b.status + "' is neither success nor failure: check with the bank"));
        } else if (!b.uncertain) {
          b.outcome = *outcome;
        }
      }
      bank.rows.push_back(std::move(b));
    });
  }
  return bank;
}

}  // namespace huzhu
