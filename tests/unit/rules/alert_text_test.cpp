#include "rules/messages/alert_text.hpp"

#include <gtest/gtest.h>

namespace riskwarn {
namespace {

using std::chrono::hours;

const TimePoint kStart = std::chrono::sys_days{std::chrono::year{2025} / 12 / 30} + hours{17};

AlertChange orange_fog(ChangeKind kind) {
  return AlertChange{.kind = kind,
                     .key = {"410102", "road_traffic.fog", "fog"},
                     .sector = "road_traffic",
                     .hazard = Hazard::fog,
                     .level = Level::orange,
                     .previous_level = kind == ChangeKind::raise ? Level::none : Level::yellow,
                     .start = kStart,
                     .end = kStart + hours{8},
                     .roles = {"traffic_police"},
                     .actions = {"加强路面巡检管控", "及时落实大雾特殊天气条件下的安全应对措施"}};
}

TEST(AlertText, WarningTitleNamesHazardAndColour) {
  EXPECT_EQ(warning_title(Hazard::road_icing, Level::red), "道路结冰红色预警");
  EXPECT_EQ(warning_title(Hazard::cold_wave, Level::blue), "寒潮蓝色预警");
  EXPECT_EQ(warning_title(Hazard::snowstorm, Level::notice), "暴雪提示");
}

TEST(AlertText, TitleNamesHazardAndColour) {
  EXPECT_EQ(alert_title(orange_fog(ChangeKind::raise)), "大雾橙色预警");
  EXPECT_EQ(alert_title(orange_fog(ChangeKind::resolve)), "大雾预警解除");
}

TEST(AlertText, MessageSaysCountyWindowInLocalTimeAndActions) {
  const Recipient to{"中原区", "区公安分局交通管理大队", std::chrono::seconds{8 * 3600}};
  EXPECT_EQ(
      department_message(to, {orange_fog(ChangeKind::raise)}),
      "【中原区安全生产风险预警】区公安分局交通管理大队：\n"
      "大雾橙色预警（发布），预计影响时段 2025-12-31T01:00+08:00 至 "
      "2025-12-31T09:00+08:00。请加强路面巡检管控；及时落实大雾特殊天气条件下的安全应对措施。");
}

TEST(AlertText, UpgradeAndResolutionAreWorded) {
  const Recipient to{"中原区", "交警大队", std::chrono::seconds{8 * 3600}};
  const std::string text =
      department_message(to, {orange_fog(ChangeKind::update), orange_fog(ChangeKind::resolve)});
  EXPECT_NE(text.find("1. 大雾橙色预警（升级）"), std::string::npos) << text;
  EXPECT_NE(text.find("2. 大雾预警解除（解除）"), std::string::npos) << text;
}

}  // namespace
}  // namespace riskwarn
