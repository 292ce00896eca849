// The units file (单位) for the participation-ratio check: one row per unit with its headcounts.
// Duplicate unit codes and bad integers are listed as error problems; the first row of a code wins.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "records/members.h"
#include "records/problems.h"

namespace huzhu {

struct Unit {
  std::string code;
  std::string name;
  std::string region;
  std::optional<std::int64_t> employees;         ///< 在职职工人数
  std::optional<std::int64_t> female_employees;  ///< 在职女职工人数 (women's scheme)
  std::optional<std::int64_t> eligible;          ///< 符合条件人数 (Hengyang)
  std::int64_t row = 0;                          ///< Excel row in its file
  std::uint16_t file = 0;                        ///< index into UnitTable::files
};

struct UnitTable {
  std::vector<Unit> units;  ///< input order, first row of each code only
  std::vector<InputFile> files;
  std::map<std::string, std::size_t, std::less<>> by_code;  ///< code → index into units

  const Unit* Find(std::string_view code) const {
    const auto it = by_code.find(code);
    return it == by_code.end() ? nullptr : &units[it->second];
  }
  Location Where(const Unit& u) const {
    const InputFile& f = files[u.file];
    return Location(f.path, f.sheet, u.row);
  }
};

/// Reads one or more units files as one table. Throws Error(kInput) for a file that cannot be
/// used as a whole (unreadable, no header, missing required column).
UnitTable ReadUnits(const std::vector<std::string>& files, const std::string& sheet,
                    ProblemList& problems);

}  // namespace huzhu
