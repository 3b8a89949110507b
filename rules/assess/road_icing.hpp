#pragma once

#include "rules/assess/assessment.hpp"
#include "rules/observation.hpp"
#include "rules/thresholds.hpp"

namespace riskwarn {

// 道路结冰 (EXPECTED.md §1). The surface temperature Ts of an hour is soil_temperature_0cm, or
// temperature_2m when that is null or not supplied. An icing hour is red with weather code 67,
// orange with 56, 57 or 66, and yellow with code 48 or precipitation ≥ precipitation_min_mm on a
// surface at or below surface_max_c. A later hour without icing is residual yellow while
// Ts ≤ surface_max_c, hour − last icing hour ≤ residual_hours, and no thaw (thaw_hours
// consecutive hours with Ts > surface_max_c) has happened since the last icing hour. The signal
// applies the lead windows (default Y 12 h, O 6 h, R 2 h). Comparisons are exact to 0.01.
// Evaluated when the series has temperature_2m. Missing values never raise a level and never
// count towards a thaw; an hour with a null code, precipitation or Ts is reported missing.
HazardAssessment assess_road_icing(const HourlySeries& series,
                                   const RoadIcingThresholds& thresholds);

}  // namespace riskwarn
