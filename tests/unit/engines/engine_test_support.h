// Shared by the engine tests: IDs with a check character computed independently of the product,
// and one payout run over two small CSV ledgers written to a temporary folder.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "engines/payout.h"
#include "ruleset/rule_loader.h"

namespace huzhu::testing {

/// GB 11643 check character for 17 digits, computed here (not with core/id_number).
inline std::string TestId(const std::string& first17) {
  static const int w[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (first17[i] - '0') * w[i];
  return first17 + "10X98765432"[sum % 11];
}

/// A shipped rule file by its path under rules/ ("inner-mongolia/2026-hospital.toml"), with an
/// optional override given as text.
inline RuleSet ShippedRules(const std::string& relative, const std::string& override_text = "") {
  const std::string path = std::string(HUZHU_SOURCE_DIR) + "/rules/" + relative;
  if (override_text.empty()) return LoadRuleSet(path);
  const auto file = std::filesystem::temp_directory_path() /
                    ("huzhu-override-" + std::to_string(::getpid()) + ".toml");
  std::ofstream(file) << override_text;
  RuleSet rules = LoadRuleSet(path, file.string());
  std::filesystem::remove(file);
  return rules;
}

struct PayoutRun {
  std::map<std::string, ClaimResult> by_id;  ///< the first row of each claim id
  std::vector<ClaimResult> rows;             ///< every row, in input order
  ProblemList problems;
  const ClaimResult& operator[](const std::string& id) const { return by_id.at(id); }
};

/// Writes the two CSVs and runs the engine the rule set selects.
inline PayoutRun RunEngine(const RuleSet& rules, const std::string& members_csv,
                           const std::string& claims_csv, Trace* trace = nullptr) {
  static int n = 0;
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() /
                       ("huzhu-engine-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
  fs::create_directories(dir);
  std::ofstream(dir / "m.csv") << members_csv;
  std::ofstream(dir / "c.csv") << claims_csv;
  PayoutRun run;
  const MemberTable members =
      ReadMembers({(dir / "m.csv").string()}, "", ProjectOf(rules), run.problems);
  const ClaimFile claims = ReadClaims({(dir / "c.csv").string()}, "", run.problems);
  run.rows = ComputePayouts(rules, members, claims, run.problems, trace);
  for (std::size_t i = 0; i < run.rows.size(); ++i) {
    run.by_id.emplace(claims.claims[i].claim_id, run.rows[i]);
  }
  fs::remove_all(dir);
  return run;
}

}  // namespace huzhu::testing
