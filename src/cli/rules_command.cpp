// huzhu rules list | check FILE... | show FILE
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "core/diagnostics.h"
#include "core/text.h"
#include "ruleset/rule_loader.h"
#include "ruleset/schema.h"

namespace huzhu::cli {

namespace {

struct RulesOptions {
  std::vector<std::string> files;
  std::string show;
  std::string override_file;
};

int RunList() {
  const std::string dir = RulesDirectory();
  const auto entries = ListRuleFiles(dir);
  std::cout << fmt::format("{:<32} {:<16} {:>4} {:<9} {}\n", Tr("规则编号", "id"),
                           Tr("方案", "scheme"), Tr("年度", "year"), Tr("项目", "project"),
                           Tr("来源 / 路径", "source / path"));
  for (const RuleFileEntry& e : entries) {
    std::cout << fmt::format("{:<32} {:<16} {:>4} {:<9} {}\n", e.id, e.scheme, e.year, e.project,
                             e.notice);
    std::cout << fmt::format("{:<32} {:<16} {:>4} {:<9} {}\n", "", "", "", "", e.path);
  }
  std::cout << fmt::format(fmt::runtime(Tr("共 {} 个规则文件（{}）\n", "{} rule files ({})\n")),
                           entries.size(), dir);
  return kExitOk;
}

int RunCheck(const RulesOptions& opt) {
  int status = kExitOk;
  for (const std::string& file : opt.files) {
    try {
      const RuleSet rules = LoadRuleSet(file);
      std::cout << fmt::format(fmt::runtime(Tr("{}：通过（{}，{} 个参数，SHA-256 {}）\n",
                                               "{}: ok ({}, {} parameters, SHA-256 {})\n")),
                               rules.path, rules.id, rules.params.size(), rules.sha256);
      for (const std::string& key : rules.UnstatedKeys()) {
        const Param& p = rules.Get(key);
        std::cout << fmt::format(
            fmt::runtime(Tr("  来源通知未说明：{}（{}）\n", "  not stated by the source: {} ({})\n")),
            key, p.source);
      }
    } catch (const Error& e) {
      std::cout << e.what() << "\n";
      status = kExitInput;
    }
  }
  return status;
}

int RunShow(const RulesOptions& opt) {
  const RuleSet rules = LoadRuleSet(opt.show, opt.override_file);
  std::cout << rules.title << "\n";
  std::cout << Tr("规则编号：", "id: ") << rules.id << "\n";
  std::cout << Tr("来源通知：", "notice: ") << rules.notice << "\n";
  std::cout << Tr("文件：", "file: ") << rules.path << "  SHA-256 " << rules.sha256 << "\n";
  if (!rules.override_path.empty()) {
    std::cout << Tr("覆盖文件：", "override: ") << rules.override_path << "  SHA-256 "
              << rules.override_sha256 << "\n";
  }
  std::string section;
  for (const auto& [key, p] : rules.params) {
    const std::string sec = key.substr(0, key.find('.'));
    if (sec != section) {
      section = sec;
      const SectionSchema* s = FindSectionSchema(sec);
      std::cout << "\n[" << sec << "] " << (s ? s->zh : "") << "\n";
    }
    const std::string name = key.substr(key.find('.') + 1);
    const ParamSchema* schema = FindParamSchema(sec, name);
    const std::string value = p.stated ? DescribeValue(p.value) : Tr("（来源未说明）", "(not stated)");
    std::cout << "  " << PadDisplay(schema ? schema->zh : name, 34) << " " << PadDisplay(value, 36)
              << " " << p.source << "\n";
    if (const auto* rows = std::get_if<std::vector<BenefitRow>>(&p.value)) {
      for (const BenefitRow& r : *rows) {
        std::cout << fmt::format("      {} {} {} → {}  {}\n", r.key, r.treatment.empty() ? "*" : r.treatment,
                                 r.covered ? FormatMoneyGrouped(r.benefit) : Tr("不保障", "not covered"),
                                 r.covered ? FormatMoneyGrouped(r.final) : "0.00", r.source);
      }
    }
  }
  return kExitOk;
}

}  // namespace

void RegisterRules(CLI::App& app, Context& ctx) {
  auto opt = std::make_shared<RulesOptions>();
  CLI::App* cmd = app.add_subcommand("rules", "规则文件：列出、检查、显示 (rule files)");
  cmd->require_subcommand(1);
  CLI::App* list = cmd->add_subcommand("list", "列出随程序提供的规则文件 (list shipped rule files)");
  list->callback([&ctx] { ctx.run = [] { return RunList(); }; });
  CLI::App* check = cmd->add_subcommand("check", "严格检查规则文件 (check rule files strictly)");
  check->add_option("FILE", opt->files, "规则文件路径或编号")->required();
  check->callback([opt, &ctx] { ctx.run = [opt] { return RunCheck(*opt); }; });
  CLI::App* show = cmd->add_subcommand("show", "以表格显示规则参数及条款出处 (show parameters)");
  show->add_option("FILE", opt->show, "规则文件路径或编号，如 inner-mongolia/2026/hospital")->required();
  show->add_option("--override", opt->override_file, "覆盖文件 (override file)");
  show->callback([opt, &ctx] { ctx.run = [opt] { return RunShow(*opt); }; });
}

}  // namespace huzhu::cli
