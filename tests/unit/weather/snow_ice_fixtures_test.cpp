// 暴雪, 道路结冰 and the other hazards on openmeteo_snow_ice.json, parsed with the real parser:
// every statement of tests/fixtures/weather/EXPECTED.md §3.
#include <cstddef>
#include <vector>

#include <gtest/gtest.h>

#include "rules/assess/assess_all.hpp"
#include "rules/assess/cold_wave.hpp"
#include "rules/assess/gale.hpp"
#include "rules/assess/road_icing.hpp"
#include "rules/assess/snowstorm.hpp"
#include "tests/unit/weather/open_meteo_fixtures.hpp"

namespace riskwarn::weather {
namespace {

using test::beijing;
using test::parse_fixture;

Span span(Level level, const char* first, const char* last) {
  return Span{level, beijing(first), beijing(last)};
}

// The index of a Beijing hour in the series (a test failure when absent).
std::size_t index_of(const HourlySeries& series, const char* local) {
  for (std::size_t i = 0; i < series.times.size(); ++i) {
    if (series.times[i] == beijing(local))
      return i;
  }
  ADD_FAILURE() << local << " is not in the series";
  return 0;
}

// The hours whose intensity is at least `level`, as spans of one level (level) each.
std::vector<Span> spans_at_least(const HourlySeries& series, const HazardAssessment& a,
                                 Level level) {
  std::vector<Level> reached;
  for (const Level l : a.intensity)
    reached.push_back(l >= level ? level : Level::none);
  return to_spans(series.times, reached);
}

// The first `count` hours of a series.
HourlySeries first_hours(HourlySeries series, std::size_t count) {
  series.times.resize(count);
  for (auto& column : series.columns) {
    if (column)
      column->resize(count);
  }
  return series;
}

class SnowIceHazards : public ::testing::Test {
 protected:
  HourlySeries series = parse_fixture("openmeteo_snow_ice.json");
  HazardAssessment snow = assess_snowstorm(series, SnowstormThresholds{});
  HazardAssessment icing = assess_road_icing(series, RoadIcingThresholds{});
};

// The sum of a column over the Beijing hours first…last.
double total(const HourlySeries& series, Variable v, const char* first, const char* last) {
  double sum = 0;
  for (std::size_t i = index_of(series, first); i <= index_of(series, last); ++i)
    sum += (*series.column(v))[i].value();
  return sum;
}

TEST_F(SnowIceHazards, SnowPhaseFacts) {
  EXPECT_NEAR(total(series, Variable::snowfall_cm, "2026-02-03T00:00", "2026-02-04T23:00"), 7.49,
              1e-9);
  // Snow falls 07:00…18:00 on 02-03, and there precipitation = snowfall / 0.7 within 0.01 mm.
  for (std::size_t i = 0; i < series.times.size(); ++i) {
    const double cm = (*series.column(Variable::snowfall_cm))[i].value();
    const bool snowing =
        i >= index_of(series, "2026-02-03T07:00") && i <= index_of(series, "2026-02-03T18:00");
    EXPECT_EQ(cm > 0, snowing) << i;
    if (snowing) {
      EXPECT_NEAR((*series.column(Variable::precipitation_mm))[i].value(), cm / 0.7, 0.01 + 1e-9)
          << i;
    }
  }
  EXPECT_EQ((*series.column(Variable::snow_depth_m))[0], 0.0);
  EXPECT_EQ((*series.column(Variable::snow_depth_m))[index_of(series, "2026-02-03T18:00")], 0.06);
}

TEST_F(SnowIceHazards, FreezingRainPhaseFacts) {
  std::vector<double> codes;
  for (std::size_t i = index_of(series, "2026-02-04T00:00");
       i <= index_of(series, "2026-02-04T08:00"); ++i) {
    codes.push_back((*series.column(Variable::weather_code))[i].value());
    EXPECT_EQ((*series.column(Variable::snowfall_cm))[i], 0.0);
    const double air = (*series.column(Variable::temperature_c))[i].value();
    const double soil = (*series.column(Variable::soil_temperature_c))[i].value();
    EXPECT_TRUE(air >= -2.2 && air <= -1.3) << air;
    EXPECT_TRUE(soil >= -1.4 && soil <= -0.8) << soil;
  }
  EXPECT_EQ(codes, (std::vector<double>{56, 66, 67, 67, 67, 66, 66, 56, 56}));
  EXPECT_NEAR(total(series, Variable::rain_mm, "2026-02-04T00:00", "2026-02-04T08:00"), 5.20, 1e-9);
}

TEST_F(SnowIceHazards, SnowstormSignalTimeline) {
  ASSERT_TRUE(snow.evaluated);
  EXPECT_EQ(to_spans(series.times, snow.signal),
            (std::vector<Span>{span(Level::blue, "2026-02-03T00:00", "2026-02-03T00:00"),
                               span(Level::yellow, "2026-02-03T01:00", "2026-02-03T17:00")}));
  EXPECT_EQ(to_spans(series.times, snow.intensity), to_spans(series.times, snow.signal));
  EXPECT_TRUE(snow.missing.empty());
}

TEST_F(SnowIceHazards, SnowstormEndsWhenNothingFollows) {
  // At 18:00 B12 = 10.70 mm, but s(19:00) = 0: the snow has ended.
  EXPECT_EQ(snow.signal[index_of(series, "2026-02-03T18:00")], Level::none);
  // The same hour with a little snow following is still yellow.
  HourlySeries continuing = series;
  (*continuing.columns[static_cast<std::size_t>(Variable::snowfall_cm)])[index_of(
      series, "2026-02-03T19:00")] = 0.07;
  EXPECT_EQ(assess_snowstorm(continuing, SnowstormThresholds{})
                .signal[index_of(series, "2026-02-03T18:00")],
            Level::yellow);
}

TEST_F(SnowIceHazards, ExactSixMillimetresAt1200IsYellow) {
  const std::size_t noon = index_of(series, "2026-02-03T12:00");
  EXPECT_EQ(snow.signal[noon], Level::yellow);
  // F12(12:00) is exactly 6.00 mm: a hundredth more is not reached.
  SnowstormThresholds just_above;
  just_above.yellow_mm = 6.01;
  EXPECT_EQ(assess_snowstorm(series, just_above).signal[noon], Level::blue);
  // B12(12:00) = 4.70 mm gives only blue: cut the series after 13:00 so that F12 is s(13:00).
  const HourlySeries cut = first_hours(series, noon + 2);
  EXPECT_EQ(assess_snowstorm(cut, SnowstormThresholds{}).signal[noon], Level::blue);
  SnowstormThresholds blue_above;
  blue_above.blue_mm = 4.71;
  EXPECT_EQ(assess_snowstorm(cut, blue_above).signal[noon], Level::none);
}

TEST_F(SnowIceHazards, SnowstormMaxIsYellowNotOrange) {
  EXPECT_EQ(snow.max_level(), Level::yellow);
  // The largest 6-h total is 8.20 mm (10:00…15:00) and the largest 12-h total 10.70 mm.
  SnowstormThresholds orange_at_max;
  orange_at_max.orange_mm = 8.20;
  EXPECT_EQ(assess_snowstorm(series, orange_at_max).max_level(), Level::orange);
  orange_at_max.orange_mm = 8.21;
  EXPECT_EQ(assess_snowstorm(series, orange_at_max).max_level(), Level::yellow);
  SnowstormThresholds twelve_hours;
  twelve_hours.yellow_mm = 10.70;
  EXPECT_EQ(assess_snowstorm(series, twelve_hours).max_level(), Level::yellow);
  twelve_hours.yellow_mm = 10.71;
  EXPECT_EQ(assess_snowstorm(series, twelve_hours).max_level(), Level::blue);
}

TEST_F(SnowIceHazards, IcingIntensity) {
  ASSERT_TRUE(icing.evaluated);
  EXPECT_EQ(spans_at_least(series, icing, Level::yellow),
            (std::vector<Span>{span(Level::yellow, "2026-02-03T07:00", "2026-02-04T23:00")}));
  EXPECT_EQ(spans_at_least(series, icing, Level::orange),
            (std::vector<Span>{span(Level::orange, "2026-02-04T00:00", "2026-02-04T08:00")}));
  EXPECT_EQ(spans_at_least(series, icing, Level::red),
            (std::vector<Span>{span(Level::red, "2026-02-04T02:00", "2026-02-04T04:00")}));
  EXPECT_TRUE(icing.missing.empty());
}

TEST_F(SnowIceHazards, IcingSignalTimeline) {
  EXPECT_EQ(to_spans(series.times, icing.signal),
            (std::vector<Span>{span(Level::yellow, "2026-02-03T00:00", "2026-02-03T17:00"),
                               span(Level::orange, "2026-02-03T18:00", "2026-02-03T23:00"),
                               span(Level::red, "2026-02-04T00:00", "2026-02-04T04:00"),
                               span(Level::orange, "2026-02-04T05:00", "2026-02-04T08:00"),
                               span(Level::yellow, "2026-02-04T09:00", "2026-02-04T23:00")}));
  EXPECT_EQ(icing.max_level(), Level::red);
}

TEST_F(SnowIceHazards, ResidualIceNeedsAFrozenSurface) {
  // 02-04T09:00…23:00 has no precipitation and no icing code: it is residual ice, which a
  // surface above the frozen limit (here lowered to −0.2 °C) does not keep.
  RoadIcingThresholds colder_surface;
  colder_surface.surface_max_c = -0.2;
  const HazardAssessment a = assess_road_icing(series, colder_surface);
  EXPECT_EQ(a.intensity[index_of(series, "2026-02-04T12:00")], Level::yellow);  // Ts −0.2
  EXPECT_EQ(a.intensity[index_of(series, "2026-02-04T13:00")], Level::none);    // Ts −0.1
}

TEST_F(SnowIceHazards, NoFogGaleOrColdWave) {
  const std::vector<HazardAssessment> all = assess_all(series, Thresholds{});
  ASSERT_EQ(all.size(), 5u);
  for (const HazardAssessment& a : all)
    EXPECT_TRUE(a.evaluated) << to_string(a.hazard);
  EXPECT_EQ(all[0].max_level(), Level::none);  // fog: 450 m at 13:00 is snowfall
  EXPECT_EQ(all[0].missing,
            (std::vector<TimePoint>{beijing("2026-02-04T20:00"), beijing("2026-02-04T21:00")}));
  EXPECT_EQ(all[3].max_level(), Level::none);  // gale: max gust 9.1 m/s = 5级
  EXPECT_EQ(all[4].max_level(), Level::none);  // cold wave: d24 = 0.3
}

TEST_F(SnowIceHazards, MaxGustIsForceFive) {
  GaleThresholds gust_five;
  gust_five.blue_gust_force = 5;
  gust_five.blue_mean_force = 99;
  EXPECT_EQ(assess_gale(series, gust_five).intensity[index_of(series, "2026-02-03T13:00")],
            Level::blue);  // 9.1 m/s
  gust_five.blue_gust_force = 6;
  EXPECT_EQ(assess_gale(series, gust_five).max_level(), Level::none);
}

TEST_F(SnowIceHazards, ColdWaveDropIsThreeTenths) {
  // Tmin 02-03 = −2.8 °C, 02-04 = −3.1 °C: d24 = 0.3 exactly, with the blue criteria relaxed.
  ColdWaveThresholds relaxed;
  relaxed.blue_wind_force = 0;
  relaxed.blue_drop_c = 0.3;
  EXPECT_EQ(to_spans(series.times, assess_cold_wave(series, relaxed).intensity),
            (std::vector<Span>{span(Level::blue, "2026-02-04T00:00", "2026-02-04T23:00")}));
  relaxed.blue_drop_c = 0.31;
  EXPECT_EQ(assess_cold_wave(series, relaxed).max_level(), Level::none);
}

}  // namespace
}  // namespace riskwarn::weather
