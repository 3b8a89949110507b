#include <chrono>
#include <string>

#include <gtest/gtest.h>

#include "adapters/weather/qweather.hpp"
#include "tests/unit/weather/official_fixtures.hpp"

namespace riskwarn::weather {
namespace {

using test::at;

std::string fixture(const std::string& name) {
  return test::read_official_fixture("weather", name);
}

QWeatherReply parsed(const std::string& body) {
  Result<QWeatherReply> reply = parse_qweather(body);
  EXPECT_TRUE(reply) << (reply ? "" : reply.error().message);
  return reply ? std::move(reply).value() : QWeatherReply{};
}

std::string error_for(const std::string& body) {
  const Result<QWeatherReply> reply = parse_qweather(body);
  EXPECT_FALSE(reply) << "parsed unexpectedly: " << body.substr(0, 200);
  return reply ? std::string{} : reply.error().message;
}

// A v7 body with one warning whose fields are the fog fixture's, with `fields` merged over.
std::string v7_with(const std::string& fields) {
  return R"({"code":"200","warning":[{"id":"W1","sender":"某县气象台","pubTime":"2025-12-31T00:15+08:00",
    "title":"某县气象台发布大雾橙色预警[Ⅱ级/严重]","startTime":"2025-12-31T00:15+08:00",
    "endTime":"2025-12-31T12:00+08:00","status":"active","severity":"Severe",
    "severityColor":"Orange","type":"1017","typeName":"大雾","related":"")" +
         fields + "}]}";
}

const OfficialWarning& only(const QWeatherReply& reply) {
  static const OfficialWarning kNone;
  EXPECT_EQ(reply.warnings.size(), 1u);
  return reply.warnings.empty() ? kNone : reply.warnings.front();
}

TEST(QWeatherParse, FogFixtureGivesTheOrangeFogWarningOfExpectedSection6) {
  const QWeatherReply reply = parsed(fixture("qweather_warning_fog.json"));
  OfficialWarning expected;
  expected.id = "10118010120251231001500411726905";
  expected.sender = "郑州市气象台";
  expected.hazard = Hazard::fog;
  expected.type_name = "大雾";
  expected.type_code = "1017";
  expected.level = Level::orange;
  expected.start = at("2025-12-31T00:15+08:00");
  expected.end = at("2025-12-31T12:00+08:00");
  expected.issued = at("2025-12-31T00:15+08:00");
  expected.headline = "郑州市气象台发布大雾橙色预警[Ⅱ级/严重]";
  expected.source_format = "qweather";
  EXPECT_EQ(only(reply), expected);
  EXPECT_FALSE(reply.no_data);
  EXPECT_TRUE(reply.retired_ids.empty());
}

TEST(QWeatherParse, EmptyWarningArrayIsASuccessWithNoWarnings) {
  const QWeatherReply reply = parsed(fixture("qweather_warning_none.json"));
  EXPECT_TRUE(reply.warnings.empty());
  EXPECT_FALSE(reply.no_data);
}

TEST(QWeatherParse, Code204IsNoDataForTheAreaNotAnAllClear) {
  const QWeatherReply reply = parsed(fixture("qweather_warning_204.json"));
  EXPECT_TRUE(reply.warnings.empty());
  EXPECT_TRUE(reply.no_data);
}

TEST(QWeatherParse, V7ErrorCodeSaysWhatItMeansAndThatRetryingDoesNotHelp) {
  const std::string message = error_for(fixture("qweather_error_401.json"));
  EXPECT_NE(message.find("qweather: the API answered error 401"), std::string::npos) << message;
  EXPECT_NE(message.find("authentication failed"), std::string::npos) << message;
  EXPECT_NE(message.find("not retryable"), std::string::npos) << message;
}

TEST(QWeatherParse, V7RateLimitAndServerErrorsAreRetryable) {
  for (const char* code : {"429", "500"}) {
    const std::string message = error_for(std::string{R"({"code":")"} + code + R"("})");
    EXPECT_NE(message.find(std::string{"error "} + code), std::string::npos) << message;
    EXPECT_NE(message.find("retryable after a back-off"), std::string::npos) << message;
  }
  EXPECT_NE(error_for(R"({"code":"402"})").find("quota"), std::string::npos);
}

TEST(QWeatherParse, V2ErrorObjectGivesStatusTitleDetailAndMeaning) {
  const std::string message = error_for(fixture("qweather_error_v2_403.json"));
  EXPECT_NE(message.find("error 403"), std::string::npos) << message;
  EXPECT_NE(message.find("quota or balance exhausted"), std::string::npos) << message;
  EXPECT_NE(message.find("No Credit: Insufficient account balance"), std::string::npos) << message;
  EXPECT_NE(message.find("not retryable"), std::string::npos) << message;
}

TEST(QWeatherParse, UnmodelledTypeIsKeptAsOtherAndCancelsAndUpdatesAreApplied) {
  const QWeatherReply reply = parsed(fixture("qweather_warning_mixed.json"));
  ASSERT_EQ(reply.warnings.size(), 2u);

  const OfficialWarning& thunder = reply.warnings[0];
  EXPECT_EQ(thunder.type_name, "雷电");
  EXPECT_EQ(thunder.hazard, std::nullopt);
  EXPECT_EQ(thunder.level, Level::yellow);
  EXPECT_EQ(thunder.start, at("2025-12-31T09:30+08:00"));
  EXPECT_EQ(thunder.end, at("2025-12-31T09:30+08:00") + std::chrono::hours{24})
      << "no endTime: QWeather expires a warning 24 h after its start";

  const OfficialWarning& icing = reply.warnings[1];
  EXPECT_EQ(icing.id, "10118010720251231091500733810245");
  EXPECT_EQ(icing.hazard, Hazard::road_icing);
  EXPECT_EQ(icing.level, Level::orange) << "severityColor null falls back to severity Severe";

  EXPECT_EQ(reply.retired_ids, (std::vector<std::string>{"10118010720251231080000482930112",
                                                         "10118010720251231090000119283746",
                                                         "10118010720251230160000328174652"}));
}

TEST(QWeatherParse, WeatherAlertV1ShapeGivesTheSameModel) {
  const QWeatherReply reply = parsed(fixture("qweather_alert_v1_fog.json"));
  ASSERT_EQ(reply.warnings.size(), 2u);
  const OfficialWarning& fog = reply.warnings[0];
  EXPECT_EQ(fog.id, "202512310015001234567890");
  EXPECT_EQ(fog.sender, "郑州市气象台");
  EXPECT_EQ(fog.hazard, Hazard::fog);
  EXPECT_EQ(fog.type_code, "1017");
  EXPECT_EQ(fog.level, Level::orange);
  EXPECT_EQ(fog.start, at("2025-12-31T00:15+08:00"));
  EXPECT_EQ(fog.end, at("2025-12-31T12:00+08:00"));
  EXPECT_EQ(fog.source_format, "qweather");

  const OfficialWarning& haze = reply.warnings[1];
  EXPECT_EQ(haze.hazard, std::nullopt);
  EXPECT_EQ(haze.type_name, "霾");
  EXPECT_EQ(haze.level, Level::yellow);
  EXPECT_EQ(haze.start, at("2025-12-31T06:00+08:00")) << "onsetTime starts the hazard";

  EXPECT_EQ(reply.retired_ids, std::vector<std::string>{"202512302130009876543210"});
  EXPECT_FALSE(reply.no_data);
}

TEST(QWeatherParse, WeatherAlertV1ZeroResultIsNoWarnings) {
  const QWeatherReply reply = parsed(fixture("qweather_alert_v1_none.json"));
  EXPECT_TRUE(reply.warnings.empty());
  EXPECT_FALSE(reply.no_data);
}

TEST(QWeatherParse, V1CancelRetiresWhatItSupersedesAndAddsNothing) {
  const QWeatherReply reply = parsed(R"({"metadata":{"zeroResult":false},"alerts":[
    {"id":"C","issuedTime":"2025-10-16T21:00Z","messageType":{"code":"cancel","supersedes":["B"]},
     "eventType":{"name":"wind","code":"2551"},"severity":"moderate","color":{"code":"orange"},
     "effectiveTime":"2025-10-16T21:00Z","expireTime":"2025-10-16T22:00Z","headline":"x"}]})");
  EXPECT_TRUE(reply.warnings.empty());
  EXPECT_EQ(reply.retired_ids, (std::vector<std::string>{"C", "B"}));
}

TEST(QWeatherParse, LevelFallsBackFromColourToSeverityToTitleToBlue) {
  EXPECT_EQ(only(parsed(v7_with(R"(,"severityColor":"Red")"))).level, Level::red);
  EXPECT_EQ(only(parsed(v7_with(R"(,"severityColor":"Black")"))).level, Level::red);
  EXPECT_EQ(only(parsed(v7_with(R"(,"severityColor":"White","severity":"Extreme")"))).level,
            Level::red);
  EXPECT_EQ(only(parsed(v7_with(R"(,"severityColor":"","severity":"Unknown",
      "title":"发布大雾黄色预警")")))
                .level,
            Level::yellow);
  EXPECT_EQ(only(parsed(v7_with(R"(,"severityColor":null,"severity":"","title":"预警")"))).level,
            Level::blue);
}

TEST(QWeatherParse, TypeFallsBackToTheTypeNameWhenTheCodeIsUnknown) {
  EXPECT_EQ(only(parsed(v7_with(R"(,"type":"11B06","typeName":"大风")"))).hazard, Hazard::gale);
  EXPECT_EQ(only(parsed(v7_with(R"(,"type":"11B06","typeName":"Gale")"))).hazard, Hazard::gale);
  EXPECT_EQ(only(parsed(v7_with(R"(,"type":"1053","typeName":"海上大雾")"))).hazard, std::nullopt);
  EXPECT_EQ(only(parsed(v7_with(R"(,"type":"1057","typeName":"道路冰雪")"))).hazard,
            Hazard::road_icing);
}

TEST(QWeatherParse, StartFallsBackToPubTime) {
  const OfficialWarning w = only(parsed(v7_with(R"(,"startTime":"","endTime":"")")));
  EXPECT_EQ(w.start, at("2025-12-31T00:15+08:00"));
  EXPECT_EQ(w.end, at("2025-12-31T00:15+08:00") + std::chrono::hours{24});
}

TEST(QWeatherParse, BadInputGivesAClearError) {
  EXPECT_EQ(error_for(""), "qweather: response body is empty");
  EXPECT_EQ(error_for(" \n"), "qweather: response body is empty");
  EXPECT_EQ(error_for("<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head></html>"),
            "qweather: response is an HTML page, not JSON (a proxy or login page?) titled "
            "\"502 Bad Gateway\"");
  EXPECT_NE(error_for(R"({"code":"200","warning":[)").find("not valid JSON (byte"),
            std::string::npos);
  EXPECT_EQ(error_for("[]"), "qweather: response must be a JSON object, got array");
  EXPECT_NE(error_for(R"({"status":"ok"})").find("neither a /v7/warning/now body"),
            std::string::npos);
  EXPECT_EQ(error_for(R"({"code":"200"})"), "qweather: code 200 without a warning array");
  EXPECT_EQ(error_for(R"({"code":"200","warning":{}})"),
            "qweather: warning must be an array, got object");
  EXPECT_EQ(error_for(R"({"code":"OK"})"), "qweather: code \"OK\" is not a status code");
  EXPECT_EQ(error_for(v7_with(R"(,"id":"")")), "qweather: warning[0] has no id");
  EXPECT_EQ(error_for(v7_with(R"(,"endTime":"tomorrow")")),
            "qweather: warning[0].endTime \"tomorrow\" is not a time like "
            "2025-12-31T00:15+08:00");
  EXPECT_EQ(error_for(v7_with(R"(,"title":{"zh":"x"})")),
            "qweather: warning[0].title must be a string, got object");
  EXPECT_EQ(error_for(v7_with(R"(,"startTime":"","pubTime":"")")),
            "qweather: warning[0] (id W1) has no start or publication time");
  EXPECT_EQ(error_for(R"({"metadata":{"zeroResult":false}})"),
            "qweather: metadata.zeroResult is not true but there is no alerts array");
}

}  // namespace
}  // namespace riskwarn::weather
