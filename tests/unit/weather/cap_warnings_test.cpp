#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "adapters/weather/cap.hpp"
#include "tests/unit/weather/official_fixtures.hpp"

namespace riskwarn::weather {
namespace {

using test::at;
using test::replaced;

// 正定县 (130123) and a point inside the fixtures' polygon and circle.
constexpr std::string_view kCounty = "130123";
constexpr double kLat = 38.15;
constexpr double kLon = 114.57;

std::string fixture(const std::string& name) {
  return test::read_official_fixture("cap", name);
}

std::vector<CapAlert> parsed(const std::vector<std::string>& documents) {
  std::vector<CapAlert> chain;
  for (const std::string& xml : documents) {
    Result<std::vector<CapAlert>> alerts = parse_cap(xml);
    EXPECT_TRUE(alerts) << (alerts ? "" : alerts.error().message);
    if (alerts)
      chain.insert(chain.end(), alerts->begin(), alerts->end());
  }
  return chain;
}

std::vector<OfficialWarning> warnings(const std::vector<std::string>& documents, const char* now,
                                      std::string_view county = kCounty, double lat = kLat,
                                      double lon = kLon) {
  return cap_warnings_for(parsed(documents), county, lat, lon, at(now));
}

TEST(CapWarnings, ChainGivesYellowThenOrangeThenNothing) {
  const std::string alert = fixture("fog-alert.xml");
  const std::string update = fixture("fog-update.xml");
  const std::string cancel = fixture("fog-cancel.xml");

  const auto yellow = warnings({alert}, "2026-02-14T06:45:00+08:00");
  ASSERT_EQ(yellow.size(), 1u);
  OfficialWarning expected;
  expected.id = "13012341600000_20260214063000_0";
  expected.sender = "正定县气象台（示例）";
  expected.hazard = Hazard::fog;
  expected.type_name = "大雾";
  expected.type_code = "1202";
  expected.level = Level::yellow;
  expected.start = at("2026-02-14T07:00:00+08:00");
  expected.end = at("2026-02-14T12:00:00+08:00");
  expected.issued = at("2026-02-14T06:30:00+08:00");
  expected.headline = "正定县气象台发布大雾黄色预警信号";
  expected.source_format = "cap";
  EXPECT_EQ(yellow[0], expected) << "one warning from the Chinese info of two languages";

  const auto orange = warnings({alert, update}, "2026-02-14T08:30:00+08:00");
  ASSERT_EQ(orange.size(), 1u);
  EXPECT_EQ(orange[0].id, "13012341600000_20260214081500_0");
  EXPECT_EQ(orange[0].level, Level::orange);
  EXPECT_EQ(orange[0].end, at("2026-02-14T13:00:00+08:00"));

  EXPECT_TRUE(warnings({alert, update, cancel}, "2026-02-14T11:40:00+08:00").empty());
  EXPECT_TRUE(warnings({cancel, update, alert}, "2026-02-14T11:40:00+08:00").empty())
      << "the order messages arrive in does not matter";
}

TEST(CapWarnings, ExpiredInfoIsDropped) {
  const std::string alert = fixture("fog-alert.xml");
  EXPECT_EQ(warnings({alert}, "2026-02-14T11:59:59+08:00").size(), 1u);
  EXPECT_TRUE(warnings({alert}, "2026-02-14T12:00:00+08:00").empty());
}

TEST(CapWarnings, RepeatedMessagesGiveOneWarning) {
  const std::string alert = fixture("fog-alert.xml");
  EXPECT_EQ(warnings({alert, alert, alert}, "2026-02-14T08:00:00+08:00").size(), 1u);
}

TEST(CapWarnings, AreaMatchesByGeocodeOrByPolygonOrCircleContainingThePoint) {
  const std::string alert = fixture("fog-alert.xml");
  const char* now = "2026-02-14T08:00:00+08:00";
  // Geocode alone: a point far outside the polygon still matches the county code.
  EXPECT_EQ(warnings({alert}, now, kCounty, 30.0, 100.0).size(), 1u);
  // Polygon alone: another county's code, the point inside the polygon.
  EXPECT_EQ(warnings({alert}, now, "130124", kLat, kLon).size(), 1u);
  // Neither: another county outside the polygon.
  EXPECT_TRUE(warnings({alert}, now, "130124", 38.5, 114.57).empty());
  // Prefecture-wide and province-wide geocodes cover the county.
  const std::string city = replaced(alert, "<value>130123</value>", "<value>130100</value>");
  EXPECT_EQ(warnings({city}, now, kCounty, 30.0, 100.0).size(), 1u);
  EXPECT_TRUE(warnings({city}, now, "130200", 30.0, 100.0).empty());
  const std::string province = replaced(alert, "<value>130123</value>", "<value>130000</value>");
  EXPECT_EQ(warnings({province}, now, "130681", 30.0, 100.0).size(), 1u);

  // The update's circle (12 km around 38.15,114.57) with its polygon moved away.
  const std::string update = replaced(
      fixture("fog-update.xml"),
      "<polygon>38.30,114.45 38.30,114.72 38.07,114.72 38.07,114.45 38.30,114.45</polygon>",
      "<polygon>10,10 10,11 11,11 10,10</polygon>");
  const char* later = "2026-02-14T08:30:00+08:00";
  EXPECT_EQ(warnings({update}, later, "130124", 38.20, 114.60).size(), 1u);
  EXPECT_TRUE(warnings({update}, later, "130124", 38.30, 114.57).empty()) << "about 17 km away";
}

TEST(CapWarnings, OnlyActualMessagesCount) {
  const std::string test_alert =
      replaced(fixture("fog-alert.xml"), "<status>Actual</status>", "<status>Exercise</status>");
  EXPECT_TRUE(warnings({test_alert}, "2026-02-14T08:00:00+08:00").empty());
}

TEST(CapWarnings, LevelFallsBackToSeverityAndUnknownEventsAreKeptAsOther) {
  std::string alert = fixture("fog-alert.xml");
  alert = replaced(alert, "<valueName>warning_color</valueName>", "<valueName>note</valueName>");
  alert = replaced(alert, "<severity>Moderate</severity>", "<severity>Extreme</severity>");
  alert = replaced(alert, "<event>大雾</event>", "<event>雷电</event>");
  alert = replaced(alert, "<value>1202</value>", "<value>0902</value>");
  alert = replaced(alert, "发布大雾黄色预警信号", "发布雷电预警信号");
  const auto got = warnings({alert}, "2026-02-14T08:00:00+08:00");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].level, Level::red);
  EXPECT_EQ(got[0].hazard, std::nullopt);
  EXPECT_EQ(got[0].type_name, "雷电");
}

TEST(CapWarnings, EnglishOnlyMessagesAreRead) {
  std::string alert = fixture("fog-alert.xml");
  alert.erase(alert.find("<info>"), alert.find("</info>") + 7 - alert.find("<info>"));
  alert = replaced(alert, "<value>1202</value>", "<value>FGY</value>");
  const auto got = warnings({alert}, "2026-02-14T08:00:00+08:00");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].hazard, Hazard::fog);
  EXPECT_EQ(got[0].headline, "Yellow fog warning for Zhengding County");
}

}  // namespace
}  // namespace riskwarn::weather
