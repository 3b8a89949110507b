#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "rules/calendar/date.hpp"
#include "rules/calendar/period.hpp"

namespace riskwarn {

// One day of a State Council holiday arrangement: a day off, or an adjusted working day (调休).
struct OfficialDay {
  Date date;
  std::string name;  // the holiday it belongs to, e.g. "春节"
  bool off = true;   // false: an adjusted working day

  friend bool operator==(const OfficialDay&, const OfficialDay&) = default;
};

// A local event or local two sessions, from config or an ICS file.
struct LocalEvent {
  std::string uid;   // dedup key (ICS UID + RECURRENCE-ID, or the config's id)
  std::string kind;  // "local_event" or "local_two_sessions"
  std::string name;
  DateRange dates;  // inclusive
  PeriodSource source = PeriodSource::config;

  friend bool operator==(const LocalEvent&, const LocalEvent&) = default;
};

// Days before a festival on which the pre-festival inspection campaign (大检查) runs.
struct InspectionCampaign {
  int days_before_spring_festival = 30;
  int days_before_two_sessions = 30;
};

// Everything besides the built-in lunar table that decides the periods.
struct CalendarInputs {
  std::vector<OfficialDay> official_days;     // from holiday-cn JSON files
  std::vector<LocalEvent> local_events;       // from config and ICS files
  std::map<int, DateRange> chunyun_official;  // a year's announced 春运 dates, from config
  std::map<int, DateRange> two_sessions;      // a year's national two sessions, from config
  InspectionCampaign inspection;
};

}  // namespace riskwarn
