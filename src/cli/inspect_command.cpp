// huzhu inspect FILE [--sheet NAME]: what the tool sees in a ledger.
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "core/diagnostics.h"
#include "records/inspect.h"

namespace huzhu::cli {

namespace {

struct InspectOptions {
  std::string file;
  std::string sheet;
  std::size_t max_problems = 20;
};

int RunInspect(const InspectOptions& opt, const Context& ctx) {
  Progress progress(Tr("读取中", "reading"), ctx.log.quiet);
  const InspectReport r = InspectFile(
      opt.file, opt.sheet, opt.max_problems,
      [&progress](std::uint64_t done, std::uint64_t total) { progress.Update(done, total); });
  progress.Done();

  std::ostream& out = std::cout;
  out << Tr("文件：", "File: ") << opt.file << "\n";
  out << Tr("格式：", "Format: ") << r.info.format;
  if (!r.info.encoding.empty()) out << Tr("，编码：", ", encoding: ") << r.info.encoding;
  if (r.info.date1904) out << Tr("，1904 日期系统", ", 1904 date system");
  out << "\n";
  if (!r.info.sheet_names.empty()) {
    out << Tr("工作表：", "Sheets: ");
    for (std::size_t i = 0; i < r.info.sheet_names.size(); ++i) {
      out << (i ? "、" : "") << r.info.sheet_names[i];
    }
    out << Tr("（读取：", " (reading: ") << r.info.sheet << Tr("）", ")") << "\n";
  }
  if (!r.header_found) {
    out << Tr("未找到表头：前 20 行中没有任何一行含有两个以上的标准列名。\n",
              "No header found: none of the first 20 rows names two or more contract columns.\n");
    out << Tr("非空数据行：", "Non-blank rows: ") << r.data_rows << "\n";
    return kExitInput;
  }
  out << fmt::format(fmt::runtime(Tr("表头在第 {} 行：\n", "Header at row {}:\n")), r.header_row);
  for (const InspectedColumn& c : r.columns) {
    out << fmt::format("  {:>3}  {}  → {}\n", c.letter, c.header,
                       c.key.empty() ? Tr("（未识别，忽略）", "(unknown, ignored)") : c.key);
  }
  out << Tr("按数据约定核对必填列：\n", "Required columns by the data contract:\n");
  for (const InspectedTable& t : r.tables) {
    if (t.table->key != "members" && t.table->key != "claims" && t.table->key != "units" &&
        t.table != r.best) {
      continue;
    }
    out << fmt::format("  {} ({}): ", t.table->zh, t.table->key);
    if (t.missing_required.empty()) {
      out << Tr("齐全", "complete");
    } else {
      out << Tr("缺少 ", "missing ");
      for (std::size_t i = 0; i < t.missing_required.size(); ++i) {
        out << (i ? ", " : "") << t.missing_required[i]->zh << "/" << t.missing_required[i]->key;
      }
    }
    out << (t.table == r.best ? Tr("  ← 最像此表", "  ← looks like this table") : "") << "\n";
  }
  out << Tr("数据行：", "Data rows: ") << r.data_rows;
  if (r.blank_rows > 0) out << Tr("（中间空行 ", " (blank rows in between: ") << r.blank_rows << Tr("）", ")");
  out << "\n";
  if (r.problem_count == 0) {
    out << Tr("未发现问题。\n", "No problems found.\n");
    return kExitOk;
  }
  out << fmt::format(fmt::runtime(Tr("发现 {} 个问题", "{} problem(s) found")), r.problem_count);
  if (r.problem_count > static_cast<std::int64_t>(r.problems.size())) {
    out << fmt::format(fmt::runtime(Tr("，前 {} 个：", ", the first {}:")), r.problems.size());
  } else {
    out << Tr("：", ":");
  }
  out << "\n";
  for (const InspectProblem& p : r.problems) {
    out << "  " << FormatLocation(p.where) << Tr("：", ": ") << p.message << "\n";
  }
  return kExitInvalidRows;
}

}  // namespace

void RegisterInspect(CLI::App& app, Context& ctx) {
  auto opt = std::make_shared<InspectOptions>();
  CLI::App* cmd = app.add_subcommand(
      "inspect", "查看工具从文件中读到的内容：格式、编码、工作表、表头映射、缺少的列和问题 "
                 "(show what huzhu sees in a file)");
  cmd->add_option("FILE", opt->file, "要查看的 .xlsx / .xls / .csv 文件")->required();
  cmd->add_option("--sheet", opt->sheet, "工作表名称（默认第一个）(sheet name)");
  cmd->add_option("--max-problems", opt->max_problems, "最多列出多少个问题 (problems listed)");
  cmd->callback([opt, &ctx] { ctx.run = [opt, &ctx] { return RunInspect(*opt, ctx); }; });
}

}  // namespace huzhu::cli
