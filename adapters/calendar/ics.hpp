#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/calendar/calendar_inputs.hpp"
#include "rules/result.hpp"

namespace riskwarn::calendar {

// The UTC offset of an IANA zone named by a TZID that is not built in.
using ZoneOffsetLookup = std::function<Result<std::chrono::seconds>(std::string_view zone)>;

// The system's fixed-offset zones (config/zone_offset.hpp), from /usr/share/zoneinfo.
Result<std::chrono::seconds> system_zone_offset(std::string_view zone);

struct IcsOptions {
  // Only event instances whose days meet this range are returned; recurrences are expanded
  // only as far as it reaches.
  DateRange expand_window{std::chrono::year{1901} / 1 / 1, std::chrono::year{2100} / 12 / 31};
  std::size_t max_bytes = 1024 * 1024;  // a larger file is an error
  std::size_t max_events = 10000;       // more VEVENTs, or more returned instances, is an error
  std::string default_kind = "local_event";
  // TZIDs other than Asia/Shanghai, Asia/Urumqi and UTC (built in) go here first, then to a
  // fixed-offset VTIMEZONE of the same TZID in the file.
  ZoneOffsetLookup zone_offset = system_zone_offset;
};

// Imports the events of an iCalendar file (RFC 5545) as LocalEvents with source ics, sorted
// by first day then uid. Dates are Asia/Shanghai civil days: a DATE is taken as written; a
// DATE-TIME is converted (floating = Asia/Shanghai, Z = UTC, TZID = that zone) and the event
// covers every day from its start up to just before its end. RRULE (FREQ, INTERVAL, COUNT,
// UNTIL, BYMONTH, BYMONTHDAY, BYDAY, WKST), RDATE, EXDATE, RECURRENCE-ID overrides and
// STATUS:CANCELLED are honoured. A recurring event's instances have uid "UID/RECURRENCE-ID"
// (the original start as "YYYYMMDD", or "YYYYMMDDTHHMMSSZ" in UTC); others have uid "UID".
// kind is "local_two_sessions" when CATEGORIES lists local_two_sessions or SUMMARY contains
// 人代会, 人大, 人民代表大会 or 政协, else options.default_kind; name is SUMMARY (the UID
// when absent). Any problem is an error "source_name:LINE: message" (LINE of the folded
// original) and nothing is returned.
Result<std::vector<LocalEvent>> parse_ics(std::string_view text, std::string_view source_name,
                                          const IcsOptions& options);

}  // namespace riskwarn::calendar
