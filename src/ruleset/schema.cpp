#include "ruleset/schema.h"

#include <algorithm>

namespace huzhu {

namespace {
using P = ParamType;
}

namespace {

std::vector<SectionSchema> CommonSections() {
  return {
      {"period", true, "保障期"},
      {"enrolment", true, "参互办理"},
      {"eligibility", true, "参互对象"},
      {"causes", true, "病因与除外责任"},
      {"claims", true, "申领条件"},
      {"deadline", true, "申领时限"},
      {"medical_subsidy", false, "医疗补助（分段计算）"},
      {"allowance", false, "住院补贴"},
      {"top_up", false, "补足最低补助"},
      {"death_benefit", false, "身故补助金"},
      {"period_cap", false, "保障期补助上限"},
      {"premium", false, "会费（互助金）"},
      {"ratio", false, "单位参互比例"},
      {"score", false, "地区目标考核评分"},
  };
}

std::vector<ParamSchema> CommonParams() {
  return {
      // Top level: identity of the file.
      {"", "schema_version", P::kInt, true, {}, 1, 1, false, "规则文件格式版本"},
      {"", "id", P::kText, true, {}, 0, 0, false, "规则编号"},
      {"", "scheme", P::kText, true, {}, 0, 0, false, "方案"},
      {"", "year", P::kInt, true, {}, 2000, 2100, false, "年度"},
      {"", "project", P::kText, true, {"hospital", "women"}, 0, 0, false, "项目"},
      {"", "title", P::kText, true, {}, 0, 0, false, "细则名称"},
      {"", "notice", P::kText, true, {}, 0, 0, false, "来源通知"},

      {"period", "start", P::kDate, true, {}, 0, 0, false, "保障期开始"},
      {"period", "end", P::kDate, true, {}, 0, 0, false, "保障期结束"},
      {"period",
       "coverage",
       P::kText,
       true,
       {"fixed", "month_15th", "enrolment_year"},
       0,
       0,
       false,
       "会员保障起止的确定方式"},
      {"period",
       "before_cover_start",
       P::kText,
       true,
       {"other_period", "other_period_if_renewed"},
       0,
       0,
       false,
       "入院早于保障开始的住院"},

      {"enrolment", "window_start", P::kDate, true, {}, 0, 0, false, "办理开始"},
      {"enrolment", "window_end", P::kDate, true, {}, 0, 0, false, "办理截止"},
      // Whose enrolment date the window checks (a date outside it is a warning in the ratio
      // report): everyone (default), or only members of new units (IM 2024: renewed units are
      // extended free and do not enrol again).
      {"enrolment", "window_applies_to", P::kText, false, {"all", "new"}, 0, 0, false,
       "办理期适用于：all 全部会员；new 仅新参互单位会员"},

      {"eligibility", "min_age", P::kInt, true, {}, 0, 120, false, "在职最低年龄"},
      {"eligibility", "max_age_active", P::kInt, false, {}, 0, 120, false,
       "在职最高年龄（超过仅提示：延迟退休）"},
      {"eligibility", "female_retirement_age", P::kInt, false, {}, 0, 120, false,
       "在职女职工超过此年龄仅提示（法定退休年龄 50 或 55 周岁，视岗位）"},
      {"eligibility",
       "retired",
       P::kText,
       false,
       {"allowed", "renewed_units_only", "not_allowed"},
       0,
       0,
       false,
       "退休职工能否参加"},
      {"eligibility", "max_age_retired", P::kInt, false, {}, 0, 120, false, "退休职工最高年龄"},
      {"eligibility", "retired_min_consecutive_years", P::kInt, false, {}, 1, 100, false,
       "退休职工最少连续参互年数"},
      {"eligibility",
       "resident_insurance",
       P::kText,
       false,
       {"review", "ineligible"},
       0,
       0,
       false,
       "城乡居民医保会员的住院"},

      {"causes", "illness", P::kText, true, {"covered", "excluded_cause"}, 0, 0, false, "疾病"},
      {"causes", "accident", P::kText, true, {"covered", "excluded_cause"}, 0, 0, false, "意外"},
      {"causes", "childbirth", P::kText, true, {"covered", "excluded_cause"}, 0, 0, false, "生育"},
      {"causes", "work_injury", P::kText, true, {"covered", "excluded_cause"}, 0, 0, false, "工伤"},
      {"causes", "occupational_disease", P::kText, true, {"covered", "excluded_cause"}, 0, 0,
       false, "职业病"},
      {"causes",
       "traffic_accident",
       P::kText,
       true,
       {"covered", "excluded_cause", "covered_if_settled"},
       0,
       0,
       false,
       "交通事故"},
      {"causes", "misconduct", P::kText, true, {"covered", "excluded_cause"}, 0, 0, false,
       "斗殴、吸毒、自杀、酗酒、犯罪等"},
      {"causes", "uncovered_service", P::kText, true, {"covered", "excluded_cause"}, 0, 0, false,
       "不予保障项目（体检、康复、美容等）"},
      {"causes", "metastasis", P::kText, true, {"covered", "excluded_cause"}, 0, 0, false,
       "转移"},
      {"causes", "force_majeure", P::kText, true, {"covered", "excluded_cause"}, 0, 0, false,
       "公共卫生事件、不可抗力"},
      {"causes", "fraud", P::kText, true, {"fraud"}, 0, 0, false, "欺诈"},

      {"claims", "kinds", P::kTextList, true, {}, 0, 0, false, "保障的申领类型"},
      {"claims", "insurance_arrears", P::kText, true, {"insurance_arrears", "not_checked"}, 0, 0,
       false, "医保欠费（insurance_arrears 拒付；not_checked 来源无此除外）"},
      {"claims", "require_settlement", P::kBool, true, {}, 0, 0, false,
       "须有医保结算（否则 no_settlement）"},
      {"claims", "require_referral_filing", P::kBool, true, {}, 0, 0, false,
       "异地转诊须备案（否则 no_referral）"},
      {"claims", "unfiled_referral_extra_is_own", P::kBool, true, {}, 0, 0, false,
       "未备案转诊增加的自付由个人承担"},

      {"deadline",
       "rule",
       P::kText,
       true,
       {"fixed_date", "days_after_settlement", "none"},
       0,
       0,
       false,
       "申领时限的计算方式（none：来源未规定）"},
      {"deadline", "date", P::kDate, false, {}, 0, 0, false, "申领截止日期"},
      {"deadline", "days", P::kInt, false, {}, 1, 3650, false, "结算后多少天内申领"},

      {"medical_subsidy", "segments", P::kSegments, true, {}, 0, 0, false, "分段比例"},

      {"allowance", "per_day", P::kDailyRates, true, {}, 0, 0, false, "每天补贴（按连续参互年数）"},
      {"allowance", "after_allowance_last_period", P::kMoney, true, {}, 0, 0, false,
       "上期享受过住院补贴的每天补贴"},
      {"allowance", "max_days", P::kInt, true, {}, 1, 366, false, "最长补贴天数"},
      {"allowance",
       "days_basis",
       P::kText,
       true,
       {"dates", "settlement"},
       0,
       0,
       false,
       "补贴天数依据（dates 按出入院日期；settlement 按结算单天数）"},

      {"top_up", "minimum", P::kMoney, true, {}, 0, 0, false, "每次住院补足至"},

      {"death_benefit", "amount", P::kMoney, true, {}, 0, 0, false, "身故补助金"},
      {"death_benefit", "causes", P::kTextList, true, {}, 0, 0, false, "身故补助适用的病因"},

      {"period_cap", "amount", P::kMoney, true, {}, 0, 0, false, "一个保障期补助最高金额"},

      // Premiums (互助金): per person per period, or per whole month of coverage for members
      // joining mid-year; what renewed members pay during a free extension; the federation's
      // subsidy included in the gross amount. The ratio and premium ledgers read these.
      {"premium", "per_person", P::kMoney, false, {}, 0, 0, false, "每人每期会费"},
      {"premium", "per_person_retired", P::kMoney, false, {}, 0, 0, false, "退休职工每人每期会费"},
      {"premium", "per_month", P::kMoney, false, {}, 0, 0, false, "每人每月会费（按整月计算）"},
      {"premium", "renewed", P::kText, false, {"same", "free"}, 0, 0, false,
       "续互人员（顺延期间）的会费：same 同新参互；free 免交"},
      {"premium", "subsidy", P::kMoney, false, {}, 0, 0, false, "上级工会每人补助（含在会费中）"},
      // IM 2026 art. 6: local unions may add their own subsidy (an override rule file's
      // local_subsidy), which lowers the personal share further.
      {"premium", "local_subsidy", P::kMoney, false, {}, 0, 0, false,
       "地方工会每人补助（降低个人缴纳部分）"},

      // Unit participation ratio (rules reference §7): in-service participants ≥ threshold ×
      // base; large units (≥ large_unit_min_employees) use large_unit_threshold; units with
      // fewer than small_unit_max_eligible eligible employees use small_unit_threshold.
      {"ratio", "threshold", P::kRate, true, {}, 0, 0, false, "单位参互比例下限"},
      {"ratio", "large_unit_min_employees", P::kInt, false, {}, 1, 1000000000, false,
       "大单位（在职职工人数达到此数，含）"},
      {"ratio", "large_unit_threshold", P::kRate, false, {}, 0, 0, false, "大单位参互比例下限"},
      {"ratio", "base", P::kText, true, {"employees", "female_employees", "eligible"}, 0, 0, false,
       "比例基数：employees 在职职工；female_employees 在职女职工；eligible 符合条件人数"},
      {"ratio", "small_unit_max_eligible", P::kInt, false, {}, 1, 1000000000, false,
       "小单位（符合条件人数少于此数）"},
      {"ratio", "small_unit_threshold", P::kRate, false, {}, 0, 0, false, "小单位参互比例下限"},

      // Regional scoring (rules reference §8; 000 attachment 4). Points are whole points or
      // tenths of a point, so that every computation stays on integers.
      {"score", "target_met_points", P::kInt, true, {}, 0, 100, false, "完成全部项目目标得分"},
      {"score", "short_step_percent", P::kInt, true, {}, 1, 100, false,
       "未完成：每差此百分比（不足按一档计）为一档"},
      {"score", "short_step_tenths", P::kInt, true, {}, 0, 100, false, "未完成：每档扣分（以 0.1 分计）"},
      {"score", "over_step_percent", P::kInt, true, {}, 1, 100, false,
       "超额：每超此百分比（不足按一档计）为一档"},
      {"score", "over_step_tenths", P::kInt, true, {}, 0, 100, false, "超额：每档加分（以 0.1 分计）"},
      {"score", "max_adjustment_tenths", P::kInt, true, {}, 0, 1000, false,
       "各项目加减分合计的上下限（以 0.1 分计）"},
      {"score", "manual_item_max_tenths", P::kInt, true, {}, 0, 100, false,
       "其余四项（组织领导、申领审核、日常管理、新闻宣传）每项满分（以 0.1 分计）"},
      {"score", "renewal_rate_min", P::kRate, false, {}, 0, 0, false, "续会率下限（与得分并列显示）"},
  };
}

struct Schema {
  std::vector<SectionSchema> sections;
  std::vector<ParamSchema> params;
};

const Schema& AllSchema() {
  static const Schema schema = [] {
    Schema s{CommonSections(), CommonParams()};
    AddWomenSchema(s.sections, s.params);
    AddWujinSchema(s.sections, s.params);
    AddHengyangSchema(s.sections, s.params);
    return s;
  }();
  return schema;
}

}  // namespace

const std::vector<SectionSchema>& RuleSections() { return AllSchema().sections; }
const std::vector<ParamSchema>& RuleParams() { return AllSchema().params; }

const ParamSchema* FindParamSchema(std::string_view section, std::string_view key) {
  for (const ParamSchema& p : RuleParams()) {
    if (p.section == section && p.key == key) return &p;
  }
  return nullptr;
}

const SectionSchema* FindSectionSchema(std::string_view name) {
  for (const SectionSchema& s : RuleSections()) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates) {
  auto distance = [](std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
      std::size_t prev = row[0];
      row[0] = i;
      for (std::size_t j = 1; j <= b.size(); ++j) {
        const std::size_t cur = row[j];
        row[j] = std::min({row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1)});
        prev = cur;
      }
    }
    return row[b.size()];
  };
  std::string best;
  std::size_t best_d = 2 + word.size() / 3 + 1;
  for (const std::string& c : candidates) {
    const std::size_t d = distance(word, c);
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  return best;
}

}  // namespace huzhu
