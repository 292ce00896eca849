#include "records/targets.h"

#include "core/diagnostics.h"
#include "core/text.h"
#include "records/table_reader.h"

namespace huzhu {

namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

/// 包含地区: sub-regions separated by 、 , ， ; ；
std::vector<std::string> SplitRegions(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  auto flush = [&] {
    std::string t = NormalizeText(current);
    if (!t.empty()) out.push_back(std::move(t));
    current.clear();
  };
  for (std::size_t i = 0; i < text.size();) {
    bool separator = false;
    for (std::string_view sep : {"、", "，", "；", ",", ";"}) {
      if (text.substr(i, sep.size()) == sep) {
        flush();
        i += sep.size();
        separator = true;
        break;
      }
    }
    if (!separator) current += text[i++];
  }
  flush();
  return out;
}

template <typename Table>
void NoteFile(Table& table, const std::string& path) {
  table.files.push_back(InputFile{path, ""});
}

/// A region already on an earlier row (same key; `same` narrows to the same project) is an error:
/// the first row counts. True when `region` repeats.
template <typename Rows, typename Same>
bool Repeats(const Rows& rows, const std::string& region, Same same, const Location& where,
             ProblemList& problems) {
  for (const auto& other : rows) {
    if (!same(other) || RegionKey(other.region) != RegionKey(region)) continue;
    problems.Error(where, Tr("地区“" + region + "”重复（首次在第 " + std::to_string(other.row) +
                                 " 行），此行未使用",
                             "region '" + region + "' repeats (first at row " +
                                 std::to_string(other.row) + "): row not used"));
    return true;
  }
  return false;
}

}  // namespace

std::string RegionKey(std::string_view region) {
  const std::string normalized = NormalizeText(region);
  std::string_view key = normalized;
  // Longest suffixes first; a bare 市/盟 only after the union suffixes are gone.
  for (std::string_view suffix : {"市总工会", "盟总工会", "盟工会", "总工会", "工会工委", "工会"}) {
    if (EndsWith(key, suffix)) {
      key.remove_suffix(suffix.size());
      break;
    }
  }
  for (std::string_view suffix : {"市", "盟"}) {
    if (EndsWith(key, suffix)) {
      key.remove_suffix(suffix.size());
      break;
    }
  }
  return std::string(key);
}

TargetTable ReadTargets(const std::vector<std::string>& files, const std::string& sheet,
                        ProblemList& problems) {
  const TableSpec& spec = TargetsTable();
  const FieldId f_region = spec.Id("region"), f_project = spec.Id("project"),
                f_target = spec.Id("target"), f_includes = spec.Id("includes"),
                f_last_year = spec.Id("last_year"), f_source = spec.Id("source");
  TargetTable table;
  for (const std::string& path : files) {
    const auto file_index = static_cast<std::uint16_t>(table.files.size());
    NoteFile(table, path);
    ForEachRecord(path, sheet, spec, [&](const RowView& row) {
      table.files[file_index].sheet = row.Where(f_region).sheet;
      Target t;
      t.region = NormalizeText(row.View(f_region));
      t.row = row.number();
      t.file = file_index;
      if (t.region.empty()) {
        problems.Error(row.Where(f_region), Tr("地区为空，此行未使用", "empty region: row not used"));
        return;
      }
      const std::string project_text = row.Text(f_project);
      const std::optional<Project> project = ParseProject(project_text);
      if (!project) {
        problems.Error(row.Where(f_project),
                       Tr("项目“" + project_text + "”无法识别（应为 住院医疗 或 女性馨康），此行未使用",
                          "unknown project '" + project_text + "': row not used"));
        return;
      }
      t.project = *project;
      try {
        const std::optional<std::int64_t> target = row.GetInteger(f_target);
        if (!target || *target <= 0) {
          problems.Error(row.Where(f_target),
                         Tr("目标人数应为正整数，此行未使用", "target must be a positive whole number: row not used"));
          return;
        }
        t.target = *target;
        t.last_year = row.GetInteger(f_last_year);
      } catch (const Error& e) {
        problems.Error(e.where(), e.message() + Tr("，此行未使用", ": row not used"));
        return;
      }
      t.includes = SplitRegions(row.View(f_includes));
      t.source = NormalizeText(row.View(f_source));
      const auto same_project = [&t](const Target& other) { return other.project == t.project; };
      if (Repeats(table.targets, t.region, same_project, row.Where(f_region), problems)) return;
      table.targets.push_back(std::move(t));
    });
  }
  return table;
}

ManualScoreTable ReadManualScores(const std::vector<std::string>& files, const std::string& sheet,
                                  ProblemList& problems) {
  const TableSpec& spec = ManualScoresTable();
  const FieldId f_region = spec.Id("region");
  const std::array<FieldId, 4> items{spec.Id("organisation"), spec.Id("claim_review"),
                                     spec.Id("management"), spec.Id("publicity")};
  ManualScoreTable table;
  for (const std::string& path : files) {
    const auto file_index = static_cast<std::uint16_t>(table.files.size());
    NoteFile(table, path);
    ForEachRecord(path, sheet, spec, [&](const RowView& row) {
      table.files[file_index].sheet = row.Where(f_region).sheet;
      ManualScore s;
      s.region = NormalizeText(row.View(f_region));
      s.row = row.number();
      s.file = file_index;
      if (s.region.empty()) {
        problems.Error(row.Where(f_region), Tr("地区为空，此行未使用", "empty region: row not used"));
        return;
      }
      for (std::size_t k = 0; k < items.size(); ++k) {
        try {
          // A score is 0–1 point with one decimal: read exactly as money, then in tenths.
          const std::optional<Money> v = row.GetMoney(items[k]);
          if (!v) continue;
          if (v->fen() < 0 || v->fen() > 100 || v->fen() % 10 != 0) {
            problems.Error(row.Where(items[k]),
                           Tr("评分应为 0 至 1 之间、最多一位小数，此项未计",
                              "a score is 0 to 1 with at most one decimal: not counted"));
            continue;
          }
          s.tenths[k] = v->fen() / 10;
        } catch (const Error& e) {
          problems.Error(e.where(), e.message());
        }
      }
      const auto any = [](const ManualScore&) { return true; };
      if (Repeats(table.scores, s.region, any, row.Where(f_region), problems)) return;
      table.scores.push_back(std::move(s));
    });
  }
  return table;
}

}  // namespace huzhu
