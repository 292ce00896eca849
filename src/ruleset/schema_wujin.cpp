// The rule-file blocks of the wujin scheme family (Wujin District 在职职工医疗互助保障, rules
// reference §6): the annual cumulative out-of-pocket brackets of the hospital subsidy and how a
// stay's amount is counted, the critical-illness lump sums and the hospitals that may diagnose,
// and the work-injury lump sums by appraisal grade.
#include "ruleset/schema.h"

namespace huzhu {

void AddWujinSchema(std::vector<SectionSchema>& sections, std::vector<ParamSchema>& params) {
  using P = ParamType;
  // Optional for rule files in general; a Wujin rule file has all three, and then every
  // parameter of a present section is required.
  sections.push_back(
      {"annual_brackets", false, "住院医疗费用补助金（按全年累计个人自理金额分档）"});
  sections.push_back({"critical_illness", false, "重大疾病补助金"});
  sections.push_back({"work_injury", false, "工伤补助金（按劳动能力鉴定等级）"});

  const std::string a = "annual_brackets";
  params.push_back({a,
                    "brackets",
                    P::kBrackets,
                    true,
                    {},
                    0,
                    0,
                    false,
                    "全年累计个人自理金额（含）起点与补助金额"});
  params.push_back({a,
                    "unsettled_rate",
                    P::kRate,
                    true,
                    {},
                    0,
                    0,
                    false,
                    "未用医保结算的住院：个人自理按此比例核算"});
  params.push_back({a,
                    "traffic_unsettled_rate",
                    P::kRate,
                    true,
                    {},
                    0,
                    0,
                    false,
                    "交通事故且未医保结算的住院：按本人责任范围内住院总费用的此比例核算"});

  const std::string c = "critical_illness";
  params.push_back({c,
                    "listed",
                    P::kMoney,
                    true,
                    {},
                    0,
                    0,
                    false,
                    "首次确诊规定的重大疾病（原位癌除外）的一次性补助金"});
  params.push_back(
      {c, "in_situ", P::kMoney, true, {}, 0, 0, false, "首次确诊原位癌的一次性慰问金"});
  params.push_back(
      {c, "local_min_level", P::kInt, true, {}, 1, 3, false, "本地（常州市）确诊医院的最低等级"});
  params.push_back(
      {c, "elsewhere_min_level", P::kInt, true, {}, 1, 3, false, "外省市确诊医院的最低等级"});

  const std::string w = "work_injury";
  params.push_back(
      {w, "grades", P::kBenefitRows, true, {}, 0, 0, false, "伤残等级（1–10 级或工亡）与补助金额"});
}

}  // namespace huzhu
