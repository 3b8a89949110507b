#include "adapters/weather/open_meteo.hpp"

#include "adapters/http/percent_encode.hpp"

#include <array>
#include <charconv>
#include <string>

namespace riskwarn::weather {
namespace {

// Every hourly variable the five hazard rules read.
constexpr std::string_view kHourlyVariables =
    "visibility,precipitation,rain,showers,snowfall,temperature_2m,relative_humidity_2m,"
    "dew_point_2m,weather_code,soil_temperature_0cm,wind_speed_10m,wind_gusts_10m";

// A coordinate with at most 4 decimals and no trailing zeros: 34.75, 113.62, -0.5, 120.
std::string coordinate(double degrees) {
  std::array<char, 512> buf{};  // room for any finite double in fixed notation
  char* end =
      std::to_chars(buf.data(), buf.data() + buf.size(), degrees, std::chars_format::fixed, 4).ptr;
  std::string text(buf.data(), end);
  while (text.back() == '0' && text.find('.') != std::string::npos)
    text.pop_back();
  if (text.back() == '.')
    text.pop_back();
  if (text == "-0")
    text = "0";
  return text;
}

}  // namespace

std::string open_meteo_query(double latitude, double longitude, std::string_view timezone) {
  const Coordinates place{latitude, longitude};
  return open_meteo_query(std::span<const Coordinates>(&place, 1), timezone);
}

std::string open_meteo_query(std::span<const Coordinates> places, std::string_view timezone) {
  std::string latitudes;
  std::string longitudes;
  for (const Coordinates& place : places) {
    latitudes += (latitudes.empty() ? "" : ",") + coordinate(place.latitude);
    longitudes += (longitudes.empty() ? "" : ",") + coordinate(place.longitude);
  }
  return "latitude=" + latitudes + "&longitude=" + longitudes +
         "&hourly=" + std::string{kHourlyVariables} +
         "&timezone=" + http::percent_encode(timezone) +
         "&wind_speed_unit=ms&forecast_days=3&past_days=2";
}

}  // namespace riskwarn::weather
