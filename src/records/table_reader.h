// Streams the data rows of an input file through a header map: the common part of reading
// members, claims, units, targets and bank results.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

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

/// Reserving a record vector from the first rows' size, so that a province's records are not
/// regrown by doubling (each regrowth moves them all and faults in twice the memory). Wrap the
/// reading's progress callback with Wrap(); call StartFile() before each file. On the first
/// progress report, `reserve` gets the rows all `files` will hold, estimated from the current
/// file's rows and bytes so far, with 10% to spare and at most `cap` (more than is used costs
/// address space only).
class RowReservation {
 public:
  RowReservation(const std::vector<std::string>& files, std::size_t cap,
                 std::function<std::size_t()> rows_read, std::function<void(std::size_t)> reserve);
  void StartFile() { rows_before_file_ = rows_read_(); }
  ProgressFn Wrap(const ProgressFn& progress);

 private:
  std::uint64_t all_bytes_ = 0;
  std::size_t cap_;
  std::function<std::size_t()> rows_read_;
  std::function<void(std::size_t)> reserve_;
  std::size_t rows_before_file_ = 0;
  bool reserved_ = false;
};

}  // namespace huzhu
