#pragma once

// Internal to adapters/calendar: the RRULE subset (RFC 5545 §3.3.10) the importer expands.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/calendar/date.hpp"
#include "rules/result.hpp"

namespace riskwarn::calendar::ics {

enum class Frequency { yearly, monthly, weekly, daily };

// A BYDAY entry: a weekday, with an ordinal within the month or year (1 = first, -1 = last) or
// 0 for every such weekday.
struct WeekdayRule {
  std::chrono::weekday weekday;
  int ordinal = 0;
};

// FREQ, INTERVAL, COUNT or UNTIL, BYMONTH, BYMONTHDAY, BYDAY and WKST.
struct RecurrenceRule {
  Frequency frequency = Frequency::daily;
  int interval = 1;
  std::optional<std::int64_t> count;
  std::string until;  // the UNTIL value as written ("" when absent); the event interprets it
  std::vector<unsigned> by_month;
  std::vector<int> by_month_day;
  std::vector<WeekdayRule> by_day;
  std::chrono::weekday week_start = std::chrono::Monday;
};

// Parses an RRULE value; the error names the part at fault and says what is accepted. Parts
// outside the subset (BYSETPOS, BYWEEKNO, BYYEARDAY, BYHOUR, RSCALE, ...) are errors, not
// ignored, so that no event lands on a date its author did not mean.
Result<RecurrenceRule> parse_rrule(std::string_view text);

// Which of a rule's dates are wanted.
struct ExpansionBounds {
  Date first_wanted;          // earlier dates may be left out (a rule without COUNT skips them)
  Date last_wanted;           // expansion stops after this date
  std::optional<Date> until;  // the last date UNTIL allows, inclusive
};

// The dates of rule starting at start (always the first date, and counted by COUNT), in
// increasing order. Each period examined spends one of steps_left; running out is an error.
Result<std::vector<Date>> expand_rrule(const RecurrenceRule& rule, Date start,
                                       const ExpansionBounds& bounds, std::size_t& steps_left);

}  // namespace riskwarn::calendar::ics
