#include "rules/calendar/lunar.hpp"

#include <chrono>
#include <cstdint>
#include <string>

#include "rules/calendar/date_math.hpp"
#include "rules/calendar/lunar_table.hpp"

namespace riskwarn {
namespace {

static_assert(kFirstLunarYear == lunar_table::kFirstYear);
static_assert(kLastLunarYear == lunar_table::kLastYear);

constexpr std::uint32_t kLeapMonthMask = 0xf;
constexpr std::uint32_t kLeapMonthLongBit = 1u << 16;

Error out_of_range(int year) {
  return Error{"lunar calendar: year " + std::to_string(year) + " is outside the supported range " +
               std::to_string(kFirstLunarYear) + "–" + std::to_string(kLastLunarYear)};
}

bool in_range(int year) {
  return year >= kFirstLunarYear && year <= kLastLunarYear;
}

Date new_year_of(int year) {
  const auto& entry = lunar_table::entry(year);
  return Date{std::chrono::year{year}, std::chrono::month{entry.new_year_month},
              std::chrono::day{entry.new_year_day}};
}

}  // namespace

Date LunarYear::last_day() const {
  const auto& last = months.back();
  return add_days(last.first_day, static_cast<int>(last.days) - 1);
}

Result<LunarYear> lunar_year(int year) {
  if (!in_range(year))
    return out_of_range(year);
  const std::uint32_t bits = lunar_table::entry(year).months;
  LunarYear result;
  result.new_year = new_year_of(year);
  result.leap_month = bits & kLeapMonthMask;
  Date first_day = result.new_year;
  const auto append = [&](unsigned number, bool leap, bool long_month) {
    const unsigned days = long_month ? 30 : 29;
    result.months.push_back(LunarMonth{number, leap, first_day, days});
    first_day = add_days(first_day, static_cast<int>(days));
  };
  for (unsigned number = 1; number <= 12; ++number) {
    append(number, false, (bits & (1u << (16 - number))) != 0);
    if (number == result.leap_month)
      append(number, true, (bits & kLeapMonthLongBit) != 0);
  }
  return result;
}

Result<Date> lunar_new_year(int year) {
  if (!in_range(year))
    return out_of_range(year);
  return new_year_of(year);
}

Result<Date> new_years_eve(int year) {
  if (!in_range(year))
    return out_of_range(year);
  return add_days(new_year_of(year), -1);
}

Result<Date> lantern_festival(int year) {
  if (!in_range(year))
    return out_of_range(year);
  return add_days(new_year_of(year), 14);
}

}  // namespace riskwarn
