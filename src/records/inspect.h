// What the tool sees in a file: format, encoding, sheets, the header row mapped onto the data
// contract, missing required columns and the first problems in the data. Used by `huzhu inspect`.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "io/table.h"
#include "records/columns.h"

namespace huzhu {

/// Finds the header row among the first rows of a sheet: the first row with at least two cells
/// naming a data-contract column of `table` (or of any table when `table` is null). Returns false
/// if none of the first `max_rows` rows qualifies; `header` then holds the first non-blank row.
/// Rows before the header are consumed from the reader.
bool FindHeaderRow(SheetReader& reader, const TableSpec* table, OwnedRow& header,
                   int max_rows = 20);

struct InspectedColumn {
  std::string letter;  ///< A, B, …
  std::string header;  ///< as written
  std::string key;     ///< data-contract English name, or "" when unknown
};

struct InspectedTable {
  const TableSpec* table = nullptr;
  int matched = 0;
  std::vector<const FieldSpec*> missing_required;
};

struct InspectProblem {
  Location where;
  std::string message;
};

struct InspectReport {
  SheetInfo info;
  bool header_found = false;
  std::int64_t header_row = 0;
  std::vector<InspectedColumn> columns;
  std::vector<InspectedTable> tables;  ///< members, claims, units, targets, manual, bank
  const TableSpec* best = nullptr;     ///< the table the file most looks like
  std::int64_t data_rows = 0;          ///< non-blank rows after the header
  std::int64_t blank_rows = 0;         ///< blank rows between data rows
  std::int64_t problem_count = 0;
  std::vector<InspectProblem> problems;  ///< the first `max_problems`
};

/// Reads the whole sheet (streaming) and reports. Throws Error(kInput) when the file cannot be
/// read at all.
/// `progress` (optional) is called now and then with bytes read and bytes in all.
using ProgressFn = std::function<void(std::uint64_t done, std::uint64_t total)>;
InspectReport InspectFile(const std::string& path, const std::string& sheet,
                          std::size_t max_problems = 20, const ProgressFn& progress = nullptr);

}  // namespace huzhu
