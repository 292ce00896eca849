#include "cli/logging.h"

#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cstdio>
#include <memory>
#include <vector>

namespace huzhu::cli {

void SetupLogging(const LogOptions& options) {
  std::vector<spdlog::sink_ptr> sinks;
  auto console = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
  console->set_pattern("%^%l%$: %v");
  console->set_level(options.quiet     ? spdlog::level::err
                     : options.verbose ? spdlog::level::debug
                                       : spdlog::level::info);
  sinks.push_back(console);
  if (!options.log_file.empty()) {
    auto file = std::make_shared<spdlog::sinks::basic_file_sink_mt>(options.log_file, false);
    file->set_pattern("%Y-%m-%d %H:%M:%S.%e [%l] %v");
    file->set_level(options.verbose ? spdlog::level::debug : spdlog::level::info);
    sinks.push_back(file);
  }
  auto logger = std::make_shared<spdlog::logger>("huzhu", sinks.begin(), sinks.end());
  logger->set_level(spdlog::level::debug);
  logger->flush_on(spdlog::level::info);
  spdlog::set_default_logger(logger);
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

Progress::Progress(std::string label, bool quiet)
    : label_(std::move(label)), enabled_(!quiet && ::isatty(STDERR_FILENO) == 1) {}

Progress::~Progress() { Done(); }

void Progress::Update(std::uint64_t done, std::uint64_t total) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (shown_ && now - last_ < std::chrono::milliseconds(200)) return;
  last_ = now;
  shown_ = true;
  if (total > 0) {
    const unsigned percent = static_cast<unsigned>(done * 100 / total);
    std::fprintf(stderr, "\r%s %3u%% (%llu/%llu MB)", label_.c_str(), percent,
                 static_cast<unsigned long long>(done >> 20),
                 static_cast<unsigned long long>(total >> 20));
  } else {
    std::fprintf(stderr, "\r%s %llu MB", label_.c_str(),
                 static_cast<unsigned long long>(done >> 20));
  }
  std::fflush(stderr);
}

void Progress::Done() {
  if (enabled_ && shown_) {
    std::fprintf(stderr, "\r\033[K");
    std::fflush(stderr);
    shown_ = false;
  }
}

}  // namespace huzhu::cli
