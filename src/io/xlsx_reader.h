// The streaming .xlsx reader behind OpenXlsx (declared in io/table.h), with its limits exposed so
// that tests can shrink them, and the number-format classification used to flag date cells.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "io/table.h"
#include "io/zip_stream.h"

namespace huzhu {

/// Every limit the reader enforces on hostile input. The defaults suit real workbooks: Excel's
/// own sheet is at most 1,048,576 rows by 16,384 columns and 32,767 characters a cell.
struct XlsxLimits {
  /// Per zip entry: 4 GiB inflated, and at most 200:1 once past 64 MiB.
  ZipLimits zip;
  /// A single <row> of the sheet, or <si> of the shared strings, whose XML is larger than this
  /// is refused (it bounds the buffer that joins an item split across inflated chunks).
  std::size_t max_row_bytes = std::size_t{256} << 20;
  /// Buffering of the sheet XML: the producer thread inflates into `slots` buffers of
  /// `slot_bytes`; a row straddling two buffers is joined in the next one's `headroom`.
  ZipInflateStream::Options sheet_stream;
};

/// OpenXlsx with explicit limits (tests use small ones to keep zip-bomb cases tiny).
std::unique_ptr<SheetReader> OpenXlsxWithLimits(const std::string& path, const std::string& sheet,
                                                const XlsxLimits& limits);

/// True for the built-in number format ids that display a date or time:
/// 14-22, 27-36, 45-47 and 50-58 (the last ranges are the East Asian date formats).
bool IsBuiltinDateFormat(int num_fmt_id);

/// True when a custom number format code shows a date or time: it has one of the tokens
/// y m d h s e (any case), 年 月 日, or an elapsed-time section [h] [m] [s], outside quoted text,
/// backslash escapes, _x / *x padding and other [...] sections ([Red], [$-804], [>=100]).
/// "General", "0.00", "#,##0.00", "0.00E+00" and "@" are not dates.
bool IsDateFormatCode(std::string_view code);

/// Decodes OOXML's `_xHHHH_` escapes (UTF-16 code units, surrogate pairs combined, a lone
/// surrogate becomes U+FFFD) in place; returns the new length. `_x005F_` yields a literal '_'.
std::size_t DecodeOoxmlEscapes(char* text, std::size_t size);

}  // namespace huzhu
