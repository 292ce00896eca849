#include "engines/payout.h"

#include "core/diagnostics.h"
#include "engines/hengyang.h"
#include "engines/hospital.h"
#include "engines/women.h"
#include "engines/wujin.h"

namespace huzhu {

Project ProjectOf(const RuleSet& rules) {
  return rules.project == "women" ? Project::kWomen : Project::kHospital;
}

std::vector<ClaimResult> ComputePayouts(const RuleSet& rules, const MemberTable& members,
                                        const ClaimFile& claims, ProblemList& problems,
                                        Trace* trace) {
  // The blocks a rule file has select its engine.
  if (rules.HasSection("medical_subsidy")) {
    return ComputeHospitalPayouts(rules, members, claims, problems, trace);
  }
  if (rules.HasSection("women_benefits")) {
    return ComputeWomenPayouts(rules, members, claims, problems, trace);
  }
  if (rules.HasSection("annual_brackets")) {
    return ComputeWujinPayouts(rules, members, claims, problems, trace);
  }
  if (rules.HasSection("second_subsidy")) {
    return ComputeHengyangPayouts(rules, members, claims, problems, trace);
  }
  throw Error(ErrorKind::kRules, Location(rules.path),
              Tr("规则文件没有可计算赔付的节（如 [medical_subsidy]）",
                 "the rule file has no payout block (such as [medical_subsidy])"));
}

}  // namespace huzhu
