// Money in integer fen: checked arithmetic, exact application of rates and fractions, parsing of
// typed amounts and of spreadsheet number text, formatting. Integer arithmetic on decimal digits
// only (rules reference, "Money is exact"); a CI hook checks that this file never uses binary
// fractions.
#include "core/money.h"

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/diagnostics.h"
#include "core/text.h"

namespace huzhu {

namespace {

// 128-bit intermediates: |fen × millionths| and |fen × numerator| are below 2^126.
__extension__ typedef __int128 Int128;
__extension__ typedef unsigned __int128 UInt128;

constexpr std::int64_t kInt64Max = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kInt64Min = std::numeric_limits<std::int64_t>::min();

// The largest magnitude an amount of the given sign may have (INT64_MIN is one beyond INT64_MAX).
std::uint64_t MagnitudeLimit(bool negative) {
  return static_cast<std::uint64_t>(kInt64Max) + (negative ? 1 : 0);
}

// The signed value of a magnitude already checked against MagnitudeLimit(negative).
std::int64_t SignedValue(std::uint64_t magnitude, bool negative) {
  if (!negative || magnitude == 0) return static_cast<std::int64_t>(magnitude);
  return -static_cast<std::int64_t>(magnitude - 1) - 1;
}

std::uint64_t Magnitude(std::int64_t value) {
  return value < 0 ? ~static_cast<std::uint64_t>(value) + 1 : static_cast<std::uint64_t>(value);
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool AllDigits(std::string_view text) {
  for (const char c : text) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

// Appends one decimal digit to `value`; false (value unchanged) once it would exceed `limit`.
bool AppendDigit(char digit, std::uint64_t limit, std::uint64_t& value) {
  const UInt128 next = UInt128{value} * 10 + static_cast<unsigned>(digit - '0');
  if (next > limit) return false;
  value = static_cast<std::uint64_t>(next);
  return true;
}

// Appends the digits of `text`, skipping thousands separators.
bool AppendDigits(std::string_view text, std::uint64_t limit, std::uint64_t& value) {
  for (const char c : text) {
    if (c != ',' && !AppendDigit(c, limit, value)) return false;
  }
  return true;
}

bool ConsumePrefix(std::string_view& text, std::string_view prefix) {
  if (!text.starts_with(prefix)) return false;
  text.remove_prefix(prefix.size());
  return true;
}

bool ConsumeSuffix(std::string_view& text, std::string_view suffix) {
  if (!text.ends_with(suffix)) return false;
  text.remove_suffix(suffix.size());
  return true;
}

// Everything after the second decimal is zero ("1234.5600" from a DECIMAL(18,4) export).
bool OnlyZerosBeyond(std::string_view fraction, std::size_t kept) {
  return fraction.size() <= kept || fraction.substr(kept).find_first_not_of('0') == fraction.npos;
}

[[noreturn]] void ThrowArithmeticOverflow(const char* operation) {
  throw std::overflow_error(Tr(std::string("金额计算溢出（") + operation + "）",
                               std::string("money overflow (") + operation + ")"));
}

// numerator ÷ denominator (denominator > 0), rounded half away from zero (四舍五入), checked
// against the int64 range.
std::int64_t DivideRounded(Int128 numerator, Int128 denominator, const char* operation) {
  Int128 quotient = numerator / denominator;   // truncates toward zero
  Int128 remainder = numerator % denominator;  // same sign as the numerator
  if (remainder < 0) remainder = -remainder;
  if (2 * remainder >= denominator) quotient += numerator < 0 ? -1 : 1;
  if (quotient > kInt64Max || quotient < kInt64Min) ThrowArithmeticOverflow(operation);
  return static_cast<std::int64_t>(quotient);
}

[[noreturn]] void ThrowNotMoney(const std::string& shown) {
  throw ValueError(
      Tr("金额格式不正确：“" + shown + "”（应为数字，如 1234.56、1,234.56 或 ¥1,234.56）",
         "not an amount: \"" + shown +
             "\" (expected a number such as 1234.56, 1,234.56 or ¥1,234.56)"));
}

[[noreturn]] void ThrowTooManyDecimals(const std::string& shown) {
  throw ValueError(Tr("金额最多两位小数，实际为“" + shown + "”",
                      "an amount has at most two decimals, got \"" + shown + "\""));
}

[[noreturn]] void ThrowMoneyOutOfRange(const std::string& shown) {
  throw ValueError(
      Tr("金额超出可处理的范围：“" + shown + "”", "the amount is out of range: \"" + shown + "\""));
}

// Thousands separators: a first group of 1–3 digits not starting with 0, then groups of exactly
// three ("1,234,567"). Refuses "1,23,4", ",123", "1234,567" and "0,123" (a decimal comma?).
bool ValidGrouping(std::string_view integer) {
  std::size_t start = 0;
  for (bool first = true;; first = false) {
    const std::size_t comma = integer.find(',', start);
    const std::size_t length = (comma == integer.npos ? integer.size() : comma) - start;
    if (first ? (length < 1 || length > 3 || integer[0] == '0') : length != 3) return false;
    if (comma == integer.npos) return true;
    start = comma + 1;
  }
}

std::string FormatFen(std::int64_t fen, bool grouped) {
  std::string out;
  if (!grouped) {
    AppendFixed(out, fen, 2);
    return out;
  }
  const std::uint64_t magnitude = Magnitude(fen);
  std::string yuan = std::to_string(magnitude / 100);
  for (std::size_t i = yuan.size(); i > 3; i -= 3) yuan.insert(i - 3, 1, ',');
  const auto cents = static_cast<unsigned>(magnitude % 100);
  if (fen < 0) out += '-';
  out += yuan;
  out += '.';
  out += static_cast<char>('0' + cents / 10);
  out += static_cast<char>('0' + cents % 10);
  return out;
}

[[noreturn]] void ThrowNotRate(const std::string& shown) {
  throw ValueError(
      Tr("比例格式不正确：“" + shown + "”（应为百分数，如 40%、54.5% 或 40）",
         "not a rate: \"" + shown + "\" (expected a percentage such as 40%, 54.5% or 40)"));
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Arithmetic

Money Money::operator+(Money other) const {
  std::int64_t sum = 0;
  if (__builtin_add_overflow(fen_, other.fen_, &sum)) ThrowArithmeticOverflow("+");
  return Money(sum);
}

Money Money::operator-(Money other) const {
  std::int64_t difference = 0;
  if (__builtin_sub_overflow(fen_, other.fen_, &difference)) ThrowArithmeticOverflow("-");
  return Money(difference);
}

Money& Money::operator+=(Money other) { return *this = *this + other; }

Money& Money::operator-=(Money other) { return *this = *this - other; }

Money Money::operator*(std::int64_t count) const {
  std::int64_t product = 0;
  if (__builtin_mul_overflow(fen_, count, &product)) ThrowArithmeticOverflow("×");
  return Money(product);
}

Money ApplyRate(Money amount, Rate rate) {
  // fen × ppm / 1,000,000, rounded once (rules reference: each segment's product is rounded
  // half-up to the fen).
  return Money::FromFen(DivideRounded(Int128{amount.fen()} * rate.millionths(), 1'000'000, "×%"));
}

Money ApplyFraction(Money amount, std::int64_t numerator, std::int64_t denominator) {
  if (denominator <= 0) {
    throw std::invalid_argument("ApplyFraction: the denominator must be positive, got " +
                                std::to_string(denominator));
  }
  return Money::FromFen(DivideRounded(Int128{amount.fen()} * numerator, denominator, "×/"));
}

// ---------------------------------------------------------------------------------------------
// Parsing

Money ParseMoneyText(std::string_view text) {
  const std::string shown(Trim(text));
  // Full-width digits, "．", "，", "－" and U+3000 become ASCII; "￥" (U+FFE5) is not a
  // full-width ASCII form and is matched below.
  const std::string normalized = NormalizeText(text);
  std::string_view s = normalized;
  if (s.empty()) throw ValueError(Tr("金额为空", "the amount is empty"));

  // A sign and a currency sign, in either order ("¥-5", "-¥5"); spaces may follow the currency.
  int signs = 0;
  int currencies = 0;
  bool negative = false;
  for (;;) {
    if (ConsumePrefix(s, "-") || ConsumePrefix(s, "\u2212")) {  // U+2212 MINUS SIGN
      ++signs;
      negative = true;
    } else if (ConsumePrefix(s, "+")) {
      ++signs;
    } else if (ConsumePrefix(s, "¥") || ConsumePrefix(s, "￥")) {
      ++currencies;
      s = Trim(s);
    } else {
      break;
    }
  }
  if (ConsumeSuffix(s, "元")) s = Trim(s);
  if (signs > 1) {
    throw ValueError(Tr("金额有多个正负号：“" + shown + "”",
                        "the amount has more than one sign: \"" + shown + "\""));
  }
  if (currencies > 1) ThrowNotMoney(shown);

  // Choice: like Excel, ".5" is 0.50 and "1." is 1.00; a lone "." is not an amount.
  const std::size_t point = s.find('.');
  const std::string_view integer = s.substr(0, point);
  const std::string_view fraction = point == s.npos ? std::string_view() : s.substr(point + 1);
  if (integer.empty() && fraction.empty()) ThrowNotMoney(shown);
  if (integer.find_first_not_of("0123456789,") != integer.npos || !AllDigits(fraction)) {
    ThrowNotMoney(shown);
  }
  if (integer.find(',') != integer.npos && !ValidGrouping(integer)) {
    throw ValueError(
        Tr("金额的千位分隔符位置不对：“" + shown + "”（逗号之间应为三位数字，如 1,234,567.89）",
           "misplaced thousands separators in \"" + shown +
               "\" (groups of three digits, as in 1,234,567.89)"));
  }
  if (!OnlyZerosBeyond(fraction, 2)) ThrowTooManyDecimals(shown);

  const std::uint64_t limit = MagnitudeLimit(negative);
  std::uint64_t magnitude = 0;
  if (!AppendDigits(integer, limit, magnitude) ||
      !AppendDigit(fraction.size() > 0 ? fraction[0] : '0', limit, magnitude) ||
      !AppendDigit(fraction.size() > 1 ? fraction[1] : '0', limit, magnitude)) {
    ThrowMoneyOutOfRange(shown);
  }
  return Money::FromFen(SignedValue(magnitude, negative));
}

std::optional<DecimalNumber> ParseDecimalNumber(std::string_view text) {
  std::string_view s = Trim(text);
  DecimalNumber number;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    number.negative = s[0] == '-';
    s.remove_prefix(1);
  }
  std::size_t i = 0;
  bool any_digit = false;
  bool point = false;
  std::int64_t fraction_digits = 0;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (IsDigit(c)) {
      any_digit = true;
      if (!number.digits.empty() || c != '0') number.digits += c;
      if (point) ++fraction_digits;
    } else if (c == '.' && !point) {
      point = true;
    } else {
      break;
    }
  }
  if (!any_digit) return std::nullopt;

  std::int64_t exponent = 0;
  if (i < s.size()) {
    if (s[i] != 'e' && s[i] != 'E') return std::nullopt;
    ++i;
    bool exponent_negative = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
      exponent_negative = s[i] == '-';
      ++i;
    }
    if (i == s.size()) return std::nullopt;
    // Saturates far beyond any amount or date, so "1E99999999999999999999" cannot overflow.
    constexpr std::int64_t kExponentCap = 1'000'000'000;
    for (; i < s.size(); ++i) {
      if (!IsDigit(s[i])) return std::nullopt;
      exponent = std::min(exponent * 10 + (s[i] - '0'), kExponentCap);
    }
    if (exponent_negative) exponent = -exponent;
  }

  const std::size_t last = number.digits.find_last_not_of('0');
  if (last == std::string::npos) {
    number.digits.clear();
    number.exponent = 0;
    return number;
  }
  const auto trailing_zeros = static_cast<std::int64_t>(number.digits.size() - 1 - last);
  number.digits.resize(last + 1);
  number.exponent = exponent - fraction_digits + trailing_zeros;
  return number;
}

Money ParseMoneyNumber(std::string_view decimal_text) {
  const std::string shown(Trim(decimal_text));
  const std::optional<DecimalNumber> number = ParseDecimalNumber(decimal_text);
  if (!number) {
    throw ValueError(Tr("金额单元格的内容不是数字：“" + shown + "”",
                        "the amount cell is not a number: \"" + shown + "\""));
  }
  const std::string& digits = number->digits;
  if (digits.empty()) return Money();  // "0", "-0", "0.000E5"

  const std::uint64_t limit = MagnitudeLimit(number->negative);
  const auto length = static_cast<std::int64_t>(digits.size());
  const std::int64_t scale = number->exponent + 2;  // the value in fen is digits × 10^scale
  std::uint64_t magnitude = 0;
  if (scale >= 0) {
    if (length + scale > 20 || !AppendDigits(digits, limit, magnitude)) {
      ThrowMoneyOutOfRange(shown);
    }
    for (std::int64_t k = 0; k < scale; ++k) {
      if (!AppendDigit('0', limit, magnitude)) ThrowMoneyOutOfRange(shown);
    }
    return Money::FromFen(SignedValue(magnitude, number->negative));
  }

  // Digits right of the fen: Excel holds a binary approximation, so "0.30000000000000004"
  // (30.000000000000004 fen) is 30 fen. Tolerance 1e-6 yuan = 1e-4 fen = 100 millionths of a fen.
  const std::int64_t kept = length + scale;  // digits left of the cut; may be zero or negative
  if (kept > 0 && !AppendDigits(std::string_view(digits).substr(0, static_cast<std::size_t>(kept)),
                                limit, magnitude)) {
    ThrowMoneyOutOfRange(shown);
  }
  std::int64_t millionths = 0;  // the first six digits after the cut (zeros where kept < 0)
  for (std::int64_t k = 0; k < 6; ++k) {
    const std::int64_t at = kept + k;
    const int digit = at >= 0 && at < length ? digits[static_cast<std::size_t>(at)] - '0' : 0;
    millionths = millionths * 10 + digit;
  }
  const bool more = kept + 6 < length;  // non-zero digits follow (no trailing zeros in digits)
  if (millionths < 100 || (millionths == 100 && !more)) {
    // Within a hair above a whole fen: keep it.
  } else if (millionths >= 999'900) {
    // Within a hair below the next fen.
    if (magnitude == limit) ThrowMoneyOutOfRange(shown);
    ++magnitude;
  } else {
    ThrowTooManyDecimals(shown);
  }
  return Money::FromFen(SignedValue(magnitude, number->negative));
}

// ---------------------------------------------------------------------------------------------
// Formatting

std::string FormatMoney(Money amount) { return FormatFen(amount.fen(), false); }

void AppendFixed(std::string& out, std::int64_t value, int decimals) {
  std::uint64_t scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  const std::uint64_t magnitude = Magnitude(value);
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, magnitude / scale).ptr;
  if (value < 0) out += '-';
  out.append(digits, static_cast<std::size_t>(end - digits));
  out += '.';
  std::uint64_t fraction = magnitude % scale;
  for (std::uint64_t s = scale / 10; s > 0; s /= 10) {
    out += static_cast<char>('0' + fraction / s);
    fraction %= s;
  }
}

std::string FormatMoneyGrouped(Money amount) { return FormatFen(amount.fen(), true); }

// ---------------------------------------------------------------------------------------------
// Rates

Rate ParseRate(std::string_view text) {
  const std::string shown(Trim(text));
  const std::string normalized = NormalizeText(text);  // "％" and full-width digits fold
  std::string_view s = normalized;
  if (s.empty()) throw ValueError(Tr("比例为空", "the rate is empty"));
  if (ConsumeSuffix(s, "%")) s = Trim(s);
  if (s.starts_with("-") || s.starts_with("\u2212")) {
    throw ValueError(
        Tr("比例不能为负：“" + shown + "”", "a rate cannot be negative: \"" + shown + "\""));
  }
  const std::size_t point = s.find('.');
  const std::string_view integer = s.substr(0, point);
  const std::string_view fraction = point == s.npos ? std::string_view() : s.substr(point + 1);
  if ((integer.empty() && fraction.empty()) || !AllDigits(integer) || !AllDigits(fraction)) {
    ThrowNotRate(shown);
  }
  if (!OnlyZerosBeyond(fraction, 4)) {
    throw ValueError(Tr("比例最多精确到百分之 0.0001（小数点后四位），实际为“" + shown + "”",
                        "a rate has at most four decimals of a percent, got \"" + shown + "\""));
  }
  // Millionths: the percent's digits followed by exactly four decimals.
  constexpr std::uint64_t kMaxMillionths = 1000 * 10'000;  // 1000%
  std::uint64_t millionths = 0;
  bool in_range = AppendDigits(integer, kMaxMillionths, millionths);
  for (std::size_t k = 0; in_range && k < 4; ++k) {
    in_range = AppendDigit(k < fraction.size() ? fraction[k] : '0', kMaxMillionths, millionths);
  }
  if (!in_range) {
    throw ValueError(Tr("比例不能超过 1000%，实际为“" + shown + "”",
                        "a rate cannot exceed 1000%, got \"" + shown + "\""));
  }
  return Rate::FromMillionths(static_cast<std::int64_t>(millionths));
}

std::string FormatRate(Rate rate) {
  const std::uint64_t magnitude = Magnitude(rate.millionths());
  std::string out = rate.millionths() < 0 ? "-" : "";
  out += std::to_string(magnitude / 10'000);
  std::string decimals = std::to_string(magnitude % 10'000 + 10'000).substr(1);  // 4 digits
  decimals.erase(decimals.find_last_not_of('0') + 1);
  if (!decimals.empty()) out += "." + decimals;
  out += '%';
  return out;
}

}  // namespace huzhu
