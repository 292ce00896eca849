// Resident identity numbers (GB 11643-1999) and bank card numbers (16–19 digits, Luhn).
#include "core/id_number.h"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/money.h"  // ParseDecimalNumber: recognises a number cell's "4.1E+17"
#include "core/text.h"

namespace huzhu {

namespace {

// GB 11643-1999 / ISO 7064 MOD 11-2: weight of position i is 2^(17-i) mod 11; the check
// character makes the weighted sum ≡ 1 (mod 11), tabulated by the remainder of the first 17.
constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr char kCheckChars[] = "10X98765432";

constexpr int kMinBirthYear = 1900;
constexpr int kMaxBirthYear = 2100;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool AllDigits(std::string_view text) {
  for (const char c : text) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

// Splits UTF-8 text into characters, so that messages can say "the 5th character" and quote it.
// Lenient: a stray byte counts as one character.
std::vector<std::string_view> Characters(std::string_view text) {
  std::vector<std::string_view> out;
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    length = ValidUtf8Prefix(text.substr(i, length)) == length ? length : 1;
    out.push_back(text.substr(i, length));
    i += length;
  }
  return out;
}

// A number cell's decimal text ("4.10105194912311E+17"): digits were lost before we saw them.
bool LooksLikeNumberCell(std::string_view text) {
  return text.find_first_of("eE.") != text.npos && ParseDecimalNumber(text).has_value();
}

std::string NumberCellAdvice(const std::string& field_zh, const std::string& field_en,
                             std::string_view number_text) {
  const std::string shown(Trim(number_text));
  return Tr(field_zh + "“" + shown +
                "”被存成了数字，Excel 的数字只保留 15 位有效数字，后面几位已经丢失：请把该列"
                "设置单元格格式为“文本”后重新录入/导出",
            "the " + field_en + " \"" + shown +
                "\" was stored as a number: Excel keeps only 15 significant digits, so its last "
                "digits are lost. Format the column as Text, then re-enter or re-export it");
}

}  // namespace

char ResidentIdCheckChar(std::string_view first17) {
  if (first17.size() != 17 || !AllDigits(first17)) {
    throw ValueError(Tr("身份证号的前 17 位应为数字，实际为“" + std::string(first17) + "”",
                        "the first 17 characters of an ID number must be digits, got \"" +
                            std::string(first17) + "\""));
  }
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) sum += (first17[i] - '0') * kWeights[i];
  return kCheckChars[sum % 11];
}

std::optional<QuickResidentId> ParseWellFormedResidentId(std::string_view trimmed) {
  if (trimmed.size() != 18) return std::nullopt;
  for (std::size_t i = 0; i < 17; ++i) {
    if (!IsDigit(trimmed[i])) return std::nullopt;
  }
  const char last = trimmed[17] == 'x' ? 'X' : trimmed[17];
  if (!IsDigit(last) && last != 'X') return std::nullopt;
  const int year = (trimmed[6] - '0') * 1000 + (trimmed[7] - '0') * 100 +
                   (trimmed[8] - '0') * 10 + (trimmed[9] - '0');
  const int month = (trimmed[10] - '0') * 10 + (trimmed[11] - '0');
  const int day = (trimmed[12] - '0') * 10 + (trimmed[13] - '0');
  if (year < kMinBirthYear || year > kMaxBirthYear || month < 1 || month > 12 || day < 1 ||
      day > DaysInMonth(year, month) || ResidentIdCheckChar(trimmed.substr(0, 17)) != last) {
    return std::nullopt;
  }
  QuickResidentId id;
  std::copy(trimmed.begin(), trimmed.end(), id.digits.begin());
  id.digits[17] = last;
  id.birth = Date::FromYmd(year, month, day);
  id.sex = (trimmed[16] - '0') % 2 == 1 ? Sex::kMale : Sex::kFemale;
  return id;
}

ResidentId ParseResidentId(std::string_view text) {
  // Fast path for the common, well-formed case; anything else takes the careful path below,
  // which explains what is wrong.
  const std::string_view trimmed = Trim(text);
  if (const auto quick = ParseWellFormedResidentId(trimmed)) {
    ResidentId id;
    id.digits.assign(quick->view());
    id.birth = quick->birth;
    id.sex = quick->sex;
    return id;
  }
  const std::string shown(trimmed);
  const std::string normalized = NormalizeText(text);  // full-width digits and Ｘ fold
  if (normalized.empty()) throw ValueError(Tr("身份证号为空", "the ID number is empty"));
  if (LooksLikeNumberCell(normalized)) throw ValueError(IdNumberCellAdvice(shown));

  const std::vector<std::string_view> chars = Characters(normalized);
  if (chars.size() == 15 && AllDigits(normalized)) {
    throw ValueError(Tr("“" + shown + "”是 15 位的一代身份证号，请填写 18 位身份证号",
                        "\"" + shown +
                            "\" is a 15-digit first-generation ID number: an 18-digit ID number "
                            "is needed"));
  }
  if (chars.size() != 18) {
    const std::string count = std::to_string(chars.size());
    throw ValueError(Tr("身份证号应为 18 位，实际为 " + count + " 位：“" + shown + "”",
                        "an ID number has 18 characters, got " + count + ": \"" + shown + "\""));
  }
  for (std::size_t i = 0; i < 17; ++i) {
    if (chars[i].size() != 1 || !IsDigit(chars[i][0])) {
      const std::string position = std::to_string(i + 1);
      throw ValueError(
          Tr("身份证号第 " + position + " 位应为数字，实际为“" + std::string(chars[i]) + "”",
             "character " + position + " of the ID number must be a digit, got \"" +
                 std::string(chars[i]) + "\""));
    }
  }
  const std::string_view last = chars[17];
  if (last.size() != 1 || !(IsDigit(last[0]) || last[0] == 'X' || last[0] == 'x')) {
    throw ValueError(Tr("身份证号第 18 位（校验位）应为数字或 X，实际为“" + std::string(last) + "”",
                        "the 18th character of the ID number (the check character) must be a "
                        "digit or X, got \"" +
                            std::string(last) + "\""));
  }

  ResidentId id;
  id.digits = normalized;  // 18 ASCII characters now
  if (id.digits[17] == 'x') id.digits[17] = 'X';

  // Positions 7–14: the birth date YYYYMMDD.
  const std::string birth = id.digits.substr(6, 8);
  const int year = std::stoi(birth.substr(0, 4));
  const int month = std::stoi(birth.substr(4, 2));
  const int day = std::stoi(birth.substr(6, 2));
  if (year < kMinBirthYear || year > kMaxBirthYear) {
    throw ValueError(Tr("身份证号中的出生日期“" + birth + "”不合理（年份应在 1900–2100 之间）",
                        "the birth date \"" + birth +
                            "\" in the ID number is implausible (the year must be within "
                            "1900–2100)"));
  }
  if (month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month)) {
    throw ValueError(Tr("身份证号中的出生日期“" + birth + "”不存在",
                        "the birth date \"" + birth + "\" in the ID number does not exist"));
  }
  id.birth = Date::FromYmd(year, month, day);

  const char expected = ResidentIdCheckChar(std::string_view(id.digits).substr(0, 17));
  if (expected != id.digits[17]) {
    throw ValueError(Tr(std::string("身份证号校验位应为 ") + expected + "，实际为 " + id.digits[17],
                        std::string("the ID number's check character should be ") + expected +
                            ", got " + id.digits[17]));
  }
  // Position 17: the sequence number's last digit, odd for men, even for women.
  id.sex = (id.digits[16] - '0') % 2 == 1 ? Sex::kMale : Sex::kFemale;
  return id;
}

std::string IdNumberCellAdvice(std::string_view number_text) {
  return NumberCellAdvice("身份证号", "ID number", number_text);
}

std::string MaskDigits(std::string_view digits) {
  // Keep the region code (6) and the last 4; inputs of 10 characters or fewer keep the last 4.
  const std::size_t n = digits.size();
  if (n > 10) {
    return std::string(digits.substr(0, 6)) + std::string(n - 10, '*') +
           std::string(digits.substr(n - 4));
  }
  if (n > 4) return std::string(n - 4, '*') + std::string(digits.substr(n - 4));
  return std::string(digits);
}

std::string MaskIdentifiers(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] < '0' || text[i] > '9') {
      out += text[i++];
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && text[j] >= '0' && text[j] <= '9') ++j;
    if (j - i == 17 && j < text.size() && (text[j] == 'X' || text[j] == 'x')) ++j;
    const std::string_view run = text.substr(i, j - i);
    out += run.size() >= 15 ? MaskDigits(run) : std::string(run);
    i = j;
  }
  return out;
}

BankCard ParseBankCard(std::string_view text) {
  // Fast path: 16–19 ASCII digits and nothing else.
  const std::string_view t = Trim(text);
  if (const auto luhn_ok = WellFormedBankCardLuhn(t)) {
    BankCard card;
    card.digits.assign(t);
    card.luhn_ok = *luhn_ok;
    return card;
  }
  const std::string shown(Trim(text));
  const std::string normalized = NormalizeText(text);  // full-width digits, "－" and U+3000 fold
  if (normalized.empty()) throw ValueError(Tr("银行卡号为空", "the bank card number is empty"));
  if (LooksLikeNumberCell(normalized)) {
    throw ValueError(NumberCellAdvice("银行卡号", "bank card number", shown));
  }
  BankCard card;
  for (const char c : normalized) {
    if (c != ' ' && c != '-' && c != '\t') card.digits += c;
  }
  if (card.digits.empty() || !AllDigits(card.digits)) {
    throw ValueError(Tr("银行卡号只能包含数字（可用空格或短横线分隔），实际为“" + shown + "”",
                        "a bank card number has only digits (spaces or dashes may separate "
                        "them), got \"" +
                            shown + "\""));
  }
  if (card.digits.size() < 16 || card.digits.size() > 19) {
    const std::string count = std::to_string(card.digits.size());
    throw ValueError(
        Tr("银行卡号应为 16–19 位数字，实际为 " + count + " 位：“" + shown + "”",
           "a bank card number has 16–19 digits, got " + count + ": \"" + shown + "\""));
  }
  card.luhn_ok = LuhnValid(card.digits);
  return card;
}

std::optional<bool> WellFormedBankCardLuhn(std::string_view trimmed) {
  if (trimmed.size() < 16 || trimmed.size() > 19) return std::nullopt;
  for (const char c : trimmed) {
    if (!IsDigit(c)) return std::nullopt;
  }
  return LuhnValid(trimmed);
}

bool LuhnValid(std::string_view digits) {
  // From the right: every second digit is doubled (a two-digit result counts its digit sum,
  // i.e. minus 9); the total must be a multiple of 10.
  if (digits.empty()) return false;
  int sum = 0;
  bool doubled = false;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    if (!IsDigit(*it)) return false;
    int d = *it - '0';
    if (doubled) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    doubled = !doubled;
  }
  return sum % 10 == 0;
}

}  // namespace huzhu
