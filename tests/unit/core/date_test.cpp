// Dates: validation, leap years, month arithmetic, ages, text forms and Excel serials.
#include "core/date.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "core/diagnostics.h"

namespace huzhu {
namespace {

Date Ymd(int year, int month, int day) { return Date::FromYmd(year, month, day); }
std::string Iso(std::string_view text) { return ParseDateText(text).ToIso(); }
std::string Serial(std::string_view text, bool date1904 = false) {
  return DateFromExcelSerial(text, date1904).ToIso();
}

}  // namespace

TEST_SUITE("date") {
  TEST_CASE("day numbers") {
    CHECK(Ymd(1970, 1, 1).days() == 0);
    CHECK(Ymd(1969, 12, 31).days() == -1);
    // 1970-01-01 → 2000-01-01: 30 × 365 + 7 leap days (1972 … 1996) = 10957
    CHECK(Ymd(2000, 1, 1).days() == 10957);
    // → 2025-01-01: 55 × 365 + 14 leap days (1972 … 2024) = 20089
    CHECK(Ymd(2025, 1, 1).days() == 20089);
    // → 2026-03-05: 56 × 365 + 14 = 20454 (2026-01-01), + 31 + 28 + 4 = 20517
    CHECK(Ymd(2026, 3, 5).days() == 20517);
    // 1900-01-01: 70 × 365 + 17 leap days (1904 … 1968; 1900 is not leap) = 25567 before
    CHECK(Ymd(1900, 1, 1).days() == -25567);
    // 9999-12-31 is Excel's last serial 2958465, minus 25569 (1899-12-30 … 1970-01-01)
    CHECK(Ymd(9999, 12, 31).days() == 2932896);
    CHECK(Date() == Date::FromDays(0));
    CHECK(Date::FromDays(20517) == Ymd(2026, 3, 5));
  }

  TEST_CASE("year, month, day and ToIso") {
    const Date d = Ymd(2026, 3, 5);
    CHECK(d.year() == 2026);
    CHECK(d.month() == 3);
    CHECK(d.day() == 5);
    CHECK(d.ToIso() == "2026-03-05");
    CHECK(Ymd(1900, 1, 1).ToIso() == "1900-01-01");
    CHECK(Ymd(9999, 12, 31).ToIso() == "9999-12-31");
    CHECK(Ymd(2024, 2, 29).ToIso() == "2024-02-29");
    CHECK(Date::FromDays(-1).ToIso() == "1969-12-31");
    // Every day of 1899-12-25 … 2101-01-05 round-trips through year/month/day.
    for (std::int32_t n = Ymd(1900, 1, 1).days() - 7; n <= Ymd(2101, 1, 5).days(); ++n) {
      const Date day = Date::FromDays(n);
      if (day.year() < 1900) continue;
      REQUIRE(Date::FromYmd(day.year(), day.month(), day.day()).days() == n);
      REQUIRE(Date::FromDays(n + 1).day() ==
              (day.day() == DaysInMonth(day.year(), day.month()) ? 1 : day.day() + 1));
    }
  }

  TEST_CASE("leap years") {
    CHECK_FALSE(IsLeapYear(1900));  // divisible by 100, not by 400
    CHECK(IsLeapYear(2000));        // divisible by 400
    CHECK_FALSE(IsLeapYear(2100));
    CHECK(IsLeapYear(2400));
    CHECK(IsLeapYear(2024));
    CHECK_FALSE(IsLeapYear(2026));
    CHECK(DaysInMonth(1900, 2) == 28);
    CHECK(DaysInMonth(2000, 2) == 29);
    CHECK(DaysInMonth(2100, 2) == 28);
    CHECK(DaysInMonth(2024, 2) == 29);
    CHECK(DaysInMonth(2026, 2) == 28);
    CHECK(DaysInMonth(2026, 1) == 31);
    CHECK(DaysInMonth(2026, 4) == 30);
    CHECK(DaysInMonth(2026, 12) == 31);
    CHECK(DaysInMonth(2026, 0) == 0);
    CHECK(DaysInMonth(2026, 13) == 0);
    CHECK_NOTHROW(Ymd(2024, 2, 29));
    CHECK_NOTHROW(Ymd(2000, 2, 29));
    CHECK_THROWS_AS(Ymd(1900, 2, 29), ValueError);
    CHECK_THROWS_AS(Ymd(2100, 2, 29), ValueError);
    CHECK_THROWS_AS(Ymd(2026, 2, 29), ValueError);
    // Days across Feb: 2024-02-28 → 2024-03-01 is 2 days, 2026-02-28 → 2026-03-01 is 1.
    CHECK(DaysBetween(Ymd(2024, 2, 28), Ymd(2024, 3, 1)) == 2);
    CHECK(DaysBetween(Ymd(2026, 2, 28), Ymd(2026, 3, 1)) == 1);
    CHECK(DaysBetween(Ymd(1900, 2, 28), Ymd(1900, 3, 1)) == 1);
    CHECK(DaysBetween(Ymd(2000, 1, 1), Ymd(2001, 1, 1)) == 366);
    CHECK(DaysBetween(Ymd(2100, 1, 1), Ymd(2101, 1, 1)) == 365);
  }

  TEST_CASE("FromYmd refuses impossible dates, naming them") {
    CHECK_THROWS_WITH_AS(Ymd(2026, 2, 30), "日期不存在：“2026-02-30”（2026 年 2 月只有 28 天）",
                         ValueError);
    CHECK_THROWS_WITH_AS(Ymd(2026, 4, 31), "日期不存在：“2026-04-31”（2026 年 4 月只有 30 天）",
                         ValueError);
    CHECK_THROWS_WITH_AS(Ymd(2026, 13, 1), "日期不存在：“2026-13-01”（月份应为 1–12）", ValueError);
    CHECK_THROWS_AS(Ymd(2026, 0, 1), ValueError);
    CHECK_THROWS_AS(Ymd(2026, 1, 0), ValueError);
    CHECK_THROWS_AS(Ymd(2026, 1, 32), ValueError);
    CHECK_THROWS_WITH_AS(Ymd(1899, 12, 31), "年份应在 1900–9999 之间，实际为“1899-12-31”",
                         ValueError);
    CHECK_THROWS_AS(Ymd(10000, 1, 1), ValueError);
    CHECK_NOTHROW(Ymd(1900, 1, 1));
    CHECK_NOTHROW(Ymd(9999, 12, 31));
    CHECK_NOTHROW(Ymd(2026, 4, 30));
    SetLanguage(Language::kEnglish);
    CHECK_THROWS_WITH_AS(Ymd(2026, 2, 30), "no such date: \"2026-02-30\" (2026-02 has 28 days)",
                         ValueError);
    SetLanguage(Language::kChinese);
  }

  TEST_CASE("AddDays, AddMonths, AddYears, FirstOfMonth") {
    CHECK(Ymd(2026, 3, 1).AddDays(4) == Ymd(2026, 3, 5));
    CHECK(Ymd(2026, 3, 1).AddDays(-1) == Ymd(2026, 2, 28));
    CHECK(Ymd(2026, 12, 31).AddDays(1) == Ymd(2027, 1, 1));
    CHECK(DaysBetween(Ymd(2026, 3, 1), Ymd(2026, 3, 5)) == 4);
    CHECK(DaysBetween(Ymd(2026, 3, 5), Ymd(2026, 3, 1)) == -4);

    CHECK(Ymd(2026, 1, 31).AddMonths(1) == Ymd(2026, 2, 28));  // clamped
    CHECK(Ymd(2024, 1, 31).AddMonths(1) == Ymd(2024, 2, 29));
    CHECK(Ymd(2026, 3, 31).AddMonths(-1) == Ymd(2026, 2, 28));
    CHECK(Ymd(2026, 5, 31).AddMonths(1) == Ymd(2026, 6, 30));
    CHECK(Ymd(2026, 12, 31).AddMonths(2) == Ymd(2027, 2, 28));
    CHECK(Ymd(2026, 1, 15).AddMonths(12) == Ymd(2027, 1, 15));
    CHECK(Ymd(2026, 1, 15).AddMonths(-1) == Ymd(2025, 12, 15));
    CHECK(Ymd(2026, 1, 15).AddMonths(-13) == Ymd(2024, 12, 15));
    CHECK(Ymd(2026, 1, 15).AddMonths(-24) == Ymd(2024, 1, 15));
    CHECK(Ymd(2026, 1, 15).AddMonths(0) == Ymd(2026, 1, 15));
    CHECK(Ymd(2026, 12, 15).AddMonths(1) == Ymd(2027, 1, 15));
    CHECK(Ymd(2026, 1, 15).AddMonths(-12 * 126) == Ymd(1900, 1, 15));
    CHECK(Ymd(1900, 1, 31).AddMonths(1) == Ymd(1900, 2, 28));  // 1900 is not leap

    CHECK(Ymd(2024, 2, 29).AddYears(1) == Ymd(2025, 2, 28));
    CHECK(Ymd(2024, 2, 29).AddYears(-1) == Ymd(2023, 2, 28));
    CHECK(Ymd(2024, 2, 29).AddYears(4) == Ymd(2028, 2, 29));
    CHECK(Ymd(2096, 2, 29).AddYears(4) == Ymd(2100, 2, 28));  // 2100 is not leap
    CHECK(Ymd(2021, 5, 10).AddYears(1) == Ymd(2022, 5, 10));

    CHECK(Ymd(2026, 3, 5).FirstOfMonth() == Ymd(2026, 3, 1));
    CHECK(Ymd(2026, 3, 1).FirstOfMonth() == Ymd(2026, 3, 1));
    CHECK(Ymd(2024, 2, 29).FirstOfMonth() == Ymd(2024, 2, 1));
  }

  TEST_CASE("AgeAt: whole years") {
    // Born on Feb 29: the birthday is reached on Mar 1 in a non-leap year.
    CHECK(AgeAt(Ymd(2000, 2, 29), Ymd(2018, 2, 28)) == 17);
    CHECK(AgeAt(Ymd(2000, 2, 29), Ymd(2018, 3, 1)) == 18);
    CHECK(AgeAt(Ymd(2000, 2, 29), Ymd(2020, 2, 28)) == 19);
    CHECK(AgeAt(Ymd(2000, 2, 29), Ymd(2020, 2, 29)) == 20);
    CHECK(AgeAt(Ymd(1949, 12, 31), Ymd(2026, 12, 30)) == 76);
    CHECK(AgeAt(Ymd(1949, 12, 31), Ymd(2026, 12, 31)) == 77);
    CHECK(AgeAt(Ymd(1966, 3, 5), Ymd(2026, 3, 4)) == 59);
    CHECK(AgeAt(Ymd(1966, 3, 5), Ymd(2026, 3, 5)) == 60);
    CHECK(AgeAt(Ymd(2026, 3, 5), Ymd(2026, 3, 5)) == 0);
    CHECK(AgeAt(Ymd(2000, 5, 1), Ymd(2000, 4, 30)) == -1);  // before birth: negative
  }

  TEST_CASE("ParseDateText: every accepted form") {
    for (const char* text : {"2026-03-05",
                             "2026/3/5",
                             "2026.3.5",
                             "20260305",
                             "2026年3月5日",
                             "２０２６年３月５日",
                             "2026-3-5",
                             " 2026-03-05 ",
                             "\u30002026-03-05\u3000",
                             "2026/03/05",
                             "2026.03.05",
                             "2026年03月05日",
                             "２０２６－０３－０５",
                             "２０２６／３／５",
                             "2026-03-05 00:00:00",
                             "2026-03-05 00:00",
                             "2026/3/5 0:00:00",
                             "2026-03-05T00:00:00",
                             "2026-03-05 00:00:00.000",
                             "2026年3月5日 00:00:00",
                             "20260305 00:00"}) {
      CAPTURE(text);
      CHECK(Iso(text) == "2026-03-05");
    }
    CHECK(Iso("2024-02-29") == "2024-02-29");
    CHECK(Iso("2000/2/29") == "2000-02-29");
    CHECK(Iso("19000101") == "1900-01-01");
    CHECK(Iso("9999年12月31日") == "9999-12-31");
  }

  TEST_CASE("ParseDateText: errors") {
    CHECK_THROWS_WITH_AS(ParseDateText("2026-02-30"),
                         "日期不存在：“2026-02-30”（2026 年 2 月只有 28 天）", ValueError);
    CHECK_THROWS_WITH_AS(ParseDateText(" 2026/2/30 "),
                         "日期不存在：“2026/2/30”（2026 年 2 月只有 28 天）", ValueError);
    CHECK_THROWS_WITH_AS(ParseDateText("2026-02-29"),
                         "日期不存在：“2026-02-29”（2026 年 2 月只有 28 天）", ValueError);
    CHECK_THROWS_WITH_AS(ParseDateText("1900-02-29"),
                         "日期不存在：“1900-02-29”（1900 年 2 月只有 28 天）", ValueError);
    CHECK_THROWS_WITH_AS(ParseDateText("2100年2月29日"),
                         "日期不存在：“2100年2月29日”（2100 年 2 月只有 28 天）", ValueError);
    CHECK_THROWS_AS(ParseDateText("20260230"), ValueError);
    CHECK_THROWS_WITH_AS(ParseDateText("2026-13-01"), doctest::Contains("月份应为 1–12"),
                         ValueError);
    CHECK_THROWS_WITH_AS(ParseDateText("1899-12-31"), doctest::Contains("年份应在 1900–9999 之间"),
                         ValueError);
    CHECK_THROWS_WITH_AS(ParseDateText("2026-03-05 08:30:00"),
                         "日期“2026-03-05 08:30:00”带有时间：只接受日期，或零点（00:00:00）",
                         ValueError);
    CHECK_THROWS_AS(ParseDateText("2026-03-05 00:00:01"), ValueError);
    CHECK_THROWS_AS(ParseDateText("2026-03-05 00:01"), ValueError);
    CHECK_THROWS_AS(ParseDateText("2026-03-05 00:00:00.5"), ValueError);
    CHECK_THROWS_WITH_AS(ParseDateText(""), "日期为空", ValueError);
    CHECK_THROWS_WITH_AS(ParseDateText("\u3000"), "日期为空", ValueError);
    CHECK_THROWS_WITH_AS(ParseDateText("abc"),
                         "无法识别的日期：“abc”（可用格式：2026-03-05、2026/3/5、2026.3.5、"
                         "20260305、2026年3月5日）",
                         ValueError);
    for (const char* bad : {"2026-03/05",     "26-3-5",        "2026-003-05",
                            "2026-3-005",     "2026年3月5",    "2026年3-5日",
                            "2026-03-05 abc", "2026-03-05 00", "2026-03-05 0:0",
                            "202603050",      "2026035",       "2026-3-",
                            "2026--3-5",      "45658",         "2026-03-05 00:00:00 x",
                            "2026-03-05T",    "2026 03 05",    "3/5/2026",
                            "2026-03-05Z",    "-2026-03-05",   "2026-03-05."}) {
      CAPTURE(bad);
      CHECK_THROWS_WITH_AS(ParseDateText(bad), doctest::Contains("无法识别的日期"), ValueError);
    }
    SetLanguage(Language::kEnglish);
    CHECK_THROWS_WITH_AS(ParseDateText("x"),
                         "not a date: \"x\" (accepted forms: 2026-03-05, 2026/3/5, 2026.3.5, "
                         "20260305, 2026年3月5日)",
                         ValueError);
    SetLanguage(Language::kChinese);
  }

  TEST_CASE("DateFromExcelSerial: the 1900 system") {
    CHECK(Serial("45658") == "2025-01-01");
    CHECK(Serial("1") == "1900-01-01");
    CHECK(Serial("59") == "1900-02-28");
    CHECK_THROWS_WITH_AS(DateFromExcelSerial("60", false),
                         "日期序列号 60 是 Excel 虚构的 1900-02-29（该日不存在），请重新录入该日期",
                         ValueError);
    CHECK(Serial("61") == "1900-03-01");
    CHECK(Serial("45658.75") == "2025-01-01");  // 18:00, dropped
    CHECK(Serial("45658.99999999999") == "2025-01-01");
    CHECK(Serial("4.5658E4") == "2025-01-01");
    CHECK(Serial("4.56587E4") == "2025-01-01");  // 45658.7
    CHECK(Serial("45658.0") == "2025-01-01");
    CHECK(Serial(" 45658 ") == "2025-01-01");
    // 2026-03-05 is day 20517; 20517 + 25569 = 46086
    CHECK(Serial("46086") == "2026-03-05");
    CHECK(Serial("2958465") == "9999-12-31");
    CHECK_THROWS_WITH_AS(DateFromExcelSerial("2958466", false),
                         "日期序列号“2958466”超出 9999-12-31", ValueError);
    CHECK_THROWS_AS(DateFromExcelSerial("1E10", false), ValueError);
    CHECK_THROWS_AS(DateFromExcelSerial("1E999999999999", false), ValueError);
    CHECK_THROWS_WITH_AS(DateFromExcelSerial("0", false),
                         "日期序列号“0”无效（1900 日期系统从 1 = 1900-01-01 开始）", ValueError);
    CHECK_THROWS_AS(DateFromExcelSerial("0.5", false), ValueError);
    CHECK_THROWS_AS(DateFromExcelSerial("-1", false), ValueError);
    CHECK_THROWS_AS(DateFromExcelSerial("-0", false), ValueError);
    CHECK_THROWS_AS(DateFromExcelSerial("1E-5", false), ValueError);
    CHECK_THROWS_WITH_AS(DateFromExcelSerial("abc", false), "日期单元格的内容不是数字：“abc”",
                         ValueError);
    CHECK_THROWS_AS(DateFromExcelSerial("", false), ValueError);
    CHECK_THROWS_AS(DateFromExcelSerial("2026-03-05", false), ValueError);
  }

  TEST_CASE("DateFromExcelSerial: the 1904 system") {
    CHECK(Serial("0", true) == "1904-01-01");
    CHECK(Serial("-0", true) == "1904-01-01");
    CHECK(Serial("1", true) == "1904-01-02");
    // 1462 days behind the 1900 system: 45658 − 1462 = 44196 is 2025-01-01 (1904-01-01 + 121
    // years of which 31 leap, 1904 … 2024: 121 × 365 + 31 = 44196), and 44197 is 2025-01-02.
    CHECK(Serial("44196", true) == "2025-01-01");
    CHECK(Serial("44197", true) == "2025-01-02");
    CHECK(Serial("44196.5", true) == "2025-01-01");
    CHECK(Serial("2957003", true) == "9999-12-31");
    CHECK_THROWS_AS(DateFromExcelSerial("2957004", true), ValueError);
    CHECK_THROWS_WITH_AS(DateFromExcelSerial("-1", true),
                         "日期序列号“-1”无效（1904 日期系统从 0 = 1904-01-01 开始）", ValueError);
    CHECK(Serial("60", true) == "1904-03-01");  // no phantom day in the 1904 system
  }

  TEST_CASE("ExcelSerial: the inverse for the 1900 system") {
    CHECK(ExcelSerial(Ymd(2025, 1, 1)) == 45658);
    CHECK(ExcelSerial(Ymd(2026, 3, 5)) == 46086);
    CHECK(ExcelSerial(Ymd(1900, 3, 1)) == 61);
    CHECK(ExcelSerial(Ymd(1900, 2, 28)) == 59);
    CHECK(ExcelSerial(Ymd(1900, 1, 1)) == 1);
    CHECK(ExcelSerial(Ymd(1970, 1, 1)) == 25569);
    CHECK(ExcelSerial(Ymd(9999, 12, 31)) == 2958465);
    // Every day from 1900-01-01 to 2100-12-31 round-trips.
    for (std::int32_t n = Ymd(1900, 1, 1).days(); n <= Ymd(2100, 12, 31).days(); ++n) {
      const Date day = Date::FromDays(n);
      REQUIRE(DateFromExcelSerial(std::to_string(ExcelSerial(day)), false) == day);
    }
  }
}

}  // namespace huzhu
