// The scoring inputs: the official target tables (目标, one row per region and project) and the
// optional manual scores of the other four assessment items (rules reference §8).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "records/members.h"
#include "records/problems.h"
#include "records/vocab.h"

namespace huzhu {

struct Target {
  std::string region;                 ///< as the table names it (e.g. 呼和浩特市总工会)
  Project project = Project::kHospital;
  std::int64_t target = 0;
  std::vector<std::string> includes;  ///< sub-regions rolled up into this row (包含地区)
  std::optional<std::int64_t> last_year;  ///< 上年参互人数, for the renewal rate
  std::string source;                     ///< 来源: the notice and attachment row it transcribes
  std::int64_t row = 0;
  std::uint16_t file = 0;
};

struct TargetTable {
  std::vector<Target> targets;  ///< input order (the source table's order)
  std::vector<InputFile> files;
  Location Where(const Target& t) const {
    const InputFile& f = files[t.file];
    return Location(f.path, f.sheet, t.row);
  }
};

/// Reads one or more target files as one table. Rows with a bad value are listed as errors and
/// skipped; a repeated region and project is an error (the first row counts). Throws
/// Error(kInput) for a file that cannot be used as a whole.
TargetTable ReadTargets(const std::vector<std::string>& files, const std::string& sheet,
                        ProblemList& problems);

/// The four manual items (组织领导, 申领审核, 日常管理, 新闻宣传), each 0–1 point in tenths.
struct ManualScore {
  std::string region;
  std::array<std::optional<std::int64_t>, 4> tenths;
  std::int64_t row = 0;
  std::uint16_t file = 0;
};

struct ManualScoreTable {
  std::vector<ManualScore> scores;
  std::vector<InputFile> files;
  Location Where(const ManualScore& s) const {
    const InputFile& f = files[s.file];
    return Location(f.path, f.sheet, s.row);
  }
};

ManualScoreTable ReadManualScores(const std::vector<std::string>& files, const std::string& sheet,
                                  ProblemList& problems);

/// The key regions are matched by: trimmed, full-width folded, and without the union suffixes a
/// table or a ledger may add (呼和浩特市总工会, 呼和浩特市 and 呼和浩特 are one region; 兴安盟工会
/// and 兴安盟 too).
std::string RegionKey(std::string_view region);

}  // namespace huzhu
