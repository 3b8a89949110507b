#include "adapters/notify/webhook_payload.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace riskwarn::notify {
namespace {

using namespace std::chrono_literals;

// 2025-12-30T20:00:00Z, which is 2025-12-31T04:00+08:00.
constexpr TimePoint kFogStart{std::chrono::sys_days{std::chrono::December / 30 / 2025} + 20h};

AlertDocument traffic_police_document() {
  AlertDocument doc;
  doc.id = "ntf_410102_traffic_police_42";
  doc.sent_at = kFogStart - 2h;
  doc.county_code = "410102";
  doc.county_name = "中原区";
  doc.role = "traffic_police";
  doc.department = "中原区公安局交警大队";
  doc.text = "【中原区应急管理局】大雾橙色预警：31日04时至09时有大雾，请加强道路巡查。";
  doc.alerts.push_back(PayloadAlert{"alt_1",
                                    AlertChange::resolved,
                                    "road_traffic.gale",
                                    "road_traffic",
                                    Hazard::gale,
                                    Level::yellow,
                                    "大风黄色预警",
                                    kFogStart - 24h,
                                    kFogStart - 20h,
                                    {}});
  doc.alerts.push_back(PayloadAlert{"alt_2",
                                    AlertChange::raised,
                                    "road_traffic.fog",
                                    "road_traffic",
                                    Hazard::fog,
                                    Level::orange,
                                    "大雾橙色预警",
                                    kFogStart,
                                    kFogStart + 5h,
                                    {"加强道路巡查", "必要时实施交通管制"}});
  return doc;
}

TEST(WebhookPayload, CarriesTheDocumentedFields) {
  const std::string body = build_alert_payload(traffic_police_document());
  const auto json = nlohmann::json::parse(body);

  EXPECT_EQ(json.at("schema"), "riskwarn.alert.v1");
  EXPECT_EQ(json.at("type"), "alert.raised");
  EXPECT_EQ(json.at("id"), "ntf_410102_traffic_police_42");
  EXPECT_EQ(json.at("sent_at"), "2025-12-30T18:00:00Z");
  EXPECT_EQ(json.at("generator").get<std::string>().rfind("riskwarn/", 0), 0u);
  EXPECT_EQ(json.at("county"), (nlohmann::json{{"code", "410102"}, {"name", "中原区"}}));
  EXPECT_EQ(json.at("department"),
            (nlohmann::json{{"role", "traffic_police"}, {"name", "中原区公安局交警大队"}}));
  EXPECT_TRUE(json.at("ack_url").is_null());

  ASSERT_EQ(json.at("alerts").size(), 2u);
  const auto& fog = json.at("alerts").at(1);
  EXPECT_EQ(fog.at("alert_id"), "alt_2");
  EXPECT_EQ(fog.at("change"), "raised");
  EXPECT_EQ(fog.at("rule"), "road_traffic.fog");
  EXPECT_EQ(fog.at("sector"), "road_traffic");
  EXPECT_EQ(fog.at("hazard"), "fog");
  EXPECT_EQ(fog.at("level"), "orange");
  EXPECT_EQ(fog.at("level_zh"), "橙色");
  EXPECT_EQ(fog.at("title"), "大雾橙色预警");
  EXPECT_EQ(fog.at("start"), "2025-12-31T04:00+08:00");
  EXPECT_EQ(fog.at("end"), "2025-12-31T09:00+08:00");
  EXPECT_EQ(fog.at("actions"), (nlohmann::json{"加强道路巡查", "必要时实施交通管制"}));
  const auto& gale = json.at("alerts").at(0);
  EXPECT_EQ(gale.at("change"), "resolved");
  EXPECT_EQ(gale.at("title"), "大风黄色预警");
  EXPECT_TRUE(gale.at("actions").is_array());
  EXPECT_TRUE(gale.at("actions").empty());
}

TEST(WebhookPayload, KeepsChineseAsUtf8RatherThanEscapes) {
  const auto doc = traffic_police_document();
  const std::string body = build_alert_payload(doc);
  EXPECT_NE(body.find("中原区"), std::string::npos);
  EXPECT_EQ(body.find("\\u"), std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(body).at("text"), doc.text);
}

TEST(WebhookPayload, StartsWithTheSchemaAndIsCompact) {
  const std::string body = build_alert_payload(traffic_police_document());
  EXPECT_EQ(body.rfind(R"({"schema":"riskwarn.alert.v1","type":)", 0), 0u) << body;
  EXPECT_EQ(body.find('\n'), std::string::npos);
}

TEST(WebhookPayload, TypeIsTheMostUrgentChange) {
  auto doc = traffic_police_document();
  EXPECT_EQ(event_type(doc), "alert.raised");
  doc.alerts[1].change = AlertChange::updated;
  EXPECT_EQ(event_type(doc), "alert.updated");
  doc.alerts[1].change = AlertChange::resolved;
  EXPECT_EQ(event_type(doc), "alert.resolved");
}

TEST(WebhookPayload, CarriesTheAckLinkWhenConfigured) {
  auto doc = traffic_police_document();
  doc.ack_url = "https://riskwarn.example.gov.cn/ack/Zq3";
  EXPECT_EQ(nlohmann::json::parse(build_alert_payload(doc)).at("ack_url"), doc.ack_url);
}

TEST(WebhookPayload, ReplacesInvalidUtf8InsteadOfThrowing) {
  auto doc = traffic_police_document();
  doc.text = "bad \xff\xfe bytes";
  std::string body;
  ASSERT_NO_THROW(body = build_alert_payload(doc));
  EXPECT_EQ(nlohmann::json::parse(body).at("text"), "bad \xEF\xBF\xBD\xEF\xBF\xBD bytes");
}

TEST(WebhookPayload, CalendarAlertHasNullHazard) {
  auto doc = traffic_police_document();
  doc.alerts[0].hazard = std::nullopt;
  EXPECT_TRUE(
      nlohmann::json::parse(build_alert_payload(doc)).at("alerts")[0].at("hazard").is_null());
}

}  // namespace
}  // namespace riskwarn::notify
