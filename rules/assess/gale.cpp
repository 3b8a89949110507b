#include "rules/assess/gale.hpp"

#include <array>
#include <cstddef>

#include "rules/assess/beaufort.hpp"
#include "rules/assess/series.hpp"

namespace riskwarn {
namespace {

// One level's criterion as the lowest mean and gust speeds, in tenths of a m/s, that reach it.
struct Criterion {
  Level level;
  int mean_tenths;
  int gust_tenths;
};

// The levels from red down, with the forces of the thresholds turned into speeds once.
std::array<Criterion, 4> criteria_of(const GaleThresholds& t) {
  const auto bound = beaufort_lower_bound_tenths;
  return {{
      {Level::red, bound(t.red_mean_force), bound(t.red_gust_force)},
      {Level::orange, bound(t.orange_mean_force), bound(t.orange_gust_force)},
      {Level::yellow, bound(t.yellow_mean_force), bound(t.yellow_gust_force)},
      {Level::blue, bound(t.blue_mean_force), bound(t.blue_gust_force)},
  }};
}

// A present speed in tenths, or -1 (below every level) when it is missing.
int tenths_or_below_all(const double* speed_ms) {
  return speed_ms != nullptr ? speed_in_tenths(*speed_ms) : -1;
}

}  // namespace

HazardAssessment assess_gale(const HourlySeries& series, const GaleThresholds& thresholds) {
  HazardAssessment assessment;
  assessment.hazard = Hazard::gale;
  const Column* mean = series.column(Variable::wind_speed_ms);
  if (mean == nullptr)
    return assessment;
  assessment.evaluated = true;
  const Column* gust = series.column(Variable::wind_gusts_ms);
  const std::array<Criterion, 4> criteria = criteria_of(thresholds);

  const std::size_t hours = series.times.size();
  assessment.intensity.assign(hours, Level::none);
  for (std::size_t h = 0; h < hours; ++h) {
    const double* mean_ms = value_ptr(mean, h);
    const double* gust_ms = value_ptr(gust, h);
    if (mean_ms == nullptr || (gust != nullptr && gust_ms == nullptr))
      assessment.missing.push_back(series.times[h]);
    const int mean_tenths = tenths_or_below_all(mean_ms);
    const int gust_tenths = tenths_or_below_all(gust_ms);
    for (const Criterion& c : criteria) {
      if (mean_tenths >= c.mean_tenths || gust_tenths >= c.gust_tenths) {
        assessment.intensity[h] = c.level;
        break;
      }
    }
  }
  assessment.signal = signal_from_intensity(assessment.intensity, thresholds.lead);
  return assessment;
}

}  // namespace riskwarn
