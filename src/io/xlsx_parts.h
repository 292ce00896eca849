// The parts of an .xlsx workbook besides the sheet: the package and workbook relationships, the
// workbook (sheet names, date system) and the styles (which cell formats are dates), read with
// expat; and the shared-strings table, read with the pull scanner. Internal to the xlsx reader.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "io/zip_stream.h"

namespace huzhu::xlsx {

class XmlScanner;

/// A sheet as listed in xl/workbook.xml, with the zip entry of its part ("" if unresolved).
struct SheetRef {
  std::string name;
  std::string part;
};

/// What xl/workbook.xml and its relationships say.
struct Workbook {
  std::vector<SheetRef> sheets;  ///< in workbook order
  bool date1904 = false;
  std::string shared_strings_part;  ///< "" when the workbook has none
  std::string styles_part;          ///< "" when the workbook has none
};

/// Reads the package relationships, the workbook and its relationships. Throws Error(kInput).
Workbook LoadWorkbook(ZipArchive& zip, const ZipLimits& limits, const Location& where);

/// For each cell format (cellXfs index, the `s` attribute of a cell) whether it shows a date.
std::vector<std::uint8_t> LoadDateStyles(ZipArchive& zip, const ZipEntry& entry,
                                         const ZipLimits& limits, const Location& where);

/// The shared-strings table, stored compactly: all strings in one buffer plus offsets.
class SharedStrings {
 public:
  /// Reads the table (rich-text runs joined, phonetic runs dropped, escapes decoded). An <si>
  /// larger than `max_item_bytes` of XML is refused.
  void Load(ZipArchive& zip, const ZipEntry& entry, const ZipLimits& limits, const Location& where,
            std::size_t max_item_bytes);
  std::size_t size() const { return offsets_.size() - 1; }
  std::string_view Get(std::size_t index) const {
    return {chars_.data() + offsets_[index], offsets_[index + 1] - offsets_[index]};
  }
  /// Bytes held (for diagnostics and tests).
  std::size_t MemoryBytes() const {
    return chars_.capacity() + offsets_.capacity() * sizeof(std::uint32_t);
  }

 private:
  void AddOffset(const Location& where);
  [[noreturn]] void BadUtf8(const XmlScanner& scanner) const;

  std::string chars_;
  std::vector<std::uint32_t> offsets_{0};
};

/// Appends the UTF-8 form of `code_point` (which must be a valid scalar value) to `out`.
void AppendUtf8(std::string& out, std::uint32_t code_point);

}  // namespace huzhu::xlsx
