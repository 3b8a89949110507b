#include "config/zone_offset.hpp"

#include <gtest/gtest.h>

namespace riskwarn::config {
namespace {

TEST(ZoneOffset, ChineseZonesHaveFixedOffsets) {
  const auto shanghai = fixed_utc_offset("Asia/Shanghai");
  ASSERT_TRUE(shanghai) << shanghai.error().message;
  EXPECT_EQ(*shanghai, std::chrono::hours{8});
  const auto urumqi = fixed_utc_offset("Asia/Urumqi");
  ASSERT_TRUE(urumqi) << urumqi.error().message;
  EXPECT_EQ(*urumqi, std::chrono::hours{6});
}

TEST(ZoneOffset, PosixRules) {
  EXPECT_EQ(*parse_posix_tz_offset("CST-8"), std::chrono::hours{8});
  EXPECT_EQ(*parse_posix_tz_offset("<+0545>-5:45"), std::chrono::minutes{5 * 60 + 45});
  EXPECT_EQ(*parse_posix_tz_offset("UTC0"), std::chrono::seconds{0});
  EXPECT_EQ(*parse_posix_tz_offset("<-03>3"), std::chrono::hours{-3});
}

TEST(ZoneOffset, DaylightSavingAndUnknownZonesAreClearErrors) {
  const auto berlin = parse_posix_tz_offset("CET-1CEST,M3.5.0,M10.5.0/3");
  ASSERT_FALSE(berlin);
  EXPECT_NE(berlin.error().message.find("daylight saving"), std::string::npos);
  const auto unknown = fixed_utc_offset("Asia/Nowhere");
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().message.find("unknown time zone \"Asia/Nowhere\""), std::string::npos);
  EXPECT_FALSE(fixed_utc_offset("../etc/passwd"));
}

}  // namespace
}  // namespace riskwarn::config
