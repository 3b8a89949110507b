#include "adapters/weather/open_meteo.hpp"

#include "adapters/weather/response_text.hpp"

#include <array>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "rules/time.hpp"

namespace riskwarn::weather {
namespace {

using nlohmann::json;

// A unit string Open-Meteo may send and how to reach the canonical unit:
// canonical = (value + offset) * scale.
struct Unit {
  std::string_view name;
  double offset = 0;
  double scale = 1;
};

constexpr std::array<Unit, 2> kTemperatureUnits{{{"°C", 0, 1}, {"°F", -32, 5.0 / 9.0}}};
constexpr std::array<Unit, 1> kPercentUnits{{{"%", 0, 1}}};
constexpr std::array<Unit, 2> kMetreUnits{{{"m", 0, 1}, {"ft", 0, 0.3048}}};
constexpr std::array<Unit, 2> kMillimetreUnits{{{"mm", 0, 1}, {"inch", 0, 25.4}}};
constexpr std::array<Unit, 2> kCentimetreUnits{{{"cm", 0, 1}, {"inch", 0, 2.54}}};
constexpr std::array<Unit, 1> kWmoCodeUnits{{{"wmo code", 0, 1}}};
constexpr std::array<Unit, 4> kWindUnits{
    {{"m/s", 0, 1}, {"km/h", 0, 1 / 3.6}, {"kn", 0, 1852.0 / 3600.0}, {"mp/h", 0, 0.44704}}};

// An hourly variable riskwarn reads, the column it fills and the units it accepts.
struct VariableSpec {
  std::string_view name;
  Variable variable;
  std::span<const Unit> units;
};

const std::array<VariableSpec, 13> kVariables{{
    {"temperature_2m", Variable::temperature_c, kTemperatureUnits},
    {"relative_humidity_2m", Variable::relative_humidity_pct, kPercentUnits},
    {"dew_point_2m", Variable::dew_point_c, kTemperatureUnits},
    {"visibility", Variable::visibility_m, kMetreUnits},
    {"precipitation", Variable::precipitation_mm, kMillimetreUnits},
    {"rain", Variable::rain_mm, kMillimetreUnits},
    {"showers", Variable::showers_mm, kMillimetreUnits},
    {"snowfall", Variable::snowfall_cm, kCentimetreUnits},
    {"snow_depth", Variable::snow_depth_m, kMetreUnits},
    {"weather_code", Variable::weather_code, kWmoCodeUnits},
    {"soil_temperature_0cm", Variable::soil_temperature_c, kTemperatureUnits},
    {"wind_speed_10m", Variable::wind_speed_ms, kWindUnits},
    {"wind_gusts_10m", Variable::wind_gusts_ms, kWindUnits},
}};

constexpr std::int64_t kMaxUtcOffsetSeconds = 18 * 3600;

Error failure(std::string what) {
  return Error{"open-meteo: " + std::move(what)};
}

// A json exception's description without its "[json.exception.parse_error.101] " prefix.
std::string_view description(const json::exception& e) {
  const std::string_view what = e.what();
  const std::size_t end_of_id = what.find("] ");
  return end_of_id == std::string_view::npos ? what : what.substr(end_of_id + 2);
}

std::string type_of(const json& value) {
  return value.type_name();
}

// The error for a body that is markup (a proxy's or server's error page) instead of JSON.
Error html_page_error(std::string_view body) {
  const auto title = text::html_title(body);
  if (!title)
    return failure("response is an HTML page, not JSON");
  return failure("response is an HTML page, not JSON (title \"" + *title + "\")");
}

// An integral JSON number as int64; nullopt for non-integral, out-of-range or non-numbers.
std::optional<std::int64_t> as_integer(const json& value) {
  if (value.is_number_unsigned()) {
    const auto u = value.get<std::uint64_t>();
    if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      return std::nullopt;
    }
    return static_cast<std::int64_t>(u);
  }
  if (value.is_number_integer())
    return value.get<std::int64_t>();
  if (value.is_number_float()) {
    const double d = value.get<double>();
    if (!std::isfinite(d) || std::trunc(d) != d || std::fabs(d) > 1e15)
      return std::nullopt;
    return static_cast<std::int64_t>(d);
  }
  return std::nullopt;
}

Result<std::chrono::seconds> read_utc_offset(const json& root) {
  const auto it = root.find("utc_offset_seconds");
  if (it == root.end())
    return failure("missing utc_offset_seconds");
  const std::optional<std::int64_t> seconds = as_integer(*it);
  if (!seconds || *seconds < -kMaxUtcOffsetSeconds || *seconds > kMaxUtcOffsetSeconds) {
    return failure("utc_offset_seconds must be a whole number of seconds within ±18 h, got " +
                   text::excerpt(it->dump()));
  }
  return std::chrono::seconds{*seconds};
}

Result<const json*> read_object(const json& parent, std::string_view key, std::string_view path) {
  const auto it = parent.find(key);
  if (it == parent.end())
    return failure("missing " + std::string{path});
  if (!it->is_object()) {
    return failure(std::string{path} + " must be an object, got " + type_of(*it));
  }
  return &*it;
}

Result<std::vector<TimePoint>> read_times(const json& hourly, const json& units,
                                          std::chrono::seconds utc_offset) {
  if (const auto unit = units.find("time"); unit != units.end() && *unit != "iso8601") {
    return failure("hourly_units.time is " + text::excerpt(unit->dump()) +
                   "; only \"iso8601\" times are supported");
  }
  const auto it = hourly.find("time");
  if (it == hourly.end())
    return failure("missing hourly.time");
  if (!it->is_array())
    return failure("hourly.time must be an array, got " + type_of(*it));
  if (it->empty())
    return failure("hourly.time is empty");

  std::vector<TimePoint> times;
  times.reserve(it->size());
  for (std::size_t i = 0; i < it->size(); ++i) {
    const json& entry = (*it)[i];
    const std::string where = "hourly.time[" + std::to_string(i) + "]";
    if (!entry.is_string())
      return failure(where + " must be a string, got " + type_of(entry));
    const std::string& text = entry.get_ref<const std::string&>();
    const std::optional<TimePoint> t = parse_local_minutes(text, utc_offset);
    if (!t)
      return failure(where + " " + text::quoted(text) + " is not a time YYYY-MM-DDTHH:MM");
    if (!times.empty() && *t != times.back() + std::chrono::hours{1}) {
      return failure(where + " " + text::quoted(text) + " is not one hour after hourly.time[" +
                     std::to_string(i - 1) + "]");
    }
    times.push_back(*t);
  }
  return times;
}

Result<Unit> read_unit(const json& units, const VariableSpec& spec) {
  const std::string path = "hourly_units." + std::string{spec.name};
  const auto it = units.find(spec.name);
  if (it == units.end())
    return failure("missing " + path + " (hourly." + std::string{spec.name} + " has no unit)");
  if (!it->is_string())
    return failure(path + " must be a string, got " + type_of(*it));
  const std::string& name = it->get_ref<const std::string&>();
  std::string accepted;
  for (const Unit& unit : spec.units) {
    if (unit.name == name)
      return unit;
    accepted += (accepted.empty() ? "" : ", ") + std::string{unit.name};
  }
  return failure(path + " is " + text::quoted(name) +
                 ", a unit riskwarn cannot convert (accepted: " + accepted + ")");
}

Result<Column> read_column(const json& hourly, const json& units, const VariableSpec& spec,
                           std::size_t hours) {
  const std::string path = "hourly." + std::string{spec.name};
  const json& values = hourly.at(spec.name);
  if (!values.is_array())
    return failure(path + " must be an array, got " + type_of(values));
  if (values.size() != hours) {
    return failure(path + " has " + std::to_string(values.size()) + " values, hourly.time has " +
                   std::to_string(hours));
  }
  Result<Unit> unit = read_unit(units, spec);
  if (!unit)
    return unit.error();

  Column column;
  column.reserve(hours);
  for (std::size_t i = 0; i < hours; ++i) {
    const json& value = values[i];
    if (value.is_null()) {
      column.emplace_back(std::nullopt);
      continue;
    }
    const std::string where = path + "[" + std::to_string(i) + "]";
    if (!value.is_number()) {
      return failure(where + " must be a number or null, got " + type_of(value));
    }
    const double number = (value.get<double>() + unit->offset) * unit->scale;
    if (!std::isfinite(number))
      return failure(where + " is out of range");
    column.emplace_back(number);
  }
  return column;
}

Result<json> parse_json(std::string_view body) {
  const std::string_view start = text::trim(body);
  if (start.empty())
    return failure("response body is empty");
  if (start.front() == '<')
    return html_page_error(body);
  try {
    return json::parse(body.begin(), body.end());
  } catch (const json::parse_error& e) {
    return failure("response is not valid JSON (byte " + std::to_string(e.byte) +
                   "): " + text::excerpt(description(e), 200));
  } catch (const json::exception& e) {  // a number too large for a double
    return failure("response is not valid JSON: " + text::excerpt(description(e), 200));
  }
}

// The error a location reports inside a batch: "open-meteo: location N: ...".
Error in_location(const Error& error, std::size_t index) {
  constexpr std::string_view kPrefix = "open-meteo: ";
  std::string_view what = error.message;
  if (what.starts_with(kPrefix))
    what.remove_prefix(kPrefix.size());
  return failure("location " + std::to_string(index) + ": " + std::string(what));
}

// The {"error":true,"reason":...} body as an Error; nullopt when root is not one.
std::optional<Error> api_error(const json& root) {
  const auto flag = root.find("error");
  if (flag == root.end() || *flag != true)
    return std::nullopt;
  const auto reason = root.find("reason");
  if (reason == root.end() || !reason->is_string()) {
    return failure("the API returned an error without a reason");
  }
  return failure("the API returned an error: " +
                 text::excerpt(reason->get_ref<const std::string&>(), 300));
}

// One location's object of a response.
Result<HourlySeries> parse_location(const json& root) {
  if (auto error = api_error(root))
    return *error;
  Result<std::chrono::seconds> utc_offset = read_utc_offset(root);
  if (!utc_offset)
    return utc_offset.error();
  Result<const json*> units = read_object(root, "hourly_units", "hourly_units");
  if (!units)
    return units.error();
  Result<const json*> hourly = read_object(root, "hourly", "hourly");
  if (!hourly)
    return hourly.error();

  HourlySeries series;
  series.utc_offset = *utc_offset;
  Result<std::vector<TimePoint>> times = read_times(**hourly, **units, *utc_offset);
  if (!times)
    return times.error();
  series.times = std::move(times).value();

  for (const VariableSpec& spec : kVariables) {
    if (!(*hourly)->contains(spec.name))
      continue;
    Result<Column> column = read_column(**hourly, **units, spec, series.times.size());
    if (!column)
      return column.error();
    series.columns[static_cast<std::size_t>(spec.variable)] = std::move(column).value();
  }
  return series;
}

}  // namespace

Result<HourlySeries> parse_open_meteo(std::string_view body) {
  Result<json> parsed = parse_json(body);
  if (!parsed)
    return parsed.error();
  const json& root = *parsed;
  if (!root.is_object()) {
    return failure("response must be a JSON object (one location), got " + type_of(root));
  }
  return parse_location(root);
}

Result<std::vector<HourlySeries>> parse_open_meteo_batch(std::string_view body) {
  Result<json> parsed = parse_json(body);
  if (!parsed)
    return parsed.error();
  const json& root = *parsed;
  std::vector<HourlySeries> locations;
  if (root.is_object()) {
    Result<HourlySeries> one = parse_location(root);
    if (!one)
      return one.error();
    locations.push_back(std::move(one).value());
    return locations;
  }
  if (!root.is_array()) {
    return failure("response must be a JSON array of locations or one location object, got " +
                   type_of(root));
  }
  if (root.empty())
    return failure("response is an empty array of locations");
  locations.reserve(root.size());
  for (std::size_t i = 0; i < root.size(); ++i) {
    const json& location = root[i];
    if (!location.is_object()) {
      return failure("location " + std::to_string(i) + " must be an object, got " +
                     type_of(location));
    }
    Result<HourlySeries> series = parse_location(location);
    if (!series)
      return in_location(series.error(), i);
    locations.push_back(std::move(series).value());
  }
  return locations;
}

}  // namespace riskwarn::weather
