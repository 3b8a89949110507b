// 大雾 on the Open-Meteo fixtures, parsed with the real parser: every fog statement of
// tests/fixtures/weather/EXPECTED.md §2, §3 and §4.
#include <optional>
#include <vector>

#include <gtest/gtest.h>

#include "rules/assess/fog.hpp"
#include "tests/unit/weather/open_meteo_fixtures.hpp"

namespace riskwarn::weather {
namespace {

using test::beijing;
using test::parse_fixture;

// The hours whose intensity is at least `level`.
std::vector<TimePoint> hours_at_least(const HourlySeries& series, const HazardAssessment& a,
                                      Level level) {
  std::vector<TimePoint> hours;
  for (std::size_t i = 0; i < a.intensity.size(); ++i) {
    if (a.intensity[i] >= level)
      hours.push_back(series.times[i]);
  }
  return hours;
}

// Consecutive hours from first to last, both included (Beijing time).
std::vector<TimePoint> hours_from_to(const char* first, const char* last) {
  std::vector<TimePoint> hours;
  for (TimePoint t = beijing(first); t <= beijing(last); t += std::chrono::hours{1}) {
    hours.push_back(t);
  }
  return hours;
}

class FogOk : public ::testing::Test {
 protected:
  HourlySeries series = parse_fixture("openmeteo_fog_ok.json");
  HazardAssessment fog = assess_fog(series, FogThresholds{});
};

TEST_F(FogOk, FogHoursAreFrom30T2200To31T1100) {
  std::vector<TimePoint> fog_hours;
  for (std::size_t i = 0; i < series.times.size(); ++i) {
    const std::optional<bool> is_fog = is_fog_hour(series, i, FogThresholds{});
    ASSERT_TRUE(is_fog.has_value()) << i;
    if (*is_fog)
      fog_hours.push_back(series.times[i]);
  }
  EXPECT_EQ(fog_hours, hours_from_to("2025-12-30T22:00", "2025-12-31T11:00"));
}

TEST_F(FogOk, IntensityByVisibility) {
  ASSERT_TRUE(fog.evaluated);
  EXPECT_EQ(hours_at_least(series, fog, Level::yellow),
            hours_from_to("2025-12-30T23:00", "2025-12-31T10:00"));
  EXPECT_EQ(hours_at_least(series, fog, Level::orange),
            hours_from_to("2025-12-31T01:00", "2025-12-31T09:00"));
  EXPECT_EQ(hours_at_least(series, fog, Level::red),
            hours_from_to("2025-12-31T04:00", "2025-12-31T07:00"));
  EXPECT_EQ(to_spans(series.times, fog.intensity),
            (std::vector<Span>{
                {Level::yellow, beijing("2025-12-30T23:00"), beijing("2025-12-31T00:00")},
                {Level::orange, beijing("2025-12-31T01:00"), beijing("2025-12-31T03:00")},
                {Level::red, beijing("2025-12-31T04:00"), beijing("2025-12-31T07:00")},
                {Level::orange, beijing("2025-12-31T08:00"), beijing("2025-12-31T09:00")},
                {Level::yellow, beijing("2025-12-31T10:00"), beijing("2025-12-31T10:00")},
            }));
}

TEST_F(FogOk, SignalTimeline) {
  EXPECT_EQ(to_spans(series.times, fog.signal),
            (std::vector<Span>{
                {Level::yellow, beijing("2025-12-30T11:00"), beijing("2025-12-30T18:00")},
                {Level::orange, beijing("2025-12-30T19:00"), beijing("2025-12-31T01:00")},
                {Level::red, beijing("2025-12-31T02:00"), beijing("2025-12-31T07:00")},
                {Level::orange, beijing("2025-12-31T08:00"), beijing("2025-12-31T09:00")},
                {Level::yellow, beijing("2025-12-31T10:00"), beijing("2025-12-31T10:00")},
            }));
}

TEST_F(FogOk, MaxLevelIsRedAndNothingIsMissing) {
  EXPECT_EQ(fog.max_level(), Level::red);
  EXPECT_TRUE(fog.missing.empty());
}

TEST_F(FogOk, VisibilityCapIsNotAnError) {
  const std::size_t noon = 12;
  ASSERT_EQ(series.times[noon], beijing("2025-12-30T12:00"));
  EXPECT_EQ((*series.column(Variable::visibility_m))[noon], 24140.0);
  EXPECT_EQ(fog.intensity[noon], Level::none);
}

TEST_F(FogOk, FogAt31T1100IsBelowEveryLevel) {
  const std::size_t eleven = 35;
  ASSERT_EQ(series.times[eleven], beijing("2025-12-31T11:00"));
  EXPECT_EQ((*series.column(Variable::visibility_m))[eleven], 950.0);
  EXPECT_EQ(is_fog_hour(series, eleven, FogThresholds{}), true);
  EXPECT_EQ(fog.intensity[eleven], Level::none);
  EXPECT_EQ(fog.signal[eleven], Level::none);
}

TEST_F(FogOk, SignalInForceMatchesTheOfficialOrangeAt0015) {
  // EXPECTED.md §6: at 2025-12-31T00:15+08:00 the derived fog signal is ORANGE, announcing the
  // 01:00-09:00 orange period (which may escalate to red by 02:00).
  const auto at = signal_at(fog, series.times, *parse_iso8601("2025-12-31T00:15+08:00"));
  ASSERT_TRUE(at);
  EXPECT_EQ(*at, (HazardSignal{Hazard::fog, Level::orange, beijing("2025-12-31T01:00"),
                               beijing("2025-12-31T09:00"), "derived"}));

  const auto in_red = signal_at(fog, series.times, beijing("2025-12-31T05:30"));
  ASSERT_TRUE(in_red);
  EXPECT_EQ(*in_red, (HazardSignal{Hazard::fog, Level::red, beijing("2025-12-31T04:00"),
                                   beijing("2025-12-31T07:00"), "derived"}));

  EXPECT_FALSE(signal_at(fog, series.times, beijing("2025-12-31T11:00")));
  EXPECT_FALSE(signal_at(fog, series.times, beijing("2026-01-01T00:00")));
}

class SnowIce : public ::testing::Test {
 protected:
  HourlySeries series = parse_fixture("openmeteo_snow_ice.json");
  HazardAssessment fog = assess_fog(series, FogThresholds{});
};

TEST_F(SnowIce, NoFogAnywhere) {
  ASSERT_TRUE(fog.evaluated);
  EXPECT_EQ(fog.max_level(), Level::none);
  EXPECT_TRUE(to_spans(series.times, fog.intensity).empty());
}

TEST_F(SnowIce, LowVisibilityInHeavySnowIsNotFog) {
  const std::size_t snow = 13;
  ASSERT_EQ(series.times[snow], beijing("2026-02-03T13:00"));
  EXPECT_EQ((*series.column(Variable::visibility_m))[snow], 450.0);
  EXPECT_EQ((*series.column(Variable::weather_code))[snow], 75.0);
  EXPECT_EQ(is_fog_hour(series, snow, FogThresholds{}), false);
  EXPECT_EQ(fog.intensity[snow], Level::none);
}

TEST_F(SnowIce, NullVisibilityHoursAreMissingAndNoFalseRed) {
  EXPECT_EQ(fog.missing,
            (std::vector<TimePoint>{beijing("2026-02-04T20:00"), beijing("2026-02-04T21:00")}));
  EXPECT_EQ(fog.intensity[44], Level::none);
  EXPECT_EQ(fog.intensity[45], Level::none);

  // The trap is real: the same hours read as 0 m would be a red fog.
  HourlySeries zeroed = series;
  auto& visibility = *zeroed.columns[static_cast<std::size_t>(Variable::visibility_m)];
  visibility[44] = 0.0;
  visibility[45] = 0.0;
  EXPECT_EQ(assess_fog(zeroed, FogThresholds{}).max_level(), Level::red);
}

TEST(WindFixture, FogIsNotEvaluatedWithoutVisibility) {
  const HourlySeries series = parse_fixture("openmeteo_wind.json");
  ASSERT_EQ(series.times.size(), 72u);
  const HazardAssessment fog = assess_fog(series, FogThresholds{});
  EXPECT_FALSE(fog.evaluated);
  EXPECT_EQ(fog.max_level(), Level::none);
  EXPECT_FALSE(signal_at(fog, series.times, beijing("2026-01-20T00:00")));
}

}  // namespace
}  // namespace riskwarn::weather
