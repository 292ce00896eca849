// The command-line front end: each command registers its options and a run function. Only this
// folder prints to stdout or picks exit codes.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <string>

#include "cli/logging.h"

namespace huzhu::cli {

/// Options every command shares, and the exit code the chosen command returns.
struct Context {
  LogOptions log;
  std::string lang = "zh";
  std::function<int()> run;  ///< set by the chosen subcommand's callback
};

void RegisterInspect(CLI::App& app, Context& ctx);
void RegisterRules(CLI::App& app, Context& ctx);
void RegisterPayout(CLI::App& app, Context& ctx);
void RegisterRatio(CLI::App& app, Context& ctx);
void RegisterScore(CLI::App& app, Context& ctx);
void RegisterReconcile(CLI::App& app, Context& ctx);
void RegisterRun(CLI::App& app, Context& ctx);

}  // namespace huzhu::cli
