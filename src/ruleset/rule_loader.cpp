#include "ruleset/rule_loader.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <toml++/toml.h>

#include "core/diagnostics.h"
#include "core/sha256.h"
#include "ruleset/schema.h"

namespace huzhu {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void Fail(const std::string& path, const toml::source_region& where,
                       const std::string& message) {
  std::string place = path;
  if (where.begin.line > 0) {
    place += ":" + std::to_string(where.begin.line) + ":" + std::to_string(where.begin.column);
  }
  throw Error(ErrorKind::kRules, Location(), place + ": " + message);
}

[[noreturn]] void FailKey(const std::string& path, const toml::node& node, const std::string& key,
                          const std::string& zh, const std::string& en) {
  Fail(path, node.source(), key + Tr("：", ": ") + Tr(zh, en));
}

std::string Dotted(const std::string& section, const std::string& key) {
  return section.empty() ? key : section + "." + key;
}

std::string NeedString(const std::string& path, const std::string& key, const toml::node& node) {
  if (const auto* s = node.as_string()) return s->get();
  FailKey(path, node, key, "应为字符串", "expected a string");
}

Money ParseMoneyNode(const std::string& path, const std::string& key, const toml::node& node) {
  if (const auto* s = node.as_string()) {
    try {
      return ParseMoneyText(s->get());
    } catch (const ValueError& e) {
      FailKey(path, node, key, e.what(), e.what());
    }
  }
  if (const auto* i = node.as_integer()) return Money::FromYuan(i->get());
  FailKey(path, node, key, "金额请写成字符串，如 \"3000.00\"（不用小数，避免二进制浮点误差）",
          "write money as a string such as \"3000.00\" (no floating point)");
}

Rate ParseRateNode(const std::string& path, const std::string& key, const toml::node& node) {
  if (const auto* s = node.as_string()) {
    Rate r;
    try {
      r = ParseRate(s->get());
    } catch (const ValueError& e) {
      FailKey(path, node, key, e.what(), e.what());
    }
    if (r < Rate::FromPercent(0) || r > Rate::FromPercent(100)) {
      FailKey(path, node, key, "比例应在 0% 到 100% 之间", "a rate must be between 0% and 100%");
    }
    return r;
  }
  FailKey(path, node, key, "比例请写成字符串，如 \"40%\"", "write a rate as a string such as \"40%\"");
}

Date ParseDateNode(const std::string& path, const std::string& key, const toml::node& node) {
  if (const auto* d = node.as_date()) {
    const toml::date v = d->get();
    try {
      return Date::FromYmd(v.year, v.month, v.day);
    } catch (const ValueError& e) {
      FailKey(path, node, key, e.what(), e.what());
    }
  }
  FailKey(path, node, key, "应为日期，如 2026-01-01（不加引号）",
          "expected a date such as 2026-01-01 (unquoted)");
}

std::int64_t ParseIntNode(const std::string& path, const std::string& key, const toml::node& node,
                          const ParamSchema& schema) {
  const auto* i = node.as_integer();
  if (i == nullptr) FailKey(path, node, key, "应为整数", "expected a whole number");
  const std::int64_t v = i->get();
  if (schema.min < schema.max && (v < schema.min || v > schema.max)) {
    FailKey(path, node, key,
            "应在 " + std::to_string(schema.min) + " 到 " + std::to_string(schema.max) + " 之间",
            "must be between " + std::to_string(schema.min) + " and " +
                std::to_string(schema.max));
  }
  return v;
}

// Checks that a table has only `allowed` keys.
void OnlyKeys(const std::string& path, const std::string& key, const toml::table& table,
              const std::vector<std::string>& allowed) {
  for (const auto& [k, v] : table) {
    const std::string name(k.str());
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      const std::string guess = DidYouMean(name, allowed);
      FailKey(path, v, key + "." + name,
              "未知字段" + (guess.empty() ? "" : "（是否想写 " + guess + "？）"),
              "unknown field" + (guess.empty() ? "" : " (did you mean " + guess + "?)"));
    }
  }
}

const toml::node& Field(const std::string& path, const std::string& key, const toml::table& table,
                        const char* name) {
  const toml::node* n = table.get(name);
  if (n == nullptr) {
    FailKey(path, table, key, std::string("缺少字段 ") + name, std::string("missing field ") + name);
  }
  return *n;
}

std::string ElementSource(const std::string& path, const std::string& key,
                          const toml::table& table) {
  const toml::node* s = table.get("source");
  if (s == nullptr) {
    FailKey(path, table, key, "每一项都要写 source（条款出处）",
            "every entry needs its source (the article)");
  }
  return NeedString(path, key + ".source", *s);
}

template <typename T, typename Fn>
std::vector<T> ParseList(const std::string& path, const std::string& key, const toml::node& node,
                         const std::vector<std::string>& fields, Fn parse_one) {
  const auto* arr = node.as_array();
  if (arr == nullptr || arr->empty()) {
    FailKey(path, node, key, "应为非空的表格数组，如 [ { …, source = \"…\" } ]",
            "expected a non-empty array of tables");
  }
  std::vector<T> out;
  for (std::size_t i = 0; i < arr->size(); ++i) {
    const std::string item_key = key + "[" + std::to_string(i) + "]";
    const auto* t = (*arr)[i].as_table();
    if (t == nullptr) FailKey(path, (*arr)[i], item_key, "应为表格 { … }", "expected a table");
    OnlyKeys(path, item_key, *t, fields);
    out.push_back(parse_one(item_key, *t));
  }
  return out;
}

ParamValue ParseListValue(const std::string& path, const std::string& key, const toml::node& node,
                          const ParamSchema& schema) {
  switch (schema.type) {
    case ParamType::kSegments: {
      auto segs = ParseList<Segment>(
          path, key, node, {"upto", "rate", "source"},
          [&](const std::string& k, const toml::table& t) {
            return Segment{ParseMoneyNode(path, k + ".upto", Field(path, k, t, "upto")),
                           ParseRateNode(path, k + ".rate", Field(path, k, t, "rate")),
                           ElementSource(path, k, t)};
          });
      const auto* arr = node.as_array();
      Money prev;
      for (std::size_t i = 0; i < segs.size(); ++i) {
        if (segs[i].upto <= prev) {
          FailKey(path, *(*arr)[i].as_table(), key + "[" + std::to_string(i) + "]",
                  "分段上限必须从小到大且不重叠（上一段上限 " + FormatMoney(prev) + "）",
                  "segment bounds must increase without overlap (previous bound " +
                      FormatMoney(prev) + ")");
        }
        prev = segs[i].upto;
      }
      return segs;
    }
    case ParamType::kBrackets: {
      auto brackets = ParseList<Bracket>(
          path, key, node, {"from", "pays", "source"},
          [&](const std::string& k, const toml::table& t) {
            return Bracket{ParseMoneyNode(path, k + ".from", Field(path, k, t, "from")),
                           ParseMoneyNode(path, k + ".pays", Field(path, k, t, "pays")),
                           ElementSource(path, k, t)};
          });
      const auto* arr = node.as_array();
      for (std::size_t i = 1; i < brackets.size(); ++i) {
        if (brackets[i].from <= brackets[i - 1].from) {
          FailKey(path, *(*arr)[i].as_table(), key + "[" + std::to_string(i) + "]",
                  "档次起点必须从小到大", "bracket starts must increase");
        }
      }
      return brackets;
    }
    case ParamType::kDailyRates: {
      auto rates = ParseList<DailyRate>(
          path, key, node, {"from_year", "per_day", "source"},
          [&](const std::string& k, const toml::table& t) {
            ParamSchema year_schema{"", "", ParamType::kInt, true, {}, 1, 100, false, ""};
            return DailyRate{
                ParseIntNode(path, k + ".from_year", Field(path, k, t, "from_year"), year_schema),
                ParseMoneyNode(path, k + ".per_day", Field(path, k, t, "per_day")),
                ElementSource(path, k, t)};
          });
      const auto* arr = node.as_array();
      for (std::size_t i = 0; i < rates.size(); ++i) {
        const std::int64_t want_min = i == 0 ? 1 : rates[i - 1].from_year + 1;
        if ((i == 0 && rates[i].from_year != 1) || rates[i].from_year < want_min) {
          FailKey(path, *(*arr)[i].as_table(), key + "[" + std::to_string(i) + "]",
                  "from_year 必须从 1 开始并逐项增大", "from_year must start at 1 and increase");
        }
      }
      return rates;
    }
    case ParamType::kBenefitRows: {
      return ParseList<BenefitRow>(
          path, key, node, {"key", "aliases", "treatment", "covered", "benefit", "final", "source"},
          [&](const std::string& k, const toml::table& t) {
            BenefitRow row;
            row.key = NeedString(path, k + ".key", Field(path, k, t, "key"));
            if (const toml::node* a = t.get("aliases")) {
              const auto* arr = a->as_array();
              if (arr == nullptr) FailKey(path, *a, k + ".aliases", "应为字符串数组", "expected strings");
              for (const auto& e : *arr) row.aliases.push_back(NeedString(path, k + ".aliases", e));
            }
            if (const toml::node* tr = t.get("treatment")) {
              row.treatment = NeedString(path, k + ".treatment", *tr);
            }
            if (const toml::node* c = t.get("covered")) {
              const auto* b = c->as_boolean();
              if (b == nullptr) FailKey(path, *c, k + ".covered", "应为 true/false", "expected a boolean");
              row.covered = b->get();
            }
            if (row.covered) {
              row.benefit = ParseMoneyNode(path, k + ".benefit", Field(path, k, t, "benefit"));
              row.final = ParseMoneyNode(path, k + ".final", Field(path, k, t, "final"));
            }
            row.source = ElementSource(path, k, t);
            return row;
          });
    }
    default:
      break;
  }
  FailKey(path, node, key, "内部错误：未知列表类型", "internal error: unknown list type");
}

ParamValue ParseScalarValue(const std::string& path, const std::string& key,
                            const toml::node& node, const ParamSchema& schema) {
  switch (schema.type) {
    case ParamType::kBool: {
      const auto* b = node.as_boolean();
      if (b == nullptr) FailKey(path, node, key, "应为 true 或 false", "expected true or false");
      return b->get();
    }
    case ParamType::kInt:
      return ParseIntNode(path, key, node, schema);
    case ParamType::kMoney:
      return ParseMoneyNode(path, key, node);
    case ParamType::kRate:
      return ParseRateNode(path, key, node);
    case ParamType::kDate:
      return ParseDateNode(path, key, node);
    case ParamType::kText: {
      std::string v = NeedString(path, key, node);
      if (!schema.choices.empty() &&
          std::find(schema.choices.begin(), schema.choices.end(), v) == schema.choices.end()) {
        std::string list;
        for (const auto& c : schema.choices) list += (list.empty() ? "" : ", ") + c;
        const std::string guess = DidYouMean(v, schema.choices);
        FailKey(path, node, key,
                "取值“" + v + "”无效，可选：" + list + (guess.empty() ? "" : "（是否想写 " + guess + "？）"),
                "invalid value '" + v + "', choose one of: " + list +
                    (guess.empty() ? "" : " (did you mean " + guess + "?)"));
      }
      return v;
    }
    case ParamType::kTextList: {
      const auto* arr = node.as_array();
      if (arr == nullptr) FailKey(path, node, key, "应为字符串数组", "expected an array of strings");
      std::vector<std::string> out;
      for (const auto& e : *arr) out.push_back(NeedString(path, key, e));
      return out;
    }
    default:
      break;
  }
  FailKey(path, node, key, "内部错误：未知类型", "internal error: unknown type");
}

bool IsListType(ParamType t) {
  return t == ParamType::kSegments || t == ParamType::kBrackets || t == ParamType::kDailyRates ||
         t == ParamType::kBenefitRows;
}

std::string JoinSources(const ParamValue& v) {
  auto join = [](const auto& items) {
    std::string out;
    for (const auto& it : items) {
      if (out.find(it.source) != std::string::npos) continue;
      out += (out.empty() ? "" : "；") + it.source;
    }
    return out;
  };
  if (const auto* s = std::get_if<std::vector<Segment>>(&v)) return join(*s);
  if (const auto* b = std::get_if<std::vector<Bracket>>(&v)) return join(*b);
  if (const auto* d = std::get_if<std::vector<DailyRate>>(&v)) return join(*d);
  if (const auto* r = std::get_if<std::vector<BenefitRow>>(&v)) return join(*r);
  return "";
}

// Reads one section parameter into a Param (value + source).
Param ParseParam(const std::string& path, const std::string& section, const std::string& key,
                 const toml::node& node, const ParamSchema& schema) {
  const std::string dotted = Dotted(section, key);
  Param p;
  p.key = dotted;
  p.file = path;
  p.line = static_cast<int>(node.source().begin.line);
  if (IsListType(schema.type)) {
    // A list the source does not state (Hengyang's first-subsidy rates) may be written
    // `key = { stated = false, source = "…" }` when its schema allows it: no value is kept.
    if (const auto* t = node.as_table(); t != nullptr && schema.may_be_unstated) {
      OnlyKeys(path, dotted, *t, {"stated", "source"});
      const toml::node* st = t->get("stated");
      const toml::node* src = t->get("source");
      if (st == nullptr || !st->is_boolean() || st->as_boolean()->get()) {
        FailKey(path, node, dotted, "列表参数写成 { … } 时只能是 { stated = false, source = \"…\" }",
                "a list written as a table must be { stated = false, source = \"...\" }");
      }
      if (src == nullptr) {
        FailKey(path, node, dotted, "缺少 source（条款出处）", "missing source (the article)");
      }
      p.source = NeedString(path, dotted + ".source", *src);
      p.stated = false;
      return p;  // unstated: no value
    }
    p.value = ParseListValue(path, dotted, node, schema);
    p.source = JoinSources(p.value);
    return p;
  }
  const auto* t = node.as_table();
  if (t == nullptr) {
    FailKey(path, node, dotted, "应写成 { value = …, source = \"第…条\" }",
            "write it as { value = ..., source = \"article\" }");
  }
  OnlyKeys(path, dotted, *t, {"value", "source", "stated"});
  const toml::node* src = t->get("source");
  if (src == nullptr) {
    FailKey(path, node, dotted, "缺少 source（条款出处）", "missing source (the article)");
  }
  p.source = NeedString(path, dotted + ".source", *src);
  if (const toml::node* st = t->get("stated")) {
    const auto* b = st->as_boolean();
    if (b == nullptr) FailKey(path, *st, dotted + ".stated", "应为 true/false", "expected a boolean");
    p.stated = b->get();
    if (!p.stated && !schema.may_be_unstated) {
      FailKey(path, *st, dotted, "此参数不能标为未说明（stated = false）",
              "this parameter cannot be marked as not stated");
    }
  }
  const toml::node* value = t->get("value");
  if (value == nullptr) {
    if (p.stated) FailKey(path, node, dotted, "缺少 value", "missing value");
    return p;  // unstated: no value
  }
  p.value = ParseScalarValue(path, dotted, *value, schema);
  return p;
}

std::vector<std::string> SectionNames() {
  std::vector<std::string> names;
  for (const auto& s : RuleSections()) names.push_back(s.name);
  return names;
}

std::vector<std::string> KeysOf(const std::string& section) {
  std::vector<std::string> keys;
  for (const auto& p : RuleParams()) {
    if (p.section == section) keys.push_back(p.key);
  }
  return keys;
}

// Reads every section of `root` into `rules.params` (replacing existing keys). `identity` keys
// at the top level are handled by the caller and skipped here.
void ReadSections(const std::string& path, const toml::table& root, RuleSet& rules,
                  const std::vector<std::string>& top_level_allowed) {
  for (const auto& [k, node] : root) {
    const std::string name(k.str());
    if (std::find(top_level_allowed.begin(), top_level_allowed.end(), name) !=
        top_level_allowed.end()) {
      continue;
    }
    const SectionSchema* section = FindSectionSchema(name);
    if (section == nullptr) {
      std::vector<std::string> all = SectionNames();
      all.insert(all.end(), top_level_allowed.begin(), top_level_allowed.end());
      const std::string guess = DidYouMean(name, all);
      FailKey(path, node, name, "未知的节或键" + (guess.empty() ? "" : "（是否想写 " + guess + "？）"),
              "unknown section or key" + (guess.empty() ? "" : " (did you mean " + guess + "?)"));
    }
    const auto* table = node.as_table();
    if (table == nullptr) {
      FailKey(path, node, name, "应为一个节 [" + name + "]", "expected a section [" + name + "]");
    }
    for (const auto& [pk, pnode] : *table) {
      const std::string key(pk.str());
      const ParamSchema* schema = FindParamSchema(name, key);
      if (schema == nullptr) {
        const std::string guess = DidYouMean(key, KeysOf(name));
        FailKey(path, pnode, name + "." + key,
                "未知参数" + (guess.empty() ? "" : "（是否想写 " + name + "." + guess + "？）"),
                "unknown parameter" + (guess.empty() ? "" : " (did you mean " + name + "." + guess + "?)"));
      }
      Param p = ParseParam(path, name, key, pnode, *schema);
      rules.params[p.key] = std::move(p);
    }
    rules.sections.insert(name);
  }
}

[[noreturn]] void FailSet(const RuleSet& rules, const std::string& key, const std::string& zh,
                          const std::string& en) {
  std::string place = rules.path;
  auto it = rules.params.find(key);
  if (it != rules.params.end()) {
    place = it->second.file + (it->second.line > 0 ? ":" + std::to_string(it->second.line) : "");
  }
  throw Error(ErrorKind::kRules, Location(), place + ": " + key + Tr("：", ": ") + Tr(zh, en));
}

// Whole-file checks after all parameters are read.
void Validate(const RuleSet& rules) {
  for (const SectionSchema& s : RuleSections()) {
    const bool present = rules.HasSection(s.name);
    if (!present && s.required) {
      FailSet(rules, s.name, "缺少必需的节 [" + s.name + "]（" + s.zh + "）",
              "missing required section [" + s.name + "]");
    }
    if (!present) continue;
    for (const ParamSchema& p : RuleParams()) {
      if (p.section == s.name && p.required && !rules.Has(Dotted(p.section, p.key))) {
        FailSet(rules, s.name, "缺少参数 " + p.key + "（" + p.zh + "）",
                "missing parameter " + p.key + " (" + p.zh + ")");
      }
    }
  }
  if (rules.GetDate("period.end") < rules.GetDate("period.start")) {
    FailSet(rules, "period.end", "保障期结束早于开始", "the period ends before it starts");
  }
  if (rules.GetDate("enrolment.window_end") < rules.GetDate("enrolment.window_start")) {
    FailSet(rules, "enrolment.window_end", "办理截止早于开始", "the enrolment window ends before it starts");
  }
  const std::string& deadline = rules.GetText("deadline.rule");
  if (deadline == "fixed_date") {
    if (!rules.Has("deadline.date")) {
      FailSet(rules, "deadline.rule", "fixed_date 需要 deadline.date", "fixed_date needs deadline.date");
    }
    if (rules.GetDate("deadline.date") < rules.GetDate("period.end")) {
      FailSet(rules, "deadline.date", "申领截止早于保障期结束", "the claim deadline is before the period ends");
    }
  } else if (deadline == "days_after_settlement" && !rules.Has("deadline.days")) {
    FailSet(rules, "deadline.rule", "days_after_settlement 需要 deadline.days",
            "days_after_settlement needs deadline.days");
  }
  // The hospital blocks need the in-service age limit, the retired-member policy and the
  // resident-insurance policy (rules reference §1–3).
  if (rules.HasSection("medical_subsidy")) {
    for (const char* key : {"eligibility.max_age_active", "eligibility.retired",
                            "eligibility.resident_insurance"}) {
      if (!rules.Has(key)) {
        FailSet(rules, "eligibility", std::string("住院医疗方案需要参数 ") + key,
                std::string("the hospital scheme needs ") + key);
      }
    }
  }
  if (rules.Has("eligibility.retired") && rules.GetText("eligibility.retired") != "not_allowed" &&
      (!rules.Has("eligibility.max_age_retired") ||
       !rules.Has("eligibility.retired_min_consecutive_years"))) {
    FailSet(rules, "eligibility.retired",
            "允许退休职工参加时需要 max_age_retired 和 retired_min_consecutive_years",
            "retired members need max_age_retired and retired_min_consecutive_years");
  }
  if (rules.Has("eligibility.max_age_active") &&
      rules.GetInt("eligibility.max_age_active") < rules.GetInt("eligibility.min_age")) {
    FailSet(rules, "eligibility.max_age_active", "最高年龄小于最低年龄",
            "the maximum age is below the minimum");
  }
  const std::string expected_id =
      rules.scheme + "/" + std::to_string(rules.year) + "/" + rules.project;
  if (rules.id != expected_id) {
    FailSet(rules, "id", "应为 " + expected_id + "（scheme/year/project）",
            "must be " + expected_id + " (scheme/year/project)");
  }
}

const std::vector<std::string>& IdentityKeys() {
  static const std::vector<std::string> keys{"schema_version", "id",    "scheme", "year",
                                             "project",        "title", "notice"};
  return keys;
}

toml::table ParseToml(std::string_view text, const std::string& path) {
  try {
    return toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    Fail(path, e.source(), Tr("TOML 语法错误：", "TOML syntax error: ") + std::string(e.description()));
  }
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw Error(ErrorKind::kRules, Location(path), Tr("无法读取规则文件", "cannot read the rule file"));
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

RuleSet ParseRuleSet(std::string_view text, const std::string& path) {
  const toml::table root = ParseToml(text, path);
  RuleSet rules;
  rules.path = path;
  // schema_version first (ninja's required-version check), before anything else is interpreted.
  const toml::node* version = root.get("schema_version");
  if (version == nullptr || !version->is_integer()) {
    Fail(path, root.source(), Tr("缺少 schema_version（规则文件格式版本，应为 1）",
                                 "missing schema_version (the rule file format version, 1)"));
  }
  if (version->as_integer()->get() != 1) {
    Fail(path, version->source(),
         Tr("不支持的 schema_version：", "unsupported schema_version: ") +
             std::to_string(version->as_integer()->get()) + Tr("（本程序支持 1）", " (this program reads 1)"));
  }
  rules.schema_version = 1;
  for (const std::string& key : IdentityKeys()) {
    const ParamSchema* schema = FindParamSchema("", key);
    const toml::node* n = root.get(key);
    if (n == nullptr) {
      Fail(path, root.source(), key + Tr("：缺少（" + schema->zh + "）", ": missing"));
    }
    const ParamValue v = schema->type == ParamType::kInt ? ParamValue(ParseIntNode(path, key, *n, *schema))
                                                         : ParseScalarValue(path, key, *n, *schema);
    if (key == "id") rules.id = std::get<std::string>(v);
    if (key == "scheme") rules.scheme = std::get<std::string>(v);
    if (key == "year") rules.year = static_cast<int>(std::get<std::int64_t>(v));
    if (key == "project") rules.project = std::get<std::string>(v);
    if (key == "title") rules.title = std::get<std::string>(v);
    if (key == "notice") rules.notice = std::get<std::string>(v);
  }
  ReadSections(path, root, rules, IdentityKeys());
  Validate(rules);
  return rules;
}

void ApplyOverride(RuleSet& rules, std::string_view text, const std::string& path) {
  const toml::table root = ParseToml(text, path);
  const toml::node* version = root.get("schema_version");
  if (version == nullptr || !version->is_integer() || version->as_integer()->get() != 1) {
    Fail(path, root.source(), Tr("覆盖文件需要 schema_version = 1", "an override file needs schema_version = 1"));
  }
  if (const toml::node* base = root.get("base")) {
    const std::string id = NeedString(path, "base", *base);
    if (id != rules.id) {
      Fail(path, base->source(),
           Tr("base 为 " + id + "，但所用规则是 " + rules.id, "base is " + id + " but the rules are " + rules.id));
    }
  }
  ReadSections(path, root, rules, {"schema_version", "base"});
  rules.override_path = path;
  Validate(rules);
}

RuleSet LoadRuleSet(const std::string& path_or_id, const std::string& override_path) {
  const std::string path = ResolveRulesPath(path_or_id);
  const std::string text = ReadFile(path);
  RuleSet rules = ParseRuleSet(text, path);
  rules.sha256 = Sha256Hex(text);
  if (!override_path.empty()) {
    const std::string otext = ReadFile(override_path);
    ApplyOverride(rules, otext, override_path);
    rules.override_sha256 = Sha256Hex(otext);
  }
  return rules;
}

std::string RulesDirectory() {
  if (const char* env = std::getenv("HUZHU_RULES_DIR"); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (const fs::path& candidate : {exe.parent_path() / "rules", exe.parent_path().parent_path() / "rules",
                                      exe.parent_path() / "../share/huzhu/rules"}) {
      if (fs::is_directory(candidate, ec)) return fs::weakly_canonical(candidate, ec).string();
    }
  }
  if (fs::is_directory("rules", ec)) return "rules";
#ifdef HUZHU_SOURCE_RULES_DIR
  return HUZHU_SOURCE_RULES_DIR;
#else
  return "rules";
#endif
}

std::string ResolveRulesPath(const std::string& path_or_id) {
  std::error_code ec;
  if (fs::is_regular_file(path_or_id, ec)) return path_or_id;
  // scheme/year/project
  const auto first = path_or_id.find('/');
  const auto second = first == std::string::npos ? std::string::npos : path_or_id.find('/', first + 1);
  if (second != std::string::npos && path_or_id.find('/', second + 1) == std::string::npos &&
      path_or_id.find(".toml") == std::string::npos) {
    const std::string scheme = path_or_id.substr(0, first);
    const std::string year = path_or_id.substr(first + 1, second - first - 1);
    const std::string project = path_or_id.substr(second + 1);
    const fs::path p = fs::path(RulesDirectory()) / scheme / (year + "-" + project + ".toml");
    if (fs::is_regular_file(p, ec)) return p.string();
    throw Error(ErrorKind::kRules, Location(path_or_id),
                Tr("找不到规则 " + path_or_id + "（应在 " + p.string() + "）；用 huzhu rules list 查看可用规则",
                   "no rules " + path_or_id + " (expected at " + p.string() + "); see huzhu rules list"));
  }
  throw Error(ErrorKind::kRules, Location(path_or_id),
              Tr("找不到规则文件；--rules 可写文件路径或 方案/年度/项目，如 inner-mongolia/2026/hospital",
                 "no such rule file; --rules takes a path or scheme/year/project such as "
                 "inner-mongolia/2026/hospital"));
}

std::vector<RuleFileEntry> ListRuleFiles(const std::string& dir) {
  std::vector<RuleFileEntry> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(dir, ec)) {
    if (e.is_regular_file() && e.path().extension() == ".toml") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    const RuleSet r = ParseRuleSet(ReadFile(f.string()), f.string());
    out.push_back(RuleFileEntry{r.id, r.scheme, r.project, r.title, r.notice, f.string(), r.year});
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return out;
}

}  // namespace huzhu
