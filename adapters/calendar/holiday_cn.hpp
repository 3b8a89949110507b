#pragma once

#include <string_view>
#include <vector>

#include "rules/calendar/calendar_inputs.hpp"
#include "rules/result.hpp"

namespace riskwarn::calendar {

// Parses one NateScarlet/holiday-cn year file (`{"year": N, "papers": [...], "days": [{"name",
// "date", "isOffDay"}]}`): the days off and the adjusted working days (调休) of the State Council
// notice for year N, sorted by date. Dates must lie in year N or in December of N-1 (a notice
// can move days of the previous December); a date listed twice is an error. Other keys, at the
// top level and in each day, are ignored. Errors start with "source_name: " and name the JSON
// line and column of a syntax error, or the path (e.g. "days[3].date") of a wrong value.
Result<std::vector<OfficialDay>> parse_holiday_cn(std::string_view json,
                                                  std::string_view source_name);

}  // namespace riskwarn::calendar
