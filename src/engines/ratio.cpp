#include "engines/ratio.h"

#include <algorithm>
#include <functional>
#include <map>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

#include "core/diagnostics.h"
#include "engines/eligibility.h"
#include "engines/hospital.h"

namespace huzhu {

namespace {

__extension__ typedef __int128 Int128;

constexpr std::int64_t kMillion = 1000000;

/// Data contract, members: one row per member per project per period (rules reference §4: one
/// share per person).
constexpr const char* kOneShareRule = "数据约定：每人每项目每期一行";

std::int64_t Narrow(Int128 v) {
  if (v > INT64_MAX || v < INT64_MIN) throw std::overflow_error("ratio arithmetic overflow");
  return static_cast<std::int64_t>(v);
}

std::optional<std::int64_t> BaseOf(const Unit& u, const std::string& base) {
  if (base == "female_employees") return u.female_employees;
  if (base == "eligible") return u.eligible;
  return u.employees;
}

std::string BaseName(const std::string& base) {
  if (base == "female_employees") return Tr("在职女职工人数", "female_employees");
  if (base == "eligible") return Tr("符合条件人数", "eligible");
  return Tr("在职职工人数", "employees");
}

}  // namespace

RatioRules RatioRulesFrom(const RuleSet& r) {
  RatioRules rr;
  if (!r.HasSection("ratio")) return rr;
  rr.applies = true;
  rr.threshold = r.GetRate("ratio.threshold");
  rr.base = r.GetText("ratio.base");
  if (r.Has("ratio.large_unit_min_employees") && r.Has("ratio.large_unit_threshold")) {
    rr.large_unit_min_employees = r.GetInt("ratio.large_unit_min_employees");
    rr.large_unit_threshold = r.GetRate("ratio.large_unit_threshold");
  } else if (r.Has("ratio.large_unit_min_employees") || r.Has("ratio.large_unit_threshold")) {
    const Param& p = r.Has("ratio.large_unit_min_employees")
                         ? r.Get("ratio.large_unit_min_employees")
                         : r.Get("ratio.large_unit_threshold");
    throw Error(ErrorKind::kRules, Location(p.file, "", p.line),
                Tr("ratio.large_unit_min_employees 与 ratio.large_unit_threshold 须同时给出",
                   "ratio.large_unit_min_employees and ratio.large_unit_threshold go together"));
  }
  if (r.Has("ratio.small_unit_max_eligible") && r.Has("ratio.small_unit_threshold")) {
    rr.small_unit_max_eligible = r.GetInt("ratio.small_unit_max_eligible");
    rr.small_unit_threshold = r.GetRate("ratio.small_unit_threshold");
  } else if (r.Has("ratio.small_unit_max_eligible") || r.Has("ratio.small_unit_threshold")) {
    const Param& p = r.Has("ratio.small_unit_max_eligible") ? r.Get("ratio.small_unit_max_eligible")
                                                            : r.Get("ratio.small_unit_threshold");
    throw Error(ErrorKind::kRules, Location(p.file, "", p.line),
                Tr("ratio.small_unit_max_eligible 与 ratio.small_unit_threshold 须同时给出",
                   "ratio.small_unit_max_eligible and ratio.small_unit_threshold go together"));
  }
  return rr;
}

Rate ThresholdFor(const RatioRules& rules, std::int64_t base) {
  // "不足15人" is strictly fewer; "500人以上" includes 500.
  if (rules.small_unit_max_eligible && base < *rules.small_unit_max_eligible) {
    return *rules.small_unit_threshold;
  }
  if (rules.large_unit_min_employees && base >= *rules.large_unit_min_employees) {
    return *rules.large_unit_threshold;
  }
  return rules.threshold;
}

UnitCheck CheckUnit(const RatioRules& rules, std::int64_t base, std::int64_t participants) {
  UnitCheck c;
  c.base = base;
  c.participants = participants;
  c.threshold = ThresholdFor(rules, base);
  if (base > 0) {
    // Shown truncated to the hundredth of a percent, so that a failing unit never shows a ratio
    // at or above its threshold (29,999 of 40,000 = 74.9975% shows 74.99, not 75.00). Pass/fail
    // never uses this figure.
    c.ratio_hundredths = Narrow(Int128{participants} * 10000 / base);
  }
  const Int128 need = Int128{c.threshold.millionths()} * base;  // in millionths of a person
  c.pass = Int128{participants} * kMillion >= need;
  const std::int64_t required = Narrow((need + kMillion - 1) / kMillion);  // ceil, need ≥ 0
  c.shortfall = std::max<std::int64_t>(0, required - participants);
  return c;
}

PremiumRules PremiumRulesFrom(const RuleSet& r) {
  PremiumRules p;
  p.period_end = r.GetDate("period.end");
  if (!r.HasSection("premium")) return p;
  p.present = true;
  if (r.Has("premium.per_person")) p.per_person = r.GetMoney("premium.per_person");
  if (r.Has("premium.per_person_retired")) {
    p.per_person_retired = r.GetMoney("premium.per_person_retired");
  }
  if (r.Has("premium.per_month")) p.per_month = r.GetMoney("premium.per_month");
  p.renewed_free = r.Has("premium.renewed") && r.GetText("premium.renewed") == "free";
  if (r.Has("premium.subsidy")) p.subsidy = r.GetMoney("premium.subsidy");
  if (r.Has("premium.local_subsidy")) p.local_subsidy = r.GetMoney("premium.local_subsidy");
  return p;
}

std::int64_t WholeMonths(Date cover_start, Date period_end) {
  if (cover_start > period_end) return 0;
  const std::int64_t first = std::int64_t{cover_start.year()} * 12 + cover_start.month() +
                             (cover_start.day() == 1 ? 0 : 1);
  const std::int64_t last = std::int64_t{period_end.year()} * 12 + period_end.month();
  return std::max<std::int64_t>(0, last - first + 1);
}

MemberPremium PremiumFor(const PremiumRules& rules, const Member& member, Date cover_start) {
  MemberPremium p;
  if (!rules.present) return p;
  if (member.enrolment == EnrolmentType::kRenewed && rules.renewed_free) {
    p.gross = rules.subsidy;
    p.subsidy = rules.subsidy;
    return p;
  }
  if (rules.per_month) {
    p.gross = *rules.per_month * WholeMonths(cover_start, rules.period_end);
  } else if (member.category == Category::kRetired && rules.per_person_retired) {
    p.gross = *rules.per_person_retired;
  } else if (rules.per_person) {
    p.gross = *rules.per_person;
  }
  p.subsidy = std::min(rules.subsidy + rules.local_subsidy, p.gross);
  p.personal = p.gross - p.subsidy;
  return p;
}

bool Fails(const RatioResult& result, const UnitRatio& unit) {
  return result.rules.applies && (!unit.has_base || !unit.check.pass);
}

std::vector<std::size_t> RatioResult::ReportOrder() const {
  std::vector<std::string_view> regions;
  std::unordered_map<std::string_view, std::size_t> region_rank;
  for (const UnitRatio& u : units) {
    if (region_rank.emplace(u.region, regions.size()).second) regions.push_back(u.region);
  }
  std::vector<std::size_t> order(units.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const std::size_t ra = region_rank.at(units[a].region), rb = region_rank.at(units[b].region);
    if (ra != rb) return ra < rb;
    return Fails(*this, units[a]) && !Fails(*this, units[b]);
  });
  return order;
}

RatioResult ComputeRatio(const RuleSet& rules, const MemberTable& members, const UnitTable& units,
                         ProblemList& problems) {
  RatioResult result;
  result.rules = RatioRulesFrom(rules);
  result.project = rules.project;
  const PremiumRules premium = PremiumRulesFrom(rules);
  const HospitalRules membership = MembershipRules(rules);
  const Date window_start = rules.GetDate("enrolment.window_start");
  const Date window_end = rules.GetDate("enrolment.window_end");
  const bool window_new_only =
      rules.Has("enrolment.window_applies_to") && rules.GetText("enrolment.window_applies_to") == "new";
  const EligibilityCheck eligibility = EligibilityFor(rules);

  std::unordered_map<std::string_view, std::size_t> index;  // unit code → result.units
  index.reserve(units.units.size() * 2);
  result.units.reserve(units.units.size());
  for (const Unit& u : units.units) {
    UnitRatio r;
    r.unit_code = u.code;
    r.unit_name = u.name;
    r.region = u.region;
    r.in_units_file = true;
    index.emplace(u.code, result.units.size());  // views into `units`, which outlives the map
    result.units.push_back(std::move(r));
  }

  for (std::size_t i = 0; i < members.size(); ++i) {
    const Member& m = members.at(i);
    auto it = index.find(m.unit_code);
    if (it == index.end()) {
      UnitRatio r;
      r.unit_code = std::string(m.unit_code);
      r.unit_name = std::string(m.unit_name);
      r.region = std::string(m.region);
      r.first_member_row = m.row;
      // The key views the member table's arena, which outlives the map.
      it = index.emplace(m.unit_code, result.units.size()).first;
      result.units.push_back(std::move(r));
      problems.Error(members.Where(m),
                     m.unit_code.empty()
                         ? Tr("会员未填写单位编码", "member without unit_code")
                         : Tr("单位编码 " + std::string(m.unit_code) + " 不在单位表中",
                              "unit " + std::string(m.unit_code) + " is not in the units file"));
    }
    UnitRatio& unit = result.units[it->second];
    if (unit.unit_name.empty()) unit.unit_name = std::string(m.unit_name);
    if (unit.region.empty()) unit.region = std::string(m.region);

    // One share per person per project and period: only the first row of an ID counts (the
    // reader lists the repeat as an input error as well).
    EligibilityVerdict v;
    if (const std::int64_t first = members.Find(m.id);
        first >= 0 && first != static_cast<std::int64_t>(i)) {
      v.reason = Tr("同一身份证号重复参互，首次在第 " + std::to_string(members.at(first).row) +
                        " 行，本行不计",
                    "enrolled twice; first at row " + std::to_string(members.at(first).row) +
                        ", this row is not counted");
      v.rule = kOneShareRule;
    } else {
      v = eligibility(m);
    }
    if (!v.reason.empty()) {
      ++unit.ineligible;
      ++result.not_counted;
      result.findings.push_back(
          MemberFinding{i, false, std::move(v.reason), DescribeRule(rules, v.rule)});
      continue;
    }
    ++result.counted;
    if (!v.warning.empty()) {
      result.findings.push_back(
          MemberFinding{i, true, std::move(v.warning), DescribeRule(rules, v.warning_rule)});
    }
    if (m.has_enrolled_on && (m.enrolled_on < window_start || m.enrolled_on > window_end) &&
        (!window_new_only || m.enrolment == EnrolmentType::kNew)) {
      result.findings.push_back(MemberFinding{
          i, true,
          Tr("参互日期 " + m.enrolled_on.ToIso() + " 不在办理期 " + window_start.ToIso() + " 至 " +
                 window_end.ToIso() + " 内",
             "enrolled " + m.enrolled_on.ToIso() + ", outside the window " + window_start.ToIso() +
                 " to " + window_end.ToIso()),
          DescribeRule(rules, m.enrolled_on < window_start ? "enrolment.window_start"
                                                           : "enrolment.window_end")});
    }
    switch (m.category) {
      case Category::kActive:
        ++unit.participants_active;
        break;
      case Category::kRetired:
        ++unit.participants_retired;
        break;
      case Category::kSpouse:
        ++unit.participants_spouse;
        break;
    }
    ++(m.enrolment == EnrolmentType::kRenewed ? unit.members_renewed : unit.members_new);

    Date cover_start = membership.period_start;
    if (premium.per_month) {
      std::string error;
      const std::optional<Cover> cover = MemberCover(membership, m, &error);
      if (cover) {
        cover_start = cover->start;
      } else {
        problems.Warning(members.Where(m), error + Tr("；会费按保障期开始计算",
                                                      "; premium counted from the period start"));
      }
    }
    const MemberPremium p = PremiumFor(premium, m, cover_start);
    unit.premium_total += p.gross;
    unit.personal_total += p.personal;
    unit.subsidy_total += p.subsidy;
  }

  for (UnitRatio& r : result.units) {
    if (!r.in_units_file) continue;
    const Unit& u = *units.Find(r.unit_code);
    if (r.participants_active + r.participants_retired + r.participants_spouse + r.ineligible ==
        0) {
      problems.Warning(units.Where(u), Tr("单位 " + r.unit_code + " 在会员名单中没有人员",
                                          "unit " + r.unit_code + " has no members in the ledger"));
    }
    // Without a ratio rule (Wujin) the unit's ratio is still shown, against a threshold of 0.
    const std::optional<std::int64_t> base = BaseOf(u, result.rules.base);
    if (!base && !result.rules.applies) continue;
    if (!base) {
      problems.Error(units.Where(u), Tr("单位 " + r.unit_code + " 缺少" +
                                            BaseName(result.rules.base) + "，无法检查参互比例",
                                        "unit " + r.unit_code + " lacks " +
                                            BaseName(result.rules.base) + ": ratio not checked"));
      continue;
    }
    r.has_base = true;
    r.check = CheckUnit(result.rules, *base, r.participants_active);
    if (*base == 0) {
      problems.Warning(units.Where(u),
                       Tr("单位 " + r.unit_code + " 的" + BaseName(result.rules.base) + "为 0",
                          "unit " + r.unit_code + " has a base of 0"));
    } else if (r.participants_active > *base) {
      problems.Warning(
          units.Where(u),
          Tr("单位 " + r.unit_code + " 参互人数 " + std::to_string(r.participants_active) +
                 " 多于" + BaseName(result.rules.base) + " " + std::to_string(*base),
             "unit " + r.unit_code + ": more participants than its base"));
    }
  }
  return result;
}

}  // namespace huzhu
