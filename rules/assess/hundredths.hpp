#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace riskwarn {

// A quantity in integer hundredths of its unit (mm of water, °C), so that sums and threshold
// comparisons are exact: 6.00 mm is 600 and a sum of 1.70 + … + 0.20 that should be 6.00 is 600.
using Hundredths = std::int64_t;

// value rounded to the nearest hundredth (halves away from zero). The inputs have at most two
// decimals, so the binary representation error of the double never changes the result.
// Values beyond ±1e12 are clamped there; NaN is 0. Inline: it runs for every hour of every county.
inline Hundredths to_hundredths(double value) {
  constexpr double kLimit = 1e12;
  if (std::isnan(value))
    return 0;
  const double scaled = std::clamp(value, -kLimit, kLimit) * 100;
  // Truncation after adding a signed half rounds halves away from zero, with neither a libm
  // call nor a branch on the sign (temperatures hover around zero).
  return static_cast<Hundredths>(scaled + std::copysign(0.5, scaled));
}

}  // namespace riskwarn
