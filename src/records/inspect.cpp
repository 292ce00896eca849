#include "records/inspect.h"

#include "core/diagnostics.h"
#include "records/cell_values.h"

namespace huzhu {

namespace {

int CountMatches(const Row& row, const TableSpec* table) {
  int n = 0;
  for (const Cell& cell : row.cells) {
    if (cell.type != CellType::kText) continue;
    if (table != nullptr) {
      n += MatchHeader(*table, cell.text) != nullptr;
      continue;
    }
    for (const TableSpec* t : AllTables()) {
      if (MatchHeader(*t, cell.text) != nullptr) {
        ++n;
        break;
      }
    }
  }
  return n;
}

}  // namespace

bool FindHeaderRow(SheetReader& reader, const TableSpec* table, OwnedRow& header,
                   int max_rows) {
  Row row;
  bool have_first = false;
  for (int seen = 0; seen < max_rows && reader.NextRow(row); ++seen) {
    if (row.IsBlank()) continue;
    if (!have_first) {
      header.Assign(row);
      have_first = true;
    }
    if (CountMatches(row, table) >= 2) {
      header.Assign(row);
      return true;
    }
  }
  return false;
}

InspectReport InspectFile(const std::string& path, const std::string& sheet,
                          std::size_t max_problems, const ProgressFn& progress) {
  InspectReport report;
  auto reader = OpenSheet(path, sheet);
  report.info = reader->info();

  OwnedRow owned_header;
  report.header_found = FindHeaderRow(*reader, nullptr, owned_header);
  const Row& header = owned_header.row();
  report.header_row = header.number;
  if (!report.header_found) {
    for (std::size_t c = 0; c < header.cells.size(); ++c) {
      if (header.cells[c].text.empty()) continue;
      report.columns.push_back(InspectedColumn{ColumnLetter(static_cast<int>(c)),
                                               std::string(header.cells[c].text), ""});
    }
    // Nothing maps: still count rows so the clerk sees the size of what was read.
    Row row;
    while (reader->NextRow(row)) report.data_rows += !row.IsBlank();
    return report;
  }

  std::vector<HeaderMap> maps;
  maps.reserve(AllTables().size());
  for (const TableSpec* t : AllTables()) {
    HeaderMap map(*t, header, path, report.info.sheet);
    report.tables.push_back(InspectedTable{t, map.MatchedCount(), map.MissingRequired()});
    maps.push_back(std::move(map));
  }
  std::size_t best = 0;
  for (std::size_t i = 1; i < report.tables.size(); ++i) {
    const auto& a = report.tables[i];
    const auto& b = report.tables[best];
    // More matched columns wins; then fewer missing required columns.
    if (a.matched > b.matched ||
        (a.matched == b.matched && a.missing_required.size() < b.missing_required.size())) {
      best = i;
    }
  }
  report.best = report.tables[best].table;
  const HeaderMap& map = maps[best];
  // Columns as the best-matching table reads them.
  for (std::size_t c = 0; c < header.cells.size(); ++c) {
    InspectedColumn col;
    col.letter = ColumnLetter(static_cast<int>(c));
    col.header = std::string(header.cells[c].text);
    if (const FieldSpec* f = MatchHeader(*report.best, col.header)) col.key = f->key;
    if (!col.header.empty()) report.columns.push_back(col);
  }

  auto add_problem = [&](Location where, std::string message) {
    ++report.problem_count;
    if (report.problems.size() < max_problems) {
      report.problems.push_back(InspectProblem{std::move(where), std::move(message)});
    }
  };
  for (const FieldSpec* f : report.tables[best].missing_required) {
    add_problem(Location(path, report.info.sheet, header.number),
                Tr("缺少必填列 ", "missing required column ") + AcceptedNames(*f));
  }

  Row row;
  std::int64_t pending_blank = 0;
  while (reader->NextRow(row)) {
    if (row.IsBlank()) {
      ++pending_blank;
      continue;
    }
    if (progress && (report.data_rows & 0x3FFF) == 0) {
      progress(reader->BytesRead(), reader->BytesTotal());
    }
    report.blank_rows += pending_blank;
    pending_blank = 0;
    ++report.data_rows;
    for (const HeaderMap::Match& m : map.matches()) {
      const Cell& cell = row.at(static_cast<std::size_t>(m.column));
      if (IsBlankCell(cell)) {
        if (m.field->need == Need::kRequired) {
          add_problem(Location(path, report.info.sheet, row.number, m.column,
                               map.HeaderText(m.column)),
                      Tr("必填项为空", "a required value is empty"));
        }
        continue;
      }
      std::string message = CheckCell(cell, m.field->type, report.info.date1904);
      if (!message.empty()) {
        add_problem(
            Location(path, report.info.sheet, row.number, m.column, map.HeaderText(m.column)),
            std::move(message));
      }
    }
  }
  return report;
}

}  // namespace huzhu
