#pragma once

#include <vector>

#include "rules/calendar/calendar_inputs.hpp"
#include "rules/calendar/date.hpp"
#include "rules/calendar/period.hpp"
#include "rules/result.hpp"

namespace riskwarn {

// Days of 春运 before and after 正月初一 when no official dates are configured (NY−15 … NY+24).
inline constexpr int kChunyunDaysBefore = 15;
inline constexpr int kChunyunDaysAfter = 24;

// Every period that shares a day with range (inclusive), sorted by first day, then id: the lunar
// periods from the compiled-in table, overridden or completed by inputs (official arrangements,
// configured dates, local events). An error when range is reversed or not within 1901–2100.
Result<std::vector<Period>> periods_overlapping(DateRange range, const CalendarInputs& inputs);

}  // namespace riskwarn
