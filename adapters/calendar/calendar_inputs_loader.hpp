#pragma once

#include "config/config.hpp"
#include "rules/calendar/calendar_inputs.hpp"
#include "rules/result.hpp"

namespace riskwarn::calendar {

// Everything besides the lunar table that decides the calendar periods: reads and parses every
// holiday-cn file and ICS file the config lists (ICS recurrences expanded within
// expand_window, and only instances meeting it kept), and adds the config's events, 春运 and
// two sessions dates and inspection windows. Official days are sorted by date; a date given by
// two files with different meanings is an error. Local events are sorted by first day, then
// uid; an ICS uid repeated in another file is kept once when identical, an error otherwise.
// Any error names its file (and line) and nothing is returned.
Result<CalendarInputs> load_calendar_inputs(const config::Config& config, DateRange expand_window);

}  // namespace riskwarn::calendar
