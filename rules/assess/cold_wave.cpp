#include "rules/assess/cold_wave.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstddef>
#include <initializer_list>
#include <optional>
#include <vector>

#include "rules/assess/beaufort.hpp"
#include "rules/assess/hundredths.hpp"
#include "rules/assess/series.hpp"

namespace riskwarn {
namespace {

using std::chrono::hours;

// One day of the series: its hours [first, first + count) and what the rule reads of it.
struct Day {
  long number = 0;  // days since the epoch, counted from the boundary hour
  std::size_t first = 0;
  std::size_t count = 0;
  Hundredths low = 0;  // the lowest temperature seen (when has_low)
  bool has_low = false;
  bool temperature_missing = false;
  double max_mean_ms = 0;  // the highest present hourly mean wind (when has_wind)
  bool has_wind = false;

  // The minimum temperature: only for a complete day without a null temperature.
  std::optional<Hundredths> tmin() const {
    if (count != 24 || temperature_missing || !has_low)
      return std::nullopt;
    return low;
  }
};

long day_number(TimePoint t, std::chrono::seconds utc_offset, int boundary_hour) {
  const auto local = t + utc_offset - hours{boundary_hour};
  return static_cast<long>(std::chrono::floor<std::chrono::days>(local).time_since_epoch().count());
}

std::vector<Day> split_into_days(const HourlySeries& series, int boundary_hour) {
  const Column* temperature = series.column(Variable::temperature_c);
  const Column* wind = series.column(Variable::wind_speed_ms);
  std::vector<Day> days;
  for (std::size_t h = 0; h < series.times.size(); ++h) {
    const long number = day_number(series.times[h], series.utc_offset, boundary_hour);
    if (days.empty() || days.back().number != number) {
      Day next;
      next.number = number;
      next.first = h;
      days.push_back(next);
    }
    Day& day = days.back();
    ++day.count;
    if (const double* t = value_ptr(temperature, h)) {
      const Hundredths value = to_hundredths(*t);
      day.low = day.has_low ? std::min(day.low, value) : value;
      day.has_low = true;
    } else {
      day.temperature_missing = true;
    }
    if (const double* w = value_ptr(wind, h)) {
      day.max_mean_ms = day.has_wind ? std::max(day.max_mean_ms, *w) : *w;
      day.has_wind = true;
    }
  }
  return days;
}

// The day `back` days before days[d] when the series has it, else nullptr.
const Day* day_before(const std::vector<Day>& days, std::size_t d, std::size_t back) {
  if (d < back || days[d - back].number != days[d].number - static_cast<long>(back))
    return nullptr;
  return &days[d - back];
}

struct Criterion {
  Level level;
  Hundredths drop;
  Hundredths tmin;
  int wind_force;
};

Level day_level(const std::vector<Day>& days, std::size_t d, const ColdWaveThresholds& t) {
  const Day& day = days[d];
  const Day* previous = day_before(days, d, 1);
  const Day* before_previous = day_before(days, d, 2);
  const std::optional<Hundredths> tmin = day.tmin();
  if (!tmin)
    return Level::none;
  const auto drop_from = [&](const Day* earlier) -> std::optional<Hundredths> {
    if (earlier == nullptr || !earlier->tmin())
      return std::nullopt;
    return *earlier->tmin() - *tmin;
  };
  const std::optional<Hundredths> d24 = drop_from(previous);
  const std::optional<Hundredths> d48 = drop_from(before_previous);
  if (!d24 && !d48)
    return Level::none;
  std::optional<double> wind_ms;
  for (const Day* counted : {previous, &day}) {
    if (counted != nullptr && counted->has_wind)
      wind_ms = std::max(wind_ms.value_or(counted->max_mean_ms), counted->max_mean_ms);
  }
  if (!wind_ms)
    return Level::none;
  const int wind_force = beaufort_force(*wind_ms);

  const std::array<Criterion, 3> by_d24{{
      {Level::red, to_hundredths(t.red_drop_c), to_hundredths(t.red_tmin_c), t.red_wind_force},
      {Level::orange, to_hundredths(t.orange_drop_c), to_hundredths(t.orange_tmin_c),
       t.orange_wind_force},
      {Level::yellow, to_hundredths(t.yellow_drop_c), to_hundredths(t.yellow_tmin_c),
       t.yellow_wind_force},
  }};
  for (const Criterion& c : by_d24) {
    if (d24 && *d24 >= c.drop && *tmin <= c.tmin && wind_force >= c.wind_force)
      return c.level;
  }
  const std::optional<Hundredths> largest_drop =
      d24 && d48 ? std::max(*d24, *d48) : (d24 ? d24 : d48);
  if (largest_drop && *largest_drop >= to_hundredths(t.blue_drop_c) &&
      *tmin <= to_hundredths(t.blue_tmin_c) && wind_force >= t.blue_wind_force)
    return Level::blue;
  return Level::none;
}

}  // namespace

HazardAssessment assess_cold_wave(const HourlySeries& series,
                                  const ColdWaveThresholds& thresholds) {
  HazardAssessment assessment;
  assessment.hazard = Hazard::cold_wave;
  const Column* temperature = series.column(Variable::temperature_c);
  const Column* wind = series.column(Variable::wind_speed_ms);
  if (temperature == nullptr || wind == nullptr)
    return assessment;
  assessment.evaluated = true;

  const std::size_t hours_in_series = series.times.size();
  for (std::size_t h = 0; h < hours_in_series; ++h) {
    if (value_ptr(temperature, h) == nullptr || value_ptr(wind, h) == nullptr)
      assessment.missing.push_back(series.times[h]);
  }
  assessment.intensity.assign(hours_in_series, Level::none);
  const std::vector<Day> days = split_into_days(series, thresholds.day_boundary_hour);
  for (std::size_t d = 0; d < days.size(); ++d) {
    const Level level = day_level(days, d, thresholds);
    std::fill_n(assessment.intensity.begin() + static_cast<std::ptrdiff_t>(days[d].first),
                days[d].count, level);
  }
  assessment.signal = assessment.intensity;
  return assessment;
}

}  // namespace riskwarn
