// Exact money in integer fen (0.01 yuan), and rates applied with half-up rounding.
// Never binary floating point: amounts come in as decimal text and stay integers.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace huzhu {

/// An amount of money in fen. No implicit conversion from or to floating point.
class Money {
 public:
  constexpr Money() = default;
  static constexpr Money FromFen(std::int64_t fen) { return Money(fen); }
  static constexpr Money FromYuan(std::int64_t yuan) { return Money(yuan * 100); }
  constexpr std::int64_t fen() const { return fen_; }

  /// Checked arithmetic: throws std::overflow_error on int64 overflow.
  Money operator+(Money other) const;
  Money operator-(Money other) const;
  Money& operator+=(Money other);
  Money& operator-=(Money other);
  /// Multiplication by a whole count (days × daily rate). Checked.
  Money operator*(std::int64_t count) const;

  constexpr auto operator<=>(const Money&) const = default;

 private:
  constexpr explicit Money(std::int64_t fen) : fen_(fen) {}
  std::int64_t fen_ = 0;
};

/// A rate (percentage) held exactly as millionths: 40% = 400000, 54.5% = 545000, 100% = 1000000.
class Rate {
 public:
  constexpr Rate() = default;
  static constexpr Rate FromMillionths(std::int64_t ppm) { return Rate(ppm); }
  static constexpr Rate FromPercent(std::int64_t percent) { return Rate(percent * 10000); }
  constexpr std::int64_t millionths() const { return ppm_; }
  constexpr auto operator<=>(const Rate&) const = default;

 private:
  constexpr explicit Rate(std::int64_t ppm) : ppm_(ppm) {}
  std::int64_t ppm_ = 0;
};

/// amount × rate, rounded half-up to the fen (四舍五入; for negatives, half away from zero).
/// Exact (128-bit intermediate); throws std::overflow_error if the result does not fit.
Money ApplyRate(Money amount, Rate rate);

/// amount × numerator ÷ denominator, rounded half-up to the fen (pro-rating by days).
/// denominator must be positive. Exact; throws std::overflow_error if the result does not fit.
Money ApplyFraction(Money amount, std::int64_t numerator, std::int64_t denominator);

/// Parses money typed as text: optional sign, optional ¥/￥ (before or after a sign), optional
/// "元" suffix, thousands separators (`,` or full-width `，`) in the integer part, at most two
/// decimals. Full-width digits and surrounding spaces are accepted. Throws ValueError naming what
/// was expected ("金额最多两位小数" …) when the text is not money. Like Excel's input, ".5" is
/// 0.50 and "1." is 1.00; zeros past the second decimal ("1234.5600") are accepted.
Money ParseMoneyText(std::string_view text);

/// Parses a spreadsheet number cell's decimal text ("1234.5", "1.2345E3", "0.30000000000000004").
/// Excel stores doubles, so a value within 1e-6 yuan of a whole fen is taken as that fen; any
/// other value with more than two decimals throws ValueError.
Money ParseMoneyNumber(std::string_view decimal_text);

/// "1234.56", "-0.05", "0.00": plain, two decimals, no separators (CSV twins).
std::string FormatMoney(Money amount);
/// "1,234.56": with thousands separators (console and messages).
std::string FormatMoneyGrouped(Money amount);
/// Appends value / 10^decimals with exactly `decimals` (1 to 4) digits after the point and no
/// separators: (-5, 2) → "-0.05", (-2498, 1) → "-249.8". FormatMoney's form, without a string
/// per call (the CSV writers).
void AppendFixed(std::string& out, std::int64_t value, int decimals);

/// Parses a rate: "40%", "40", "54.5%", "0.5%" (at most 4 decimals of a percent). Throws ValueError.
Rate ParseRate(std::string_view text);
/// "54.5%" — shortest exact form.
std::string FormatRate(Rate rate);

/// The exact value of a number's decimal text as spreadsheets store it ("1234.5", "-4.5658E4",
/// "0.30000000000000004"): ±digits × 10^exponent, read digit by digit from the text (exact).
/// Shared by ParseMoneyNumber and DateFromExcelSerial; readers may use it for counts.
struct DecimalNumber {
  bool negative = false;  ///< the text had a minus sign (also for "-0")
  std::string digits;     ///< significant digits, no leading or trailing zeros; empty for zero
  std::int64_t exponent = 0;
};
/// Grammar: [+-] digits [. digits] [(e|E) [+-] digits], at least one mantissa digit; surrounding
/// white space (as Trim removes) is ignored. Returns nullopt when the text is not such a number.
std::optional<DecimalNumber> ParseDecimalNumber(std::string_view text);

}  // namespace huzhu
