// The two sides of a bank reconciliation: our transfer file (transfers.csv, written by payout or
// by an earlier reconcile as resend.csv) and the bank's batch-transfer result file (银行回单).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/money.h"
#include "records/members.h"
#include "records/problems.h"

namespace huzhu {

struct TransferRow {
  std::string reference, payee, account, bank, claim_ids;
  Money amount;
  std::int64_t row = 0;
};

struct TransferFile {
  InputFile file;
  std::vector<TransferRow> rows;
  Location Where(const TransferRow& t) const { return Location(file.path, file.sheet, t.row); }
};

/// Reads a transfer file. Rows with a bad amount or a repeated reference are errors and skipped.
/// Throws Error(kInput) for a file that cannot be used as a whole.
TransferFile ReadTransfers(const std::string& path, ProblemList& problems);

enum class BankOutcome { kSuccess, kFailed };

struct BankRow {
  std::string account, payee, reference, status, failure_reason;
  Money amount;
  BankOutcome outcome = BankOutcome::kSuccess;
  /// The row could not be read as a definite result (status unreadable, bad account or amount):
  /// reported as failed, but never re-sent until the bank confirms.
  bool uncertain = false;
  std::int64_t row = 0;
  std::uint16_t file = 0;
};

struct BankFile {
  std::vector<InputFile> files;
  std::vector<BankRow> rows;  ///< input order
  Location Where(const BankRow& b) const {
    const InputFile& f = files[b.file];
    return Location(f.path, f.sheet, b.row);
  }
};

/// Reads one or more bank result files (xlsx, xls or csv, GBK or UTF-8) as one table. A file
/// without a status column lists what was paid: its rows are successes. A row whose account or
/// amount cannot be read, or whose status is empty or neither success nor failure, is an error: it
/// is kept as an uncertain failed row with the problem as its reason, reported, never lost.
BankFile ReadBankResults(const std::vector<std::string>& files, const std::string& sheet,
                         ProblemList& problems);

/// A bank's status text read as success or failure: 成功 / 交易成功 / 处理成功 / 已入账 / success
/// … or 失败 / 交易失败 / 退回 / 退票 / 拒绝 / failed …; nullopt for anything else (or empty).
std::optional<BankOutcome> ParseBankStatus(std::string_view text);

}  // namespace huzhu
