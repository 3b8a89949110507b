// Assessment of every county-level division of China (2,844) over a 7-day hourly forecast
// (168 hours) for all five hazards, on one thread: the "rule evaluation" target of DESIGN.md
// (under 50 ms on one core). The forecasts are synthesized with a fixed seed: every variable
// present, diurnal temperature cycles with cold fronts, fog nights, snow and freezing-rain
// episodes and windy spells, so every rule does real work and some counties reach each level.
//
// Run from a release build: ./build/release/tests/bench/bench_assess [runs]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <random>
#include <vector>

#include "rules/assess/assess_all.hpp"

namespace {

using namespace riskwarn;

constexpr std::size_t kCounties = 2844;
constexpr std::size_t kHours = 168;
constexpr std::uint32_t kSeed = 20260120;

// CPU time this thread has used, in ms: unlike wall time, not inflated by other processes.
double thread_cpu_ms() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

void set(HourlySeries& series, Variable v, Column values) {
  series.columns[static_cast<std::size_t>(v)] = std::move(values);
}

// One county's forecast: a base climate, a diurnal cycle, and random weather episodes.
HourlySeries synthesize(std::mt19937& rng, TimePoint first_hour) {
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  std::normal_distribution<double> noise(0.0, 1.0);

  HourlySeries series;
  series.utc_offset = std::chrono::hours{8};
  for (std::size_t h = 0; h < kHours; ++h)
    series.times.push_back(first_hour + std::chrono::hours{h});

  Column temperature(kHours), humidity(kHours), dew_point(kHours), visibility(kHours),
      precipitation(kHours), rain(kHours), showers(kHours), snowfall(kHours), snow_depth(kHours),
      code(kHours), soil(kHours), wind(kHours), gusts(kHours);

  const double base = -8 + 20 * uniform(rng);  // winter mean, °C
  const double front_hour = 24 + 120 * uniform(rng);
  const double front_drop = uniform(rng) < 0.3 ? 6 + 12 * uniform(rng) : 2 * uniform(rng);
  const double wind_base = 1 + 5 * uniform(rng);
  const bool foggy = uniform(rng) < 0.3;
  const double wet_start = 168 * uniform(rng);
  const double wet_length = uniform(rng) < 0.4 ? 4 + 20 * uniform(rng) : 0;
  const bool freezing_rain = uniform(rng) < 0.2;
  double depth = 0;

  for (std::size_t h = 0; h < kHours; ++h) {
    const double hour_of_day = static_cast<double>((h + 8) % 24);
    const double diurnal = 4 * std::sin((hour_of_day - 9) * 3.14159265 / 12);
    const double after_front = static_cast<double>(h) > front_hour ? front_drop : 0;
    const double t = base + diurnal - after_front + 0.5 * noise(rng);
    const double near_front = std::exp(-std::abs(static_cast<double>(h) - front_hour) / 6);
    const double w = std::max(0.0, wind_base + 12 * near_front + noise(rng));
    const bool wet =
        static_cast<double>(h) >= wet_start && static_cast<double>(h) < wet_start + wet_length;
    const bool night = hour_of_day < 9 || hour_of_day > 20;

    double p = wet ? std::max(0.0, 0.8 + 0.6 * noise(rng)) : 0;
    p = std::round(p * 10) / 10;
    double wmo = p > 0 ? (t <= 0 ? (freezing_rain ? 67 : 73) : 61) : (night && foggy ? 45 : 3);
    double snow_cm = (p > 0 && t <= 0 && !freezing_rain) ? std::round(p * 70) / 100 : 0;
    depth += snow_cm / 100;
    double vis = 24140;
    if (p > 0)
      vis = 2000 + 3000 * uniform(rng);
    else if (night && foggy)
      vis = 30 + 1200 * uniform(rng);

    temperature[h] = std::round(t * 10) / 10;
    humidity[h] = night && foggy ? 92 + 8 * uniform(rng) : 50 + 30 * uniform(rng);
    dew_point[h] = std::round((t - 2) * 10) / 10;
    visibility[h] = std::round(vis);
    precipitation[h] = p;
    rain[h] = snow_cm > 0 ? 0 : p;
    showers[h] = 0.0;
    snowfall[h] = snow_cm;
    snow_depth[h] = depth;
    code[h] = wmo;
    soil[h] = std::round((t + 0.5) * 10) / 10;
    wind[h] = std::round(w * 10) / 10;
    gusts[h] = std::round(w * 1.6 * 10) / 10;
  }
  set(series, Variable::temperature_c, std::move(temperature));
  set(series, Variable::relative_humidity_pct, std::move(humidity));
  set(series, Variable::dew_point_c, std::move(dew_point));
  set(series, Variable::visibility_m, std::move(visibility));
  set(series, Variable::precipitation_mm, std::move(precipitation));
  set(series, Variable::rain_mm, std::move(rain));
  set(series, Variable::showers_mm, std::move(showers));
  set(series, Variable::snowfall_cm, std::move(snowfall));
  set(series, Variable::snow_depth_m, std::move(snow_depth));
  set(series, Variable::weather_code, std::move(code));
  set(series, Variable::soil_temperature_c, std::move(soil));
  set(series, Variable::wind_speed_ms, std::move(wind));
  set(series, Variable::wind_gusts_ms, std::move(gusts));
  return series;
}

}  // namespace

int main(int argc, char** argv) {
  const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 20;
  std::mt19937 rng(kSeed);
  const TimePoint first_hour = std::chrono::sys_days{std::chrono::year{2026} / 1 / 18} -
                               std::chrono::hours{8};  // local midnight at +08:00
  std::vector<HourlySeries> forecasts;
  forecasts.reserve(kCounties);
  for (std::size_t c = 0; c < kCounties; ++c)
    forecasts.push_back(synthesize(rng, first_hour));
  const Thresholds thresholds;

  double best_ms = 1e300;
  double best_cpu_ms = 1e300;
  std::vector<std::size_t> counties_at_level(6, 0);
  for (int run = 0; run < runs; ++run) {
    std::vector<std::size_t> reached(6, 0);
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = thread_cpu_ms();
    for (const HourlySeries& series : forecasts) {
      for (const HazardAssessment& a : assess_all(series, thresholds))
        ++reached[static_cast<std::size_t>(a.max_level())];
    }
    const auto elapsed = std::chrono::steady_clock::now() - start;
    best_cpu_ms = std::min(best_cpu_ms, thread_cpu_ms() - cpu_start);
    best_ms = std::min(best_ms, std::chrono::duration<double, std::milli>(elapsed).count());
    counties_at_level = reached;
  }

  std::cout << "counties " << kCounties << ", hours " << kHours << ", hazards "
            << kAllHazards.size() << ", runs " << runs << "\n"
            << "assess_all, one thread, best run: " << best_ms << " ms wall, " << best_cpu_ms
            << " ms CPU\n"
            << "hazard assessments by max level: none " << counties_at_level[0] << ", blue "
            << counties_at_level[2] << ", yellow " << counties_at_level[3] << ", orange "
            << counties_at_level[4] << ", red " << counties_at_level[5] << "\n";
  return 0;
}
