#pragma once

#include "rules/assess/assessment.hpp"
#include "rules/observation.hpp"
#include "rules/thresholds.hpp"

namespace riskwarn {

// 大风 (EXPECTED.md §1). The intensity at an hour is the highest level whose mean-wind force or
// gust force (Beaufort, see beaufort.hpp) is reached: by default blue at mean ≥ 6级 or gust ≥ 7级,
// yellow 8/9, orange 10/11, red 12/13. The signal applies the lead windows (default B 24 h,
// Y 12 h, O 6 h, R 6 h). Evaluated when the series has wind_speed_10m; gusts are used when
// supplied. A null value never raises a level; an hour with a null mean or gust is reported
// missing.
HazardAssessment assess_gale(const HourlySeries& series, const GaleThresholds& thresholds);

}  // namespace riskwarn
