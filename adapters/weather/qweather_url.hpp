#pragma once

#include <string>
#include <string_view>

#include "config/config.hpp"

namespace riskwarn::weather {

// The two QWeather warning endpoints.
enum class QWeatherEndpoint {
  warning_now_v7,    // GET /v7/warning/now?location=..., retired by QWeather on 2026-10-01
  weather_alert_v1,  // GET /weatheralert/v1/current/{lat}/{lon}, its successor
};

// The endpoint a feed URL names: one whose path ends in /v7/warning/now is v7; any other (the
// account's API host, e.g. https://abc123.def.qweatherapi.com) means the v1 successor.
QWeatherEndpoint qweather_endpoint_of(std::string_view feed_url);

// The request URL of one county's warnings. v7: the feed URL with location=LON,LAT (or the
// QWeather LocationID when location_id is not empty) and lang=zh; v1: the feed URL's
// /weatheralert/v1/current/LAT/LON with localTime=true and lang=zh. Coordinates have two
// decimals, as QWeather asks; a query already in the feed URL is kept.
std::string qweather_warning_url(std::string_view feed_url, const config::County& county,
                                 std::string_view location_id = {});

}  // namespace riskwarn::weather
