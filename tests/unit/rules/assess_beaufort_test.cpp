#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include "rules/assess/beaufort.hpp"

namespace riskwarn {
namespace {

TEST(Beaufort, LowerBoundsOfEveryForce) {
  const double bounds[] = {0.0,  0.3,  1.6,  3.4,  5.5,  8.0,  10.8, 13.9, 17.2,
                           20.8, 24.5, 28.5, 32.7, 37.0, 41.5, 46.2, 51.0, 56.1};
  for (int force = 0; force <= kMaxBeaufortForce; ++force) {
    EXPECT_EQ(beaufort_force(bounds[force]), force) << bounds[force];
    EXPECT_EQ(beaufort_lower_bound_tenths(force), static_cast<int>(bounds[force] * 10 + 0.5));
    if (force > 0) {
      EXPECT_EQ(beaufort_force(bounds[force] - 0.1), force - 1) << bounds[force] - 0.1;
    }
  }
}

TEST(Beaufort, SpeedInTenths) {
  EXPECT_EQ(speed_in_tenths(20.8), 208);
  EXPECT_EQ(speed_in_tenths(20.75), 208);
  EXPECT_EQ(speed_in_tenths(20.7499), 207);
  EXPECT_EQ(speed_in_tenths(-1.0), 0);
}

TEST(Beaufort, RoundsToATenthHalvesUp) {
  EXPECT_EQ(beaufort_force(20.75), 9);   // 20.8
  EXPECT_EQ(beaufort_force(20.749), 8);  // 20.7
  EXPECT_EQ(beaufort_force(17.15), 8);   // stored as 17.1499…, still 17.2
  EXPECT_EQ(beaufort_force(17.14), 7);
  EXPECT_EQ(beaufort_force(10.75), 6);
  EXPECT_EQ(beaufort_force(13.85), 7);
}

TEST(Beaufort, ExtremesAndNonsense) {
  EXPECT_EQ(beaufort_force(0.0), 0);
  EXPECT_EQ(beaufort_force(-3.0), 0);
  EXPECT_EQ(beaufort_force(80.0), 17);
  EXPECT_EQ(beaufort_force(1e300), 17);
  EXPECT_EQ(beaufort_force(std::nan("")), 0);
  EXPECT_EQ(beaufort_lower_bound_tenths(-1), 0);
  EXPECT_EQ(beaufort_lower_bound_tenths(18), std::numeric_limits<int>::max());
}

}  // namespace
}  // namespace riskwarn
