// Reconciliation of our transfer file (代发) against the bank's batch-transfer result: each
// transfer matched to at most one bank row — by our reference first, else by account and amount
// (the payee name deciding between several), else by account alone (an amount mismatch) — and
// every bank row accounted for. Totals reconcile to the fen: the difference between what the
// bank paid and what we sent is the sum of the lines' own differences.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/money.h"
#include "records/bank.h"

namespace huzhu {

enum class ReconStatus {
  kMatched,
  kFailed,
  kAmountMismatch,
  kMissingInBank,
  kUnexpectedInBank,
  kDuplicateInBank,
};

const char* ReconStatusCode(ReconStatus s);  ///< matched, failed, … (data contract)
const char* ReconStatusName(ReconStatus s);  ///< 已入账, 失败, …

struct ReconLine {
  ReconStatus status = ReconStatus::kMatched;
  std::int64_t transfer = -1;  ///< index into TransferFile::rows, -1 for a bank-only row
  std::int64_t bank = -1;      ///< index into BankFile::rows, -1 when missing in the bank
  Money expected;              ///< what we sent (0 for bank-only rows)
  Money paid;                  ///< what the bank says reached the account (0 when failed)
  std::string detail;
  bool attention = false;      ///< anything but a clean match (a name mismatch too)
};

struct ReconTotals {
  std::int64_t transfers = 0, bank_rows = 0;
  Money expected, paid;
  std::map<ReconStatus, std::int64_t> count;
  std::map<ReconStatus, Money> expected_by, paid_by;
  std::int64_t attention = 0;
  std::int64_t resend = 0;
  Money resend_amount;
};

struct ReconResult {
  std::vector<ReconLine> lines;  ///< transfer order (a duplicate right after its transfer), then
                                 ///< bank-only rows in bank order
  std::vector<std::size_t> resend;  ///< transfers to send again: failed and missing, input order
  ReconTotals totals;
};

/// Matches and totals. Throws std::logic_error if the totals fail to reconcile (a bug).
ReconResult Reconcile(const TransferFile& transfers, const BankFile& bank);

}  // namespace huzhu
