#include "daemon/cycle/county_signals.hpp"

#include "rules/assess/fog.hpp"

namespace riskwarn::cycle {

std::vector<HazardSignal> assess_county(const config::County& county, const HourlySeries& series,
                                        TimePoint now) {
  std::vector<HazardSignal> signals;
  const HazardAssessment fog = assess_fog(series, county.thresholds.fog);
  if (auto signal = signal_at(fog, series.times, now))
    signals.push_back(std::move(*signal));
  return signals;
}

}  // namespace riskwarn::cycle
