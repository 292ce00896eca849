#include "reports/score_report.h"

#include <fmt/format.h>

#include <optional>

#include "core/diagnostics.h"
#include "io/csv_writer.h"
#include "io/xlsx_writer.h"

namespace huzhu {

namespace {

const char* ProjectName(Project p) { return p == Project::kWomen ? "女性馨康" : "住院医疗"; }

const ProjectLine* LineFor(const RegionScore& r, Project p) {
  for (const ProjectLine& l : r.projects) {
    if (l.project == p) return &l;
  }
  return nullptr;
}

bool AnyRenewal(const ScoreResult& result) {
  for (const RegionScore& r : result.regions) {
    for (const ProjectLine& l : r.projects) {
      if (l.renewal_hundredths) return true;
    }
  }
  return false;
}

XlsxSheet& WriteScoreSheet(XlsxWorkbook& book, const RuleSet& rules, const ScoreResult& result) {
  // 序号, 地区, then per project 目标人数 / 实际人数 / 完成率 / 加减分, then the region's points.
  std::vector<XlsxColumn> cols{{"序号", ColumnFormat::kInteger, 6}, {"地区", ColumnFormat::kText, 0}};
  for (const Project p : result.projects) {
    const std::string g = ProjectName(p);
    cols.push_back({"目标人数", ColumnFormat::kInteger, 11, g});
    cols.push_back({"实际人数", ColumnFormat::kInteger, 11, g});
    cols.push_back({"完成率(%)", ColumnFormat::kDecimal2, 10, g});
    cols.push_back({"加减分", ColumnFormat::kDecimal1, 8, g});
  }
  const bool points = result.rules.present;
  const bool renewal = AnyRenewal(result);
  for (const char* h : {"目标完成得分", "组织领导", "申领审核", "日常管理", "新闻宣传", "总分"}) {
    cols.push_back({h, ColumnFormat::kDecimal1, 9, std::string(h) == "目标完成得分" || std::string(h) == "总分" ? "" : "其余四项"});
  }
  if (renewal) {
    for (const Project p : result.projects) {
      cols.push_back({std::string(ProjectName(p)) + "续会率(%)", ColumnFormat::kDecimal2, 12});
    }
  }
  XlsxSheet& sheet = book.AddFormSheet(
      "考核得分", std::to_string(rules.year) + " 年度职工互助保障工作考核得分（目标完成情况）",
      "考核依据：000 附件4《职工互助保障工作考核要求》（规则参考第8节）；规则 " + rules.id +
          "；实际人数为符合参互条件的会员（每人每项目一份）",
      cols);
  std::int64_t n = 0;
  for (const RegionScore& r : result.regions) {
    sheet.Integer(++n);
    sheet.Text(r.region);
    for (const Project p : result.projects) {
      const ProjectLine* l = LineFor(r, p);
      if (l == nullptr) {
        for (int k = 0; k < 4; ++k) sheet.Blank();
        continue;
      }
      sheet.Integer(l->score.target);
      sheet.Integer(l->score.actual);
      sheet.Hundredths(l->score.completion_hundredths);
      if (points) {
        sheet.Tenths(l->score.adjustment_tenths);
      } else {
        sheet.Blank();
      }
    }
    if (points) {
      sheet.Tenths(r.completion_tenths);
    } else {
      sheet.Blank();
    }
    // The four manual items, when a manual-scores file gave them.
    if (r.manual_tenths) {
      for (int k = 0; k < 4; ++k) {
        if (r.manual_items[k]) {
          sheet.Tenths(*r.manual_items[k]);
        } else {
          sheet.Blank();
        }
      }
    } else {
      for (int k = 0; k < 4; ++k) sheet.Blank();
    }
    if (points) {
      sheet.Tenths(r.total_tenths);
    } else {
      sheet.Blank();
    }
    if (renewal) {
      for (const Project p : result.projects) {
        const ProjectLine* l = LineFor(r, p);
        if (l != nullptr && l->renewal_hundredths) {
          sheet.Hundredths(*l->renewal_hundredths);
        } else {
          sheet.Blank();
        }
      }
    }
    sheet.EndRow();
  }
  // Under target in red, over target in green (conditional formatting on 实际人数).
  for (std::size_t k = 0; k < result.projects.size(); ++k) {
    const auto target_col = static_cast<std::uint16_t>(2 + 4 * k);
    const auto actual_col = static_cast<std::uint16_t>(target_col + 1);
    const std::string t = ColumnLetter(target_col), a = ColumnLetter(actual_col);
    sheet.HighlightWhen(actual_col, actual_col + 1,
                        fmt::format("=AND(ISNUMBER(${0}{{row}}),${1}{{row}}<${0}{{row}})", t, a),
                        RowStyle::kAttention);
    sheet.HighlightWhen(actual_col, actual_col + 1,
                        fmt::format("=AND(ISNUMBER(${0}{{row}}),${1}{{row}}>${0}{{row}})", t, a),
                        RowStyle::kGood);
  }
  return sheet;
}

/// A bar chart of target vs actual per region, one pair of bars per project.
void AddChart(XlsxWorkbook& book, const RuleSet& rules, const ScoreResult& result,
              const XlsxSheet& scores) {
  std::vector<XlsxWorkbook::ChartSeries> series;
  for (std::size_t k = 0; k < result.projects.size(); ++k) {
    const std::string g = ProjectName(result.projects[k]);
    series.push_back({g + "目标人数", static_cast<std::uint16_t>(2 + 4 * k)});
    series.push_back({g + "实际人数", static_cast<std::uint16_t>(3 + 4 * k)});
  }
  book.AddBarChartSheet("目标与实际", std::to_string(rules.year) + " 年度各地区目标与实际参互人数",
                        scores, static_cast<std::uint32_t>(result.regions.size()), 1, series, "人数");
}

void WriteDetailSheet(XlsxWorkbook& book, const ScoreResult& result) {
  XlsxSheet& sheet = book.AddSheet("明细", {{"地区"},
                                           {"项目"},
                                           {"目标人数", ColumnFormat::kInteger},
                                           {"实际人数", ColumnFormat::kInteger},
                                           {"完成率(%)", ColumnFormat::kDecimal2},
                                           {"档数", ColumnFormat::kInteger},
                                           {"加减分（未封顶）", ColumnFormat::kDecimal1},
                                           {"目标完成得分", ColumnFormat::kDecimal1},
                                           {"其余四项得分", ColumnFormat::kDecimal1},
                                           {"总分", ColumnFormat::kDecimal1},
                                           {"续互人数", ColumnFormat::kInteger},
                                           {"续会率(%)", ColumnFormat::kDecimal2},
                                           {"续会率达标"},
                                           {"目标来源", ColumnFormat::kText, 0}});
  for (const RegionScore& r : result.regions) {
    for (const ProjectLine& l : r.projects) {
      sheet.Text(r.region);
      sheet.Text(ProjectName(l.project));
      sheet.Integer(l.score.target);
      sheet.Integer(l.score.actual);
      sheet.Hundredths(l.score.completion_hundredths);
      if (result.rules.present) {
        sheet.Integer(l.score.steps);
        sheet.Tenths(l.score.adjustment_tenths);
        sheet.Tenths(r.completion_tenths);
      } else {
        sheet.Blank();
        sheet.Blank();
        sheet.Blank();
      }
      if (r.manual_tenths) {
        sheet.Tenths(*r.manual_tenths);
      } else {
        sheet.Blank();
      }
      if (result.rules.present) {
        sheet.Tenths(r.total_tenths);
      } else {
        sheet.Blank();
      }
      sheet.Integer(l.renewed);
      if (l.renewal_hundredths) {
        sheet.Hundredths(*l.renewal_hundredths);
      } else {
        sheet.Blank();
      }
      sheet.Text(!l.renewal_pass ? "" : *l.renewal_pass ? "达标" : "未达标");
      sheet.Text(l.target->source);
      sheet.EndRow();
    }
  }
  sheet.HighlightWhen(3, 4, "=$D{row}<$C{row}", RowStyle::kAttention);
  sheet.HighlightWhen(3, 4, "=$D{row}>$C{row}", RowStyle::kGood);
}

void WriteUnmatchedSheet(XlsxWorkbook& book, const MemberTable& members, const ScoreResult& result) {
  XlsxSheet& sheet = book.AddSheet("未对应地区", {{"所属地区"},
                                                 {"项目"},
                                                 {"会员人数", ColumnFormat::kInteger},
                                                 {"首次出现（文件）"},
                                                 {"行", ColumnFormat::kInteger, 8},
                                                 {"说明", ColumnFormat::kText, 50}});
  for (const UnmatchedRegion& u : result.unmatched) {
    const Member& m = members.at(u.first_member);
    sheet.StyleRow(RowStyle::kAttention);
    sheet.Text(u.region);
    sheet.Text(ProjectName(u.project));
    sheet.Integer(u.members);
    sheet.Text(members.files()[m.file].path);
    sheet.Integer(m.row);
    sheet.Text(u.region.empty() ? "会员名单未填写所属地区" : "目标表中没有此地区，未计入任何地区的实际人数");
    sheet.EndRow();
  }
}

void WriteScoreCsv(const std::string& path, const ScoreResult& result) {
  CsvWriter csv(path);
  csv.Header(ScoreCsvColumns());
  for (const RegionScore& r : result.regions) {
    for (const ProjectLine& l : r.projects) {
      csv.Text(r.region);
      csv.Text(ProjectCode(l.project));
      csv.Integer(l.score.target);
      csv.Integer(l.score.actual);
      csv.Hundredths(l.score.completion_hundredths);
      if (result.rules.present) {
        csv.Integer(l.score.steps);
        csv.Tenths(l.score.adjustment_tenths);
        csv.Tenths(r.completion_tenths);
      } else {
        csv.Blank();
        csv.Blank();
        csv.Blank();
      }
      if (r.manual_tenths) {
        csv.Tenths(*r.manual_tenths);
      } else {
        csv.Blank();
      }
      if (result.rules.present) {
        csv.Tenths(r.total_tenths);
      } else {
        csv.Blank();
      }
      if (l.renewal_hundredths) {
        csv.Hundredths(*l.renewal_hundredths);
      } else {
        csv.Blank();
      }
      if (l.renewal_pass) {
        csv.Bool(*l.renewal_pass);
      } else {
        csv.Blank();
      }
      csv.EndRow();
    }
  }
  csv.Close();
}

}  // namespace

const std::vector<std::string>& ScoreCsvColumns() {
  static const std::vector<std::string> cols{
      "region",  "project",          "target",       "actual",        "completion_percent",
      "steps",   "adjustment",       "completion_points", "manual_points", "total_points",
      "renewal_percent", "renewal_pass"};
  return cols;
}

void WriteScoreOutputs(OutputStage& stage, const std::vector<const RuleSet*>& rules,
                       const MemberTable& members, const ScoreResult& result,
                       const ProblemList& problems, const std::vector<InputRecord>& inputs) {
  {
    XlsxWorkbook book(stage.PathFor("score.xlsx"), stage.staging_dir());
    const XlsxSheet& scores = WriteScoreSheet(book, *rules.front(), result);
    WriteDetailSheet(book, result);
    AddChart(book, *rules.front(), result, scores);
    // One 规则 sheet per rule set that counted members (the named file's first).
    for (std::size_t i = 0; i < rules.size(); ++i) {
      WriteRulesSheet(book, *rules[i], inputs,
                      i == 0 ? "规则" : "规则（" + std::string(rules[i]->project == "women" ? "女性馨康" : "住院医疗") + "）");
    }
    WriteUnmatchedSheet(book, members, result);
    WriteProblemsSheet(book, problems);
    book.Close();
  }
  WriteScoreCsv(stage.PathFor("score.csv"), result);
}

}  // namespace huzhu
