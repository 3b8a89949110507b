#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "rules/observation.hpp"
#include "rules/result.hpp"

namespace riskwarn::weather {

// Parses an Open-Meteo /v1/forecast response body (one location, timeformat=iso8601) into an
// hourly series: local times at utc_offset_seconds become UTC, every variable riskwarn reads is
// converted from its hourly_units unit to the series' canonical unit, null stays missing, and
// variables riskwarn does not read are ignored. An {"error":true,"reason":...} body, malformed
// JSON, or a structural problem gives an Error naming what is wrong and where.
Result<HourlySeries> parse_open_meteo(std::string_view body);

// Parses the response to a request for several locations: a JSON array of location objects,
// in the order the coordinates were requested, each read as parse_open_meteo reads one. A
// single object (the answer to a one-location request) gives one series. An error in any
// location fails the whole body, naming the location's index ("location 2: ...").
Result<std::vector<HourlySeries>> parse_open_meteo_batch(std::string_view body);

// A place to forecast, in decimal degrees.
struct Coordinates {
  double latitude = 0;
  double longitude = 0;
};

// The query string (without '?') of the /v1/forecast request for one place: every hourly
// variable the hazard rules read, wind in m/s, two past and three forecast days, times local to
// `timezone` (URL-encoded). Coordinates are written with at most 4 decimals, independent of the
// locale; they must be finite.
std::string open_meteo_query(double latitude, double longitude, std::string_view timezone);

// The same query for several places sharing one time zone: latitude and longitude become comma
// lists in the order given, and the response is then a JSON array in that order. places must
// not be empty.
std::string open_meteo_query(std::span<const Coordinates> places, std::string_view timezone);

}  // namespace riskwarn::weather
