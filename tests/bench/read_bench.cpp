// Reads every cell of a sheet several times and reports the median wall time, rows per second
// and the peak resident memory of the process.
//
//   read_bench [--runs N] [--sheet NAME] FILE
//
// FILE goes through OpenSheet(), which picks the reader by extension (.xlsx, .xls, .csv). Every
// cell's text is touched (its bytes summed into a checksum) so nothing is optimised away. Run one
// file per process: ru_maxrss is the peak of the whole process.
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <string>
#include <vector>

#include "io/table.h"

namespace {

double CpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

struct RunResult {
  double main_cpu_seconds = 0;  // this thread only: parsing (the inflating thread is apart)
  double seconds = 0;
  double cpu_seconds = 0;   // user + system, all threads
  double open_seconds = 0;  // until the reader is open (workbook, styles, shared strings)
  std::int64_t rows = 0;
  std::int64_t cells = 0;
  std::uint64_t checksum = 0;
};

RunResult ReadOnce(const std::string& path, const std::string& sheet) {
  RunResult result;
  const double cpu_start = CpuSeconds();
  const double main_cpu_start = ThreadCpuSeconds();
  const auto start = std::chrono::steady_clock::now();
  auto reader = huzhu::OpenSheet(path, sheet);
  result.open_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  huzhu::Row row;
  std::uint64_t sum = 0;
  while (reader->NextRow(row)) {
    ++result.rows;
    for (const huzhu::Cell& cell : row.cells) {
      if (cell.type == huzhu::CellType::kEmpty) continue;
      ++result.cells;
      for (const char c : cell.text) sum += static_cast<unsigned char>(c);
      sum += cell.is_date ? 7 : 0;
    }
  }
  result.checksum = sum;
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  result.cpu_seconds = CpuSeconds() - cpu_start;
  result.main_cpu_seconds = ThreadCpuSeconds() - main_cpu_start;
  return result;
}

}  // namespace

int main(int argc, char** argv) {
  int runs = 5;
  std::string sheet;
  std::string path;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--runs") == 0 && i + 1 < argc) {
      runs = std::max(1, std::atoi(argv[++i]));
    } else if (std::strcmp(argv[i], "--sheet") == 0 && i + 1 < argc) {
      sheet = argv[++i];
    } else {
      path = argv[i];
    }
  }
  if (path.empty()) {
    std::fprintf(stderr, "usage: read_bench [--runs N] [--sheet NAME] FILE\n");
    return 2;
  }
  std::vector<RunResult> results;
  try {
    for (int i = 0; i < runs; ++i) results.push_back(ReadOnce(path, sheet));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "read_bench: %s\n", e.what());
    return 1;
  }
  std::vector<RunResult> sorted = results;
  std::sort(sorted.begin(), sorted.end(),
            [](const RunResult& a, const RunResult& b) { return a.seconds < b.seconds; });
  const RunResult& median = sorted[sorted.size() / 2];
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("%s: %lld rows, %lld cells, checksum %llu\n", path.c_str(),
              static_cast<long long>(median.rows), static_cast<long long>(median.cells),
              static_cast<unsigned long long>(median.checksum));
  std::printf(
      "  median %.3f s (min %.3f, max %.3f, %d runs; open %.3f s; CPU %.3f s, of which "
      "this thread %.3f s), %.0f rows/s, peak RSS %.1f MB\n",
      median.seconds, sorted.front().seconds, sorted.back().seconds, runs, median.open_seconds,
      median.cpu_seconds, median.main_cpu_seconds,
      static_cast<double>(median.rows) / median.seconds,
      static_cast<double>(usage.ru_maxrss) / 1024.0);
  return 0;
}
