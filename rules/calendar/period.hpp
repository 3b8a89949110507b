#pragma once

#include <string>
#include <string_view>

#include "rules/calendar/date.hpp"

namespace riskwarn {

// Where a period's dates come from.
enum class PeriodSource { lunar, official, config, ics, estimate };

// "lunar", "official", "config", "ics" or "estimate".
std::string_view to_string(PeriodSource source);

// A named date range from the calendar that sector rules can trigger on.
struct Period {
  std::string id;  // stable and unique, e.g. "spring_festival:2026", "local_event:庙会:2026-02-20"
  std::string kind;  // lunar_new_year, spring_festival, chunyun, lantern, two_sessions,
                     // local_two_sessions, local_event, inspection_campaign
  std::string name;  // Chinese, e.g. "春运", "春节", "全国两会"
  DateRange dates;   // inclusive
  PeriodSource source = PeriodSource::lunar;

  friend bool operator==(const Period&, const Period&) = default;
};

}  // namespace riskwarn
