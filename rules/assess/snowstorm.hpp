#pragma once

#include "rules/assess/assessment.hpp"
#include "rules/observation.hpp"
#include "rules/thresholds.hpp"

namespace riskwarn {

// 暴雪 (EXPECTED.md §1). s(h) is the snow water of the hour ending at h in mm: snowfall_cm × 10/7
// when the series has snowfall, otherwise the precipitation of hours whose weather code is
// 71–77 or 85–86 (0 for other codes). With F_W(t) = s(t+1) + … + s(t+W) and
// B_W(t) = s(t−W+1) + … + s(t), a level is met at t when F_W(t) ≥ its amount, or B_W(t) ≥ its
// amount and the snow continues (s(t+1) > 0); W and the amount are the level's (default blue
// 4 mm and yellow 6 mm over 12 h, orange 10 mm and red 15 mm over 6 h). Sums are exact, in
// hundredths of a mm. The lead time is built into F, so the signal equals the intensity.
// Evaluated when the series has snowfall, or precipitation and weather_code. A null s(h) counts
// as no snow (it never raises a level) and its hour is reported missing.
HazardAssessment assess_snowstorm(const HourlySeries& series,
                                  const SnowstormThresholds& thresholds);

}  // namespace riskwarn
