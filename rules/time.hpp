#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace riskwarn {

// An instant in UTC, to the second. Everything is stored and compared in UTC.
using TimePoint = std::chrono::sys_seconds;

// Formats an instant as county local time with its offset: "2025-12-31T04:00+08:00".
std::string format_local_minutes(TimePoint t, std::chrono::seconds utc_offset);

// Formats an instant as UTC with seconds: "2025-12-30T20:00:00Z".
std::string format_utc(TimePoint t);

// Parses "YYYY-MM-DDTHH:MM" (no offset) as wall-clock time at the given offset from UTC.
std::optional<TimePoint> parse_local_minutes(std::string_view text,
                                             std::chrono::seconds utc_offset);

// Parses ISO 8601 with an explicit offset or Z: "2025-12-31T00:15+08:00", "...:00Z".
std::optional<TimePoint> parse_iso8601(std::string_view text);

// Rounds down to the start of the hour.
TimePoint floor_hour(TimePoint t);

}  // namespace riskwarn
