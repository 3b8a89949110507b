#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "rules/time.hpp"

namespace riskwarn {

// The hourly variables an assessment may read, in canonical units.
enum class Variable : std::size_t {
  temperature_c,          // temperature_2m, °C, instantaneous
  relative_humidity_pct,  // relative_humidity_2m, %, instantaneous
  dew_point_c,            // dew_point_2m, °C, instantaneous
  visibility_m,           // visibility, m, instantaneous
  precipitation_mm,       // precipitation, mm, sum over the preceding hour
  rain_mm,                // rain, mm, sum over the preceding hour
  showers_mm,             // showers, mm, sum over the preceding hour
  snowfall_cm,            // snowfall, cm of snow, sum over the preceding hour
  snow_depth_m,           // snow_depth, m, instantaneous
  weather_code,           // WMO weather code, instantaneous
  soil_temperature_c,     // soil_temperature_0cm, °C, instantaneous
  wind_speed_ms,          // wind_speed_10m, m/s, instantaneous
  wind_gusts_ms,          // wind_gusts_10m, m/s, maximum of the preceding hour
  count
};

inline constexpr std::size_t kVariableCount = static_cast<std::size_t>(Variable::count);

// One variable over the series' hours; nullopt is a missing value, never zero.
using Column = std::vector<std::optional<double>>;

// An hourly forecast for one place: consecutive hours with the variables the feed supplied.
struct HourlySeries {
  std::vector<TimePoint> times;        // UTC, one per hour, strictly increasing
  std::chrono::seconds utc_offset{0};  // offset of the feed's local time (for display)
  std::array<std::optional<Column>, kVariableCount> columns;  // absent when not supplied

  // The column of a variable, or nullptr when the feed did not supply it.
  const Column* column(Variable v) const {
    const auto& c = columns[static_cast<std::size_t>(v)];
    return c ? &*c : nullptr;
  }
};

}  // namespace riskwarn
