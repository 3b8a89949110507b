#include "rules/time.hpp"

#include <gtest/gtest.h>

namespace riskwarn {
namespace {

TEST(Time, LocalMinutesRoundTripAtOffset) {
  const auto t = parse_local_minutes("2025-12-31T04:00", std::chrono::seconds{28800});
  ASSERT_TRUE(t);
  EXPECT_EQ(format_utc(*t), "2025-12-30T20:00:00Z");
  EXPECT_EQ(format_local_minutes(*t, std::chrono::seconds{28800}), "2025-12-31T04:00+08:00");
  EXPECT_EQ(format_local_minutes(*t, std::chrono::seconds{-9000}), "2025-12-30T17:30-02:30");
}

TEST(Time, Iso8601WithOffsetOrZ) {
  EXPECT_EQ(parse_iso8601("2025-12-31T00:15+08:00"), parse_iso8601("2025-12-30T16:15:00Z"));
  EXPECT_FALSE(parse_iso8601("2025-12-31T00:15"));
  EXPECT_FALSE(parse_iso8601("2025-02-30T00:15Z"));
  EXPECT_FALSE(parse_local_minutes("2025-12-31T24:00", std::chrono::seconds{0}));
  EXPECT_FALSE(parse_local_minutes("2025-12-31T04:00x", std::chrono::seconds{0}));
}

}  // namespace
}  // namespace riskwarn
