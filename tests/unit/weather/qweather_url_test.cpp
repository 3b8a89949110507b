#include <gtest/gtest.h>

#include "adapters/weather/qweather_url.hpp"

namespace riskwarn::weather {
namespace {

config::County zhongmu() {
  config::County county;
  county.code = "410122";
  county.name = "中牟县";
  county.latitude = 34.7189;
  county.longitude = 113.9762;
  return county;
}

TEST(QWeatherUrl, HostRootMeansTheV1WeatherAlertEndpoint) {
  EXPECT_EQ(qweather_endpoint_of("https://abc.def.qweatherapi.com"),
            QWeatherEndpoint::weather_alert_v1);
  EXPECT_EQ(qweather_warning_url("https://abc.def.qweatherapi.com/", zhongmu()),
            "https://abc.def.qweatherapi.com/weatheralert/v1/current/34.72/113.98"
            "?localTime=true&lang=zh");
  EXPECT_EQ(qweather_warning_url("https://h.example/weatheralert/v1/current", zhongmu()),
            "https://h.example/weatheralert/v1/current/34.72/113.98?localTime=true&lang=zh");
}

TEST(QWeatherUrl, V7PathTakesLongitudeCommaLatitudeOrALocationId) {
  EXPECT_EQ(qweather_endpoint_of("https://h.example/v7/warning/now"),
            QWeatherEndpoint::warning_now_v7);
  EXPECT_EQ(qweather_warning_url("https://h.example/v7/warning/now", zhongmu()),
            "https://h.example/v7/warning/now?location=113.98,34.72&lang=zh");
  EXPECT_EQ(qweather_warning_url("https://h.example/v7/warning/now", zhongmu(), "101180107"),
            "https://h.example/v7/warning/now?location=101180107&lang=zh");
}

TEST(QWeatherUrl, KeepsAQueryAlreadyInTheFeedUrl) {
  EXPECT_EQ(qweather_warning_url("https://h.example/v7/warning/now?key=K", zhongmu()),
            "https://h.example/v7/warning/now?key=K&location=113.98,34.72&lang=zh");
  EXPECT_EQ(qweather_warning_url("https://h.example?key=K", zhongmu()),
            "https://h.example/weatheralert/v1/current/34.72/113.98?key=K&localTime=true&lang=zh");
}

TEST(QWeatherUrl, CoordinatesHaveTwoDecimalsWhateverTheSign) {
  config::County county = zhongmu();
  county.latitude = -0.001;
  county.longitude = -70.5;
  EXPECT_EQ(qweather_warning_url("https://h.example", county),
            "https://h.example/weatheralert/v1/current/0.00/-70.50?localTime=true&lang=zh");
}

}  // namespace
}  // namespace riskwarn::weather
