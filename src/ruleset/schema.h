// What a rule file may contain: every section (building block) and parameter, with its type and
// whether it is required. The loader checks files strictly against this.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace huzhu {

enum class ParamType {
  kBool,
  kInt,
  kMoney,       ///< "3000.00" (a string) or an integer number of yuan
  kRate,        ///< "40%"
  kDate,        ///< a TOML date
  kText,        ///< a string, optionally restricted to `choices`
  kTextList,    ///< an array of strings
  kSegments,    ///< [{ upto, rate, source }]
  kBrackets,    ///< [{ from, pays, source }]
  kDailyRates,  ///< [{ from_year, per_day, source }]
  kBenefitRows, ///< [{ key, aliases, treatment, covered, benefit, final, source }]
};

struct ParamSchema {
  std::string section;  ///< "" for top-level keys
  std::string key;
  ParamType type;
  bool required;                     ///< required when its section is present
  std::vector<std::string> choices;  ///< allowed texts for kText
  long long min = 0, max = 0;        ///< inclusive range for kInt when min < max
  bool may_be_unstated = false;      ///< `stated = false` allowed (Hengyang's missing rates)
  std::string zh;                    ///< what it means, for `rules show`
};

struct SectionSchema {
  std::string name;
  bool required;
  std::string zh;  ///< e.g. 医疗补助（分段计算）
};

/// Every section and parameter: the common ones and the hospital blocks (schema.cpp), then each
/// scheme family's own blocks, each in its own file (schema_women.cpp, schema_wujin.cpp,
/// schema_hengyang.cpp), appended by the functions below.
void AddWomenSchema(std::vector<SectionSchema>& sections, std::vector<ParamSchema>& params);
void AddWujinSchema(std::vector<SectionSchema>& sections, std::vector<ParamSchema>& params);
void AddHengyangSchema(std::vector<SectionSchema>& sections, std::vector<ParamSchema>& params);

const std::vector<SectionSchema>& RuleSections();
const std::vector<ParamSchema>& RuleParams();
const ParamSchema* FindParamSchema(std::string_view section, std::string_view key);
const SectionSchema* FindSectionSchema(std::string_view name);

/// The closest of `candidates` to `word` (edit distance ≤ 2 + a third of its length), or "".
std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace huzhu
