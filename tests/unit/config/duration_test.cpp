#include "config/duration.hpp"

#include <gtest/gtest.h>

namespace riskwarn::config {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

TEST(Duration, ParsesHoursMinutesAndSecondsInOrder) {
  EXPECT_EQ(parse_duration("90s"), seconds(90));
  EXPECT_EQ(parse_duration("10m"), minutes(10));
  EXPECT_EQ(parse_duration("1h"), hours(1));
  EXPECT_EQ(parse_duration("1h30m"), minutes(90));
  EXPECT_EQ(parse_duration("2m30s"), seconds(150));
  EXPECT_EQ(parse_duration("1h0m5s"), seconds(3605));
  EXPECT_EQ(parse_duration("0s"), seconds(0));
}

TEST(Duration, RejectsAnythingElse) {
  for (const char* text : {"", "10", "m", "1.5h", "-5m", "+5m", "10 m", " 10m", "10m ", "1m1h",
                           "1h1h", "5ms", "1d", "10M", "1234567890s"}) {
    EXPECT_EQ(parse_duration(text), std::nullopt) << text;
  }
}

TEST(Duration, FormatsLargestUnitsFirst) {
  EXPECT_EQ(format_duration(seconds(0)), "0s");
  EXPECT_EQ(format_duration(seconds(60)), "1m");
  EXPECT_EQ(format_duration(hours(24)), "24h");
  EXPECT_EQ(format_duration(seconds(5430)), "1h30m30s");
  EXPECT_EQ(parse_duration(format_duration(seconds(5430))), seconds(5430));
}

}  // namespace
}  // namespace riskwarn::config
