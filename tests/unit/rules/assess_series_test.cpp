#include <chrono>

#include <gtest/gtest.h>

#include "rules/assess/series.hpp"

namespace riskwarn {
namespace {

using std::chrono::hours;

const TimePoint kStart = std::chrono::sys_days{std::chrono::year{2025} / 12 / 30};

TEST(ShiftSeries, MovesEveryHourAndKeepsValues) {
  HourlySeries series;
  series.times = {kStart, kStart + hours{1}, kStart + hours{2}};
  series.utc_offset = std::chrono::seconds{28800};
  series.columns[static_cast<std::size_t>(Variable::visibility_m)] = Column{850, std::nullopt, 45};

  const TimePoint first = kStart + hours{24 * 40 + 5};
  const HourlySeries shifted = shift_series(series, first);
  EXPECT_EQ(shifted.times, (std::vector<TimePoint>{first, first + hours{1}, first + hours{2}}));
  EXPECT_EQ(shifted.utc_offset, series.utc_offset);
  EXPECT_EQ(shifted.columns, series.columns);

  EXPECT_EQ(shift_series(series, kStart - hours{3}).times.front(), kStart - hours{3});
}

TEST(ShiftSeries, EmptySeriesIsUnchanged) {
  EXPECT_TRUE(shift_series(HourlySeries{}, kStart).times.empty());
}

TEST(ValueAt, NulloptForAbsentColumnNullValueOrPastTheEnd) {
  const Column column{1.5, std::nullopt};
  EXPECT_EQ(value_at(&column, 0), 1.5);
  EXPECT_EQ(value_at(&column, 1), std::nullopt);
  EXPECT_EQ(value_at(&column, 2), std::nullopt);
  EXPECT_EQ(value_at(nullptr, 0), std::nullopt);
}

}  // namespace
}  // namespace riskwarn
