#include <vector>

#include <gtest/gtest.h>

#include "rules/assess/cold_wave.hpp"
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

// Whole local days (the series starts at local midnight) whose minimum temperature is reached
// at 06:00, 8 °C below the rest of the day, with a constant mean wind.
SeriesBuilder days(const std::vector<double>& tmin, double wind_ms) {
  SeriesBuilder b(tmin.size() * 24);
  Column temperature;
  for (const double low : tmin) {
    for (int h = 0; h < 24; ++h)
      temperature.push_back(h == 6 ? low : low + 8);
  }
  b.set(Variable::temperature_c, temperature).fill(Variable::wind_speed_ms, wind_ms);
  return b;
}

// The level of each day.
std::vector<Level> day_levels(const HazardAssessment& a) {
  std::vector<Level> levels;
  for (std::size_t h = 0; h < a.intensity.size(); h += 24)
    levels.push_back(a.intensity[h]);
  return levels;
}

constexpr double kForce6 = 10.8;

TEST(AssessColdWave, LevelsByDropMinimumAndWind) {
  ColdWaveThresholds t;
  EXPECT_EQ(day_levels(assess_cold_wave(days({12, 4}, kForce6).series, t)),
            (std::vector<Level>{N, B}));  // d24 8: blue, not yellow (< 10)
  EXPECT_EQ(day_levels(assess_cold_wave(days({20, 4}, kForce6).series, t)),
            (std::vector<Level>{N, Y}));  // d24 16 but Tmin 4 > 0: yellow only
  EXPECT_EQ(day_levels(assess_cold_wave(days({12, 0}, kForce6).series, t)),
            (std::vector<Level>{N, O}));
  EXPECT_EQ(day_levels(assess_cold_wave(days({16, 0}, kForce6).series, t)),
            (std::vector<Level>{N, R}));
  EXPECT_EQ(day_levels(assess_cold_wave(days({15.99, 0}, kForce6).series, t)),
            (std::vector<Level>{N, O}));
}

TEST(AssessColdWave, BlueUsesTheLargerOfTheTwoDrops) {
  ColdWaveThresholds t;
  // d24 = 8.00 exactly.
  EXPECT_EQ(day_levels(assess_cold_wave(days({11.9, 3.9}, 8.0).series, t)),
            (std::vector<Level>{N, B}));
  // Over two days: d24 4 and 4, d48 = 8.
  EXPECT_EQ(day_levels(assess_cold_wave(days({12, 8, 4}, 8.0).series, t)),
            (std::vector<Level>{N, N, B}));
  // Tmin 4.01 is not cold enough; a 5级 wind is needed.
  EXPECT_EQ(day_levels(assess_cold_wave(days({12.01, 4.01}, 8.0).series, t)),
            (std::vector<Level>{N, N}));
  EXPECT_EQ(day_levels(assess_cold_wave(days({12, 4}, 7.9).series, t)), (std::vector<Level>{N, N}));
}

TEST(AssessColdWave, WindIsTheHighestMeanOverTheDayAndTheDayBefore) {
  SeriesBuilder b = days({14, 4}, 3.0);
  EXPECT_EQ(day_levels(assess_cold_wave(b.series, ColdWaveThresholds{})),
            (std::vector<Level>{N, N}));
  b.at(Variable::wind_speed_ms, 20, kForce6);  // on the day before
  EXPECT_EQ(day_levels(assess_cold_wave(b.series, ColdWaveThresholds{})),
            (std::vector<Level>{N, Y}));
}

TEST(AssessColdWave, OnlyCompleteDaysCount) {
  // The series starts at 01:00 on the first day: that day has no minimum, so the second day
  // has no d24 (it would be 16: yellow) and the third only its d24 of 0.
  SeriesBuilder b = days({20, 4, 4}, kForce6);
  b.series.times.erase(b.series.times.begin());
  for (auto& column : b.series.columns) {
    if (column)
      column->erase(column->begin());
  }
  const HazardAssessment a = assess_cold_wave(b.series, ColdWaveThresholds{});
  EXPECT_EQ(a.max_level(), N);

  // A day cut short at the end of the data has no level either.
  SeriesBuilder cut = days({20, 0}, kForce6);
  for (auto& column : cut.series.columns) {
    if (column)
      column->resize(47);
  }
  cut.series.times.resize(47);
  EXPECT_EQ(assess_cold_wave(cut.series, ColdWaveThresholds{}).max_level(), N);
}

TEST(AssessColdWave, ADayLevelCoversItsHoursAndConsecutiveDaysFormOneSpan) {
  const SeriesBuilder b = days({30, 18, 4, 4}, kForce6);
  const HazardAssessment a = assess_cold_wave(b.series, ColdWaveThresholds{});
  ASSERT_TRUE(a.evaluated);
  EXPECT_EQ(a.hazard, Hazard::cold_wave);
  // Day 2 drops 12 °C but stays above 4 °C; day 3 drops 14 °C to 4 °C: yellow; day 4 has
  // d24 0 and d48 14: blue.
  EXPECT_EQ(day_levels(a), (std::vector<Level>{N, N, Y, B}));
  EXPECT_EQ(to_spans(b.series.times, a.signal),
            (std::vector<Span>{{Y, series_hour(48), series_hour(71)},
                               {B, series_hour(72), series_hour(95)}}));
  const SeriesBuilder two_blue = days({14, 6, 0, -2}, 8.0);
  EXPECT_EQ(to_spans(two_blue.series.times,
                     assess_cold_wave(two_blue.series, ColdWaveThresholds{}).intensity),
            (std::vector<Span>{{B, series_hour(48), series_hour(95)}}));
}

TEST(AssessColdWave, DayBoundaryHourMovesTheDays) {
  // The cold hour of each calendar day is at 06:00; with a 20:00 boundary, the coldest hour of
  // the second calendar day moves the drop into the day that runs 20:00 → 19:00.
  SeriesBuilder b = days({12, 12, 12}, kForce6);
  b.at(Variable::temperature_c, 24 + 21, -1.0);  // day 2, 21:00: after a 20:00 boundary
  ColdWaveThresholds calendar;
  EXPECT_EQ(day_levels(assess_cold_wave(b.series, calendar)), (std::vector<Level>{N, O, N}));

  ColdWaveThresholds station = calendar;
  station.day_boundary_hour = 20;
  const HazardAssessment a = assess_cold_wave(b.series, station);
  // Station days: [00:00, 20:00) of day 1 is partial; then 20:00 day 1 → 19:00 day 2 (Tmin 12),
  // 20:00 day 2 → 19:00 day 3 (Tmin −1: d24 13 → orange); the last 4 hours are partial.
  EXPECT_EQ(to_spans(b.series.times, a.intensity),
            (std::vector<Span>{{O, series_hour(44), series_hour(67)}}));
}

TEST(AssessColdWave, NullsNeverTriggerAndAreReportedMissing) {
  SeriesBuilder b = days({20, 10, 0}, kForce6);
  b.at(Variable::temperature_c, 30, std::nullopt);  // day 2 has no minimum
  b.at(Variable::wind_speed_ms, 50, std::nullopt);
  const HazardAssessment a = assess_cold_wave(b.series, ColdWaveThresholds{});
  // Day 3: d24 unknown, d48 = 20 → blue only.
  EXPECT_EQ(day_levels(a), (std::vector<Level>{N, N, B}));
  EXPECT_EQ(a.missing, (std::vector<TimePoint>{series_hour(30), series_hour(50)}));
}

TEST(AssessColdWave, EvaluatedOnlyWithTemperatureAndWind) {
  SeriesBuilder b(48);
  b.fill(Variable::temperature_c, -10.0);
  const HazardAssessment a = assess_cold_wave(b.series, ColdWaveThresholds{});
  EXPECT_FALSE(a.evaluated);
  EXPECT_EQ(a.max_level(), N);
}

}  // namespace
}  // namespace riskwarn
