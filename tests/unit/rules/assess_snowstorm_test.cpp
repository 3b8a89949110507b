#include <algorithm>
#include <vector>

#include <gtest/gtest.h>

#include "rules/assess/snowstorm.hpp"
#include "tests/unit/rules/assess_series_builder.hpp"

namespace riskwarn {
namespace {

using test::series_hour;
using test::SeriesBuilder;

constexpr Level N = Level::none;
constexpr Level B = Level::blue;
constexpr Level Y = Level::yellow;
constexpr Level O = Level::orange;
constexpr Level R = Level::red;

// A series whose hourly snow water (mm) is given, through snowfall_cm = mm × 0.7.
SeriesBuilder snow_mm(const std::vector<double>& water) {
  SeriesBuilder b(water.size());
  Column cm;
  for (const double mm : water)
    cm.push_back(mm * 0.7);
  b.set(Variable::snowfall_cm, cm);
  return b;
}

TEST(AssessSnowstorm, ForwardSumsAreExactAtTheBoundary) {
  // F12(0) = 0.7 + 1.1 + 2.2 + 2.0 = 6.00 mm exactly (decimals that do not add up in binary).
  SeriesBuilder b = snow_mm({0, 0.7, 1.1, 2.2, 2.0});
  const HazardAssessment a = assess_snowstorm(b.series, SnowstormThresholds{});
  ASSERT_TRUE(a.evaluated);
  EXPECT_EQ(a.intensity[0], Y);
  SnowstormThresholds above;
  above.yellow_mm = 6.01;
  EXPECT_EQ(assess_snowstorm(b.series, above).intensity[0], B);
}

TEST(AssessSnowstorm, BackwardSumsCountOnlyWhileSnowContinues) {
  // 4.0 mm fell in hours 0–3 (F12 is at most 3.1 mm); at hour 3 the snow continues
  // (s(4) = 0.1), at hour 4 B12 = 4.1 mm but nothing follows.
  SeriesBuilder b = snow_mm({1, 1, 1, 1, 0.1, 0, 0});
  const HazardAssessment a = assess_snowstorm(b.series, SnowstormThresholds{});
  EXPECT_EQ(a.intensity, (std::vector<Level>{N, N, N, B, N, N, N}));
}

TEST(AssessSnowstorm, OrangeAndRedUseSixHourWindows) {
  // 10 mm in 6 h, then 15 mm in 6 h.
  SeriesBuilder ten = snow_mm({0, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0});
  EXPECT_EQ(assess_snowstorm(ten.series, SnowstormThresholds{}).intensity[0], O);
  SeriesBuilder fifteen = snow_mm({0, 3, 3, 3, 3, 3});
  EXPECT_EQ(assess_snowstorm(fifteen.series, SnowstormThresholds{}).intensity[0], R);
  // 10 mm over 7 h is only yellow.
  SeriesBuilder spread = snow_mm({0, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.0});
  EXPECT_EQ(assess_snowstorm(spread.series, SnowstormThresholds{}).intensity[0], Y);
}

TEST(AssessSnowstorm, ShortPeakGivesRedOrangeRedWithoutSmoothing) {
  SeriesBuilder b = snow_mm({0, 5, 5, 5, 0, 0, 0, 0, 5, 5, 5, 0});
  const HazardAssessment a = assess_snowstorm(b.series, SnowstormThresholds{});
  EXPECT_EQ(a.signal, a.intensity);
  EXPECT_EQ(a.intensity[0], R);
  EXPECT_LT(*std::min_element(a.intensity.begin() + 1, a.intensity.begin() + 7), R);
  EXPECT_EQ(a.intensity[7], R);
}

TEST(AssessSnowstorm, CountyOverridesOfAmountsAndWindows) {
  SeriesBuilder b = snow_mm({0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0});
  SnowstormThresholds t;
  t.blue_mm = 3;
  t.window_blue_h = 2;
  EXPECT_EQ(assess_snowstorm(b.series, t).intensity[0], N);  // F2(0) = 2 mm
  t.window_blue_h = 3;
  EXPECT_EQ(assess_snowstorm(b.series, t).intensity[0], B);
}

TEST(AssessSnowstorm, PrecipitationInSnowCodedHoursWithoutSnowfall) {
  SeriesBuilder b(6);
  b.set(Variable::precipitation_mm, {0, 2.0, 2.0, 2.0, 2.0, 2.0});
  b.set(Variable::weather_code, {3, 71, 75, 86, 61, 85});
  const HazardAssessment a = assess_snowstorm(b.series, SnowstormThresholds{});
  ASSERT_TRUE(a.evaluated);
  EXPECT_EQ(a.intensity[0], Y);  // 8 mm of snow: the rain-coded hour does not count
  SnowstormThresholds orange_at_eight;
  orange_at_eight.orange_mm = 8;
  EXPECT_EQ(assess_snowstorm(b.series, orange_at_eight).intensity[0], O);
  orange_at_eight.orange_mm = 8.01;
  EXPECT_EQ(assess_snowstorm(b.series, orange_at_eight).intensity[0], Y);
}

TEST(AssessSnowstorm, EvaluatedOnlyWithSnowfallOrPrecipitationAndCodes) {
  SeriesBuilder precipitation_only(3);
  precipitation_only.fill(Variable::precipitation_mm, 5.0);
  EXPECT_FALSE(assess_snowstorm(precipitation_only.series, SnowstormThresholds{}).evaluated);
  SeriesBuilder nothing(3);
  nothing.fill(Variable::temperature_c, -5.0);
  const HazardAssessment a = assess_snowstorm(nothing.series, SnowstormThresholds{});
  EXPECT_FALSE(a.evaluated);
  EXPECT_EQ(a.max_level(), N);
}

TEST(AssessSnowstorm, NullsNeverTriggerAndAreReportedMissing) {
  SeriesBuilder b = snow_mm({0, 3, 3});
  b.at(Variable::snowfall_cm, 2, std::nullopt);
  const HazardAssessment a = assess_snowstorm(b.series, SnowstormThresholds{});
  EXPECT_EQ(a.intensity[0], N);  // 3 mm known, the rest unknown: no level
  EXPECT_EQ(a.missing, (std::vector<TimePoint>{series_hour(2)}));

  SeriesBuilder coded(3);
  coded.set(Variable::precipitation_mm, {0, std::nullopt, 9.0});
  coded.set(Variable::weather_code, {3, 73, std::nullopt});
  const HazardAssessment c = assess_snowstorm(coded.series, SnowstormThresholds{});
  EXPECT_EQ(c.max_level(), N);
  EXPECT_EQ(c.missing, (std::vector<TimePoint>{series_hour(1), series_hour(2)}));
}

}  // namespace
}  // namespace riskwarn
