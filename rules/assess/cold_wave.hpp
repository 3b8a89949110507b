#pragma once

#include "rules/assess/assessment.hpp"
#include "rules/observation.hpp"
#include "rules/thresholds.hpp"

namespace riskwarn {

// 寒潮 (EXPECTED.md §1). Days are 24 local hours starting at day_boundary_hour (0: calendar
// days; 20: CMA's 20:00–20:00 station days); only days the series covers completely, with no
// null temperature, have a minimum Tmin. For day D, d24 = Tmin(D−1) − Tmin(D),
// d48 = Tmin(D−2) − Tmin(D), and the wind is the Beaufort force of the highest hourly mean over
// D−1 and D. Blue: max(d24, d48) ≥ blue_drop_c, Tmin ≤ blue_tmin_c, wind ≥ blue_wind_force;
// yellow, orange and red use d24 with their own values. Temperatures compare exactly to 0.01.
// A day's level covers each of its 24 hours; the level is day-based, so the signal equals the
// intensity. Evaluated when the series has temperature_2m and wind_speed_10m. Missing values
// never raise a level (a null wind is left out of the maximum); an hour with a null temperature
// or wind is reported missing.
HazardAssessment assess_cold_wave(const HourlySeries& series, const ColdWaveThresholds& thresholds);

}  // namespace riskwarn
