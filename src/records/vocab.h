// The data contract's coded text columns (类型, 病因, 人员类别 …): Chinese and English spellings.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace huzhu {

enum class ClaimKind : std::uint8_t {
  kInpatient,           ///< 住院
  kEmergencyInpatient,  ///< 急诊转住院
  kEmergency,           ///< 急诊 (not covered alone)
  kOutpatientSpecial,   ///< 门诊特殊疾病 (one row per month)
  kDiagnosis,           ///< 特殊疾病 (women's scheme)
  kCriticalIllness,     ///< 重大疾病 (Wujin)
  kWorkInjury,          ///< 工伤 (Wujin)
};

enum class Cause : std::uint8_t {
  kIllness,
  kAccident,
  kChildbirth,
  kWorkInjury,
  kOccupationalDisease,
  kTrafficAccident,
  kMisconduct,
  kUncoveredService,
  kMetastasis,
  kForceMajeure,
  kFraud,
};

enum class Category : std::uint8_t { kActive, kRetired, kSpouse };
enum class EnrolmentType : std::uint8_t { kNew, kRenewed };
enum class Insurance : std::uint8_t { kEmployee, kResident };
enum class Project : std::uint8_t { kHospital, kWomen };

/// Parsers: trimmed, full-width folded; Chinese or English (case-insensitive). nullopt when the
/// text names nothing known.
std::optional<ClaimKind> ParseClaimKind(std::string_view text);
std::optional<Cause> ParseCause(std::string_view text);
std::optional<Category> ParseCategory(std::string_view text);
std::optional<EnrolmentType> ParseEnrolmentType(std::string_view text);
std::optional<Insurance> ParseInsurance(std::string_view text);
std::optional<Project> ParseProject(std::string_view text);

/// English code names used in rule files and CSV twins: "inpatient", "work_injury" …
const char* KindCode(ClaimKind kind);
const char* CauseCode(Cause cause);
const char* ProjectCode(Project project);
/// Chinese names as in the data contract.
const char* KindName(ClaimKind kind);
const char* CauseName(Cause cause);

/// The accepted spellings, for error messages ("住院、急诊转住院 …").
std::string KindChoices();
std::string CauseChoices();

}  // namespace huzhu
