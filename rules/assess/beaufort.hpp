#pragma once

namespace riskwarn {

// The highest Beaufort force, 17.
inline constexpr int kMaxBeaufortForce = 17;

// A 10 m wind speed in m/s rounded to 0.1 m/s (halves up), in tenths: 20.75 → 208. Decimal
// inputs such as 17.15 (stored as 17.1499…) round as written. Negative speeds and NaN are 0.
int speed_in_tenths(double speed_ms);

// The Beaufort force (0…17, GB/T 28591-2012) of a 10 m wind speed in m/s: the highest force
// whose lower bound is at or below the speed rounded to 0.1 m/s, so 20.8 m/s is force 9.
int beaufort_force(double speed_ms);

// The lower bound of a force in tenths of a m/s (force 9: 208); 0 for forces below 0, and
// INT_MAX (never reached) for forces above 17.
// A speed reaches force F exactly when speed_in_tenths(speed) >= beaufort_lower_bound_tenths(F).
int beaufort_lower_bound_tenths(int force);

}  // namespace riskwarn
