#include "engines/reconcile.h"

#include <cctype>
#include <stdexcept>
#include <unordered_map>

#include "core/diagnostics.h"

namespace huzhu {

namespace {

/// Our references (IM2026H-000001 …) inside a bank's 附言 text, which may carry more words.
std::vector<std::string_view> ReferenceCandidates(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !(std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '-')) ++i;
    const std::size_t start = i;
    while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '-')) ++i;
    if (i > start) out.push_back(text.substr(start, i - start));
  }
  return out;
}

std::string Fen(Money m) { return FormatMoneyGrouped(m); }

}  // namespace

const char* ReconStatusCode(ReconStatus s) {
  switch (s) {
    case ReconStatus::kMatched: return "matched";
    case ReconStatus::kFailed: return "failed";
    case ReconStatus::kAmountMismatch: return "amount_mismatch";
    case ReconStatus::kMissingInBank: return "missing_in_bank";
    case ReconStatus::kUnexpectedInBank: return "unexpected_in_bank";
    case ReconStatus::kDuplicateInBank: return "duplicate_in_bank";
  }
  return "";
}

const char* ReconStatusName(ReconStatus s) {
  switch (s) {
    case ReconStatus::kMatched: return "已入账";
    case ReconStatus::kFailed: return "失败";
    case ReconStatus::kAmountMismatch: return "金额不符";
    case ReconStatus::kMissingInBank: return "银行无记录";
    case ReconStatus::kUnexpectedInBank: return "银行多出";
    case ReconStatus::kDuplicateInBank: return "银行重复";
  }
  return "";
}

ReconResult Reconcile(const TransferFile& transfers, const BankFile& bank) {
  const std::size_t n = transfers.rows.size();
  std::vector<std::int64_t> bank_of(n, -1);                  // transfer → first bank row
  std::vector<std::vector<std::size_t>> duplicates_of(n);    // transfer → further bank rows
  std::vector<std::size_t> unexpected;                       // bank rows matching nothing
  std::vector<bool> by_account_only(n, false);

  std::unordered_map<std::string_view, std::size_t> by_reference;
  std::unordered_map<std::string_view, std::vector<std::size_t>> by_account;
  for (std::size_t i = 0; i < n; ++i) {
    by_reference.emplace(transfers.rows[i].reference, i);
    if (!transfers.rows[i].account.empty()) by_account[transfers.rows[i].account].push_back(i);
  }

  auto claim = [&](std::size_t t, std::size_t b) {
    if (bank_of[t] < 0) {
      bank_of[t] = static_cast<std::int64_t>(b);
    } else {
      duplicates_of[t].push_back(b);
    }
  };

  for (std::size_t b = 0; b < bank.rows.size(); ++b) {
    const BankRow& row = bank.rows[b];
    // 1. Our reference in the bank's 附言.
    bool done = false;
    for (const std::string_view token : ReferenceCandidates(row.reference)) {
      if (const auto it = by_reference.find(token); it != by_reference.end()) {
        claim(it->second, b);
        done = true;
        break;
      }
    }
    if (done) continue;
    const auto acc = by_account.find(row.account);
    if (acc == by_account.end()) {
      unexpected.push_back(b);
      continue;
    }
    // 2. Account and amount, the payee name deciding between several; unmatched transfers first.
    std::int64_t best = -1;
    int best_rank = -1;
    for (const std::size_t t : acc->second) {
      const TransferRow& tr = transfers.rows[t];
      if (tr.amount != row.amount) continue;
      const int rank = (bank_of[t] < 0 ? 2 : 0) + (tr.payee == row.payee ? 1 : 0);
      if (rank > best_rank) {
        best = static_cast<std::int64_t>(t);
        best_rank = rank;
      }
    }
    // 3. The account alone, when exactly one of its transfers is still unmatched: the bank paid
    // that transfer a different amount.
    if (best < 0) {
      std::int64_t only = -1;
      int open = 0;
      for (const std::size_t t : acc->second) {
        if (bank_of[t] < 0) {
          only = static_cast<std::int64_t>(t);
          ++open;
        }
      }
      if (open == 1) {
        best = only;
        by_account_only[static_cast<std::size_t>(only)] = true;
      }
    }
    if (best < 0) {
      unexpected.push_back(b);
      continue;
    }
    claim(static_cast<std::size_t>(best), b);
  }

  // A transfer paid on a later attempt is paid: a successful bank row is the transfer's own line,
  // a failed attempt beside it the duplicate — never a failure to re-send.
  for (std::size_t t = 0; t < n; ++t) {
    if (bank_of[t] < 0 || bank.rows[static_cast<std::size_t>(bank_of[t])].outcome == BankOutcome::kSuccess) {
      continue;
    }
    for (std::size_t& d : duplicates_of[t]) {
      if (bank.rows[d].outcome == BankOutcome::kSuccess) {
        const auto failed = static_cast<std::size_t>(bank_of[t]);
        bank_of[t] = static_cast<std::int64_t>(d);
        d = failed;
        break;
      }
    }
  }

  ReconResult result;
  ReconTotals& tot = result.totals;
  auto add = [&](ReconLine line) {
    tot.count[line.status] += 1;
    tot.expected_by[line.status] += line.expected;
    tot.paid_by[line.status] += line.paid;
    tot.paid += line.paid;
    if (line.attention) ++tot.attention;
    result.lines.push_back(std::move(line));
  };
  auto bank_paid = [&](const BankRow& row) {
    return row.outcome == BankOutcome::kSuccess ? row.amount : Money();
  };

  for (std::size_t t = 0; t < n; ++t) {
    const TransferRow& tr = transfers.rows[t];
    ++tot.transfers;
    tot.expected += tr.amount;
    ReconLine line;
    line.transfer = static_cast<std::int64_t>(t);
    line.expected = tr.amount;
    if (bank_of[t] < 0) {
      line.status = ReconStatus::kMissingInBank;
      line.detail = tr.account.empty()
                        ? Tr("代发文件中没有银行卡号，银行无法代发", "no account in the transfer file")
                        : Tr("银行回单中没有这笔代发", "not in the bank's result file");
      line.attention = true;
      result.resend.push_back(t);
      add(std::move(line));
    } else {
      const BankRow& row = bank.rows[static_cast<std::size_t>(bank_of[t])];
      line.bank = bank_of[t];
      line.paid = bank_paid(row);
      if (row.outcome == BankOutcome::kFailed) {
        line.status = ReconStatus::kFailed;
        line.detail = (row.failure_reason.empty() ? Tr("银行未给出失败原因", "no reason given")
                                                  : row.failure_reason);
        if (row.uncertain) {
          line.detail += Tr("；结果不确定，请向银行核实后再决定是否重发",
                            "; the result is uncertain: confirm with the bank before re-sending");
        } else {
          result.resend.push_back(t);
        }
      } else if (row.amount != tr.amount) {
        line.status = ReconStatus::kAmountMismatch;
        line.detail = Tr("银行入账 " + Fen(row.amount) + "，代发 " + Fen(tr.amount) + "，差额 " +
                             Fen(row.amount - tr.amount),
                         "the bank paid " + Fen(row.amount) + ", we sent " + Fen(tr.amount));
        if (by_account_only[t]) {
          line.detail += Tr("（按账号匹配）", " (matched by account)");
        }
      } else {
        line.status = ReconStatus::kMatched;
      }
      auto note = [&line](const std::string& text) {
        line.detail = line.detail.empty() ? text : line.detail + Tr("；", "; ") + text;
        line.attention = true;
      };
      line.attention = line.status != ReconStatus::kMatched;
      if (row.payee != tr.payee) {
        note(Tr("户名不一致：银行“" + row.payee + "”，代发“" + tr.payee + "”",
                "payee differs: bank '" + row.payee + "', ours '" + tr.payee + "'"));
      }
      if (row.account != tr.account) {  // matched by reference, paid into another account
        note(Tr("账号不一致：银行 " + row.account + "，代发 " + tr.account,
                "account differs: bank " + row.account + ", ours " + tr.account));
      }
      add(std::move(line));
    }
    for (const std::size_t b : duplicates_of[t]) {
      const BankRow& row = bank.rows[b];
      ReconLine dup;
      dup.status = ReconStatus::kDuplicateInBank;
      dup.transfer = static_cast<std::int64_t>(t);
      dup.bank = static_cast<std::int64_t>(b);
      dup.paid = bank_paid(row);
      dup.detail = row.outcome == BankOutcome::kSuccess
                       ? Tr("同一笔代发在银行回单中再次出现并入账 " + Fen(row.amount) + "，可能重复支付",
                            "the transfer appears again and was paid " + Fen(row.amount) + ": paid twice?")
                       : Tr("同一笔代发在银行回单中另有一次失败的记录", "another, failed attempt at the transfer");
      dup.attention = true;
      add(std::move(dup));
    }
  }
  for (const std::size_t b : unexpected) {
    const BankRow& row = bank.rows[b];
    ReconLine line;
    line.status = ReconStatus::kUnexpectedInBank;
    line.bank = static_cast<std::int64_t>(b);
    line.paid = bank_paid(row);
    line.detail = row.outcome == BankOutcome::kSuccess
                      ? Tr("代发文件中没有对应的代发，银行却已入账", "paid by the bank, but not in our transfers")
                      : Tr("代发文件中没有对应的代发（银行为失败）", "not in our transfers (failed at the bank)");
    line.attention = true;
    add(std::move(line));
  }
  tot.bank_rows = static_cast<std::int64_t>(bank.rows.size());
  for (const std::size_t t : result.resend) tot.resend_amount += transfers.rows[t].amount;
  tot.resend = static_cast<std::int64_t>(result.resend.size());

  // Invariants: every bank row is on exactly one line; the lines' differences add up.
  std::vector<int> seen(bank.rows.size(), 0);
  Money diff;
  for (const ReconLine& l : result.lines) {
    if (l.bank >= 0) ++seen[static_cast<std::size_t>(l.bank)];
    diff += l.paid - l.expected;
  }
  for (const int s : seen) {
    if (s != 1) throw std::logic_error("reconcile: a bank row is not on exactly one line");
  }
  if (diff != tot.paid - tot.expected) {
    throw std::logic_error("reconcile: the lines' differences do not add up to the total");
  }
  return result;
}

}  // namespace huzhu
