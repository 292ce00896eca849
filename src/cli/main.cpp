// huzhu: batch processor for trade-union medical mutual-aid schemes (职工医疗互助保障).
#include <spdlog/spdlog.h>

#include <sys/stat.h>

#include <cstdio>
#include <exception>
#include <iostream>

#include "cli/commands.h"
#include "core/diagnostics.h"
#include "core/id_number.h"

int main(int argc, char** argv) {
  using namespace huzhu;
  cli::Context ctx;
  CLI::App app{
      "huzhu（互助）：职工医疗互助保障批处理工具 —— 赔付计算、参互比例检查、考核评分、银行对账\n"
      "huzhu: batch processor for trade-union medical mutual-aid schemes"};
  app.set_version_flag("--version", std::string("huzhu ") + HUZHU_VERSION);
  app.set_help_flag("-h,--help", "显示帮助 (show help)");
  app.option_defaults()->always_capture_default();
  app.add_option("--log-file", ctx.log.log_file, "同时把日志追加写入此文件 (also log to FILE)")
      ->type_name("FILE");
  app.add_flag("-q,--quiet", ctx.log.quiet, "只显示错误，不显示进度 (errors only, no progress)");
  app.add_flag("-v,--verbose", ctx.log.verbose, "显示调试信息 (debug messages)");
  app.add_option("--lang", ctx.lang, "提示语言：zh 或 en (language of messages)")
      ->check(CLI::IsMember({"zh", "en"}));
  app.require_subcommand(1);
  app.fallthrough();

  cli::RegisterInspect(app, ctx);
  cli::RegisterRules(app, ctx);
  cli::RegisterPayout(app, ctx);
  cli::RegisterRatio(app, ctx);
  cli::RegisterScore(app, ctx);
  cli::RegisterReconcile(app, ctx);
  cli::RegisterRun(app, ctx);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }

  SetLanguage(ctx.lang == "en" ? Language::kEnglish : Language::kChinese);
  // Outputs hold ID and bank card numbers: readable by the owner and the group only.
  ::umask(027);
  try {
    cli::SetupLogging(ctx.log);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s%s\n", Tr("无法打开日志文件：", "cannot open the log file: ").c_str(),
                 e.what());
    return kExitUsage;
  }
  try {
    return ctx.run ? ctx.run() : kExitUsage;
  } catch (const Error& e) {
    spdlog::error("{}", MaskIdentifiers(e.what()));
    return ExitCodeFor(e.kind());
  } catch (const std::exception& e) {
    spdlog::error("{}{}", Tr("内部错误：", "internal error: "), MaskIdentifiers(e.what()));
    return kExitInput;
  }
}
