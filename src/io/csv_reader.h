// The CSV reader's tuning knobs. OpenCsv(path) in table.h uses the defaults; tests shrink them to
// put chunk boundaries and limits where they want.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "io/table.h"

namespace huzhu {

/// Limits and buffer sizes of the CSV reader.
struct CsvOptions {
  /// Bytes read from the file at a time. The first chunk is also the window in which the encoding
  /// is detected: valid UTF-8 there means the file is UTF-8, otherwise it is GB18030.
  std::size_t chunk_size = std::size_t{1} << 20;
  /// A longer field is an error (usually a quote that is never closed, or not a CSV at all).
  std::size_t max_field_bytes = std::size_t{1} << 20;
  /// A record with more fields is an error (Excel's limit is 16,384 columns).
  std::size_t max_fields = 16384;
  /// A longer record is an error; bounds the reader's memory.
  std::size_t max_record_bytes = std::size_t{16} << 20;
};

/// OpenCsv with explicit options.
std::unique_ptr<SheetReader> OpenCsv(const std::string& path, const CsvOptions& options);

}  // namespace huzhu
