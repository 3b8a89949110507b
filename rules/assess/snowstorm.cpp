#include "rules/assess/snowstorm.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <limits>
#include <vector>

#include "rules/assess/hundredths.hpp"
#include "rules/assess/series.hpp"

namespace riskwarn {
namespace {

bool is_snow_code(double code) {
  return (code >= 71 && code <= 77) || code == 85 || code == 86;
}

// snow_water() of an hour whose inputs are missing.
constexpr Hundredths kMissing = std::numeric_limits<Hundredths>::min();

// The snow water of hour h in hundredths of a mm (negative inputs count as none), or kMissing.
Hundredths snow_water(const Column* snowfall, const Column* precipitation, const Column* code,
                      std::size_t h) {
  if (snowfall != nullptr) {
    const double* cm = value_ptr(snowfall, h);
    return cm == nullptr ? kMissing : std::max<Hundredths>(0, to_hundredths(*cm * 10 / 7));
  }
  const double* wmo = value_ptr(code, h);
  if (wmo == nullptr)
    return kMissing;
  if (!is_snow_code(*wmo))
    return 0;
  const double* mm = value_ptr(precipitation, h);
  return mm == nullptr ? kMissing : std::max<Hundredths>(0, to_hundredths(*mm));
}

// One level's criterion: an amount over a window.
struct Criterion {
  Level level;
  Hundredths amount;
  std::size_t window;
};

}  // namespace

HazardAssessment assess_snowstorm(const HourlySeries& series,
                                  const SnowstormThresholds& thresholds) {
  HazardAssessment assessment;
  assessment.hazard = Hazard::snowstorm;
  const Column* snowfall = series.column(Variable::snowfall_cm);
  const Column* precipitation = series.column(Variable::precipitation_mm);
  const Column* code = series.column(Variable::weather_code);
  if (snowfall == nullptr && (precipitation == nullptr || code == nullptr))
    return assessment;
  assessment.evaluated = true;

  const std::size_t hours = series.times.size();
  // snow[h] is s(h); total[k] = s(0) + … + s(k−1), so a window sum is one subtraction.
  std::vector<Hundredths> snow(hours, 0);
  std::vector<Hundredths> total(hours + 1, 0);
  for (std::size_t h = 0; h < hours; ++h) {
    const Hundredths water = snow_water(snowfall, precipitation, code, h);
    if (water == kMissing)
      assessment.missing.push_back(series.times[h]);
    else
      snow[h] = water;
    total[h + 1] = total[h] + snow[h];
  }

  const auto window = [](int h) { return static_cast<std::size_t>(std::max(h, 0)); };
  const std::array<Criterion, 4> criteria{{
      {Level::red, to_hundredths(thresholds.red_mm), window(thresholds.window_red_h)},
      {Level::orange, to_hundredths(thresholds.orange_mm), window(thresholds.window_orange_h)},
      {Level::yellow, to_hundredths(thresholds.yellow_mm), window(thresholds.window_yellow_h)},
      {Level::blue, to_hundredths(thresholds.blue_mm), window(thresholds.window_blue_h)},
  }};

  assessment.intensity.assign(hours, Level::none);
  for (std::size_t t = 0; t < hours; ++t) {
    const bool continuing = t + 1 < hours && snow[t + 1] > 0;
    for (const Criterion& c : criteria) {
      const Hundredths forward = total[std::min(hours, t + 1 + c.window)] - total[t + 1];
      const Hundredths backward = total[t + 1] - total[t + 1 - std::min(t + 1, c.window)];
      if (forward >= c.amount || (continuing && backward >= c.amount)) {
        assessment.intensity[t] = c.level;
        break;
      }
    }
  }
  assessment.signal = assessment.intensity;
  return assessment;
}

}  // namespace riskwarn
