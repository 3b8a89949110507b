#include "rules/calendar/lunar.hpp"

#include <gtest/gtest.h>

#include <string>

namespace riskwarn {
namespace {

std::string new_year(int year) {
  const auto date = lunar_new_year(year);
  return date ? format_date(*date) : date.error().message;
}

// calendar.md §4: the years a careless computation or ICU 72 gets wrong.
TEST(Lunar, NewYearsOfThePitfallYears) {
  EXPECT_EQ(new_year(1916), "1916-02-03");  // the issued calendar used Beijing local time
  EXPECT_EQ(new_year(1954), "1954-02-03");  // new moon 23:56 UTC+8; ICU says 02-04
  EXPECT_EQ(new_year(1988), "1988-02-17");  // new moon 5 minutes from midnight
  EXPECT_EQ(new_year(2027), "2027-02-06");  // new moon 23:56:47 UTC+8; ICU says 02-07
  EXPECT_EQ(new_year(2030), "2030-02-03");  // new moon 00:08 UTC+8; ICU says 02-02
  EXPECT_EQ(new_year(2034), "2034-02-19");  // after the 2033 leap 11th month
}

TEST(Lunar, LeapMonthsIcuAndDateChineseGetWrong) {
  EXPECT_EQ(lunar_year(1917)->leap_month, 2u);
  EXPECT_EQ(lunar_year(1922)->leap_month, 5u);
  EXPECT_EQ(lunar_year(1987)->leap_month, 6u);
  EXPECT_EQ(lunar_year(2032)->leap_month, 0u);
}

TEST(Lunar, Year2033HasALeapEleventhMonthStartingOn22December) {
  const auto year = lunar_year(2033);
  ASSERT_TRUE(year);
  EXPECT_EQ(year->leap_month, 11u);
  ASSERT_EQ(year->months.size(), 13u);
  const LunarMonth& leap = year->months[11];
  EXPECT_TRUE(leap.leap);
  EXPECT_EQ(leap.number, 11u);
  EXPECT_EQ(format_date(leap.first_day), "2033-12-22");
  EXPECT_EQ(year->months[12].number, 12u);
  EXPECT_FALSE(year->months[12].leap);
}

TEST(Lunar, NewYearsEveAndLanternFestival) {
  EXPECT_EQ(format_date(*lunar_new_year(2026)), "2026-02-17");
  EXPECT_EQ(format_date(*new_years_eve(2026)), "2026-02-16");
  EXPECT_EQ(format_date(*lantern_festival(2026)), "2026-03-03");
  EXPECT_EQ(format_date(*new_years_eve(2027)), "2027-02-05");
  EXPECT_EQ(format_date(*lantern_festival(2027)), "2027-02-20");
  EXPECT_EQ(format_date(*new_years_eve(1901)), "1901-02-18");
  EXPECT_EQ(format_date(*lantern_festival(2100)), "2100-02-23");
}

TEST(Lunar, NewYearsEveIsTheLastDayOfThePreviousLunarYear) {
  for (int y = kFirstLunarYear + 1; y <= kLastLunarYear; ++y)
    EXPECT_EQ(*new_years_eve(y), lunar_year(y - 1)->last_day()) << y;
  // 2026's 除夕 is 腊月廿九: the 12th month of the lunar year 2025 has 29 days.
  EXPECT_EQ(lunar_year(2025)->months.back().days, 29u);
}

TEST(Lunar, YearsOutsideTheTableAreErrorsNamingTheYearAndTheRange) {
  for (const int year : {1900, 2101, 0, -5}) {
    for (const auto& result : {lunar_new_year(year), new_years_eve(year), lantern_festival(year)}) {
      ASSERT_FALSE(result) << year;
      EXPECT_NE(result.error().message.find(std::to_string(year)), std::string::npos);
      EXPECT_NE(result.error().message.find("1901–2100"), std::string::npos);
    }
    EXPECT_FALSE(lunar_year(year));
  }
  EXPECT_TRUE(lunar_new_year(1901));
  EXPECT_TRUE(lunar_new_year(2100));
}

}  // namespace
}  // namespace riskwarn
