#include "records/units.h"

#include "core/diagnostics.h"
#include "records/table_reader.h"

namespace huzhu {

UnitTable ReadUnits(const std::vector<std::string>& files, const std::string& sheet,
                    ProblemList& problems) {
  const TableSpec& spec = UnitsTable();
  const FieldId f_code = spec.Id("unit_code"), f_name = spec.Id("unit_name"),
                f_region = spec.Id("region"), f_employees = spec.Id("employees"),
                f_female = spec.Id("female_employees"), f_eligible = spec.Id("eligible");
  UnitTable table;
  for (const std::string& path : files) {
    const auto file_index = static_cast<std::uint16_t>(table.files.size());
    table.files.push_back(InputFile{path, ""});
    bool sheet_known = false;
    ForEachRecord(path, sheet, spec, [&](const RowView& row) {
      if (!sheet_known) {
        table.files[file_index].sheet = row.Where(f_code).sheet;
        sheet_known = true;
      }
      Unit u;
      u.code = row.Text(f_code);
      u.name = row.Text(f_name);
      u.region = row.Text(f_region);
      u.row = row.number();
      u.file = file_index;
      if (u.code.empty()) {
        problems.Error(row.Where(f_code), "单位编码为空，此行未使用");
        return;
      }
      auto integer = [&](FieldId field) -> std::optional<std::int64_t> {
        try {
          const std::optional<std::int64_t> v = row.GetInteger(field);
          if (v && *v < 0) {
            problems.Error(row.Where(field), "人数不能为负数");
            return std::nullopt;
          }
          return v;
        } catch (const Error& e) {
          problems.Error(e.where(), e.message());
          return std::nullopt;
        }
      };
      u.employees = integer(f_employees);
      u.female_employees = integer(f_female);
      u.eligible = integer(f_eligible);
      if (const Unit* first = table.Find(u.code)) {
        problems.Error(row.Where(f_code), "单位编码 " + u.code + " 重复（首次出现在第 " +
                                              std::to_string(first->row) + " 行），此行未使用");
        return;
      }
      table.by_code.emplace(u.code, table.units.size());
      table.units.push_back(std::move(u));
    });
  }
  return table;
}

}  // namespace huzhu
