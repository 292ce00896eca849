#include "engines/claim_checks.h"

#include "core/diagnostics.h"

namespace huzhu {

bool RejectDuplicate(const ClaimFile& file, std::uint32_t index, FirstRowById& first,
                     ClaimResult& result) {
  const Claim& c = file.claims[index];
  if (c.claim_id.empty()) return false;
  auto [it, inserted] = first.emplace(c.claim_id, index);
  if (inserted) return false;
  const std::string where = FormatLocation(file.Where(file.claims[it->second]));
  result.Reject(Reason::kDuplicateClaim,
                Tr("申领编号与" + where + "重复", "same claim id as " + where));
  return true;
}

bool RejectInvalidRow(const Claim& claim, ClaimResult& result) {
  if (claim.invalid.empty()) return false;
  result.Reject(Reason::kInvalidInput, claim.invalid);
  return true;
}

void RejectInvalidClaim(const ClaimFile& file, const Claim& claim, const std::string& error,
                        ClaimResult& result, ProblemList& problems) {
  problems.Error(file.Where(claim), error, claim.claim_id);
  result.Reject(Reason::kInvalidInput, error);
}

const Member* FindMember(const MemberTable& members, const ClaimFile& file, const Claim& claim,
                         ClaimResult& result, ProblemList& problems) {
  const std::int64_t index = members.Find(claim.id_number);
  if (index < 0) {
    result.Reject(Reason::kNotMember,
                  Tr("会员名单中没有此身份证号", "the ID is not in the member ledger"));
    return nullptr;
  }
  result.member = index;
  const Member& m = members.at(static_cast<std::size_t>(index));
  if (!claim.name.empty() && claim.name != m.name) {
    problems.Warning(file.Where(claim),
                     Tr("姓名“" + claim.name + "”与会员名单“" + std::string(m.name) + "”不一致",
                        "name '" + claim.name + "' differs from the ledger's '" +
                            std::string(m.name) + "'"),
                     claim.claim_id);
  }
  return &m;
}

std::string LedgerRowProblem(const Member& member) {
  if (member.problem.empty()) return "";
  return Tr("会员名单该行数据有误：", "the member's ledger row is invalid: ") +
         std::string(member.problem);
}

CauseTable::CauseTable(const RuleSet& rules) {
  for (const Cause c : {Cause::kIllness, Cause::kAccident, Cause::kChildbirth, Cause::kWorkInjury,
                        Cause::kOccupationalDisease, Cause::kTrafficAccident, Cause::kMisconduct,
                        Cause::kUncoveredService, Cause::kMetastasis, Cause::kForceMajeure,
                        Cause::kFraud}) {
    outcome_[static_cast<std::size_t>(c)] = rules.GetText(std::string("causes.") + CauseCode(c));
  }
}

std::set<ClaimKind> CoveredKinds(const RuleSet& rules) {
  std::set<ClaimKind> kinds;
  for (const std::string& k : rules.GetTextList("claims.kinds")) {
    const auto kind = ParseClaimKind(k);
    if (!kind) {
      throw Error(ErrorKind::kRules, Location(rules.Get("claims.kinds").file),
                  "claims.kinds: " + Tr("未知类型 ", "unknown kind ") + k);
    }
    kinds.insert(*kind);
  }
  return kinds;
}

DeadlineRule DeadlineFrom(const RuleSet& rules) {
  DeadlineRule d;
  d.rule = rules.GetText("deadline.rule");
  if (d.rule == "fixed_date") d.date = rules.GetDate("deadline.date");
  if (d.rule == "days_after_settlement") d.days = rules.GetInt("deadline.days");
  return d;
}

bool RejectLate(const DeadlineRule& deadline, const Claim& claim, std::optional<Date> event,
                ClaimResult& result) {
  if (!claim.claimed_on || deadline.rule == "none") return false;
  Date last = deadline.date;
  if (deadline.rule == "days_after_settlement") {
    const std::optional<Date> base = claim.settled_on ? claim.settled_on : event;
    if (!base) return false;
    last = base->AddDays(static_cast<std::int32_t>(deadline.days));
  }
  if (*claim.claimed_on <= last) return false;
  result.Reject(Reason::kLateClaim,
                Tr("申领日期 " + claim.claimed_on->ToIso() + " 晚于申领截止 " + last.ToIso(),
                   "claimed " + claim.claimed_on->ToIso() + " after the deadline " + last.ToIso()));
  return true;
}

}  // namespace huzhu
