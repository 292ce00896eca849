#include "engines/outcome.h"

namespace huzhu {

const char* StatusCode(Status s) {
  switch (s) {
    case Status::kPaid: return "paid";
    case Status::kReview: return "review";
    case Status::kRejected: return "rejected";
  }
  return "";
}

const char* StatusName(Status s) {
  switch (s) {
    case Status::kPaid: return "已赔付";
    case Status::kReview: return "待复核";
    case Status::kRejected: return "拒付";
  }
  return "";
}

const char* ReasonCode(Reason r) {
  switch (r) {
    case Reason::kNone: return "";
    case Reason::kDuplicateClaim: return "duplicate_claim";
    case Reason::kInvalidInput: return "invalid_input";
    case Reason::kNotMember: return "not_member";
    case Reason::kIneligibleMember: return "ineligible_member";
    case Reason::kOtherPeriod: return "other_period";
    case Reason::kOutsidePeriod: return "outside_period";
    case Reason::kFraud: return "fraud";
    case Reason::kInsuranceArrears: return "insurance_arrears";
    case Reason::kExcludedCause: return "excluded_cause";
    case Reason::kNoSettlement: return "no_settlement";
    case Reason::kNoReferral: return "no_referral";
    case Reason::kPreExisting: return "pre_existing";
    case Reason::kInstitutionNotRecognized: return "institution_not_recognized";
    case Reason::kLateClaim: return "late_claim";
    case Reason::kNotCovered: return "not_covered";
    case Reason::kBenefitTerminated: return "benefit_terminated";
    case Reason::kNoSelfPay: return "no_self_pay";
    case Reason::kCapReached: return "cap_reached";
    case Reason::kResidentInsurance: return "resident_insurance";
    case Reason::kAppraisalRequired: return "appraisal_required";
  }
  return "";
}

const char* ReasonName(Reason r) {
  switch (r) {
    case Reason::kNone: return "";
    case Reason::kDuplicateClaim: return "重复申领";
    case Reason::kInvalidInput: return "数据有误";
    case Reason::kNotMember: return "非会员";
    case Reason::kIneligibleMember: return "不符合参互条件";
    case Reason::kOtherPeriod: return "属其他保障期";
    case Reason::kOutsidePeriod: return "不在保障期内";
    case Reason::kFraud: return "欺诈";
    case Reason::kInsuranceArrears: return "医保欠费";
    case Reason::kExcludedCause: return "除外责任";
    case Reason::kNoSettlement: return "无医保结算单";
    case Reason::kNoReferral: return "未办理转诊备案";
    case Reason::kPreExisting: return "既往病史";
    case Reason::kInstitutionNotRecognized: return "医院等级不符";
    case Reason::kLateClaim: return "逾期申领";
    case Reason::kNotCovered: return "不在保障范围";
    case Reason::kBenefitTerminated: return "保障已终止";
    case Reason::kNoSelfPay: return "无个人自付";
    case Reason::kCapReached: return "已达补助上限";
    case Reason::kResidentInsurance: return "城乡居民医保，须复核";
    case Reason::kAppraisalRequired: return "须鉴定复核";
  }
  return "";
}

void ClaimResult::Reject(Reason why, std::string why_note) {
  status = Status::kRejected;
  reason = why;
  medical_subsidy = allowance = top_up = death_benefit = lump_sum = second_subsidy = Money();
  if (!why_note.empty()) AddNote(why_note);
}

void ClaimResult::AddNote(const std::string& text) {
  if (text.empty()) return;
  note += (note.empty() ? "" : "；") + text;
}

}  // namespace huzhu
