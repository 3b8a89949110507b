#pragma once

#include <cstddef>
#include <optional>

#include "rules/assess/assessment.hpp"
#include "rules/observation.hpp"
#include "rules/thresholds.hpp"

namespace riskwarn {

// 大雾 (EXPECTED.md §1). A fog hour has visibility < visibility_max_m, is humid
// (RH >= humidity_min_pct or weather code 45/48) and is not precipitating (precipitation >=
// precipitation_max_mm or a code in 51..99 means precipitating). Its intensity is red, orange or
// yellow below those visibilities, none above them. Evaluated when the series has visibility.
//
// Missing values (null, or a column the feed did not supply) never raise a level:
// - null visibility: the hour has no level and is reported missing;
// - humid and precipitating each have two sources, the measured value and the weather code:
//   a condition holds when any present source shows it, does not hold when at least one source
//   is present and none shows it, and is undecided when both are missing;
// - a fog-visibility hour whose outcome hangs on an undecided condition has no level and is
//   reported missing. So RH null with code 45 is still fog, and precipitation null with a
//   present code outside 51..99 is not precipitating.
HazardAssessment assess_fog(const HourlySeries& series, const FogThresholds& thresholds);

// Whether the hour at index `hour` is a fog hour (at any visibility below visibility_max_m);
// nullopt when missing inputs leave it undecided, under the rules of assess_fog.
std::optional<bool> is_fog_hour(const HourlySeries& series, std::size_t hour,
                                const FogThresholds& thresholds);

}  // namespace riskwarn
