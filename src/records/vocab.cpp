#include "records/vocab.h"

#include <array>
#include <utility>
#include <vector>

#include "core/text.h"

namespace huzhu {

namespace {

template <typename E>
struct Word {
  const char* text;
  E value;
};

template <typename E, std::size_t N>
std::optional<E> Lookup(const std::array<Word<E>, N>& words, std::string_view raw) {
  // The usual cell is a word exactly as listed (lower-case, trimmed, half-width): no copies.
  for (const auto& w : words) {
    if (raw == w.text) return w.value;
  }
  const std::string norm = AsciiLower(NormalizeText(raw));
  for (const auto& w : words) {
    if (norm == w.text) return w.value;
  }
  return std::nullopt;
}

const std::array<Word<ClaimKind>, 14> kKinds{{
    {"住院", ClaimKind::kInpatient},
    {"inpatient", ClaimKind::kInpatient},
    {"急诊转住院", ClaimKind::kEmergencyInpatient},
    {"emergency_inpatient", ClaimKind::kEmergencyInpatient},
    {"急诊", ClaimKind::kEmergency},
    {"emergency", ClaimKind::kEmergency},
    {"门诊特殊疾病", ClaimKind::kOutpatientSpecial},
    {"outpatient_special", ClaimKind::kOutpatientSpecial},
    {"特殊疾病", ClaimKind::kDiagnosis},
    {"diagnosis", ClaimKind::kDiagnosis},
    {"重大疾病", ClaimKind::kCriticalIllness},
    {"critical_illness", ClaimKind::kCriticalIllness},
    {"工伤", ClaimKind::kWorkInjury},
    {"work_injury", ClaimKind::kWorkInjury},
}};

const std::array<Word<Cause>, 30> kCauses{{
    {"疾病", Cause::kIllness},
    {"illness", Cause::kIllness},
    {"意外", Cause::kAccident},
    {"accident", Cause::kAccident},
    {"生育", Cause::kChildbirth},
    {"childbirth", Cause::kChildbirth},
    {"工伤", Cause::kWorkInjury},
    {"work_injury", Cause::kWorkInjury},
    {"职业病", Cause::kOccupationalDisease},
    {"occupational_disease", Cause::kOccupationalDisease},
    {"交通事故", Cause::kTrafficAccident},
    {"traffic_accident", Cause::kTrafficAccident},
    {"斗殴", Cause::kMisconduct},
    {"吸毒", Cause::kMisconduct},
    {"自杀", Cause::kMisconduct},
    {"酗酒", Cause::kMisconduct},
    {"犯罪", Cause::kMisconduct},
    {"拒捕", Cause::kMisconduct},
    {"醉驾", Cause::kMisconduct},
    {"无证驾驶", Cause::kMisconduct},
    {"misconduct", Cause::kMisconduct},
    {"不予保障项目", Cause::kUncoveredService},
    {"uncovered_service", Cause::kUncoveredService},
    {"转移", Cause::kMetastasis},
    {"metastasis", Cause::kMetastasis},
    {"不可抗力", Cause::kForceMajeure},
    {"force_majeure", Cause::kForceMajeure},
    {"欺诈", Cause::kFraud},
    {"fraud", Cause::kFraud},
    {"斗殴/吸毒/自杀/酗酒/犯罪/拒捕/醉驾/无证驾驶", Cause::kMisconduct},
}};

const std::array<Word<Category>, 6> kCategories{{
    {"在职", Category::kActive},
    {"active", Category::kActive},
    {"退休", Category::kRetired},
    {"retired", Category::kRetired},
    {"配偶", Category::kSpouse},
    {"spouse", Category::kSpouse},
}};

const std::array<Word<EnrolmentType>, 4> kEnrolmentTypes{{
    {"新参互", EnrolmentType::kNew},
    {"new", EnrolmentType::kNew},
    {"续互", EnrolmentType::kRenewed},
    {"renewed", EnrolmentType::kRenewed},
}};

const std::array<Word<Insurance>, 6> kInsurances{{
    {"城镇职工", Insurance::kEmployee},
    {"employee", Insurance::kEmployee},
    {"城乡居民", Insurance::kResident},
    {"resident", Insurance::kResident},
    {"职工医保", Insurance::kEmployee},
    {"居民医保", Insurance::kResident},
}};

const std::array<Word<Project>, 6> kProjects{{
    {"住院医疗", Project::kHospital},
    {"hospital", Project::kHospital},
    {"职工住院医疗互助保障", Project::kHospital},
    {"女性馨康", Project::kWomen},
    {"women", Project::kWomen},
    {"女性馨康互助保障", Project::kWomen},
}};

}  // namespace

std::optional<ClaimKind> ParseClaimKind(std::string_view t) { return Lookup(kKinds, t); }
std::optional<Cause> ParseCause(std::string_view t) { return Lookup(kCauses, t); }
std::optional<Category> ParseCategory(std::string_view t) { return Lookup(kCategories, t); }
std::optional<EnrolmentType> ParseEnrolmentType(std::string_view t) {
  return Lookup(kEnrolmentTypes, t);
}
std::optional<Insurance> ParseInsurance(std::string_view t) { return Lookup(kInsurances, t); }
std::optional<Project> ParseProject(std::string_view t) { return Lookup(kProjects, t); }

const char* KindCode(ClaimKind k) {
  switch (k) {
    case ClaimKind::kInpatient: return "inpatient";
    case ClaimKind::kEmergencyInpatient: return "emergency_inpatient";
    case ClaimKind::kEmergency: return "emergency";
    case ClaimKind::kOutpatientSpecial: return "outpatient_special";
    case ClaimKind::kDiagnosis: return "diagnosis";
    case ClaimKind::kCriticalIllness: return "critical_illness";
    case ClaimKind::kWorkInjury: return "work_injury";
  }
  return "";
}

const char* KindName(ClaimKind k) {
  switch (k) {
    case ClaimKind::kInpatient: return "住院";
    case ClaimKind::kEmergencyInpatient: return "急诊转住院";
    case ClaimKind::kEmergency: return "急诊";
    case ClaimKind::kOutpatientSpecial: return "门诊特殊疾病";
    case ClaimKind::kDiagnosis: return "特殊疾病";
    case ClaimKind::kCriticalIllness: return "重大疾病";
    case ClaimKind::kWorkInjury: return "工伤";
  }
  return "";
}

const char* CauseCode(Cause c) {
  switch (c) {
    case Cause::kIllness: return "illness";
    case Cause::kAccident: return "accident";
    case Cause::kChildbirth: return "childbirth";
    case Cause::kWorkInjury: return "work_injury";
    case Cause::kOccupationalDisease: return "occupational_disease";
    case Cause::kTrafficAccident: return "traffic_accident";
    case Cause::kMisconduct: return "misconduct";
    case Cause::kUncoveredService: return "uncovered_service";
    case Cause::kMetastasis: return "metastasis";
    case Cause::kForceMajeure: return "force_majeure";
    case Cause::kFraud: return "fraud";
  }
  return "";
}

const char* CauseName(Cause c) {
  switch (c) {
    case Cause::kIllness: return "疾病";
    case Cause::kAccident: return "意外";
    case Cause::kChildbirth: return "生育";
    case Cause::kWorkInjury: return "工伤";
    case Cause::kOccupationalDisease: return "职业病";
    case Cause::kTrafficAccident: return "交通事故";
    case Cause::kMisconduct: return "斗殴/吸毒/自杀/酗酒等";
    case Cause::kUncoveredService: return "不予保障项目";
    case Cause::kMetastasis: return "转移";
    case Cause::kForceMajeure: return "不可抗力";
    case Cause::kFraud: return "欺诈";
  }
  return "";
}

const char* ProjectCode(Project p) { return p == Project::kHospital ? "hospital" : "women"; }

std::string KindChoices() {
  return "住院、急诊转住院、急诊、门诊特殊疾病、特殊疾病、重大疾病、工伤";
}
std::string CauseChoices() {
  return "疾病、意外、生育、工伤、职业病、交通事故、斗殴/吸毒/自杀/酗酒/犯罪/拒捕/醉驾/无证驾驶、"
         "不予保障项目、转移、不可抗力、欺诈";
}

}  // namespace huzhu
