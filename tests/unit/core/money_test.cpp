// Money in fen, rates, parsing and formatting. Every expected value is worked out by hand; the
// arithmetic is in the comment where it is not obvious.
#include "core/money.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/diagnostics.h"

namespace huzhu {
namespace {

constexpr std::int64_t kMaxFen = std::numeric_limits<std::int64_t>::max();  // 92233720368547758.07
constexpr std::int64_t kMinFen = std::numeric_limits<std::int64_t>::min();  // -92233720368547758.08

Money Fen(std::int64_t fen) { return Money::FromFen(fen); }
Rate Percent(std::int64_t percent) { return Rate::FromPercent(percent); }
Rate Ppm(std::int64_t millionths) { return Rate::FromMillionths(millionths); }
std::int64_t TextFen(std::string_view text) { return ParseMoneyText(text).fen(); }
std::int64_t NumberFen(std::string_view text) { return ParseMoneyNumber(text).fen(); }

}  // namespace

TEST_SUITE("money") {
  TEST_CASE("construction") {
    CHECK(Money().fen() == 0);
    CHECK(Money::FromYuan(3000).fen() == 300000);
    CHECK(Money::FromYuan(-5).fen() == -500);
    CHECK(Fen(5) < Fen(6));
    CHECK(Fen(-1) < Money());
    CHECK(Rate::FromPercent(40).millionths() == 400000);
    CHECK(Rate() == Ppm(0));
  }

  TEST_CASE("checked addition and subtraction") {
    CHECK((Fen(100) + Fen(250)).fen() == 350);
    CHECK((Fen(100) - Fen(250)).fen() == -150);
    CHECK((Fen(kMaxFen) + Fen(0)).fen() == kMaxFen);
    CHECK((Fen(kMaxFen - 1) + Fen(1)).fen() == kMaxFen);
    CHECK((Fen(-kMaxFen) - Fen(1)).fen() == kMinFen);
    CHECK((Fen(kMinFen) + Fen(kMaxFen)).fen() == -1);
    CHECK_THROWS_AS(Fen(kMaxFen) + Fen(1), std::overflow_error);
    CHECK_THROWS_AS(Fen(kMinFen) - Fen(1), std::overflow_error);
    CHECK_THROWS_AS(Fen(kMinFen) + Fen(-1), std::overflow_error);
    CHECK_THROWS_AS(Fen(0) - Fen(kMinFen), std::overflow_error);  // 0 − INT64_MIN = 2^63
    CHECK_THROWS_AS(Fen(kMaxFen) - Fen(-1), std::overflow_error);
  }

  TEST_CASE("compound assignment leaves the value unchanged on overflow") {
    Money total = Fen(1000);
    total += Fen(234);
    CHECK(total.fen() == 1234);
    total -= Fen(2000);
    CHECK(total.fen() == -766);
    Money big = Fen(kMaxFen - 5);
    CHECK_THROWS_AS(big += Fen(6), std::overflow_error);
    CHECK(big.fen() == kMaxFen - 5);
    Money small = Fen(kMinFen + 5);
    CHECK_THROWS_AS(small -= Fen(6), std::overflow_error);
    CHECK(small.fen() == kMinFen + 5);
  }

  TEST_CASE("multiplication by a count") {
    CHECK((Fen(1000) * 30).fen() == 30000);  // 10.00/day × 30 days = 300.00
    CHECK((Fen(3000) * 0).fen() == 0);
    CHECK((Fen(-250) * 4).fen() == -1000);
    CHECK((Fen(kMaxFen) * 1).fen() == kMaxFen);
    CHECK((Fen(kMaxFen) * -1).fen() == -kMaxFen);
    CHECK((Fen(kMaxFen / 2) * 2).fen() == kMaxFen - 1);  // max is odd
    CHECK_THROWS_AS(Fen(kMaxFen / 2 + 1) * 2, std::overflow_error);
    CHECK_THROWS_AS(Fen(kMinFen) * -1, std::overflow_error);
    CHECK_THROWS_AS(Fen(2) * kMaxFen, std::overflow_error);
  }

  TEST_CASE("ApplyRate: the rules' examples") {
    // 3,000.00 × 40% = 1,200.00
    CHECK(ApplyRate(Money::FromYuan(3000), Percent(40)).fen() == 120000);
    // 2,000 × 50% = 1,000
    CHECK(ApplyRate(Money::FromYuan(2000), Percent(50)).fen() == 100000);
    // Marginal 8,000: 3,000×40% + 2,000×50% + 3,000×60% = 1,200 + 1,000 + 1,800 = 4,000.00
    const Money marginal = ApplyRate(Money::FromYuan(3000), Percent(40)) +
                           ApplyRate(Money::FromYuan(2000), Percent(50)) +
                           ApplyRate(Money::FromYuan(3000), Percent(60));
    CHECK(marginal.fen() == 400000);
    // 0.05 × 50% = 2.5 fen → 3 (half up)
    CHECK(ApplyRate(Fen(5), Percent(50)).fen() == 3);
    // 1.01 × 54.5% = 101 × 545000 / 10^6 = 55.045 fen → 55
    CHECK(ApplyRate(Fen(101), Ppm(545000)).fen() == 55);
    // 12,345.67 × 34% = 1234567 × 340000 / 10^6 = 419752.78 fen → 419753 (4,197.53)
    CHECK(ApplyRate(Fen(1234567), Percent(34)).fen() == 419753);
    // 100% and 0% are exact.
    CHECK(ApplyRate(Fen(1234567), Percent(100)).fen() == 1234567);
    CHECK(ApplyRate(Fen(1234567), Percent(0)).fen() == 0);
  }

  TEST_CASE("ApplyRate: half-up in both signs") {
    CHECK(ApplyRate(Fen(1), Percent(50)).fen() == 1);       // 0.5 → 1
    CHECK(ApplyRate(Fen(-1), Percent(50)).fen() == -1);     // −0.5 → −1 (away from zero)
    CHECK(ApplyRate(Fen(-5), Percent(50)).fen() == -3);     // −2.5 → −3
    CHECK(ApplyRate(Fen(1), Ppm(499999)).fen() == 0);       // 0.499999 → 0
    CHECK(ApplyRate(Fen(-1), Ppm(499999)).fen() == 0);      // −0.499999 → 0
    CHECK(ApplyRate(Fen(1), Ppm(500001)).fen() == 1);       // 0.500001 → 1
    CHECK(ApplyRate(Fen(-101), Ppm(545000)).fen() == -55);  // −55.045 → −55
    CHECK(ApplyRate(Fen(3), Ppm(-500000)).fen() == -2);     // 3 × −50% = −1.5 → −2
    CHECK(ApplyRate(Fen(-3), Ppm(-500000)).fen() == 2);     // +1.5 → 2
    CHECK(ApplyRate(Fen(7), Ppm(214286)).fen() == 2);       // 7 × 214286 = 1,500,002 → 1.500002
    CHECK(ApplyRate(Fen(7), Ppm(214285)).fen() == 1);       // 7 × 214285 = 1,499,995 → 1.499995
  }

  TEST_CASE("ApplyRate: exact at the int64 edge") {
    CHECK(ApplyRate(Fen(kMaxFen), Percent(100)).fen() == kMaxFen);
    CHECK(ApplyRate(Fen(kMinFen), Percent(100)).fen() == kMinFen);
    // 92233720368547758.07 yuan × 10% = 922337203685477580.7 fen → 922337203685477581
    CHECK(ApplyRate(Fen(kMaxFen), Percent(10)).fen() == 922337203685477581);
    // 92233720368547758 fen × 10% = 9223372036854775.8 → 9223372036854776 (a binary fraction
    // would lose the last digits here).
    CHECK(ApplyRate(Fen(92233720368547758), Percent(10)).fen() == 9223372036854776);
    CHECK_THROWS_AS(ApplyRate(Fen(kMaxFen), Ppm(1000001)), std::overflow_error);
    CHECK_THROWS_AS(ApplyRate(Fen(kMaxFen), Percent(1000)), std::overflow_error);
    CHECK_THROWS_AS(ApplyRate(Fen(kMinFen), Ppm(-1000000)), std::overflow_error);
    // Largest rate: 10^6 fen × 10^13 ppm fits easily in 128 bits.
    CHECK(ApplyRate(Fen(1000000), Ppm(10'000'000'000'000)).fen() == 10'000'000'000'000);
  }

  TEST_CASE("ApplyFraction: pro-rating") {
    // 1,000.00 × 10/31 = 1,000,000 / 31 = 32258.06… fen → 32258 (322.58); 31 × 32258 = 999,998.
    CHECK(ApplyFraction(Money::FromYuan(1000), 10, 31).fen() == 32258);
    // 0.01 × 1/2 = 0.5 fen → 1
    CHECK(ApplyFraction(Fen(1), 1, 2).fen() == 1);
    CHECK(ApplyFraction(Fen(-1), 1, 2).fen() == -1);
    CHECK(ApplyFraction(Fen(100), 1, 3).fen() == 33);  // 33.33 → 33
    CHECK(ApplyFraction(Fen(200), 1, 3).fen() == 67);  // 66.67 → 67
    CHECK(ApplyFraction(Fen(-200), 1, 3).fen() == -67);
    CHECK(ApplyFraction(Fen(12345), 0, 7).fen() == 0);
    CHECK(ApplyFraction(Fen(12345), 7, 7).fen() == 12345);
    // 128-bit intermediate: max × max / max = max.
    CHECK(ApplyFraction(Fen(kMaxFen), kMaxFen, kMaxFen).fen() == kMaxFen);
    CHECK(ApplyFraction(Fen(kMinFen), kMaxFen, kMaxFen).fen() == kMinFen);
    CHECK_THROWS_AS(ApplyFraction(Fen(kMaxFen), 2, 1), std::overflow_error);
    CHECK_THROWS_AS(ApplyFraction(Fen(kMinFen), -1, 1), std::overflow_error);
    CHECK_THROWS_AS(ApplyFraction(Fen(100), 1, 0), std::invalid_argument);
    CHECK_THROWS_AS(ApplyFraction(Fen(100), 1, -3), std::invalid_argument);
  }

  TEST_CASE("ParseMoneyText: accepted forms") {
    CHECK(TextFen("1234") == 123400);
    CHECK(TextFen("1234.5") == 123450);
    CHECK(TextFen("1234.56") == 123456);
    CHECK(TextFen("1,234.56") == 123456);
    CHECK(TextFen("12,345,678.90") == 1234567890);
    CHECK(TextFen("¥1,234.56") == 123456);
    CHECK(TextFen("￥1234.56") == 123456);  // U+FFE5
    CHECK(TextFen("¥ 1,234.56") == 123456);
    CHECK(TextFen("-12.30") == -1230);
    CHECK(TextFen("¥-5") == -500);
    CHECK(TextFen("-¥5") == -500);
    CHECK(TextFen("+5") == 500);
    CHECK(TextFen("−5") == -500);  // U+2212 MINUS SIGN
    CHECK(TextFen("1234.56元") == 123456);
    CHECK(TextFen("1234.56 元") == 123456);
    CHECK(TextFen("¥1,234.56元") == 123456);
    CHECK(TextFen("１２３４．５６") == 123456);    // full-width digits and point
    CHECK(TextFen("１，２３４．５６") == 123456);  // full-width comma
    CHECK(TextFen("－５") == -500);                // full-width hyphen-minus
    CHECK(TextFen("  1234.56  ") == 123456);
    CHECK(TextFen("\u30001234.56\u3000") == 123456);
    CHECK(TextFen("\u00A01234.56\t") == 123456);
    CHECK(TextFen("0") == 0);
    CHECK(TextFen("-0") == 0);
    CHECK(TextFen("-0.00") == 0);
    CHECK(TextFen("0.01") == 1);
    CHECK(TextFen("-0.01") == -1);
    CHECK(TextFen("007") == 700);
    CHECK(TextFen("999") == 99900);
    CHECK(TextFen("1,000") == 100000);
  }

  TEST_CASE("ParseMoneyText: choices for '.5', '1.' and trailing zeros") {
    // Like Excel's own input: ".5" is 0.50 and "1." is 1.00; a lone point is not an amount.
    CHECK(TextFen(".5") == 50);
    CHECK(TextFen("-.5") == -50);
    CHECK(TextFen("1.") == 100);
    CHECK(TextFen("¥1,234.") == 123400);
    CHECK_THROWS_AS(ParseMoneyText("."), ValueError);
    CHECK_THROWS_AS(ParseMoneyText("-."), ValueError);
    // Zeros past the second decimal change nothing (DECIMAL(18,4) exports write "1234.5600").
    CHECK(TextFen("1234.5600") == 123456);
    CHECK(TextFen("1.000") == 100);
    CHECK_THROWS_AS(ParseMoneyText("1.0001"), ValueError);
  }

  TEST_CASE("ParseMoneyText: errors say what is wrong") {
    CHECK_THROWS_WITH_AS(ParseMoneyText("1.234"), "金额最多两位小数，实际为“1.234”", ValueError);
    CHECK_THROWS_WITH_AS(ParseMoneyText("1,234.567"), "金额最多两位小数，实际为“1,234.567”",
                         ValueError);
    CHECK_THROWS_WITH_AS(ParseMoneyText(" ０.００１ "), "金额最多两位小数，实际为“０.００１”",
                         ValueError);
    const char* separators =
        "金额的千位分隔符位置不对：“1,23,4”（逗号之间应为三位数字，如 1,234,567.89）";
    CHECK_THROWS_WITH_AS(ParseMoneyText("1,23,4"), separators, ValueError);
    for (const char* bad :
         {",123", "1234,567", "0,123", "1,234,56", "1,2345", "1,,234", "1,234,", "1,5"}) {
      CAPTURE(bad);
      CHECK_THROWS_WITH_AS(ParseMoneyText(bad), doctest::Contains("千位分隔符位置不对"),
                           ValueError);
    }
    CHECK_THROWS_WITH_AS(ParseMoneyText(""), "金额为空", ValueError);
    CHECK_THROWS_WITH_AS(ParseMoneyText(" \u3000 "), "金额为空", ValueError);
    CHECK_THROWS_WITH_AS(ParseMoneyText("abc"),
                         "金额格式不正确：“abc”（应为数字，如 1234.56、1,234.56 或 ¥1,234.56）",
                         ValueError);
    for (const char* bad : {"12abc", "1.2.3", "¥", "元", "¥¥5", "5-", "1 234", "1e3", "1,234.5,6",
                            "(5.00)", "五元", "1.5.", "¥5¥"}) {
      CAPTURE(bad);
      CHECK_THROWS_WITH_AS(ParseMoneyText(bad), doctest::Contains("金额格式不正确"), ValueError);
    }
    CHECK_THROWS_WITH_AS(ParseMoneyText("--5"), "金额有多个正负号：“--5”", ValueError);
    CHECK_THROWS_WITH_AS(ParseMoneyText("-¥-5"), "金额有多个正负号：“-¥-5”", ValueError);
    CHECK_THROWS_WITH_AS(ParseMoneyText("+-5"), doctest::Contains("多个正负号"), ValueError);
  }

  TEST_CASE("ParseMoneyText: the int64 edges") {
    CHECK(TextFen("92233720368547758.07") == kMaxFen);
    CHECK(TextFen("92,233,720,368,547,758.07") == kMaxFen);
    CHECK(TextFen("-92233720368547758.08") == kMinFen);
    CHECK_THROWS_WITH_AS(ParseMoneyText("92233720368547758.08"),
                         "金额超出可处理的范围：“92233720368547758.08”", ValueError);
    CHECK_THROWS_AS(ParseMoneyText("-92233720368547758.09"), ValueError);
    CHECK_THROWS_AS(ParseMoneyText("99999999999999999999999999999999"), ValueError);
    CHECK_THROWS_AS(ParseMoneyText("184467440737095516.16"), ValueError);  // 2^64 fen
  }

  TEST_CASE("ParseMoneyText: English twin") {
    SetLanguage(Language::kEnglish);
    CHECK_THROWS_WITH_AS(ParseMoneyText("1.234"),
                         "an amount has at most two decimals, got \"1.234\"", ValueError);
    CHECK_THROWS_WITH_AS(ParseMoneyText(""), "the amount is empty", ValueError);
    SetLanguage(Language::kChinese);
  }

  TEST_CASE("ParseDecimalNumber") {
    auto check = [](std::string_view text, bool negative, const char* digits,
                    std::int64_t exponent) {
      CAPTURE(text);
      const auto number = ParseDecimalNumber(text);
      REQUIRE(number.has_value());
      CHECK(number->negative == negative);
      CHECK(number->digits == digits);
      CHECK(number->exponent == exponent);
    };
    check("1234.5", false, "12345", -1);
    check("1.2345E3", false, "12345", -1);  // 12345 × 10^-4 × 10^3
    check("4.1E+17", false, "41", 16);
    check("0.30000000000000004", false, "30000000000000004", -17);
    check("-0", true, "", 0);
    check("000", false, "", 0);
    check("0.000E5", false, "", 0);
    check("100", false, "1", 2);
    check("0.050", false, "5", -2);
    check(".5", false, "5", -1);
    check("5.", false, "5", 0);
    check("+7", false, "7", 0);
    check(" 7 ", false, "7", 0);
    check("-4.5658e-4", true, "45658", -8);
    check("1E999999999999999999999", false, "1", 1'000'000'000);  // the exponent saturates
    for (const char* bad : {"", " ", ".", "-", "+.", "e5", "1e", "1e+", "1e5x", "1.2.3", "1,234",
                            "NaN", "inf", "--1", "0x10", "1 2"}) {
      CAPTURE(bad);
      CHECK_FALSE(ParseDecimalNumber(bad).has_value());
    }
  }

  TEST_CASE("ParseMoneyNumber: spreadsheet number text") {
    CHECK(NumberFen("1234.5") == 123450);
    CHECK(NumberFen("1.2345E3") == 123450);
    CHECK(NumberFen("1E2") == 10000);
    CHECK(NumberFen("100") == 10000);
    CHECK(NumberFen("-1234.5") == -123450);
    CHECK(NumberFen("+5") == 500);
    CHECK(NumberFen(" 12.5 ") == 1250);
    CHECK(NumberFen("-0") == 0);
    CHECK(NumberFen("0") == 0);
    CHECK(NumberFen("0.1") == 10);
    CHECK(NumberFen("12345678.91") == 1234567891);
    CHECK(NumberFen("1234.5600") == 123456);
    // 0.1 + 0.2 in binary: 30.000000000000004 fen, a hair above 30.
    CHECK(NumberFen("0.30000000000000004") == 30);
    // 29.999999999999999 fen: a hair below 30.
    CHECK(NumberFen("0.29999999999999999") == 30);
    // 123456789.99999999 fen → 123456790
    CHECK(NumberFen("1234567.8999999999") == 123456790);
    CHECK(NumberFen("-1234567.8999999999") == -123456790);
    CHECK(NumberFen("1E-7") == 0);   // 0.00001 fen
    CHECK(NumberFen("-1E-7") == 0);  // no negative zero in fen
    CHECK(NumberFen("1E-999999999999") == 0);
  }

  TEST_CASE("ParseMoneyNumber: the 1e-6 yuan tolerance, to the digit") {
    // 0.000001 yuan = 0.0001 fen: exactly the tolerance, taken as 0.
    CHECK(NumberFen("0.000001") == 0);
    // 0.0000011 yuan = 0.00011 fen: beyond it.
    CHECK_THROWS_AS(ParseMoneyNumber("0.0000011"), ValueError);
    // 0.009999 yuan = 0.9999 fen: 0.0001 below a whole fen → 1.
    CHECK(NumberFen("0.009999") == 1);
    // 0.0099989 yuan = 0.99989 fen: 0.00011 below → refused.
    CHECK_THROWS_AS(ParseMoneyNumber("0.0099989"), ValueError);
    // 0.0100001 yuan = 1.00001 fen → 1.
    CHECK(NumberFen("0.0100001") == 1);
    // 0.015 yuan = 1.5 fen: a real third decimal.
    CHECK_THROWS_AS(ParseMoneyNumber("1.5E-2"), ValueError);
    CHECK_THROWS_AS(ParseMoneyNumber("5E-3"), ValueError);  // 0.5 fen
    CHECK_THROWS_WITH_AS(ParseMoneyNumber("1234.567"), "金额最多两位小数，实际为“1234.567”",
                         ValueError);
    CHECK_THROWS_AS(ParseMoneyNumber("1.23456E2"), ValueError);  // 123.456
  }

  TEST_CASE("ParseMoneyNumber: range and garbage") {
    CHECK(NumberFen("92233720368547758.07") == kMaxFen);
    CHECK(NumberFen("9.223372036854775807E16") == kMaxFen);
    CHECK(NumberFen("-9.223372036854775808E16") == kMinFen);
    // A hair below the maximum rounds up to it; a hair below one past it would round beyond.
    CHECK(NumberFen("92233720368547758.069999999") == kMaxFen);
    CHECK_THROWS_AS(ParseMoneyNumber("92233720368547758.079999999"), ValueError);
    CHECK_THROWS_AS(ParseMoneyNumber("9.223372036854775808E16"), ValueError);
    // 4.1E+17 yuan = 4.1 × 10^19 fen > 9.22 × 10^18.
    CHECK_THROWS_WITH_AS(ParseMoneyNumber("4.1E+17"), "金额超出可处理的范围：“4.1E+17”",
                         ValueError);
    CHECK_THROWS_AS(ParseMoneyNumber("1E999999999999"), ValueError);
    CHECK_THROWS_AS(ParseMoneyNumber("123456789012345678901234567890"), ValueError);
    CHECK_THROWS_WITH_AS(ParseMoneyNumber("abc"), "金额单元格的内容不是数字：“abc”", ValueError);
    for (const char* bad : {"", "1e", ".", "NaN", "#N/A", "1,234.5", "¥5"}) {
      CAPTURE(bad);
      CHECK_THROWS_AS(ParseMoneyNumber(bad), ValueError);
    }
  }

  TEST_CASE("AppendFixed: exactly the given decimals, appended") {
    std::string out = "x=";
    AppendFixed(out, -5, 2);
    CHECK(out == "x=-0.05");
    auto fixed = [](std::int64_t value, int decimals) {
      std::string text;
      AppendFixed(text, value, decimals);
      return text;
    };
    CHECK(fixed(-2498, 1) == "-249.8");
    CHECK(fixed(0, 1) == "0.0");
    CHECK(fixed(7500, 2) == "75.00");
    CHECK(fixed(1, 4) == "0.0001");
    CHECK(fixed(-120000, 4) == "-12.0000");
    CHECK(fixed(kMinFen, 2) == "-92233720368547758.08");
    CHECK(fixed(kMinFen, 1) == "-922337203685477580.8");
    CHECK(fixed(kMaxFen, 3) == "9223372036854775.807");
  }

  TEST_CASE("FormatMoney and FormatMoneyGrouped") {
    CHECK(FormatMoney(Fen(123456)) == "1234.56");
    CHECK(FormatMoney(Fen(-5)) == "-0.05");
    CHECK(FormatMoney(Fen(0)) == "0.00");
    CHECK(FormatMoney(Fen(100)) == "1.00");
    CHECK(FormatMoney(Fen(-123456789)) == "-1234567.89");
    CHECK(FormatMoney(Fen(kMaxFen)) == "92233720368547758.07");
    CHECK(FormatMoney(Fen(kMinFen)) == "-92233720368547758.08");
    CHECK(FormatMoneyGrouped(Fen(123456789)) == "1,234,567.89");
    CHECK(FormatMoneyGrouped(Fen(-100000)) == "-1,000.00");
    CHECK(FormatMoneyGrouped(Fen(99999)) == "999.99");
    CHECK(FormatMoneyGrouped(Fen(100000)) == "1,000.00");
    CHECK(FormatMoneyGrouped(Fen(-99)) == "-0.99");
    CHECK(FormatMoneyGrouped(Fen(0)) == "0.00");
    CHECK(FormatMoneyGrouped(Fen(1234567890)) == "12,345,678.90");
    CHECK(FormatMoneyGrouped(Fen(kMinFen)) == "-92,233,720,368,547,758.08");
    for (const std::int64_t fen :
         {std::int64_t{0}, std::int64_t{1}, std::int64_t{-1}, std::int64_t{123456789},
          std::int64_t{-100000}, kMaxFen, kMinFen}) {
      CAPTURE(fen);
      CHECK(TextFen(FormatMoney(Fen(fen))) == fen);
      CHECK(TextFen(FormatMoneyGrouped(Fen(fen))) == fen);
      CHECK(NumberFen(FormatMoney(Fen(fen))) == fen);
    }
  }

  TEST_CASE("ParseRate") {
    CHECK(ParseRate("40%").millionths() == 400000);
    CHECK(ParseRate("40").millionths() == 400000);
    CHECK(ParseRate("54.5%").millionths() == 545000);
    CHECK(ParseRate("0.0001%").millionths() == 1);
    CHECK(ParseRate("0.00010%").millionths() == 1);  // zeros past the fourth decimal are harmless
    CHECK(ParseRate("100%").millionths() == 1000000);
    CHECK(ParseRate("0%").millionths() == 0);
    CHECK(ParseRate("1000%").millionths() == 10000000);
    CHECK(ParseRate("12.3456%").millionths() == 123456);
    CHECK(ParseRate("40 %").millionths() == 400000);
    CHECK(ParseRate(" ４０％ ").millionths() == 400000);
    CHECK(ParseRate(".5%").millionths() == 5000);
    CHECK(ParseRate("5.%").millionths() == 50000);
    CHECK(ParseRate("070").millionths() == 700000);
    CHECK_THROWS_WITH_AS(ParseRate("-5%"), "比例不能为负：“-5%”", ValueError);
    CHECK_THROWS_AS(ParseRate("-0"), ValueError);
    CHECK_THROWS_WITH_AS(ParseRate("1000.0001%"), "比例不能超过 1000%，实际为“1000.0001%”",
                         ValueError);
    CHECK_THROWS_AS(ParseRate("1001"), ValueError);
    CHECK_THROWS_AS(ParseRate("99999999999999999999999999%"), ValueError);
    CHECK_THROWS_WITH_AS(ParseRate("0.00001%"),
                         "比例最多精确到百分之 0.0001（小数点后四位），实际为“0.00001%”",
                         ValueError);
    CHECK_THROWS_WITH_AS(ParseRate(""), "比例为空", ValueError);
    for (const char* bad : {"abc", "%", "40%%", "4 0%", "1.2.3%", ".", "40‰", "+40%", "%40"}) {
      CAPTURE(bad);
      CHECK_THROWS_WITH_AS(ParseRate(bad), doctest::Contains("比例格式不正确"), ValueError);
    }
  }

  TEST_CASE("FormatRate: shortest exact form") {
    CHECK(FormatRate(Ppm(545000)) == "54.5%");
    CHECK(FormatRate(Ppm(400000)) == "40%");
    CHECK(FormatRate(Ppm(1)) == "0.0001%");
    CHECK(FormatRate(Ppm(0)) == "0%");
    CHECK(FormatRate(Ppm(1000000)) == "100%");
    CHECK(FormatRate(Ppm(123456)) == "12.3456%");
    CHECK(FormatRate(Ppm(123450)) == "12.345%");
    CHECK(FormatRate(Ppm(5000)) == "0.5%");
    CHECK(FormatRate(Ppm(10000000)) == "1000%");
    CHECK(FormatRate(Ppm(-545000)) == "-54.5%");
    for (const std::int64_t ppm : {0, 1, 5000, 123456, 545000, 10000000}) {
      CAPTURE(ppm);
      CHECK(ParseRate(FormatRate(Ppm(ppm))).millionths() == ppm);
    }
  }
}

}  // namespace huzhu
