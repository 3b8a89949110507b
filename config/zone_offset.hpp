#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "rules/result.hpp"

namespace riskwarn::config {

// The UTC offset of an IANA time zone that has no daylight saving time today (every zone used
// in mainland China: Asia/Shanghai is +08:00, Asia/Urumqi +06:00). Read from the POSIX TZ
// footer of the zone's TZif file under zoneinfo_root. Zones with DST rules are an error.
Result<std::chrono::seconds> fixed_utc_offset(
    std::string_view zone, const std::string& zoneinfo_root = "/usr/share/zoneinfo");

// Parses a POSIX TZ string without DST rules ("CST-8", "<+06>-6", "UTC0") into a UTC offset.
Result<std::chrono::seconds> parse_posix_tz_offset(std::string_view tz);

}  // namespace riskwarn::config
