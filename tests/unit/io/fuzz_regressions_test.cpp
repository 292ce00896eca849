// Replays the fuzzers' inputs through the fuzz targets' own code (tests/fuzz/fuzz_targets.h), in
// the normal test builds (gcc; under ASan + UBSan with scripts/test --sanitize):
//   tests/fuzz/regressions/TARGET/*  inputs that once crashed TARGET (scripts/fuzz copies them
//                                    there): each must now read, or fail with huzhu::Error
//   tests/fuzz/corpus/TARGET/*       the committed hand-written seeds, which keeps the harness
//                                    itself working between fuzzing sessions
// A crash, a sanitizer report, an exception other than the documented ones, or a broken invariant
// (FUZZ_CHECK aborts, naming the file being replayed on stderr) fails the test run.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "../../fuzz/fuzz_targets.h"


namespace huzhu {
namespace {

namespace fs = std::filesystem;

using Target = void (*)(const std::uint8_t*, std::size_t);

struct NamedTarget {
  const char* name;
  Target run;
};

constexpr NamedTarget kTargets[] = {
    {"fuzz_csv", fuzz::FuzzCsv},          {"fuzz_xlsx", fuzz::FuzzXlsx},
    {"fuzz_xlsx_xml", fuzz::FuzzXlsxXml}, {"fuzz_xls", fuzz::FuzzXls},
    {"fuzz_parsers", fuzz::FuzzParsers},  {"fuzz_rules", fuzz::FuzzRules},
};

std::vector<fs::path> FilesIn(const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return files;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_regular_file() && entry.path().filename().string().front() != '.') {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Runs every file of `folder`/TARGET through TARGET; returns how many ran.
int Replay(const std::string& folder) {
  int count = 0;
  for (const NamedTarget& target : kTargets) {
    const fs::path dir = fs::path(HUZHU_SOURCE_DIR) / "tests" / "fuzz" / folder / target.name;
    for (const fs::path& file : FilesIn(dir)) {
      std::ifstream in(file, std::ios::binary);
      const std::string bytes((std::istreambuf_iterator<char>(in)),
                              std::istreambuf_iterator<char>());
      INFO(file.string());
      // Named on stderr first: a crash or an abort gives doctest no chance to print the INFO.
      std::fprintf(stderr, "fuzz replay: %s\n", file.string().c_str());
      CHECK_NOTHROW(target.run(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
      ++count;
    }
  }
  return count;
}

TEST_CASE("fuzz regressions: inputs that once crashed a fuzz target now read or fail cleanly") {
  const int count = Replay("regressions");
  MESSAGE(count << " regression inputs replayed");
}

TEST_CASE("fuzz regressions: the committed seeds go through every fuzz target's code") {
  CHECK(Replay("corpus") > 0);
}

}  // namespace
}  // namespace huzhu
