#pragma once

#include <vector>

#include "rules/calendar/date.hpp"
#include "rules/result.hpp"

namespace riskwarn {

// The Gregorian years for which the lunar calendar is known (the compiled-in table).
inline constexpr int kFirstLunarYear = 1901;
inline constexpr int kLastLunarYear = 2100;

// One month of a lunar year.
struct LunarMonth {
  unsigned number = 1;  // 1 (正月) … 12 (腊月)
  bool leap = false;    // 闰月: follows the ordinary month with the same number
  Date first_day;       // 初一
  unsigned days = 29;   // 29 or 30

  friend bool operator==(const LunarMonth&, const LunarMonth&) = default;
};

// The lunar year whose 正月初一 falls in a Gregorian year.
struct LunarYear {
  Date new_year;                   // 正月初一
  unsigned leap_month = 0;         // the number of its leap month, 0 when it has none
  std::vector<LunarMonth> months;  // in order: 12, or 13 with the leap month

  // 除夕, the last day of the lunar year: the day before the next 正月初一.
  Date last_day() const;
};

// The lunar year that begins in Gregorian year (1901–2100); an error names the year otherwise.
Result<LunarYear> lunar_year(int year);

// 正月初一 (Chinese New Year) of Gregorian year (1901–2100).
Result<Date> lunar_new_year(int year);

// 除夕, the last day of the lunar year before the new year of Gregorian year (1901–2100):
// the day before 正月初一, 腊月廿九 or 三十.
Result<Date> new_years_eve(int year);

// 元宵节, 正月十五 of the lunar year beginning in Gregorian year (1901–2100).
Result<Date> lantern_festival(int year);

}  // namespace riskwarn
