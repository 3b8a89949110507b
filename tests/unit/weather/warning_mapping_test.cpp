#include <gtest/gtest.h>

#include "adapters/weather/warning_levels.hpp"
#include "adapters/weather/warning_types.hpp"

namespace riskwarn::weather {
namespace {

TEST(WarningTypes, QWeatherCodesOfOurHazardsAndTheirVariants) {
  EXPECT_EQ(qweather_type("1017").hazard, Hazard::fog);
  EXPECT_EQ(qweather_type("1004").hazard, Hazard::snowstorm);
  EXPECT_EQ(qweather_type("1033").hazard, Hazard::snowstorm);
  EXPECT_EQ(qweather_type("1021").hazard, Hazard::road_icing);
  EXPECT_EQ(qweather_type("1057").hazard, Hazard::road_icing);
  EXPECT_EQ(qweather_type("1086").hazard, Hazard::road_icing);
  EXPECT_EQ(qweather_type("1006").hazard, Hazard::gale);
  EXPECT_EQ(qweather_type("1020").hazard, Hazard::gale);
  EXPECT_EQ(qweather_type("1005").hazard, Hazard::cold_wave);
  EXPECT_EQ(qweather_type("1039").hazard, Hazard::cold_wave);
  const TypeLookup marine_fog = qweather_type("1053");
  EXPECT_TRUE(marine_fog.known);
  EXPECT_EQ(marine_fog.hazard, std::nullopt);
  EXPECT_FALSE(qweather_type("11B06").known);
}

TEST(WarningTypes, NamesInTextPreferTheMoreSpecificName) {
  EXPECT_EQ(type_named_in("郑州市气象台发布大雾橙色预警").hazard, Hazard::fog);
  EXPECT_EQ(type_named_in("海上大雾").hazard, std::nullopt);
  EXPECT_TRUE(type_named_in("海上大雾").known);
  EXPECT_EQ(type_named_in("雷雨大风").hazard, Hazard::gale);
  EXPECT_EQ(type_named_in("Dense Fog Advisory").hazard, Hazard::fog);
  EXPECT_EQ(type_named_in("High Wind Warning").hazard, Hazard::gale);
  EXPECT_EQ(type_named_in("Wind Chill Warning").hazard, Hazard::cold_wave);
  EXPECT_EQ(type_named_in("Heavy Snowfall").hazard, Hazard::snowstorm);
  EXPECT_EQ(type_named_in("4; fog").hazard, Hazard::fog);
  EXPECT_FALSE(type_named_in("Rewind").known);
  EXPECT_FALSE(type_named_in("暴雨").known);
}

TEST(WarningTypes, ChineseWarningCodeTypeIsItsFirstTwoDigits) {
  EXPECT_EQ(cn_warning_code_type("1202").hazard, Hazard::fog);
  EXPECT_EQ(cn_warning_code_type("1403").hazard, Hazard::road_icing);
  EXPECT_FALSE(cn_warning_code_type("0902").known);
  EXPECT_FALSE(cn_warning_code_type("12").known);
}

TEST(WarningLevels, ColoursSeveritiesAndTitles) {
  EXPECT_EQ(level_of_colour("Orange"), Level::orange);
  EXPECT_EQ(level_of_colour("red"), Level::red);
  EXPECT_EQ(level_of_colour("黄色"), Level::yellow);
  EXPECT_EQ(level_of_colour("Black"), Level::red);
  EXPECT_EQ(level_of_colour("White"), std::nullopt);
  EXPECT_EQ(level_of_colour("Green"), std::nullopt);
  EXPECT_EQ(level_of_severity("Minor"), Level::blue);
  EXPECT_EQ(level_of_severity("moderate"), Level::yellow);
  EXPECT_EQ(level_of_severity("Major"), Level::orange);
  EXPECT_EQ(level_of_severity("Extreme"), Level::red);
  EXPECT_EQ(level_of_severity("Unknown"), std::nullopt);
  EXPECT_EQ(level_in_title("发布大雾橙色预警[Ⅱ级/严重]"), Level::orange);
  EXPECT_EQ(level_in_title("[Ⅳ级/一般]"), Level::blue);
  EXPECT_EQ(level_in_title("Strong Wind Warning - Orange"), Level::orange);
  EXPECT_EQ(level_in_title("预警"), std::nullopt);
  EXPECT_EQ(level_of_colour_parameter("3; orange; Severe"), Level::orange);
  EXPECT_EQ(level_of_colour_parameter("Yellow"), Level::yellow);
  EXPECT_EQ(level_of_colour_parameter("1; green; Minor"), std::nullopt);
}

}  // namespace
}  // namespace riskwarn::weather
