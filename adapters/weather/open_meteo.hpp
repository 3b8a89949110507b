#pragma once

#include <string>
#include <string_view>

#include "rules/observation.hpp"
#include "rules/result.hpp"

namespace riskwarn::weather {

// Parses an Open-Meteo /v1/forecast response body (one location, timeformat=iso8601) into an
// hourly series: local times at utc_offset_seconds become UTC, every variable riskwarn reads is
// converted from its hourly_units unit to the series' canonical unit, null stays missing, and
// variables riskwarn does not read are ignored. An {"error":true,"reason":...} body, malformed
// JSON, or a structural problem gives an Error naming what is wrong and where.
Result<HourlySeries> parse_open_meteo(std::string_view body);

// The query string (without '?') of the /v1/forecast request for one place: every hourly
// variable the hazard rules read, wind in m/s, two past and three forecast days, times local to
// `timezone` (URL-encoded). Coordinates are written with at most 4 decimals, independent of the
// locale; they must be finite.
std::string open_meteo_query(double latitude, double longitude, std::string_view timezone);

}  // namespace riskwarn::weather
