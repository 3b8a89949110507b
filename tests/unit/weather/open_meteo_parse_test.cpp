#include <chrono>
#include <cstddef>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "adapters/weather/open_meteo.hpp"
#include "tests/unit/weather/open_meteo_fixtures.hpp"

namespace riskwarn::weather {
namespace {

using nlohmann::json;
using std::chrono::hours;
using test::beijing;
using test::parse_fixture;
using test::read_fixture;

constexpr std::size_t index_of(Variable v) {
  return static_cast<std::size_t>(v);
}

// A small valid response: three hours from 2026-01-10T00:00 Beijing time, visibility only.
json small_response() {
  return json::parse(R"({
    "latitude": 34.75, "longitude": 113.625, "utc_offset_seconds": 28800,
    "timezone": "Asia/Shanghai",
    "hourly_units": {"time": "iso8601", "visibility": "m"},
    "hourly": {"time": ["2026-01-10T00:00", "2026-01-10T01:00", "2026-01-10T02:00"],
               "visibility": [850.0, null, 45.0]}})");
}

// The error message parse_open_meteo gives for a body; empty when it parses.
std::string error_for(const std::string& body) {
  const Result<HourlySeries> parsed = parse_open_meteo(body);
  EXPECT_FALSE(parsed) << "parsed unexpectedly: " << body.substr(0, 200);
  return parsed ? std::string{} : parsed.error().message;
}

std::string error_for_json(const json& body) {
  return error_for(body.dump());
}

// The value parsed for one variable at hour 0 when it is sent as `value` in `unit`.
double converted(const char* variable, const char* unit, double value) {
  json body = small_response();
  body["hourly_units"][variable] = unit;
  body["hourly"][variable] = {value, value, value};
  const Result<HourlySeries> parsed = parse_open_meteo(body.dump());
  EXPECT_TRUE(parsed) << (parsed ? "" : parsed.error().message);
  if (!parsed)
    return 0;
  for (std::size_t v = 0; v < kVariableCount; ++v) {
    if (v != index_of(Variable::visibility_m) && parsed->columns[v]) {
      return parsed->columns[v]->front().value_or(-1);
    }
  }
  return parsed->column(Variable::visibility_m)->front().value_or(-1);
}

TEST(ParseOpenMeteo, FogFixtureTimesAreLocalAtTheUtcOffset) {
  const HourlySeries s = parse_fixture("openmeteo_fog_ok.json");
  ASSERT_EQ(s.times.size(), 48u);
  EXPECT_EQ(s.utc_offset, std::chrono::seconds{28800});
  EXPECT_EQ(format_utc(s.times.front()), "2025-12-29T16:00:00Z");
  EXPECT_EQ(format_utc(s.times.back()), "2025-12-31T15:00:00Z");
  for (std::size_t i = 1; i < s.times.size(); ++i) {
    EXPECT_EQ(s.times[i] - s.times[i - 1], hours{1});
  }
}

TEST(ParseOpenMeteo, FogFixtureColumnsAreTheVariablesItCarries) {
  const HourlySeries s = parse_fixture("openmeteo_fog_ok.json");
  for (const Variable v :
       {Variable::temperature_c, Variable::relative_humidity_pct, Variable::dew_point_c,
        Variable::precipitation_mm, Variable::weather_code, Variable::visibility_m,
        Variable::wind_speed_ms, Variable::wind_gusts_ms}) {
    ASSERT_NE(s.column(v), nullptr) << index_of(v);
    EXPECT_EQ(s.column(v)->size(), 48u);
  }
  for (const Variable v : {Variable::rain_mm, Variable::showers_mm, Variable::snowfall_cm,
                           Variable::snow_depth_m, Variable::soil_temperature_c}) {
    EXPECT_EQ(s.column(v), nullptr) << index_of(v);
  }
  // 24140 m is Open-Meteo's visibility cap, a normal value.
  EXPECT_EQ((*s.column(Variable::visibility_m))[11], 24140.0);
  EXPECT_EQ((*s.column(Variable::visibility_m))[30], 28.0);
  EXPECT_EQ((*s.column(Variable::wind_gusts_ms))[13], 6.1);
  EXPECT_EQ((*s.column(Variable::weather_code))[22], 45.0);
  EXPECT_EQ((*s.column(Variable::temperature_c))[6], 0.7);
}

TEST(ParseOpenMeteo, NullsStayMissingAndAreNeverZero) {
  const HourlySeries s = parse_fixture("openmeteo_snow_ice.json");
  ASSERT_EQ(s.times.size(), 48u);
  const Column& visibility = *s.column(Variable::visibility_m);
  EXPECT_EQ(s.times[44], beijing("2026-02-04T20:00"));
  EXPECT_FALSE(visibility[44].has_value());
  EXPECT_FALSE(visibility[45].has_value());
  EXPECT_EQ(visibility[43], 9500.0);
  EXPECT_EQ(visibility[46], 8600.0);
  EXPECT_EQ((*s.column(Variable::snowfall_cm))[13], 1.19);
  EXPECT_EQ((*s.column(Variable::snow_depth_m))[47], 0.06);
  EXPECT_EQ((*s.column(Variable::soil_temperature_c))[26], -1.0);
  EXPECT_EQ((*s.column(Variable::rain_mm))[26], 0.9);
  EXPECT_EQ((*s.column(Variable::showers_mm))[26], 0.0);
}

TEST(ParseOpenMeteo, WindFixtureHasSeventyTwoHoursAndNoVisibility) {
  const HourlySeries s = parse_fixture("openmeteo_wind.json");
  ASSERT_EQ(s.times.size(), 72u);
  EXPECT_EQ(s.times.front(), beijing("2026-01-19T00:00"));
  EXPECT_EQ(s.column(Variable::visibility_m), nullptr);
  EXPECT_EQ((*s.column(Variable::wind_gusts_ms))[31], 22.9);
  EXPECT_EQ((*s.column(Variable::wind_speed_ms))[31], 14.6);
}

TEST(ParseOpenMeteo, WhitespaceAndKeyOrderDoNotMatter) {
  const json pretty = json::parse(read_fixture("openmeteo_fog_ok.json"));
  json reordered = json::object();
  reordered["hourly"] = pretty["hourly"];  // nlohmann sorts keys: hourly before hourly_units
  reordered["hourly_units"] = pretty["hourly_units"];
  reordered["utc_offset_seconds"] = pretty["utc_offset_seconds"];
  const Result<HourlySeries> compact = parse_open_meteo(reordered.dump());
  ASSERT_TRUE(compact) << compact.error().message;
  const HourlySeries original = parse_fixture("openmeteo_fog_ok.json");
  EXPECT_EQ(compact->times, original.times);
  EXPECT_EQ(compact->columns, original.columns);
}

TEST(ParseOpenMeteo, WindInKilometresPerHourIsConvertedToMetresPerSecond) {
  // The wind fixture as the API sends it by default: km/h to one decimal.
  json body = json::parse(read_fixture("openmeteo_wind.json"));
  for (const char* variable : {"wind_speed_10m", "wind_gusts_10m"}) {
    body["hourly_units"][variable] = "km/h";
    for (json& value : body["hourly"][variable]) {
      value = std::round(value.get<double>() * 3.6 * 10) / 10;
    }
  }
  ASSERT_EQ(body["hourly"]["wind_gusts_10m"][31], 82.4);
  const Result<HourlySeries> kmh = parse_open_meteo(body.dump());
  ASSERT_TRUE(kmh) << kmh.error().message;
  EXPECT_NEAR((*kmh->column(Variable::wind_gusts_ms))[31].value(), 22.9, 0.05);

  const HourlySeries ms = parse_fixture("openmeteo_wind.json");
  for (const Variable v : {Variable::wind_speed_ms, Variable::wind_gusts_ms}) {
    for (std::size_t i = 0; i < ms.times.size(); ++i) {
      EXPECT_NEAR((*kmh->column(v))[i].value(), (*ms.column(v))[i].value(), 0.05) << i;
    }
  }
}

TEST(ParseOpenMeteo, EveryAcceptedUnitConvertsToTheCanonicalUnit) {
  EXPECT_DOUBLE_EQ(converted("wind_speed_10m", "m/s", 20.8), 20.8);
  EXPECT_NEAR(converted("wind_speed_10m", "km/h", 74.9), 20.8, 0.01);
  EXPECT_NEAR(converted("wind_gusts_10m", "kn", 40.4), 20.78, 0.01);
  EXPECT_NEAR(converted("wind_gusts_10m", "mp/h", 46.5), 20.79, 0.01);
  EXPECT_DOUBLE_EQ(converted("temperature_2m", "°C", -1.3), -1.3);
  EXPECT_NEAR(converted("temperature_2m", "°F", 32), 0, 1e-9);
  EXPECT_NEAR(converted("soil_temperature_0cm", "°F", 14), -10, 1e-9);
  EXPECT_NEAR(converted("dew_point_2m", "°F", 212), 100, 1e-9);
  EXPECT_NEAR(converted("precipitation", "inch", 0.1), 2.54, 1e-9);
  EXPECT_NEAR(converted("rain", "inch", 1), 25.4, 1e-9);
  EXPECT_NEAR(converted("snowfall", "inch", 1), 2.54, 1e-9);
  EXPECT_NEAR(converted("snow_depth", "ft", 1), 0.3048, 1e-9);
  EXPECT_DOUBLE_EQ(converted("relative_humidity_2m", "%", 93), 93);
  EXPECT_DOUBLE_EQ(converted("weather_code", "wmo code", 45), 45);

  json feet = small_response();
  feet["hourly_units"]["visibility"] = "ft";
  const Result<HourlySeries> parsed = parse_open_meteo(feet.dump());
  ASSERT_TRUE(parsed) << parsed.error().message;
  EXPECT_NEAR((*parsed->column(Variable::visibility_m))[0].value(), 259.08, 1e-9);
}

TEST(ParseOpenMeteo, VariablesRiskwarnDoesNotReadAreIgnored) {
  json body = small_response();
  body["hourly_units"]["wind_direction_10m"] = "°";
  body["hourly"]["wind_direction_10m"] = {45, "not even a number", nullptr};
  body["hourly"]["cape"] = "whatever";
  body["daily"] = {{"time", {"2026-01-10"}}};
  const Result<HourlySeries> parsed = parse_open_meteo(body.dump());
  ASSERT_TRUE(parsed) << parsed.error().message;
  EXPECT_NE(parsed->column(Variable::visibility_m), nullptr);
}

TEST(ParseOpenMeteoErrors, ApiErrorBodyCarriesTheReason) {
  EXPECT_EQ(error_for(read_fixture("openmeteo_error.json")),
            "open-meteo: the API returned an error: Cannot initialize WeatherVariable from "
            "invalid String value visiblity for key hourly");
  EXPECT_NE(
      error_for(
          R"({"error":true,"reason":"Daily API request limit exceeded. Please try again tomorrow."})")
          .find("Daily API request limit exceeded"),
      std::string::npos);
  EXPECT_NE(error_for(R"({"error":true})").find("without a reason"), std::string::npos);
}

TEST(ParseOpenMeteoErrors, NotJsonOrTruncatedGivesTheBytePosition) {
  EXPECT_NE(error_for("Service Unavailable").find("not valid JSON (byte 1)"), std::string::npos);
  const std::string fixture = read_fixture("openmeteo_fog_ok.json");
  const std::string truncated = fixture.substr(0, 1000);
  const std::string message = error_for(truncated);
  EXPECT_NE(message.find("not valid JSON (byte 1001)"), std::string::npos) << message;
  EXPECT_NE(message.find("unexpected end of input"), std::string::npos) << message;
  EXPECT_EQ(error_for(""), "open-meteo: response body is empty");
  EXPECT_EQ(error_for(" \r\n"), "open-meteo: response body is empty");
}

TEST(ParseOpenMeteoErrors, HtmlPageIsNamedWithItsTitle) {
  EXPECT_EQ(error_for("\n<!DOCTYPE html><html><head><TITLE>502 Bad Gateway</TITLE></head>"
                      "<body>nginx</body></html>"),
            "open-meteo: response is an HTML page, not JSON (title \"502 Bad Gateway\")");
  EXPECT_EQ(error_for("<html><body>oops</body></html>"),
            "open-meteo: response is an HTML page, not JSON");
}

TEST(ParseOpenMeteoErrors, MissingRequiredParts) {
  json body = small_response();
  body.erase("hourly");
  EXPECT_EQ(error_for_json(body), "open-meteo: missing hourly");

  body = small_response();
  body.erase("hourly_units");
  EXPECT_EQ(error_for_json(body), "open-meteo: missing hourly_units");

  body = small_response();
  body["hourly"].erase("time");
  EXPECT_EQ(error_for_json(body), "open-meteo: missing hourly.time");

  body = small_response();
  body.erase("utc_offset_seconds");
  EXPECT_EQ(error_for_json(body), "open-meteo: missing utc_offset_seconds");

  body = small_response();
  body["hourly_units"].erase("visibility");
  EXPECT_EQ(error_for_json(body),
            "open-meteo: missing hourly_units.visibility (hourly.visibility has no unit)");

  body = small_response();
  body["hourly"]["time"] = json::array();
  body["hourly"]["visibility"] = json::array();
  EXPECT_EQ(error_for_json(body), "open-meteo: hourly.time is empty");
}

TEST(ParseOpenMeteoErrors, WrongTypesAreNamedWithTheirPath) {
  EXPECT_EQ(error_for("[" + small_response().dump() + "]"),
            "open-meteo: response must be a JSON object (one location), got array");

  json body = small_response();
  body["hourly"] = json::array();
  EXPECT_EQ(error_for_json(body), "open-meteo: hourly must be an object, got array");

  body = small_response();
  body["hourly_units"] = "m";
  EXPECT_EQ(error_for_json(body), "open-meteo: hourly_units must be an object, got string");

  body = small_response();
  body["hourly"]["time"] = "2026-01-10T00:00";
  EXPECT_EQ(error_for_json(body), "open-meteo: hourly.time must be an array, got string");

  body = small_response();
  body["hourly"]["time"][1] = 1768003200;
  EXPECT_EQ(error_for_json(body), "open-meteo: hourly.time[1] must be a string, got number");

  body = small_response();
  body["hourly"]["visibility"] = {{"value", 850}};
  EXPECT_EQ(error_for_json(body), "open-meteo: hourly.visibility must be an array, got object");

  body = small_response();
  body["hourly"]["visibility"][2] = "45.0";
  EXPECT_EQ(error_for_json(body),
            "open-meteo: hourly.visibility[2] must be a number or null, got string");

  body = small_response();
  body["hourly"]["visibility"][0] = true;
  EXPECT_EQ(error_for_json(body),
            "open-meteo: hourly.visibility[0] must be a number or null, got boolean");

  body = small_response();
  body["hourly_units"]["visibility"] = 1;
  EXPECT_EQ(error_for_json(body),
            "open-meteo: hourly_units.visibility must be a string, got number");

  body = small_response();
  body["utc_offset_seconds"] = "28800";
  EXPECT_EQ(error_for_json(body),
            "open-meteo: utc_offset_seconds must be a whole number of seconds within ±18 h, got "
            "\"28800\"");

  body = small_response();
  body["utc_offset_seconds"] = 28800.5;
  EXPECT_NE(error_for_json(body).find("utc_offset_seconds"), std::string::npos);
}

TEST(ParseOpenMeteoErrors, ArraysOfDifferentLengths) {
  json fixture = json::parse(read_fixture("openmeteo_fog_ok.json"));
  fixture["hourly"]["visibility"].erase(47);
  EXPECT_EQ(error_for_json(fixture),
            "open-meteo: hourly.visibility has 47 values, hourly.time has 48");
}

TEST(ParseOpenMeteoErrors, TimesMustBeConsecutiveWellFormedHours) {
  json body = small_response();
  body["hourly"]["time"][2] = "2026-01-10T03:00";
  EXPECT_EQ(error_for_json(body),
            "open-meteo: hourly.time[2] \"2026-01-10T03:00\" is not one hour after hourly.time[1]");

  body = small_response();
  body["hourly"]["time"][1] = "2026-01-10T00:00";
  EXPECT_NE(error_for_json(body).find("hourly.time[1]"), std::string::npos);

  body = small_response();
  body["hourly"]["time"][0] = "2026-01-10";
  EXPECT_EQ(error_for_json(body),
            "open-meteo: hourly.time[0] \"2026-01-10\" is not a time YYYY-MM-DDTHH:MM");

  body = small_response();
  body["hourly_units"]["time"] = "unixtime";
  EXPECT_EQ(error_for_json(body),
            "open-meteo: hourly_units.time is \"unixtime\"; only \"iso8601\" times are supported");
}

TEST(ParseOpenMeteoErrors, UnknownUnitNamesTheVariableAndTheUnit) {
  json body = small_response();
  body["hourly_units"]["visibility"] = "km";
  EXPECT_EQ(error_for_json(body),
            "open-meteo: hourly_units.visibility is \"km\", a unit riskwarn cannot convert "
            "(accepted: m, ft)");

  body = small_response();
  body["hourly_units"]["wind_gusts_10m"] = "bft";
  body["hourly"]["wind_gusts_10m"] = {1, 2, 3};
  EXPECT_EQ(error_for_json(body),
            "open-meteo: hourly_units.wind_gusts_10m is \"bft\", a unit riskwarn cannot convert "
            "(accepted: m/s, km/h, kn, mp/h)");
}

TEST(ParseOpenMeteoErrors, TextFromTheResponseIsShortenedAndSanitised) {
  json body = small_response();
  body["hourly"]["time"][0] = std::string(500, 'x') + "\n";
  const std::string message = error_for_json(body);
  EXPECT_LT(message.size(), 200u);
  EXPECT_EQ(message.find('\n'), std::string::npos);
}

}  // namespace
}  // namespace riskwarn::weather
