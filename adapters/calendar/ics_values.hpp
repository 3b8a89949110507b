#pragma once

// Internal to adapters/calendar: iCalendar value types (RFC 5545 §3.3) that the importer reads.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/calendar/date.hpp"

namespace riskwarn::calendar::ics {

// How a DATE-TIME names its zone.
enum class ZoneForm { floating, utc, tzid };

// A DATE (no time) or a DATE-TIME as written; the zone is resolved later.
struct DateOrTime {
  Date date;
  std::optional<std::chrono::seconds> time_of_day;  // absent for a DATE
  ZoneForm zone = ZoneForm::floating;
  std::string tzid;  // for ZoneForm::tzid

  bool is_date() const { return !time_of_day.has_value(); }
};

// "YYYYMMDD" (a DATE) or "YYYYMMDDTHHMMSS[Z]" (a DATE-TIME); value_type is the VALUE parameter
// ("" when absent, "DATE" or "DATE-TIME"); tzid is the TZID parameter ("" when absent, and
// ignored for DATE and UTC values). Nullopt when malformed or not a real date or time.
std::optional<DateOrTime> parse_date_or_time(std::string_view text, std::string_view value_type,
                                             std::string_view tzid);

// A DURATION ("P1D", "PT2H", "P1W", "-P1DT12H") in seconds, a day being 24 hours (every zone
// here is fixed-offset). Nullopt when malformed or longer than about 300 years.
std::optional<std::chrono::seconds> parse_duration(std::string_view text);

// TEXT with its escapes resolved: \\ \; \, \n \N. A backslash before any other character is
// dropped, and a trailing one kept.
std::string unescape_text(std::string_view text);

// A comma-separated list of TEXT values (CATEGORIES), each unescaped; escaped commas stay.
std::vector<std::string> split_text_list(std::string_view text);

// "YYYYMMDD".
std::string basic_date(Date date);

}  // namespace riskwarn::calendar::ics
