// The rule-file blocks of the women scheme family (Inner Mongolia 女性馨康, rules reference §4):
// the diagnosis × treatment benefit table, the observation period and its consolation, the
// recovery grant (already included in each row's final amount), who may join, the hospital grade
// a certificate must come from, and what happens after a payment.
#include "ruleset/schema.h"

namespace huzhu {

void AddWomenSchema(std::vector<SectionSchema>& sections, std::vector<ParamSchema>& params) {
  using P = ParamType;
  // Optional for rule files in general; a women's rule file has it, and then every parameter
  // below is required.
  sections.push_back({"women_benefits", false, "女职工特殊疾病补助（病种 × 治疗方式）"});
  const std::string s = "women_benefits";
  params.push_back({s, "table", P::kBenefitRows, true, {}, 0, 0, false,
                    "项目及保障：病种、治疗方式、补助待遇、最终补助金额"});
  params.push_back({s, "observation_days", P::kInt, true, {}, 0, 366, false,
                    "观察期自然日数（保障开始之日为第 1 天，首年参互适用）"});
  params.push_back({s, "consolation", P::kMoney, true, {}, 0, 0, false, "观察期内确诊的慰问金"});
  params.push_back({s, "recovery_grant", P::kMoney, true, {}, 0, 0, false,
                    "康复补助金（已含在最终补助金额中）"});
  params.push_back({s, "max_age", P::kInt, true, {}, 0, 120, false, "女职工最高年龄（含）"});
  params.push_back({s, "spouses", P::kText, true, {"allowed", "not_allowed"}, 0, 0, false,
                    "参加住院医疗互助保障的男职工配偶能否参加"});
  params.push_back({s, "min_hospital_level", P::kInt, true, {}, 1, 3, false,
                    "出具证明材料的医疗机构最低等级"});
  params.push_back({s, "several_at_once", P::kText, true, {"highest"}, 0, 0, false,
                    "同时患有多种疾病：按补助金额最高的一种"});
  params.push_back({s, "after_payment", P::kText, true, {"cover_ends"}, 0, 0, false,
                    "领取补助金（或慰问金）后保障待遇终止"});
}

}  // namespace huzhu
