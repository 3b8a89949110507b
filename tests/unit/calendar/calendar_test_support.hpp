#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/calendar/ics.hpp"
#include "rules/calendar/calendar_inputs.hpp"

namespace riskwarn {

inline void PrintTo(const DateRange& range, std::ostream* out) {
  *out << format_date(range.first) << ".." << format_date(range.last);
}

inline void PrintTo(const LocalEvent& event, std::ostream* out) {
  *out << "{" << event.uid << ", " << event.kind << ", " << event.name << ", ";
  PrintTo(event.dates, out);
  *out << ", " << to_string(event.source) << "}";
}

inline void PrintTo(const OfficialDay& day, std::ostream* out) {
  *out << "{" << format_date(day.date) << ", " << day.name << ", " << (day.off ? "off" : "work")
       << "}";
}

}  // namespace riskwarn

namespace riskwarn::calendar::test {

inline Date ymd(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

inline DateRange days(Date first, Date last) {
  return DateRange{first, last};
}

// body (lines separated by "\n") as CRLF lines between BEGIN:VCALENDAR (line 1) and
// VERSION:2.0 (line 2), and END:VCALENDAR: body starts on line 3.
inline std::string ics_file(std::string_view body) {
  std::string text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n";
  for (const char c : body) {
    if (c == '\n')
      text += "\r\n";
    else
      text += c;
  }
  if (!body.empty() && body.back() != '\n')
    text += "\r\n";
  return text + "END:VCALENDAR\r\n";
}

// One VEVENT with UID "e1": BEGIN:VEVENT is line 3, UID line 4, DTSTAMP line 5, and properties
// start on line 6.
inline std::string event_file(std::string_view properties) {
  return ics_file("BEGIN:VEVENT\nUID:e1\nDTSTAMP:20260101T000000Z\n" + std::string(properties) +
                  "\nEND:VEVENT");
}

// Options expanding recurrences within 2026-2027, with no zoneinfo lookups: Asia/Kolkata is
// +05:30, America/Los_Angeles has DST, anything else is unknown.
inline IcsOptions test_options() {
  IcsOptions options;
  options.expand_window = DateRange{ymd(2026, 1, 1), ymd(2027, 12, 31)};
  options.zone_offset = [](std::string_view zone) -> Result<std::chrono::seconds> {
    if (zone == "Asia/Kolkata")
      return std::chrono::seconds{5 * 3600 + 1800};
    if (zone == "America/Los_Angeles")
      return Error{
          "time zone rule \"PST8PDT,M3.2.0,M11.1.0\" has daylight saving time; only "
          "fixed-offset zones are supported"};
    return Error{"unknown time zone \"" + std::string(zone) + "\""};
  };
  return options;
}

// The events of text, or a failed assertion with the error.
inline std::vector<LocalEvent> events_of(std::string_view text,
                                         const IcsOptions& options = test_options()) {
  auto parsed = parse_ics(text, "local.ics", options);
  if (!parsed) {
    ADD_FAILURE() << parsed.error().message;
    return {};
  }
  return std::move(parsed).value();
}

// The error message of text, or "" (and a failed assertion) when it parses.
inline std::string error_of(std::string_view text, const IcsOptions& options = test_options()) {
  const auto parsed = parse_ics(text, "local.ics", options);
  if (parsed) {
    ADD_FAILURE() << "parsed, " << parsed->size() << " events";
    return "";
  }
  return parsed.error().message;
}

// The day ranges of events, in order.
inline std::vector<DateRange> ranges_of(const std::vector<LocalEvent>& events) {
  std::vector<DateRange> ranges;
  for (const LocalEvent& event : events)
    ranges.push_back(event.dates);
  return ranges;
}

}  // namespace riskwarn::calendar::test
