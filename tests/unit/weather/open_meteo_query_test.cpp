#include <string>

#include <gtest/gtest.h>

#include "adapters/weather/open_meteo.hpp"

namespace riskwarn::weather {
namespace {

TEST(OpenMeteoQuery, RequestsEveryVariableTheHazardsNeed) {
  EXPECT_EQ(open_meteo_query(34.75, 113.62, "Asia/Shanghai"),
            "latitude=34.75&longitude=113.62&hourly=visibility,precipitation,rain,showers,"
            "snowfall,temperature_2m,relative_humidity_2m,dew_point_2m,weather_code,"
            "soil_temperature_0cm,wind_speed_10m,wind_gusts_10m&timezone=Asia%2FShanghai"
            "&wind_speed_unit=ms&forecast_days=3&past_days=2");
}

std::string coordinates_of(double latitude, double longitude) {
  const std::string query = open_meteo_query(latitude, longitude, "UTC");
  return query.substr(0, query.find("&hourly="));
}

TEST(OpenMeteoQuery, CoordinatesHaveAtMostFourDecimals) {
  EXPECT_EQ(coordinates_of(34.123456, 113.98765), "latitude=34.1235&longitude=113.9877");
  EXPECT_EQ(coordinates_of(-33.8688, 151.2093), "latitude=-33.8688&longitude=151.2093");
  EXPECT_EQ(coordinates_of(40, -120), "latitude=40&longitude=-120");
  EXPECT_EQ(coordinates_of(0.5, -0.00001), "latitude=0.5&longitude=0");
  EXPECT_EQ(coordinates_of(89.99999, 179.99996), "latitude=90&longitude=180");
}

TEST(OpenMeteoQuery, TimezoneIsUrlEncoded) {
  const std::string query = open_meteo_query(1, 2, "America/Argentina/Buenos_Aires");
  EXPECT_NE(query.find("&timezone=America%2FArgentina%2FBuenos_Aires&"), std::string::npos);
  EXPECT_NE(open_meteo_query(1, 2, "Etc/GMT+8 x&y").find("&timezone=Etc%2FGMT%2B8%20x%26y&"),
            std::string::npos);
}

}  // namespace
}  // namespace riskwarn::weather
