#pragma once

#include <cstdint>

namespace riskwarn::lunar_table {

// The Gregorian years whose lunar new year the compiled-in table holds.
inline constexpr int kFirstYear = 1901;
inline constexpr int kLastYear = 2100;

// One lunar year: the Gregorian date of its 正月初一 and its months in the classic lunarInfo
// layout. Bits 0–3: the leap month (0 = none). Bits 15…4: months 1…12, bit 16: the leap month;
// each 1 for a 30-day month and 0 for a 29-day one.
struct Entry {
  unsigned new_year_month;
  unsigned new_year_day;
  std::uint32_t months;
};

// The entry of the lunar year whose 正月初一 falls in Gregorian year; kFirstYear <= year <=
// kLastYear is the caller's to check.
const Entry& entry(int year);

}  // namespace riskwarn::lunar_table
