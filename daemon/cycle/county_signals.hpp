#pragma once

#include <string>
#include <vector>

#include "config/config.hpp"
#include "rules/assess/assessment.hpp"
#include "rules/observation.hpp"

namespace riskwarn::cycle {

// The derived signals in force at `now` for every hazard the series lets us assess for a
// county, with that county's thresholds.
std::vector<HazardSignal> assess_county(const config::County& county, const HourlySeries& series,
                                        TimePoint now);

}  // namespace riskwarn::cycle
