// What a claim comes to: status, reason code, the benefit columns, and an optional trace of the
// computation for `huzhu explain`.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/money.h"

namespace huzhu {

enum class Status : std::uint8_t { kPaid, kReview, kRejected };

/// Reason codes of the data contract. The rejection reasons are declared in the contract's order
/// of precedence: when several apply, the smallest wins.
enum class Reason : std::uint8_t {
  kNone,
  kDuplicateClaim,
  kInvalidInput,
  kNotMember,
  kIneligibleMember,
  kOtherPeriod,
  kOutsidePeriod,
  kFraud,
  kInsuranceArrears,
  kExcludedCause,
  kNoSettlement,
  kNoReferral,
  kPreExisting,
  kInstitutionNotRecognized,
  kLateClaim,
  kNotCovered,
  kBenefitTerminated,
  kNoSelfPay,
  kCapReached,
  // Review reasons.
  kResidentInsurance,
  kAppraisalRequired,
};

const char* StatusCode(Status status);  ///< paid | review | rejected
const char* StatusName(Status status);  ///< 已赔付 | 待复核 | 拒付
const char* ReasonCode(Reason reason);  ///< "" for kNone
const char* ReasonName(Reason reason);  ///< Chinese

struct ClaimResult {
  Status status = Status::kPaid;
  Reason reason = Reason::kNone;
  std::string note;
  std::optional<Money> self_pay;   ///< S (Wujin: the counted amount), when it could be determined
  std::int32_t covered_days = -1;  ///< -1: not applicable
  std::int32_t stay_days = -1;
  Money medical_subsidy, allowance, top_up, death_benefit, lump_sum, second_subsidy;
  std::int64_t member = -1;  ///< index in the member table, -1 when not a member

  Money total() const {
    return medical_subsidy + allowance + top_up + death_benefit + lump_sum + second_subsidy;
  }
  /// Rejects: zero every benefit column and set the reason.
  void Reject(Reason why, std::string why_note = "");
  void AddNote(const std::string& text);
};

/// One step of a claim's computation, for `huzhu explain`.
struct TraceStep {
  std::string what;    ///< 医疗补助 第1段 …
  std::string value;   ///< 3,000.00 × 40% = 1,200.00
  std::string key;     ///< the rule-file key: medical_subsidy.segments[0]
  std::string source;  ///< the article: 第九条 1
};

/// Collects the steps of one claim (by id) when given to an engine; nullptr = no tracing.
struct Trace {
  std::string claim_id;
  std::vector<TraceStep> steps;
  void Add(std::string what, std::string value, std::string key = "", std::string source = "") {
    steps.push_back(TraceStep{std::move(what), std::move(value), std::move(key), std::move(source)});
  }
};

}  // namespace huzhu
