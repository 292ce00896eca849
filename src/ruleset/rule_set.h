// A scheme year's rules as plain data: every parameter with its value and the article it comes
// from. Filled by rule_loader from rules/<scheme>/<year>-<project>.toml; engines read it through
// the typed getters (never literals in code).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "core/date.h"
#include "core/money.h"

namespace huzhu {

/// One marginal segment: the part of the amount up to `upto` (inclusive) above the previous
/// segment's bound is paid at `rate`.
struct Segment {
  Money upto;
  Rate rate;
  std::string source;
};

/// A lump-sum bracket: an amount in [from, next bracket's from) pays `pays`.
struct Bracket {
  Money from;
  Money pays;
  std::string source;
};

/// A daily allowance rate by consecutive years of membership (from this year on).
struct DailyRate {
  std::int64_t from_year = 1;
  Money per_day;
  std::string source;
};

/// A row of a benefit table keyed by a name (women's diagnoses, Wujin injury grades ...).
struct BenefitRow {
  std::string key;                   ///< e.g. 浸润性乳腺癌
  std::vector<std::string> aliases;  ///< other accepted spellings
  std::string treatment;             ///< "" = any treatment
  bool covered = true;
  Money benefit;  ///< the table's amount
  Money final;    ///< what is paid (benefit plus any grant already included)
  std::string source;
};

using ParamValue = std::variant<bool, std::int64_t, Money, Rate, Date, std::string,
                                std::vector<std::string>, std::vector<Segment>,
                                std::vector<Bracket>, std::vector<DailyRate>,
                                std::vector<BenefitRow>>;

/// One parameter of a rule file.
struct Param {
  std::string key;     ///< dotted: "top_up.minimum"
  ParamValue value;
  std::string source;  ///< the article: "第九条 11"
  bool stated = true;  ///< false: the source notice does not state it (value is a placeholder)
  std::string file;    ///< which file set it (base or override)
  int line = 0;
};

/// The rules of one scheme year and project.
struct RuleSet {
  int schema_version = 0;
  std::string id;       ///< inner-mongolia/2026/hospital
  std::string scheme;   ///< inner-mongolia
  int year = 0;
  std::string project;  ///< hospital | women
  std::string title;    ///< the notice's title of the rules
  std::string notice;   ///< which seed notice and attachment

  std::string path;     ///< the base rule file
  std::string sha256;   ///< of the base rule file's bytes
  std::string override_path;
  std::string override_sha256;

  /// Every parameter by dotted key, sorted.
  std::map<std::string, Param> params;
  /// The sections (building blocks) the file has.
  std::set<std::string> sections;

  bool Has(const std::string& key) const { return params.count(key) != 0; }
  /// Whether a block (section) is present: "top_up", "death_benefit" …
  bool HasSection(const std::string& section) const;
  const Param& Get(const std::string& key) const;  ///< throws std::out_of_range naming the key

  bool GetBool(const std::string& key) const;
  std::int64_t GetInt(const std::string& key) const;
  Money GetMoney(const std::string& key) const;
  Rate GetRate(const std::string& key) const;
  Date GetDate(const std::string& key) const;
  const std::string& GetText(const std::string& key) const;
  const std::vector<std::string>& GetTextList(const std::string& key) const;
  const std::vector<Segment>& GetSegments(const std::string& key) const;
  const std::vector<Bracket>& GetBrackets(const std::string& key) const;
  const std::vector<DailyRate>& GetDailyRates(const std::string& key) const;
  const std::vector<BenefitRow>& GetBenefitRows(const std::string& key) const;

  /// Keys of parameters the source leaves unstated.
  std::vector<std::string> UnstatedKeys() const;
};

/// The value of a parameter as a clerk reads it: "2026-01-01", "200.00", "40%", "是" …
std::string DescribeValue(const ParamValue& value);

}  // namespace huzhu
