#include "rules/assess/beaufort.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace riskwarn {
namespace {

// Lower bounds of forces 0…17 in tenths of a m/s (GB/T 28591-2012).
constexpr std::array<int, kMaxBeaufortForce + 1> kLowerBoundsTenths{
    0, 3, 16, 34, 55, 80, 108, 139, 172, 208, 245, 285, 327, 370, 415, 462, 510, 561};

}  // namespace

int speed_in_tenths(double speed_ms) {
  // The tolerance absorbs the representation error of decimal inputs (a millionth of a tenth).
  constexpr double kTolerance = 1e-6;
  if (std::isnan(speed_ms))
    return 0;
  const double tenths = std::clamp(speed_ms, 0.0, 1e6) * 10;
  return static_cast<int>(tenths + 0.5 + kTolerance);
}

int beaufort_force(double speed_ms) {
  const int tenths = speed_in_tenths(speed_ms);
  const auto above = std::upper_bound(kLowerBoundsTenths.begin(), kLowerBoundsTenths.end(), tenths);
  return static_cast<int>(above - kLowerBoundsTenths.begin()) - 1;
}

int beaufort_lower_bound_tenths(int force) {
  if (force > kMaxBeaufortForce)
    return std::numeric_limits<int>::max();
  return kLowerBoundsTenths[static_cast<std::size_t>(std::max(force, 0))];
}

}  // namespace riskwarn
