// Streams the data rows of an input file through a header map: the common part of reading
// members, claims, units, targets and bank results.
#pragma once

#include <functional>
#include <string>

#include "records/cell_values.h"
#include "records/columns.h"
#include "records/inspect.h"

namespace huzhu {

/// Calls `fn` for every non-blank data row of `path` (sheet `sheet`, or the first). The header is
/// the first row (of the first 20) naming at least two of `table`'s columns. Throws Error(kInput)
/// when the file cannot be read, has no such header, or lacks a required column — before any row
/// is passed on.
void ForEachRecord(const std::string& path, const std::string& sheet, const TableSpec& table,
                   const std::function<void(const RowView& row)>& fn,
                   const ProgressFn& progress = nullptr);

}  // namespace huzhu
