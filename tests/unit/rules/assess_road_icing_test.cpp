#include <vector>

#include <gtest/gtest.h>

#include "rules/assess/road_icing.hpp"
#include "tests/unit/rules/assess_series_builder.hpp"

namespace riskwarn {
namespace {

using test::series_hour;
using test::SeriesBuilder;

constexpr Level N = Level::none;
constexpr Level Y = Level::yellow;
constexpr Level O = Level::orange;
constexpr Level R = Level::red;

RoadIcingThresholds no_lead() {
  RoadIcingThresholds t;
  t.lead = LeadWindows{0, 0, 0, 0};
  return t;
}

// Dry, cloudy hours at the given surface temperature, with every variable present.
SeriesBuilder dry(std::size_t hours, double surface_c) {
  SeriesBuilder b(hours);
  b.fill(Variable::temperature_c, surface_c)
      .fill(Variable::soil_temperature_c, surface_c)
      .fill(Variable::precipitation_mm, 0.0)
      .fill(Variable::weather_code, 3.0);
  return b;
}

TEST(AssessRoadIcing, LevelsFromCodesAndPrecipitationOnAFrozenSurface) {
  SeriesBuilder b = dry(7, 5.0);
  b.set(Variable::weather_code, {67, 56, 57, 66, 48, 61, 61});
  b.set(Variable::precipitation_mm, {1, 1, 1, 1, 0, 0.1, 0.1});
  b.set(Variable::soil_temperature_c, {5, 5, 5, 5, 5, 0.0, 0.01});
  const HazardAssessment a = assess_road_icing(b.series, no_lead());
  ASSERT_TRUE(a.evaluated);
  EXPECT_EQ(a.hazard, Hazard::road_icing);
  // 67 red, 56/57/66 orange, 48 yellow, 0.1 mm on 0.00 °C yellow, on 0.01 °C none.
  EXPECT_EQ(a.intensity[0], R);
  EXPECT_EQ(a.intensity[1], O);
  EXPECT_EQ(a.intensity[2], O);
  EXPECT_EQ(a.intensity[3], O);
  EXPECT_EQ(a.intensity[4], Y);
  EXPECT_EQ(a.intensity[5], Y);
  EXPECT_EQ(a.intensity[6], N);

  SeriesBuilder drizzle = dry(1, -3.0);
  drizzle.fill(Variable::precipitation_mm, 0.09).fill(Variable::weather_code, 51.0);
  EXPECT_EQ(assess_road_icing(drizzle.series, no_lead()).intensity, (std::vector<Level>{N}));
}

TEST(AssessRoadIcing, SurfaceIsSoilTemperatureElseAirTemperature) {
  SeriesBuilder b = dry(3, -2.0);
  b.fill(Variable::precipitation_mm, 0.5).fill(Variable::weather_code, 61.0);
  b.set(Variable::soil_temperature_c, {1.0, std::nullopt, std::nullopt});
  b.set(Variable::temperature_c, {-2.0, -2.0, 1.0});
  const HazardAssessment a = assess_road_icing(b.series, no_lead());
  EXPECT_EQ(a.intensity, (std::vector<Level>{N, Y, N}));
  EXPECT_TRUE(a.missing.empty());

  SeriesBuilder air_only = dry(1, -2.0);
  air_only.series.columns[static_cast<std::size_t>(Variable::soil_temperature_c)].reset();
  air_only.fill(Variable::precipitation_mm, 0.5);
  EXPECT_EQ(assess_road_icing(air_only.series, no_lead()).intensity, (std::vector<Level>{Y}));
}

TEST(AssessRoadIcing, ResidualIceLastsTwentyFourHoursInclusive) {
  SeriesBuilder b = dry(30, -1.0);
  b.at(Variable::weather_code, 2, 66);
  const HazardAssessment a = assess_road_icing(b.series, no_lead());
  EXPECT_EQ(to_spans(b.series.times, a.intensity),
            (std::vector<Span>{{O, series_hour(2), series_hour(2)},
                               {Y, series_hour(3), series_hour(26)}}));
}

TEST(AssessRoadIcing, ThawOfThreeHoursEndsResidualIce) {
  SeriesBuilder two_warm = dry(12, -1.0);
  two_warm.at(Variable::weather_code, 0, 56);
  two_warm.at(Variable::soil_temperature_c, 3, 0.5).at(Variable::soil_temperature_c, 4, 0.5);
  EXPECT_EQ(assess_road_icing(two_warm.series, no_lead()).intensity,
            (std::vector<Level>{O, Y, Y, N, N, Y, Y, Y, Y, Y, Y, Y}));

  SeriesBuilder three_warm = two_warm;
  three_warm.at(Variable::soil_temperature_c, 5, 0.5);
  EXPECT_EQ(assess_road_icing(three_warm.series, no_lead()).intensity,
            (std::vector<Level>{O, Y, Y, N, N, N, N, N, N, N, N, N}));

  // A new icing hour after the thaw starts residual ice again.
  SeriesBuilder refrozen = three_warm;
  refrozen.at(Variable::weather_code, 8, 48);
  EXPECT_EQ(assess_road_icing(refrozen.series, no_lead()).intensity,
            (std::vector<Level>{O, Y, Y, N, N, N, N, N, Y, Y, Y, Y}));
}

TEST(AssessRoadIcing, CountyOverridesOfResidualAndThaw) {
  SeriesBuilder b = dry(12, -1.0);
  b.at(Variable::weather_code, 0, 67);
  b.at(Variable::soil_temperature_c, 3, 0.5).at(Variable::soil_temperature_c, 4, 0.5);
  RoadIcingThresholds t = no_lead();
  t.residual_hours = 6;
  t.thaw_hours = 2;
  EXPECT_EQ(assess_road_icing(b.series, t).intensity,
            (std::vector<Level>{R, Y, Y, N, N, N, N, N, N, N, N, N}));
  t.thaw_hours = 3;
  EXPECT_EQ(assess_road_icing(b.series, t).intensity,
            (std::vector<Level>{R, Y, Y, N, N, Y, Y, N, N, N, N, N}));
  t.residual_hours = 0;
  EXPECT_EQ(assess_road_icing(b.series, t).max_level(), R);
  EXPECT_EQ(assess_road_icing(b.series, t).intensity[1], N);
}

TEST(AssessRoadIcing, LeadWindowsOfTheSignal) {
  SeriesBuilder b = dry(20, 3.0);
  b.at(Variable::weather_code, 15, 67);
  const HazardAssessment a = assess_road_icing(b.series, RoadIcingThresholds{});
  EXPECT_EQ(to_spans(b.series.times, a.signal),
            (std::vector<Span>{{Y, series_hour(3), series_hour(8)},
                               {O, series_hour(9), series_hour(12)},
                               {R, series_hour(13), series_hour(15)}}));
}

TEST(AssessRoadIcing, NullsNeverTriggerNorThawAndAreReportedMissing) {
  SeriesBuilder b = dry(8, -1.0);
  b.at(Variable::weather_code, 0, 56);
  // Hours 2–4 are warm but hour 3 has no surface temperature: no three-hour thaw.
  b.at(Variable::soil_temperature_c, 2, 0.5).at(Variable::temperature_c, 2, 0.5);
  b.at(Variable::soil_temperature_c, 3, std::nullopt).at(Variable::temperature_c, 3, std::nullopt);
  b.at(Variable::soil_temperature_c, 4, 0.5).at(Variable::temperature_c, 4, 0.5);
  b.at(Variable::weather_code, 6, std::nullopt).at(Variable::precipitation_mm, 7, std::nullopt);
  const HazardAssessment a = assess_road_icing(b.series, no_lead());
  EXPECT_EQ(a.intensity, (std::vector<Level>{O, Y, N, N, N, Y, Y, Y}));
  EXPECT_EQ(a.missing, (std::vector<TimePoint>{series_hour(3), series_hour(6), series_hour(7)}));
}

TEST(AssessRoadIcing, EvaluatedOnlyWithAirTemperature) {
  SeriesBuilder b(2);
  b.fill(Variable::soil_temperature_c, -3.0).fill(Variable::weather_code, 67.0);
  const HazardAssessment a = assess_road_icing(b.series, no_lead());
  EXPECT_FALSE(a.evaluated);
  EXPECT_EQ(a.max_level(), N);
}

}  // namespace
}  // namespace riskwarn
