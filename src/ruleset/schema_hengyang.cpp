// The rule-file blocks of the hengyang scheme family (rules reference §5): the second subsidy on
// the burden left after the first, the review threshold, the final claim date next to the common
// 60-day deadline, and the first-subsidy and special-disease amounts the source leaves unstated.
#include "ruleset/schema.h"

namespace huzhu {

void AddHengyangSchema(std::vector<SectionSchema>& sections, std::vector<ParamSchema>& params) {
  using P = ParamType;
  sections.push_back({"second_subsidy", false, "第二次补助（按互助后个人自负分档）"});
  sections.push_back({"first_subsidy", false, "第一次补助（分段计算）"});
  sections.push_back({"special_disease", false, "特殊疾病保障项目"});
  sections.push_back({"review", false, "须鉴定复核的补助金额"});
  sections.push_back({"final_deadline", false, "本期最终申报截止"});

  params.push_back({"second_subsidy", "brackets", P::kBrackets, true, {}, 0, 0, false,
                    "互助后个人自负达到各档起点时的第二次补助"});
  params.push_back({"second_subsidy",
                    "cross_period",
                    P::kText,
                    true,
                    {"prorate_days"},
                    0,
                    0,
                    false,
                    "跨保障期住院按两期住院天数比例分摊（入院当天计，出院当天不计）"});
  params.push_back({"first_subsidy", "segments", P::kSegments, true, {}, 0, 0, true,
                    "第一次补助分段比例（来源通知缺失时标为未说明）"});
  params.push_back({"special_disease", "amount", P::kMoney, true, {}, 0, 0, true,
                    "特殊疾病保障金额"});
  params.push_back({"special_disease", "diagnoses_male", P::kTextList, true, {}, 0, 0, false,
                    "男职工保障病种（不含原位癌）"});
  params.push_back({"special_disease", "diagnoses_female", P::kTextList, true, {}, 0, 0, false,
                    "女职工保障病种（不含原位癌）"});
  params.push_back({"review", "threshold", P::kMoney, true, {}, 0, 0, false,
                    "补助达到此金额（含）须鉴定后发放"});
  params.push_back({"final_deadline", "date", P::kDate, true, {}, 0, 0, false,
                    "本期最终申报截止日期（与结算后天数限制同时适用）"});
}

}  // namespace huzhu
