#pragma once

#include <vector>

#include "rules/assess/assessment.hpp"
#include "rules/observation.hpp"
#include "rules/thresholds.hpp"

namespace riskwarn {

// Every hazard assessed over one series with one set of thresholds, one entry per hazard in the
// order of kAllHazards (fog, snowstorm, road_icing, gale, cold_wave); a hazard the series cannot
// be assessed for is present with evaluated == false.
std::vector<HazardAssessment> assess_all(const HourlySeries& series, const Thresholds& thresholds);

}  // namespace riskwarn
