#include "reports/ratio_report.h"

#include <stdexcept>
#include <unordered_map>

#include "core/diagnostics.h"
#include "io/csv_writer.h"
#include "io/xlsx_writer.h"

namespace huzhu {

namespace {

const char* CategoryName(Category c) {
  switch (c) {
    case Category::kActive: return "在职";
    case Category::kRetired: return "退休";
    case Category::kSpouse: return "配偶";
  }
  return "";
}

bool Women(const RatioResult& r) { return r.project == "women"; }

std::string ProjectName(const RatioResult& r) { return Women(r) ? "女性馨康" : "住院医疗"; }

std::string BaseHeader(const RatioResult& r) {
  if (r.rules.base == "female_employees") return "在职女职工人数";
  if (r.rules.base == "eligible") return "符合条件职工人数";
  return "在职职工人数";
}

/// The names the federation gives its forms (002 art. 3 for IM 2026; the 2021 notice's
/// attachments 1-2 and 1-3); the other schemes get the generic names.
std::string LedgerTitle(const RuleSet& rules) {
  if (rules.scheme == "inner-mongolia") {
    return rules.project == "women" ? "女性馨康互助保障项目参互单位台账"
                                    : "内蒙古职工住院医疗互助保障项目参互单位台账";
  }
  if (rules.scheme == "hengyang") return "衡阳市职工医疗互助保障参互单位台账";
  if (rules.scheme == "wujin") return "武进区在职职工医疗互助保障参保单位台账";
  return "参互单位台账";
}

std::string SummaryTitle(const RuleSet& rules) {
  if (rules.scheme == "inner-mongolia") {
    return rules.project == "women" ? "女性馨康互助年度参互汇总表" : "职工住院医疗互助年度参互汇总表";
  }
  return std::to_string(rules.year) + " 年度参互汇总表";
}

/// Threshold in hundredths of a percent (75% = 7500).
std::int64_t ThresholdHundredths(const UnitCheck& c) { return c.threshold.millionths() / 100; }

/// What the clerk should know about a unit, in the current language.
std::string UnitNote(const RatioResult& result, const UnitRatio& u) {
  std::string note;
  const std::string joiner = Tr("；", "; ");
  auto add = [&](const std::string& s) { note += note.empty() ? s : joiner + s; };
  if (!u.in_units_file) {
    add(Tr("单位表中没有此单位，无法检查比例", "not in the units file: ratio not checked"));
  } else if (result.rules.applies && !u.has_base) {
    add(Tr("单位表缺少" + BaseHeader(result) + "，无法检查比例",
           "the units file lacks its base headcount: ratio not checked"));
  } else if (result.rules.applies && !u.check.pass) {
    add(Tr("未达到参互比例，还需 " + std::to_string(u.check.shortfall) + " 人",
           "below the required ratio: " + std::to_string(u.check.shortfall) + " more needed"));
  }
  if (u.ineligible > 0) {
    add(Tr(std::to_string(u.ineligible) + " 人不符合条件未计入（见资格问题）",
           std::to_string(u.ineligible) + " not counted (see 资格问题)"));
  }
  return note;
}

std::vector<std::size_t> LedgerOrder(const RatioResult& result) {
  // Region by first appearance, then the units' own order (no failing-first: a ledger).
  std::unordered_map<std::string_view, std::size_t> rank;
  for (const UnitRatio& u : result.units) rank.emplace(u.region, rank.size());
  std::vector<std::size_t> order(result.units.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return rank.at(result.units[a].region) < rank.at(result.units[b].region);
  });
  return order;
}

void WriteUnitSheet(XlsxWorkbook& book, const RatioResult& result) {
  XlsxSheet& sheet = book.AddSheet(
      "单位检查", {{"所属地区"}, {"单位编码"}, {"单位名称"}, {"项目"},
                   {BaseHeader(result), ColumnFormat::kInteger},
                   {"在职参互人数", ColumnFormat::kInteger},
                   {"退休参互人数", ColumnFormat::kInteger},
                   {"配偶参互人数", ColumnFormat::kInteger},
                   {"不符合条件人数", ColumnFormat::kInteger},
                   {"参互比例(%)", ColumnFormat::kDecimal2},
                   {"比例要求(%)", ColumnFormat::kDecimal2},
                   {"是否达标"},
                   {"差额人数", ColumnFormat::kInteger},
                   {"互助金总额", ColumnFormat::kMoney},
                   {"个人缴纳", ColumnFormat::kMoney},
                   {"补助", ColumnFormat::kMoney},
                   {"说明", ColumnFormat::kText, 40}});
  const std::string project = ProjectName(result);
  for (const std::size_t i : result.ReportOrder()) {
    const UnitRatio& u = result.units[i];
    const bool fails = Fails(result, u);
    if (fails) sheet.StyleRow(RowStyle::kAttention);
    sheet.Text(u.region);
    sheet.Text(u.unit_code);
    sheet.Text(u.unit_name);
    sheet.Text(project);
    if (u.has_base) {
      sheet.Integer(u.check.base);
    } else {
      sheet.Blank();
    }
    sheet.Integer(u.participants_active);
    sheet.Integer(u.participants_retired);
    sheet.Integer(u.participants_spouse);
    sheet.Integer(u.ineligible);
    if (u.has_base) {
      sheet.Hundredths(u.check.ratio_hundredths);
    } else {
      sheet.Blank();
    }
    if (result.rules.applies && u.has_base) {
      sheet.Hundredths(ThresholdHundredths(u.check));
    } else {
      sheet.Blank();
    }
    sheet.Text(!result.rules.applies ? "不要求" : fails ? "未达标" : "达标");
    if (u.has_base) {
      sheet.Integer(u.check.shortfall);
    } else {
      sheet.Blank();
    }
    sheet.MoneyCell(u.premium_total);
    sheet.MoneyCell(u.personal_total);
    sheet.MoneyCell(u.subsidy_total);
    sheet.Text(UnitNote(result, u));
    sheet.EndRow();
  }
}

const char* kFormLine = "机构名称：　　　　　　　　　　　　日期：　　　　年　　月　　日";

void WriteLedgerSheet(XlsxWorkbook& book, const RuleSet& rules, const RatioResult& result,
                      const RatioSummary& summary) {
  // 001 attachment 1-2: 序号, 参互单位名称, 在职职工人数, 参互人数 (在职, 退休), 在职参互比例,
  // 互助金总额. The women's scheme lists spouses where the hospital scheme lists retirees.
  const std::string others = Women(result) ? "配偶" : "退休";
  XlsxSheet& sheet = book.AddFormSheet(
      "参互单位台账", LedgerTitle(rules), kFormLine,
      {{"序号", ColumnFormat::kInteger, 6},
       {"参互单位名称", ColumnFormat::kText, 0},
       {BaseHeader(result), ColumnFormat::kInteger, 10},
       {"在职", ColumnFormat::kInteger, 9, "参互人数"},
       {others, ColumnFormat::kInteger, 9, "参互人数"},
       {"在职参互比例(%)", ColumnFormat::kDecimal2, 11},
       {"互助金总额", ColumnFormat::kMoney, 14}});
  std::int64_t n = 0;
  for (const std::size_t i : LedgerOrder(result)) {
    const UnitRatio& u = result.units[i];
    sheet.Integer(++n);
    sheet.Text(u.unit_name.empty() ? u.unit_code : u.unit_name);
    if (u.has_base) {
      sheet.Integer(u.check.base);
    } else {
      sheet.Blank();
    }
    sheet.Integer(u.participants_active);
    sheet.Integer(Women(result) ? u.participants_spouse : u.participants_retired);
    if (u.has_base) {
      sheet.Hundredths(u.check.ratio_hundredths);
    } else {
      sheet.Blank();
    }
    sheet.MoneyCell(u.premium_total);
    sheet.EndRow();
  }
  const RegionTotals& t = summary.total;
  sheet.StyleRow(RowStyle::kTotal);
  sheet.Blank();
  sheet.Text("合计");
  sheet.Integer(t.base);
  sheet.Integer(t.active);
  sheet.Integer(Women(result) ? t.spouse : t.retired);
  if (t.base > 0) {
    sheet.Hundredths(CheckUnit(RatioRules{}, t.base, t.active).ratio_hundredths);
  } else {
    sheet.Blank();
  }
  sheet.MoneyCell(t.premium);
  sheet.EndRow();
}

void WriteSummarySheet(XlsxWorkbook& book, const RuleSet& rules, const RatioResult& result,
                       const RatioSummary& summary) {
  // 001 attachment 1-3: 序号, 代办点名称, 参互单位数, 续互人数, 新参互人数, 在职参互人数,
  // 退休参互人数, 互助金总额; our rows are the ledger's regions. The premium split and the
  // count of failing units follow the form's columns.
  const std::string others = Women(result) ? "配偶参互人数" : "退休参互人数";
  XlsxSheet& sheet = book.AddFormSheet(
      "年度参互汇总表", SummaryTitle(rules),
      "办事处名称：　　　　　　　　　　　　日期：　　　　年　　月　　日",
      {{"序号", ColumnFormat::kInteger, 6},
       {"代办点名称（地区）", ColumnFormat::kText, 0},
       {"参互单位数", ColumnFormat::kInteger, 9},
       {"续互人数", ColumnFormat::kInteger, 9},
       {"新参互人数", ColumnFormat::kInteger, 9},
       {"在职参互人数", ColumnFormat::kInteger, 9},
       {others, ColumnFormat::kInteger, 9},
       {"互助金总额", ColumnFormat::kMoney, 14},
       {"个人缴纳", ColumnFormat::kMoney, 14, "其中"},
       {"补助", ColumnFormat::kMoney, 14, "其中"},
       {"未达标单位数", ColumnFormat::kInteger, 9}});
  auto line = [&](const RegionTotals& r) {
    sheet.Text(r.region);
    sheet.Integer(r.units);
    sheet.Integer(r.renewed);
    sheet.Integer(r.new_members);
    sheet.Integer(r.active);
    sheet.Integer(Women(result) ? r.spouse : r.retired);
    sheet.MoneyCell(r.premium);
    sheet.MoneyCell(r.personal);
    sheet.MoneyCell(r.subsidy);
    sheet.Integer(r.units_failing);
    sheet.EndRow();
  };
  std::int64_t n = 0;
  for (const RegionTotals& r : summary.regions) {
    sheet.Integer(++n);
    line(r);
  }
  sheet.StyleRow(RowStyle::kTotal);
  sheet.Blank();
  line(summary.total);
}

void WriteFindingsSheet(XlsxWorkbook& book, const MemberTable& members,
                        const RatioResult& result) {
  XlsxSheet& sheet = book.AddSheet("资格问题", {{"处理", ColumnFormat::kText, 12},
                                               {"所属地区"},
                                               {"单位编码"},
                                               {"单位名称"},
                                               {"身份证号", ColumnFormat::kText, 20},
                                               {"姓名"},
                                               {"人员类别", ColumnFormat::kText, 8},
                                               {"文件"},
                                               {"行", ColumnFormat::kInteger, 8},
                                               {"原因", ColumnFormat::kText, 60},
                                               {"依据（规则参数与条款）", ColumnFormat::kText, 50}});
  for (const MemberFinding& f : result.findings) {
    const Member& m = members.at(f.member);
    if (!f.counted) sheet.StyleRow(RowStyle::kAttention);
    sheet.Text(f.counted ? "计入（提示）" : "不计入");
    sheet.Text(m.region);
    sheet.Text(m.unit_code);
    sheet.Text(m.unit_name);
    sheet.Text(m.id);
    sheet.Text(m.name);
    sheet.Text(CategoryName(m.category));
    sheet.Text(members.files()[m.file].path);
    sheet.Integer(m.row);
    sheet.Text(f.reason);
    sheet.Text(f.rule);
    sheet.EndRow();
  }
}

void WriteRatioWorkbook(const std::string& path, const std::string& temp_dir, const RuleSet& rules,
                        const MemberTable& members, const RatioResult& result,
                        const RatioSummary& summary, const ProblemList& problems,
                        const std::vector<InputRecord>& inputs) {
  XlsxWorkbook book(path, temp_dir);
  WriteUnitSheet(book, result);
  WriteLedgerSheet(book, rules, result, summary);
  WriteSummarySheet(book, rules, result, summary);
  WriteFindingsSheet(book, members, result);
  WriteRulesSheet(book, rules, inputs);
  WriteProblemsSheet(book, problems);
  book.Close();
}

void WriteRatioCsv(const std::string& path, const RatioResult& result) {
  CsvWriter csv(path);
  csv.Header(RatioCsvColumns());
  const char* project = Women(result) ? "women" : "hospital";
  for (const std::size_t i : result.ReportOrder()) {
    const UnitRatio& u = result.units[i];
    csv.Text(u.unit_code);
    csv.Text(u.unit_name);
    csv.Text(u.region);
    csv.Text(project);
    if (u.has_base) {
      csv.Integer(u.check.base);
    } else {
      csv.Blank();
    }
    csv.Integer(u.participants_active);
    csv.Integer(u.participants_retired);
    csv.Integer(u.participants_spouse);
    if (u.has_base) {
      csv.Hundredths(u.check.ratio_hundredths);
    } else {
      csv.Blank();
    }
    if (result.rules.applies && u.has_base) {
      csv.Hundredths(ThresholdHundredths(u.check));
    } else {
      csv.Blank();
    }
    csv.Bool(!Fails(result, u));
    if (u.has_base) {
      csv.Integer(u.check.shortfall);
    } else {
      csv.Blank();
    }
    csv.MoneyField(u.premium_total);
    csv.MoneyField(u.personal_total);
    csv.MoneyField(u.subsidy_total);
    csv.Integer(u.ineligible);
    csv.Integer(u.members_new);
    csv.Integer(u.members_renewed);
    csv.Text(UnitNote(result, u));
    csv.EndRow();
  }
  csv.Close();
}

void Add(RegionTotals& into, const RegionTotals& r) {
  into.units += r.units;
  into.units_failing += r.units_failing;
  into.renewed += r.renewed;
  into.new_members += r.new_members;
  into.active += r.active;
  into.retired += r.retired;
  into.spouse += r.spouse;
  into.not_counted += r.not_counted;
  into.base += r.base;
  into.premium += r.premium;
  into.personal += r.personal;
  into.subsidy += r.subsidy;
}

}  // namespace

const std::vector<std::string>& RatioCsvColumns() {
  static const std::vector<std::string> cols{
      "unit_code",       "unit_name",      "region",          "project",
      "base",            "participants_active", "participants_retired", "participants_spouse",
      "ratio_percent",   "threshold_percent", "pass",          "shortfall",
      "premium_total",   "personal_total", "subsidy_total",   "ineligible",
      "members_new",     "members_renewed", "note"};
  return cols;
}

RatioSummary SummarizeRatio(const RatioResult& result, const MemberTable& members) {
  RatioSummary s;
  std::unordered_map<std::string_view, std::size_t> index;
  Money unit_premium, unit_personal, unit_subsidy;
  std::int64_t counted = 0, not_counted = 0;
  for (const std::size_t i : result.ReportOrder()) {
    const UnitRatio& u = result.units[i];
    auto [it, inserted] = index.try_emplace(u.region, s.regions.size());
    if (inserted) {
      s.regions.emplace_back();
      s.regions.back().region = u.region;
    }
    RegionTotals& r = s.regions[it->second];
    const std::int64_t people = u.participants_active + u.participants_retired + u.participants_spouse;
    if (people > 0) ++r.units;
    if (Fails(result, u)) ++r.units_failing;
    if (u.in_units_file && (!result.rules.applies || u.has_base)) ++s.units_checked;
    if (result.rules.applies && u.has_base && u.check.pass) ++s.units_passing;
    r.renewed += u.members_renewed;
    r.new_members += u.members_new;
    r.active += u.participants_active;
    r.retired += u.participants_retired;
    r.spouse += u.participants_spouse;
    r.not_counted += u.ineligible;
    if (u.has_base) r.base += u.check.base;
    r.premium += u.premium_total;
    r.personal += u.personal_total;
    r.subsidy += u.subsidy_total;
    unit_premium += u.premium_total;
    unit_personal += u.personal_total;
    unit_subsidy += u.subsidy_total;
    counted += people;
    not_counted += u.ineligible;
    if (u.members_new + u.members_renewed != people) {
      throw std::logic_error("ratio: unit " + u.unit_code + " new + renewed != participants");
    }
    if (u.personal_total + u.subsidy_total != u.premium_total) {
      throw std::logic_error("ratio: unit " + u.unit_code + " personal + subsidy != premium");
    }
  }
  s.total.region = "合计";
  for (const RegionTotals& r : s.regions) Add(s.total, r);
  if (counted + not_counted != static_cast<std::int64_t>(members.size()) ||
      counted != result.counted || not_counted != result.not_counted) {
    throw std::logic_error("ratio: members counted + not counted != ledger rows of the project");
  }
  if (s.total.premium != unit_premium || s.total.personal != unit_personal ||
      s.total.subsidy != unit_subsidy) {
    throw std::logic_error("ratio: region premium totals disagree with the units");
  }
  return s;
}

void WriteRatioOutputs(OutputStage& stage, const RuleSet& rules, const MemberTable& members,
                       const RatioResult& result, const RatioSummary& summary,
                       const ProblemList& problems, const std::vector<InputRecord>& inputs) {
  const std::string xlsx_path = stage.PathFor("ratio.xlsx");
  const std::string csv_path = stage.PathFor("ratio.csv");
  WriteInParallel(
      [&] {
        WriteRatioWorkbook(xlsx_path, stage.staging_dir(), rules, members, result, summary,
                           problems, inputs);
      },
      [&] { WriteRatioCsv(csv_path, result); });
}

}  // namespace huzhu
