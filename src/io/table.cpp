#include "io/table.h"

#include <algorithm>
#include <filesystem>

#include "core/diagnostics.h"
#include "core/text.h"

namespace huzhu {

bool Row::IsBlank() const {
  return std::all_of(cells.begin(), cells.end(), [](const Cell& c) {
    return c.type == CellType::kEmpty || (c.type == CellType::kText && Trim(c.text).empty());
  });
}

void OwnedRow::Assign(const Row& row) {
  texts_.clear();
  texts_.reserve(row.cells.size());
  for (const Cell& c : row.cells) texts_.emplace_back(c.text);
  row_.number = row.number;
  row_.cells = row.cells;
  for (std::size_t i = 0; i < row_.cells.size(); ++i) row_.cells[i].text = texts_[i];
}

std::unique_ptr<SheetReader> OpenSheet(const std::string& path, const std::string& sheet) {
  const std::string ext = AsciiLower(std::filesystem::path(path).extension().string());
  if (ext == ".xlsx" || ext == ".xlsm") return OpenXlsx(path, sheet);
  if (ext == ".xls") return OpenXls(path, sheet);
  if (ext == ".csv" || ext == ".txt") {
    // --sheet picks a sheet in every workbook input (data contract); a CSV is not a workbook, so
    // a run mixing CSV and .xlsx inputs reads the CSV as it is.
    return OpenCsv(path);
  }
  throw Error(ErrorKind::kInput, Location{path},
              Tr("无法识别的文件类型“" + ext + "”：应为 .xlsx、.xls 或 .csv",
                 "unknown file type '" + ext + "': expected .xlsx, .xls or .csv"));
}

}  // namespace huzhu
