// The hazards other than fog on openmeteo_fog_ok.json (EXPECTED.md §2), parsed with the real
// parser: none of them reaches a level.
#include <vector>

#include <gtest/gtest.h>

#include "rules/assess/assess_all.hpp"
#include "rules/assess/cold_wave.hpp"
#include "rules/assess/gale.hpp"
#include "tests/unit/weather/open_meteo_fixtures.hpp"

namespace riskwarn::weather {
namespace {

using test::parse_fixture;

class FogOkOther : public ::testing::Test {
 protected:
  HourlySeries series = parse_fixture("openmeteo_fog_ok.json");
  std::vector<HazardAssessment> all = assess_all(series, Thresholds{});
};

TEST_F(FogOkOther, EveryHazardIsEvaluatedAndOnlyFogHasALevel) {
  ASSERT_EQ(all.size(), 5u);
  const std::vector<Level> expected{Level::red, Level::none, Level::none, Level::none, Level::none};
  for (std::size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(all[i].hazard, kAllHazards[i]);
    EXPECT_TRUE(all[i].evaluated) << to_string(all[i].hazard);
    EXPECT_EQ(all[i].max_level(), expected[i]) << to_string(all[i].hazard);
    EXPECT_TRUE(all[i].missing.empty()) << to_string(all[i].hazard);
  }
}

TEST_F(FogOkOther, MaxGustIsForceFour) {
  // 6.1 m/s = 4级: a gust criterion of 4级 is reached, 5级 is not.
  GaleThresholds t;
  t.blue_gust_force = 4;
  EXPECT_EQ(assess_gale(series, t).max_level(), Level::blue);
  t.blue_gust_force = 5;
  EXPECT_EQ(assess_gale(series, t).max_level(), Level::none);
}

TEST_F(FogOkOther, ColdWaveDropIsNegative) {
  // d24 of Tmin = −0.1 °C: the minimum rose. Even a zero-drop criterion is not reached.
  ColdWaveThresholds relaxed;
  relaxed.blue_drop_c = 0;
  relaxed.blue_wind_force = 0;
  relaxed.blue_tmin_c = 40;
  EXPECT_EQ(assess_cold_wave(series, relaxed).max_level(), Level::none);
  relaxed.blue_drop_c = -0.1;
  EXPECT_EQ(assess_cold_wave(series, relaxed).max_level(), Level::blue);
}

}  // namespace
}  // namespace riskwarn::weather
