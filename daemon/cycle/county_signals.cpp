#include "daemon/cycle/county_signals.hpp"

#include <utility>

#include "rules/assess/assess_all.hpp"

namespace riskwarn::cycle {

std::vector<HazardSignal> assess_county(const config::County& county, const HourlySeries& series,
                                        TimePoint now) {
  std::vector<HazardSignal> signals;
  for (const HazardAssessment& assessment : assess_all(series, county.thresholds)) {
    if (auto signal = signal_at(assessment, series.times, now))
      signals.push_back(std::move(*signal));
  }
  return signals;
}

}  // namespace riskwarn::cycle
