// Calendar dates: validation, the data contract's text forms, Excel serials, month arithmetic and
// ages. The civil-calendar conversions are the standard library's (<chrono>, proleptic Gregorian).
#include "core/date.h"

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/diagnostics.h"
#include "core/money.h"  // ParseDecimalNumber: serials are read without binary fractions too
#include "core/text.h"

namespace huzhu {

namespace {

namespace chr = std::chrono;

constexpr int kMinYear = 1900;
constexpr int kMaxYear = 9999;

// Day numbers (days since 1970-01-01) of the Excel epochs: the 1900 system counts serial 1 as
// 1900-01-01, i.e. from 1899-12-31, and after its phantom 1900-02-29 from 1899-12-30; the 1904
// system counts serial 0 as 1904-01-01, 1462 days after 1899-12-30.
constexpr std::int64_t kDay18991231 = -25568;
constexpr std::int64_t kDay18991230 = -25569;
constexpr std::int64_t kDay19040101 = kDay18991230 + 1462;
constexpr std::int64_t kDay19000301 = kDay18991230 + 61;
constexpr std::int64_t kPhantomSerial = 60;  // 1900-02-29, which Excel (like Lotus 1-2-3) invents
constexpr std::int64_t kMaxSerial1900 = 2'958'465;  // 9999-12-31
constexpr std::int64_t kMaxSerial1904 = kMaxSerial1900 - 1462;

struct Ymd {
  int year = 0;
  int month = 0;
  int day = 0;
};

chr::year_month_day Civil(std::int32_t days) {
  return chr::year_month_day{chr::sys_days{chr::days{days}}};
}

// Requires a valid date with a year in <chrono>'s range.
std::int32_t DaysFromCivil(int year, int month, int day) {
  const chr::year_month_day ymd{chr::year{year}, chr::month{static_cast<unsigned>(month)},
                                chr::day{static_cast<unsigned>(day)}};
  return static_cast<std::int32_t>(chr::sys_days{ymd}.time_since_epoch().count());
}

std::string FormatYmd(int year, int month, int day) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

// Throws ValueError naming `shown` when year-month-day is not a date this program handles.
void ValidateYmd(int year, int month, int day, const std::string& shown) {
  if (year < kMinYear || year > kMaxYear) {
    throw ValueError(Tr("年份应在 1900–9999 之间，实际为“" + shown + "”",
                        "the year must be within 1900–9999, got \"" + shown + "\""));
  }
  if (month < 1 || month > 12) {
    throw ValueError(Tr("日期不存在：“" + shown + "”（月份应为 1–12）",
                        "no such date: \"" + shown + "\" (the month must be 1–12)"));
  }
  const int days_in_month = DaysInMonth(year, month);
  if (day < 1 || day > days_in_month) {
    const std::string count = std::to_string(days_in_month);
    throw ValueError(Tr("日期不存在：“" + shown + "”（" + std::to_string(year) + " 年 " +
                            std::to_string(month) + " 月只有 " + count + " 天）",
                        "no such date: \"" + shown + "\" (" +
                            FormatYmd(year, month, 1).substr(0, 7) + " has " + count + " days)"));
  }
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads between min_digits and max_digits ASCII digits at text[at]; refuses a longer run.
std::optional<int> ReadNumber(std::string_view text, std::size_t& at, std::size_t min_digits,
                              std::size_t max_digits) {
  std::size_t end = at;
  while (end < text.size() && IsDigit(text[end])) ++end;
  const std::size_t count = end - at;
  if (count < min_digits || count > max_digits) return std::nullopt;
  int value = 0;
  for (; at < end; ++at) value = value * 10 + (text[at] - '0');
  return value;
}

bool Expect(std::string_view text, std::size_t& at, std::string_view token) {
  if (text.substr(at, token.size()) != token) return false;
  at += token.size();
  return true;
}

// The date forms of the data contract: 20260305; 2026-03-05, 2026/3/5, 2026.3.5 (one separator
// throughout); 2026年3月5日. Full-width digits are already folded.
std::optional<Ymd> ParseDatePart(std::string_view text) {
  std::size_t at = 0;
  if (text.size() == 8 && text.find_first_not_of("0123456789") == text.npos) {
    const auto year = ReadNumber(text.substr(0, 4), at, 4, 4);
    at = 0;
    const auto month = ReadNumber(text.substr(4, 2), at, 2, 2);
    at = 0;
    const auto day = ReadNumber(text.substr(6, 2), at, 2, 2);
    return Ymd{*year, *month, *day};
  }
  const auto year = ReadNumber(text, at, 4, 4);
  if (!year || at == text.size()) return std::nullopt;
  std::string_view after_month = "-";
  std::string_view after_day;
  if (text[at] == '-' || text[at] == '/' || text[at] == '.') {
    after_month = text.substr(at, 1);
    ++at;
  } else if (Expect(text, at, "年")) {
    after_month = "月";
    after_day = "日";
  } else {
    return std::nullopt;
  }
  const auto month = ReadNumber(text, at, 1, 2);
  if (!month || !Expect(text, at, after_month)) return std::nullopt;
  const auto day = ReadNumber(text, at, 1, 2);
  if (!day || !Expect(text, at, after_day) || at != text.size()) return std::nullopt;
  return Ymd{*year, *month, *day};
}

// A time of day after the date: H:MM, H:MM:SS or H:MM:SS.fff. Returns whether it is midnight,
// nullopt when it is not a time at all.
std::optional<bool> ParseTimeOfDay(std::string_view text) {
  std::size_t at = 0;
  const auto hours = ReadNumber(text, at, 1, 2);
  if (!hours || !Expect(text, at, ":")) return std::nullopt;
  const auto minutes = ReadNumber(text, at, 2, 2);
  if (!minutes) return std::nullopt;
  bool midnight = *hours == 0 && *minutes == 0;
  if (Expect(text, at, ":")) {
    const auto seconds = ReadNumber(text, at, 2, 2);
    if (!seconds) return std::nullopt;
    midnight = midnight && *seconds == 0;
    if (Expect(text, at, ".")) {
      const std::size_t start = at;
      while (at < text.size() && IsDigit(text[at])) {
        if (text[at] != '0') midnight = false;
        ++at;
      }
      if (at == start) return std::nullopt;
    }
  }
  if (at != text.size()) return std::nullopt;
  return midnight;
}

[[noreturn]] void ThrowUnrecognizedDate(const std::string& shown) {
  throw ValueError(
      Tr("无法识别的日期：“" + shown +
             "”（可用格式：2026-03-05、2026/3/5、2026.3.5、20260305、2026年3月5日）",
         "not a date: \"" + shown +
             "\" (accepted forms: 2026-03-05, 2026/3/5, 2026.3.5, 20260305, 2026年3月5日)"));
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Date

Date Date::FromYmd(int year, int month, int day) {
  // The common case without formatting anything (a million ID numbers each give a birth date).
  if (year >= kMinYear && year <= kMaxYear && month >= 1 && month <= 12 && day >= 1 &&
      day <= DaysInMonth(year, month)) {
    return Date(DaysFromCivil(year, month, day));
  }
  ValidateYmd(year, month, day, FormatYmd(year, month, day));
  return Date(DaysFromCivil(year, month, day));
}

int Date::year() const { return static_cast<int>(Civil(days_).year()); }

int Date::month() const { return static_cast<int>(static_cast<unsigned>(Civil(days_).month())); }

int Date::day() const { return static_cast<int>(static_cast<unsigned>(Civil(days_).day())); }

Date Date::AddMonths(int n) const {
  const chr::year_month_day ymd = Civil(days_);
  const std::int64_t months = std::int64_t{static_cast<int>(ymd.year())} * 12 +
                              (static_cast<unsigned>(ymd.month()) - 1) + n;
  // Floor division: month 0 of year y is January.
  const std::int64_t year = months >= 0 ? months / 12 : -((-months + 11) / 12);
  const auto month = static_cast<int>(months - year * 12 + 1);
  if (year < static_cast<int>(chr::year::min()) || year > static_cast<int>(chr::year::max())) {
    throw std::out_of_range("Date::AddMonths: the result is out of range");
  }
  const int day = std::min(static_cast<int>(static_cast<unsigned>(ymd.day())),
                           DaysInMonth(static_cast<int>(year), month));
  return Date(DaysFromCivil(static_cast<int>(year), month, day));
}

Date Date::FirstOfMonth() const { return AddDays(1 - day()); }

std::string Date::ToIso() const {
  const chr::year_month_day ymd = Civil(days_);
  return FormatYmd(static_cast<int>(ymd.year()),
                   static_cast<int>(static_cast<unsigned>(ymd.month())),
                   static_cast<int>(static_cast<unsigned>(ymd.day())));
}

int AgeAt(Date birth, Date at) {
  const chr::year_month_day born = Civil(birth.days());
  const chr::year_month_day now = Civil(at.days());
  int age = static_cast<int>(now.year()) - static_cast<int>(born.year());
  // The birthday of this year not yet reached. Born on Feb 29: in a non-leap year Feb 28 is still
  // before it and Mar 1 after it, so the birthday falls on Mar 1.
  if (chr::month_day{now.month(), now.day()} < chr::month_day{born.month(), born.day()}) --age;
  return age;
}

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

// ---------------------------------------------------------------------------------------------
// Parsing

Date ParseDateText(std::string_view text) {
  // Fast path: "2026-03-05" exactly (the CSV twins' and most exports' form).
  if (const std::string_view t = Trim(text); t.size() == 10 && t[4] == '-' && t[7] == '-') {
    int v[8];
    bool ok = true;
    for (int i = 0, k = 0; i < 10 && ok; ++i) {
      if (i == 4 || i == 7) continue;
      ok = t[static_cast<std::size_t>(i)] >= '0' && t[static_cast<std::size_t>(i)] <= '9';
      v[k++] = t[static_cast<std::size_t>(i)] - '0';
    }
    if (ok) {
      const int year = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3];
      const int month = v[4] * 10 + v[5];
      const int day = v[6] * 10 + v[7];
      if (year >= 1900 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
          day <= DaysInMonth(year, month)) {
        return Date::FromDays(DaysFromCivil(year, month, day));
      }
    }
  }
  const std::string shown(Trim(text));
  const std::string normalized = NormalizeText(text);
  const std::string_view s = normalized;
  if (s.empty()) throw ValueError(Tr("日期为空", "the date is empty"));

  // A time part, if any, follows a space or an ISO 'T' ("2026-03-05 00:00:00").
  const std::size_t cut = s.find_first_of(" \tT");
  const std::optional<Ymd> ymd = ParseDatePart(s.substr(0, cut));
  if (!ymd) ThrowUnrecognizedDate(shown);
  if (cut != s.npos) {
    const std::optional<bool> midnight = ParseTimeOfDay(Trim(s.substr(cut + 1)));
    if (!midnight) ThrowUnrecognizedDate(shown);
    if (!*midnight) {
      throw ValueError(Tr("日期“" + shown + "”带有时间：只接受日期，或零点（00:00:00）",
                          "the date \"" + shown +
                              "\" has a time of day: only a date, or midnight (00:00:00), is "
                              "accepted"));
    }
  }
  ValidateYmd(ymd->year, ymd->month, ymd->day, shown);
  return Date::FromDays(DaysFromCivil(ymd->year, ymd->month, ymd->day));
}

Date DateFromExcelSerial(std::string_view serial_text, bool date1904) {
  // Fast path: a whole serial well inside the range ("46086").
  if (const std::string_view t = Trim(serial_text); !t.empty() && t.size() <= 6) {
    std::int64_t serial = 0;
    bool digits = true;
    for (const char c : t) {
      digits = digits && c >= '0' && c <= '9';
      serial = serial * 10 + (c - '0');
    }
    if (digits && serial >= 61 && serial <= 2958465) {  // 1900-03-01 … 9999-12-31
      // 1900 system: serial 25569 = 1970-01-01 (past the phantom 1900-02-29); 1904: 24107.
      return Date::FromDays(static_cast<std::int32_t>(serial - (date1904 ? 24107 : 25569)));
    }
  }
  const std::string shown(Trim(serial_text));
  const std::optional<DecimalNumber> number = ParseDecimalNumber(serial_text);
  if (!number) {
    throw ValueError(Tr("日期单元格的内容不是数字：“" + shown + "”",
                        "the date cell is not a number: \"" + shown + "\""));
  }
  const std::int64_t first = date1904 ? 0 : 1;
  const std::int64_t last = date1904 ? kMaxSerial1904 : kMaxSerial1900;
  const auto throw_too_small = [&]() {
    throw ValueError(
        date1904 ? Tr("日期序列号“" + shown + "”无效（1904 日期系统从 0 = 1904-01-01 开始）",
                      "invalid date serial \"" + shown +
                          "\" (the 1904 date system starts at 0 = 1904-01-01)")
                 : Tr("日期序列号“" + shown + "”无效（1900 日期系统从 1 = 1900-01-01 开始）",
                      "invalid date serial \"" + shown +
                          "\" (the 1900 date system starts at 1 = 1900-01-01)"));
  };
  const auto throw_too_large = [&]() {
    throw ValueError(Tr("日期序列号“" + shown + "”超出 9999-12-31",
                        "the date serial \"" + shown + "\" is beyond 9999-12-31"));
  };

  // Whole days: the integer part of the value. A fraction is the time of day and is dropped.
  const std::string& digits = number->digits;
  const auto length = static_cast<std::int64_t>(digits.size());
  const std::int64_t whole_digits = length + number->exponent;  // digits left of the point
  std::int64_t serial = 0;
  if (!digits.empty()) {
    if (number->negative) throw_too_small();
    if (whole_digits > 8) throw_too_large();
    for (std::int64_t k = 0; k < whole_digits; ++k) {
      serial = serial * 10 + (k < length ? digits[static_cast<std::size_t>(k)] - '0' : 0);
    }
  }
  if (serial < first) throw_too_small();
  if (serial > last) throw_too_large();
  if (date1904) return Date::FromDays(static_cast<std::int32_t>(kDay19040101 + serial));
  if (serial == kPhantomSerial) {
    throw ValueError(Tr("日期序列号 60 是 Excel 虚构的 1900-02-29（该日不存在），请重新录入该日期",
                        "the date serial 60 is Excel's phantom 1900-02-29, a day that never "
                        "existed: re-enter the date"));
  }
  const std::int64_t base = serial < kPhantomSerial ? kDay18991231 : kDay18991230;
  return Date::FromDays(static_cast<std::int32_t>(base + serial));
}

std::int64_t ExcelSerial(Date date) {
  // From 1900-03-01 on, serial = days since 1899-12-30; before it Excel's phantom leap day is not
  // yet counted (1 = 1900-01-01 … 59 = 1900-02-28). Dates before 1900 give serials ≤ 0, which
  // Excel cannot show: writers should write those as text.
  const std::int64_t days = date.days();
  return days >= kDay19000301 ? days - kDay18991230 : days - kDay18991231;
}

}  // namespace huzhu
