// Claim rows (结算明细) read into typed records. A row with a data error keeps its place (every
// input claim appears once in the output) and carries the message; it becomes invalid_input.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/money.h"
#include "records/inspect.h"
#include "records/members.h"
#include "records/problems.h"
#include "records/vocab.h"

namespace huzhu {

struct Claim {
  std::uint32_t input_index = 0;  ///< 0-based position among all claim rows read
  std::int64_t row = 0;
  std::uint16_t file = 0;
  std::string claim_id;
  std::string id_number;  ///< normalised text (may be invalid: see `invalid`)
  std::string name;
  std::string transfer_of;
  ClaimKind kind = ClaimKind::kInpatient;
  Cause cause = Cause::kIllness;
  std::optional<Date> admitted_on, discharged_on, settled_on, claimed_on, diagnosed_on;
  std::optional<std::int64_t> days;
  std::optional<Money> pooled_cost, fund_paid, self_pay, unfiled_referral_extra, out_of_pocket,
      total_cost, remaining_burden;
  std::optional<Rate> liability_share;
  std::optional<std::int64_t> hospital_level;
  bool insurance_settled = true;
  bool referral_filed = true;
  bool insurance_arrears = false;
  bool died = false;
  bool pre_existing = false;
  bool hospital_local = true;
  std::string diagnosis, treatment, injury_grade, critical_illness;
  /// Non-empty: the row has a data error (first message); the claim is invalid_input.
  std::string invalid;
};

struct ClaimFile {
  std::vector<InputFile> files;
  std::vector<Claim> claims;  ///< in input order
  Location Where(const Claim& c) const {
    const InputFile& f = files[c.file];
    return Location(f.path, f.sheet, c.row);
  }
};

/// Reads one or more claim files as one table. Throws Error(kInput) for a file-level problem.
ClaimFile ReadClaims(const std::vector<std::string>& files, const std::string& sheet,
                     ProblemList& problems, const ProgressFn& progress = nullptr);

}  // namespace huzhu
