// Calendar dates (proleptic Gregorian), Excel serial conversion and date arithmetic.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace huzhu {

/// A calendar date, held as days since 1970-01-01.
class Date {
 public:
  constexpr Date() = default;
  /// Throws ValueError for an impossible date (2026-02-30) or a year outside 1900..9999.
  static Date FromYmd(int year, int month, int day);
  static constexpr Date FromDays(std::int32_t days_since_epoch) { return Date(days_since_epoch); }
  constexpr std::int32_t days() const { return days_; }

  int year() const;
  int month() const;  ///< 1..12
  int day() const;    ///< 1..31

  /// Adds days (may be negative).
  Date AddDays(std::int32_t n) const { return Date(days_ + n); }
  /// Adds calendar months; the day is clamped to the month's end (Jan 31 + 1 month = Feb 28/29).
  Date AddMonths(int n) const;
  /// Adds years; Feb 29 becomes Feb 28 in a non-leap year.
  Date AddYears(int n) const { return AddMonths(12 * n); }
  /// First day of this date's month.
  Date FirstOfMonth() const;

  /// "2026-03-05"
  std::string ToIso() const;

  constexpr auto operator<=>(const Date&) const = default;

 private:
  constexpr explicit Date(std::int32_t days) : days_(days) {}
  std::int32_t days_ = 0;
};

/// later − earlier in days (2026-03-05 − 2026-03-01 = 4).
inline std::int32_t DaysBetween(Date earlier, Date later) { return later.days() - earlier.days(); }

/// Whole years of age at `at` for someone born on `birth` (a birthday on Feb 29 is reached on
/// Mar 1 in non-leap years). Negative if `at` is before `birth`.
int AgeAt(Date birth, Date at);

bool IsLeapYear(int year);
int DaysInMonth(int year, int month);

/// Parses the data contract's text forms: 2026-03-05, 2026/3/5, 2026.3.5, 20260305,
/// 2026年3月5日 (full-width digits and surrounding spaces accepted; a time part after the date,
/// as in "2026-03-05 00:00:00", is accepted only when it is midnight). Throws ValueError.
Date ParseDateText(std::string_view text);

/// Converts an Excel date serial (the decimal text of a number cell) to a date. In the 1900 system
/// serial 1 = 1900-01-01, serial 60 is the phantom 1900-02-29 (refused), 61 = 1900-03-01; in the
/// 1904 system serial 0 = 1904-01-01. A fractional part (time of day) is dropped. Throws
/// ValueError for serials < 1 (1900) or < 0 (1904), or beyond 9999-12-31.
Date DateFromExcelSerial(std::string_view serial_text, bool date1904);
/// The serial for a date in the 1900 system (for writers).
std::int64_t ExcelSerial(Date date);

}  // namespace huzhu
