// Bench data for the participation-ratio check (`huzhu ratio`): reads the members CSV written by
// gen_payout and writes the matching units file, OUT_DIR/units.csv and OUT_DIR/units.xlsx
// (单位编码, 单位名称, 所属地区, 在职职工人数), one row per distinct unit code in the ledger in
// first-appearance order, plus about 1% units that have no member in the ledger (one after every
// 100 ledger units). Deterministic: the employees of a unit depend only on its code and its member
// count.
//   gen_units MEMBERS_CSV OUT_DIR
//
// Employees per ledger unit (m = members in the unit, h = a hash of the code):
//   h % 100 == 0     : 500 + h % 2000          large unit (the 70% rule), fails
//   h % 100 in 1..18 : 2m + h % 3              ratio ≤ 50%, fails
//   h % 100 in 19..59: m                       100%, passes
//   otherwise        : floor(4m / 3)           ≥ 75% (exactly 75% when 3 | m), passes
// With the units absent from the ledger (0 participants, so failing) about a fifth of the units
// fail.
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace {

struct UnitRow {
  std::string code, name, region;
  std::int64_t members = 0;
  std::int64_t employees = 0;
};

std::uint64_t Hash(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a, then a finalizer to spread the low digits
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  return h;
}

std::int64_t Employees(const std::string& code, std::int64_t m) {
  const std::uint64_t h = Hash(code);
  const std::uint64_t bucket = h % 100;
  if (bucket == 0) return 500 + static_cast<std::int64_t>(h / 100 % 2000);
  if (bucket <= 18) return 2 * m + static_cast<std::int64_t>(h / 100 % 3);
  if (bucket <= 59) return m;
  return m * 4 / 3;
}

std::vector<std::string_view> Split(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t comma = line.find(',', start);
    if (comma == std::string_view::npos) {
      out.push_back(line.substr(start));
      return out;
    }
    out.push_back(line.substr(start, comma - start));
    start = comma + 1;
  }
}

void Check(lxw_error e) {
  if (e != LXW_NO_ERROR) {
    std::fprintf(stderr, "xlsx: %s\n", lxw_strerror(e));
    std::exit(1);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: gen_units MEMBERS_CSV OUT_DIR\n");
    return 2;
  }
  const std::string dir = argv[2];
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "gen_units: cannot read %s\n", argv[1]);
    return 1;
  }
  // The header names the columns (gen_payout writes plain unquoted fields).
  std::string line;
  if (!std::getline(in, line)) {
    std::fprintf(stderr, "gen_units: %s is empty\n", argv[1]);
    return 1;
  }
  if (line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  int col_code = -1, col_name = -1, col_region = -1;
  {
    const auto header = Split(line);
    for (std::size_t c = 0; c < header.size(); ++c) {
      if (header[c] == "单位编码") col_code = static_cast<int>(c);
      if (header[c] == "单位名称") col_name = static_cast<int>(c);
      if (header[c] == "所属地区") col_region = static_cast<int>(c);
    }
  }
  if (col_code < 0 || col_name < 0 || col_region < 0) {
    std::fprintf(stderr, "gen_units: %s lacks 单位编码, 单位名称 or 所属地区\n", argv[1]);
    return 1;
  }
  const auto needed = static_cast<std::size_t>(std::max({col_code, col_name, col_region}));

  std::vector<UnitRow> units;
  std::unordered_map<std::string, std::size_t> index;
  std::int64_t members = 0;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    const auto f = Split(line);
    if (f.size() <= needed) continue;
    ++members;
    std::string code(f[static_cast<std::size_t>(col_code)]);
    const auto [it, added] = index.try_emplace(code, units.size());
    if (added) {
      units.push_back({std::move(code), std::string(f[static_cast<std::size_t>(col_name)]),
                       std::string(f[static_cast<std::size_t>(col_region)]), 0, 0});
    }
    ++units[it->second].members;
  }
  for (UnitRow& u : units) u.employees = Employees(u.code, u.members);

  // Units absent from the ledger: one after every 100 ledger units, in the ledger's code pattern
  // (the code of the unit before with its last 5 digits counting down from 99999, skipping codes
  // the ledger uses), in the region of the unit before.
  std::vector<UnitRow> rows;
  rows.reserve(units.size() + units.size() / 100 + 1);
  std::int64_t extra = 0;
  std::unordered_map<std::string, long> next_serial;  // per code prefix
  for (std::size_t i = 0; i < units.size(); ++i) {
    rows.push_back(units[i]);
    if (i % 100 != 99) continue;
    const std::string& prev = units[i].code;
    const std::string prefix = prev.size() > 5 ? prev.substr(0, prev.size() - 5) : "U";
    long& serial = next_serial.try_emplace(prefix, 99999).first->second;
    char buf[64];
    std::string code;
    do {
      std::snprintf(buf, sizeof buf, "%s%05ld", prefix.c_str(), serial--);
      code = buf;
    } while (index.contains(code) && serial >= 0);
    if (index.contains(code)) {  // the ledger uses every code of this prefix
      std::snprintf(buf, sizeof buf, "X%lld", static_cast<long long>(extra));
      code = buf;
    }
    index.emplace(code, 0);
    UnitRow u{code, code + "单位", units[i].region, 0, 0};
    u.employees = 5 + static_cast<std::int64_t>(Hash(code) % 200);
    rows.push_back(std::move(u));
    ++extra;
  }

  const char* headers[] = {"单位编码", "单位名称", "所属地区", "在职职工人数"};
  {
    std::ofstream out(dir + "/units.csv", std::ios::binary);
    out << "\xEF\xBB\xBF";
    for (int c = 0; c < 4; ++c) out << (c ? "," : "") << headers[c];
    out << "\r\n";
    for (const UnitRow& u : rows) {
      out << u.code << ',' << u.name << ',' << u.region << ',' << u.employees << "\r\n";
    }
    if (!out) {
      std::fprintf(stderr, "gen_units: cannot write %s/units.csv\n", dir.c_str());
      return 1;
    }
  }
  {
    lxw_workbook_options opt{};
    opt.constant_memory = LXW_TRUE;
    lxw_workbook* wb = workbook_new_opt((dir + "/units.xlsx").c_str(), &opt);
    if (wb == nullptr) {
      std::fprintf(stderr, "gen_units: cannot create %s/units.xlsx\n", dir.c_str());
      return 1;
    }
    lxw_worksheet* ws = workbook_add_worksheet(wb, "单位");
    for (int c = 0; c < 4; ++c) {
      Check(worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), headers[c], nullptr));
    }
    lxw_row_t row = 1;
    for (const UnitRow& u : rows) {
      Check(worksheet_write_string(ws, row, 0, u.code.c_str(), nullptr));
      Check(worksheet_write_string(ws, row, 1, u.name.c_str(), nullptr));
      Check(worksheet_write_string(ws, row, 2, u.region.c_str(), nullptr));
      Check(worksheet_write_number(ws, row, 3, static_cast<double>(u.employees), nullptr));
      ++row;
    }
    Check(workbook_close(wb));
  }

  // Expected outcome, by the rule file's 75% / 70% (≥ 500 employees) thresholds.
  std::int64_t failing = 0, large = 0;
  for (const UnitRow& u : rows) {
    const bool is_large = u.employees >= 500;
    large += is_large ? 1 : 0;
    // pass when members / employees ≥ threshold, on integers
    const bool pass = u.members * 100 >= (is_large ? 70 : 75) * u.employees;
    failing += pass ? 0 : 1;
  }
  std::printf(
      "wrote %zu units (%zu in the ledger of %lld members, %lld not in it; %lld with ≥ 500 "
      "employees; %lld expected to fail) into %s\n",
      rows.size(), units.size(), static_cast<long long>(members), static_cast<long long>(extra),
      static_cast<long long>(large), static_cast<long long>(failing), dir.c_str());
  return 0;
}
