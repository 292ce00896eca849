// Console and file logging (spdlog) and the progress line shown on a terminal.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace huzhu::cli {

struct LogOptions {
  std::string log_file;  ///< also log here (appending), with timestamps
  bool quiet = false;    ///< only errors on the console
  bool verbose = false;  ///< debug messages too
};

/// Sets up the default logger: console to stderr, plus the log file when given.
void SetupLogging(const LogOptions& options);

/// Wall-clock seconds since `since`, for the phase lines in the log.
double Seconds(std::chrono::steady_clock::time_point since);

/// A one-line progress display on stderr, only when stderr is a terminal and not quiet (never in
/// cron logs). Throttled to a few updates a second.
class Progress {
 public:
  Progress(std::string label, bool quiet);
  ~Progress();
  void Update(std::uint64_t done, std::uint64_t total);
  void Done();

 private:
  std::string label_;
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace huzhu::cli
