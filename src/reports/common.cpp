#include "reports/common.h"

#include <exception>
#include <thread>

#include "core/diagnostics.h"
#include "ruleset/schema.h"

namespace huzhu {

void WriteRulesSheet(XlsxWorkbook& book, const RuleSet& rules,
                     const std::vector<InputRecord>& inputs, const std::string& name) {
  XlsxSheet& sheet = book.AddSheet(name, {{"参数", ColumnFormat::kText, 34},
                                           {"说明", ColumnFormat::kText, 30},
                                           {"值", ColumnFormat::kText, 50},
                                           {"条款出处", ColumnFormat::kText, 40},
                                           {"所在文件", ColumnFormat::kText, 0}});
  auto line = [&sheet](const std::string& key, const std::string& what, const std::string& value,
                       const std::string& source = "", const std::string& file = "") {
    sheet.Text(key);
    sheet.Text(what);
    sheet.Text(value);
    sheet.Text(source);
    sheet.Text(file);
    sheet.EndRow();
  };
  line("id", "规则编号", rules.id);
  line("title", "细则名称", rules.title);
  line("notice", "来源通知", rules.notice);
  line("rule_file", "规则文件", rules.path, "", rules.path);
  line("rule_file_sha256", "规则文件 SHA-256", rules.sha256);
  if (!rules.override_path.empty()) {
    line("override_file", "覆盖文件", rules.override_path, "", rules.override_path);
    line("override_file_sha256", "覆盖文件 SHA-256", rules.override_sha256);
  }
  for (const InputRecord& in : inputs) {
    line("input", in.role + "（" + std::to_string(in.rows) + " 行）", in.path, "", in.path);
    line("input_sha256", in.role + " SHA-256", in.sha256);
  }
  for (const auto& [key, p] : rules.params) {
    const std::string section = key.substr(0, key.find('.'));
    const ParamSchema* schema = FindParamSchema(section, key.substr(key.find('.') + 1));
    line(key, schema ? schema->zh : "", p.stated ? DescribeValue(p.value) : "（来源通知未说明）",
         p.source, p.file);
  }
}

void WriteProblemsSheet(XlsxWorkbook& book, const ProblemList& problems) {
  XlsxSheet& sheet = book.AddSheet("问题", {{"级别", ColumnFormat::kText, 6},
                                           {"文件", ColumnFormat::kText, 0},
                                           {"工作表", ColumnFormat::kText, 0},
                                           {"行", ColumnFormat::kInteger, 8},
                                           {"列", ColumnFormat::kText, 6},
                                           {"列名", ColumnFormat::kText, 0},
                                           {"申领编号", ColumnFormat::kText, 0},
                                           {"说明", ColumnFormat::kText, 80}});
  for (const Problem& p : problems.items()) {
    if (p.severity == Severity::kError) sheet.StyleRow(RowStyle::kAttention);
    sheet.Text(p.severity == Severity::kError ? "错误" : "警告");
    sheet.Text(p.where.file);
    sheet.Text(p.where.sheet);
    if (p.where.row > 0) {
      sheet.Integer(p.where.row);
    } else {
      sheet.Blank();
    }
    sheet.Text(ColumnLetter(p.where.column));
    sheet.Text(p.where.header);
    sheet.Text(p.claim_id);
    sheet.Text(p.message);
    sheet.EndRow();
  }
}

void WriteInParallel(const std::function<void()>& workbook, const std::function<void()>& csv) {
  std::exception_ptr workbook_error;
  std::thread thread([&] {
    try {
      workbook();
    } catch (...) {
      workbook_error = std::current_exception();
    }
  });
  std::exception_ptr csv_error;
  try {
    csv();
  } catch (...) {
    csv_error = std::current_exception();
  }
  thread.join();
  if (workbook_error) std::rethrow_exception(workbook_error);
  if (csv_error) std::rethrow_exception(csv_error);
}

std::string ReferencePrefix(const RuleSet& rules) {
  std::string scheme = "HZ";
  if (rules.scheme == "inner-mongolia") scheme = "IM";
  if (rules.scheme == "hengyang") scheme = "HY";
  if (rules.scheme == "wujin") scheme = "WJ";
  return scheme + std::to_string(rules.year) + (rules.project == "women" ? "W" : "H");
}

}  // namespace huzhu
