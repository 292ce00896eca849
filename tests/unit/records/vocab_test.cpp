// The coded columns' parsers (data contract: 人员类别, 参互类型, 医保类型, 项目, 类型): a spelling
// read exactly as listed takes a shortcut that skips normalisation, so each spelling is checked
// to mean the same with and without it (padded with spaces, upper-cased, full-width).
#include "records/vocab.h"

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <string_view>

#include "core/text.h"

namespace huzhu {
namespace {

// The same word as a clerk's cell might hold it: spaces around, ASCII upper-cased, and with the
// first ASCII letter in its full-width form (U+FF41.. for a..z).
std::string Disguised(std::string_view word) {
  std::string out = "\u3000 ";
  bool widened = false;
  for (const char c : word) {
    if (!widened && c >= 'a' && c <= 'z') {
      const auto code = static_cast<unsigned>(0xFF21 + (c - 'a'));  // full-width upper case
      out += static_cast<char>(0xE0 | (code >> 12));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
      widened = true;
    } else {
      out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    }
  }
  return out + " \t";
}

template <typename Parse, typename E>
void CheckSpelling(Parse parse, std::string_view word, E expected) {
  CAPTURE(word);
  const auto exact = parse(word);
  REQUIRE(exact.has_value());
  CHECK(*exact == expected);
  const auto disguised = parse(Disguised(word));
  REQUIRE(disguised.has_value());
  CHECK(*disguised == expected);
}

TEST_CASE("every listed spelling means the same read exactly or as a clerk may type it") {
  CHECK(Disguised("active") == "\u3000 \uFF21CTIVE \t");
  CheckSpelling(ParseCategory, "在职", Category::kActive);
  CheckSpelling(ParseCategory, "active", Category::kActive);
  CheckSpelling(ParseCategory, "退休", Category::kRetired);
  CheckSpelling(ParseCategory, "retired", Category::kRetired);
  CheckSpelling(ParseCategory, "配偶", Category::kSpouse);
  CheckSpelling(ParseCategory, "spouse", Category::kSpouse);
  CheckSpelling(ParseEnrolmentType, "新参互", EnrolmentType::kNew);
  CheckSpelling(ParseEnrolmentType, "new", EnrolmentType::kNew);
  CheckSpelling(ParseEnrolmentType, "续互", EnrolmentType::kRenewed);
  CheckSpelling(ParseEnrolmentType, "renewed", EnrolmentType::kRenewed);
  CheckSpelling(ParseInsurance, "城镇职工", Insurance::kEmployee);
  CheckSpelling(ParseInsurance, "职工医保", Insurance::kEmployee);
  CheckSpelling(ParseInsurance, "城乡居民", Insurance::kResident);
  CheckSpelling(ParseInsurance, "居民医保", Insurance::kResident);
  CheckSpelling(ParseInsurance, "resident", Insurance::kResident);
  CheckSpelling(ParseProject, "住院医疗", Project::kHospital);
  CheckSpelling(ParseProject, "hospital", Project::kHospital);
  CheckSpelling(ParseProject, "女性馨康", Project::kWomen);
  CheckSpelling(ParseProject, "women", Project::kWomen);
  CheckSpelling(ParseClaimKind, "住院", ClaimKind::kInpatient);
  CheckSpelling(ParseClaimKind, "急诊转住院", ClaimKind::kEmergencyInpatient);
  CheckSpelling(ParseClaimKind, "emergency_inpatient", ClaimKind::kEmergencyInpatient);
  CheckSpelling(ParseClaimKind, "门诊特殊疾病", ClaimKind::kOutpatientSpecial);
  CheckSpelling(ParseCause, "疾病", Cause::kIllness);
  CheckSpelling(ParseCause, "斗殴/吸毒/自杀/酗酒/犯罪/拒捕/醉驾/无证驾驶", Cause::kMisconduct);
  CheckSpelling(ParseCause, "force_majeure", Cause::kForceMajeure);
}

TEST_CASE("a word the lists do not hold is refused on both paths") {
  CHECK_FALSE(ParseCategory("在职人员").has_value());
  CHECK_FALSE(ParseCategory(Disguised("activ")).has_value());
  CHECK_FALSE(ParseEnrolmentType("").has_value());
  CHECK_FALSE(ParseProject("住院").has_value());
  CHECK_FALSE(ParseClaimKind("inpatient ward").has_value());
}

}  // namespace
}  // namespace huzhu
