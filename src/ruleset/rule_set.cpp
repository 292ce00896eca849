#include "ruleset/rule_set.h"

#include <stdexcept>

#include "core/diagnostics.h"

namespace huzhu {

namespace {
template <typename T>
const T& As(const RuleSet& rules, const std::string& key) {
  const Param& p = rules.Get(key);
  if (!p.stated) {
    throw Error(ErrorKind::kRules, Location(p.file),
                key + Tr("：来源通知未说明此参数，需要在覆盖文件中给出",
                         ": the source notice does not state this parameter; give it in an "
                         "override file"));
  }
  if (const T* v = std::get_if<T>(&p.value)) return *v;
  throw std::logic_error("rule parameter " + key + " has another type");
}
}  // namespace

bool RuleSet::HasSection(const std::string& section) const { return sections.count(section) != 0; }

const Param& RuleSet::Get(const std::string& key) const {
  auto it = params.find(key);
  if (it == params.end()) throw std::out_of_range("rule parameter " + key + " is not set");
  return it->second;
}

bool RuleSet::GetBool(const std::string& key) const { return As<bool>(*this, key); }
std::int64_t RuleSet::GetInt(const std::string& key) const { return As<std::int64_t>(*this, key); }
Money RuleSet::GetMoney(const std::string& key) const { return As<Money>(*this, key); }
Rate RuleSet::GetRate(const std::string& key) const { return As<Rate>(*this, key); }
Date RuleSet::GetDate(const std::string& key) const { return As<Date>(*this, key); }
const std::string& RuleSet::GetText(const std::string& key) const {
  return As<std::string>(*this, key);
}
const std::vector<std::string>& RuleSet::GetTextList(const std::string& key) const {
  return As<std::vector<std::string>>(*this, key);
}
const std::vector<Segment>& RuleSet::GetSegments(const std::string& key) const {
  return As<std::vector<Segment>>(*this, key);
}
const std::vector<Bracket>& RuleSet::GetBrackets(const std::string& key) const {
  return As<std::vector<Bracket>>(*this, key);
}
const std::vector<DailyRate>& RuleSet::GetDailyRates(const std::string& key) const {
  return As<std::vector<DailyRate>>(*this, key);
}
const std::vector<BenefitRow>& RuleSet::GetBenefitRows(const std::string& key) const {
  return As<std::vector<BenefitRow>>(*this, key);
}

std::vector<std::string> RuleSet::UnstatedKeys() const {
  std::vector<std::string> out;
  for (const auto& [key, p] : params) {
    if (!p.stated) out.push_back(key);
  }
  return out;
}

std::string DescribeValue(const ParamValue& value) {
  struct Visitor {
    std::string operator()(bool b) const { return b ? Tr("是", "yes") : Tr("否", "no"); }
    std::string operator()(std::int64_t i) const { return std::to_string(i); }
    std::string operator()(Money m) const { return FormatMoneyGrouped(m); }
    std::string operator()(Rate r) const { return FormatRate(r); }
    std::string operator()(Date d) const { return d.ToIso(); }
    std::string operator()(const std::string& s) const { return s; }
    std::string operator()(const std::vector<std::string>& v) const {
      std::string out;
      for (const auto& s : v) out += (out.empty() ? "" : "、") + s;
      return out;
    }
    std::string operator()(const std::vector<Segment>& v) const {
      std::string out;
      Money lower;
      for (const auto& s : v) {
        out += (out.empty() ? "" : "；") + FormatMoneyGrouped(lower) + "–" +
               FormatMoneyGrouped(s.upto) + " " + FormatRate(s.rate);
        lower = s.upto;
      }
      return out + Tr("；超过部分不补助", "; nothing above");
    }
    std::string operator()(const std::vector<Bracket>& v) const {
      std::string out;
      for (const auto& b : v) {
        out += (out.empty() ? "" : "；") + std::string("≥") + FormatMoneyGrouped(b.from) + " → " +
               FormatMoneyGrouped(b.pays);
      }
      return out;
    }
    std::string operator()(const std::vector<DailyRate>& v) const {
      std::string out;
      for (const auto& d : v) {
        out += (out.empty() ? "" : "；") + Tr("第", "year ") + std::to_string(d.from_year) +
               Tr("年起 ", "+: ") + FormatMoneyGrouped(d.per_day) + Tr("/天", "/day");
      }
      return out;
    }
    std::string operator()(const std::vector<BenefitRow>& v) const {
      return std::to_string(v.size()) + Tr(" 行", " rows");
    }
  };
  return std::visit(Visitor{}, value);
}

}  // namespace huzhu
