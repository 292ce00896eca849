#include "records/table_reader.h"

#include "core/diagnostics.h"

namespace huzhu {

void ForEachRecord(const std::string& path, const std::string& sheet, const TableSpec& table,
                   const std::function<void(const RowView& row)>& fn, const ProgressFn& progress) {
  auto reader = OpenSheet(path, sheet);
  const SheetInfo& info = reader->info();
  OwnedRow header;
  if (!FindHeaderRow(*reader, &table, header)) {
    std::string names;
    for (const FieldSpec& f : table.fields) {
      if (f.need == Need::kRequired) names += (names.empty() ? "" : "、") + f.zh;
    }
    throw Error(ErrorKind::kInput, Location(path, info.sheet),
                Tr("找不到" + table.zh + "的表头：前 20 行中没有一行含有两个以上的标准列名（如 " +
                       names + "）",
                   "no " + table.key + " header: none of the first 20 rows names two or more of "
                   "its columns (such as " + names + ")"));
  }
  const HeaderMap map(table, header.row(), path, info.sheet);
  map.RequireAll();
  Row row;
  std::uint64_t n = 0;
  while (reader->NextRow(row)) {
    if (row.IsBlank()) continue;
    if (progress && (++n & 0x3FFF) == 0) progress(reader->BytesRead(), reader->BytesTotal());
    fn(RowView(row, map, info, path));
  }
}

}  // namespace huzhu
