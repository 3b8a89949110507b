// The foundation's thin path, end to end through the real binary: a fake Open-Meteo server
// forecasts fog, `riskwarnd --once` polls it, assesses, matches road_traffic.fog, records the
// alert and delivers one signed webhook to the traffic police; a second run sends nothing.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "adapters/notify/standard_webhooks.hpp"
#include "config/secret.hpp"
#include "tests/integration/daemon_harness.hpp"
#include "tests/support/fake_http_server.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"

namespace riskwarn::test {
namespace {

using namespace std::chrono_literals;

constexpr const char* kSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

std::string thin_path_config(const TempDir& dir, const std::string& feed_url,
                             const std::string& hook_url) {
  dir.write("webhook.secret", std::string(kSecret) + "\n");
  return "[daemon]\n"
         "state_dir = \"" +
         (dir.path() / "state").string() +
         "\"\n"
         "log_level = \"debug\"\n"
         "[feeds.openmeteo]\n"
         "kind = \"open-meteo\"\n"
         "url = \"" +
         feed_url +
         "\"\n"
         "[channels.duty_webhook]\n"
         "kind = \"webhook\"\n"
         "url = \"" +
         hook_url +
         "\"\n"
         "secret_file = \"" +
         (dir.path() / "webhook.secret").string() +
         "\"\n"
         "[[counties]]\n"
         "code = \"410102\"\n"
         "name = \"中原区\"\n"
         "latitude = 34.75\n"
         "longitude = 113.62\n"
         "feeds = [\"openmeteo\"]\n"
         "[counties.departments.traffic_police]\n"
         "name = \"区公安分局交通管理大队\"\n"
         "channels = [\"duty_webhook\"]\n";
}

class ThinPath : public ::testing::Test {
 protected:
  // Hour 20 of the fixture (12-30T20:00) is "now": the fog signal is ORANGE (EXPECTED.md §2).
  FakeHttpServer feed_{[body = fog_forecast_aligned_to_now(20)](const ReceivedRequest&) {
    return CannedResponse{200, {{"Content-Type", "application/json"}}, body};
  }};
  FakeHttpServer hook_{[](const ReceivedRequest&) { return CannedResponse{200, {}, "ok"}; }};
  TempDir dir_;
  std::filesystem::path config_ =
      dir_.write("riskwarn.toml",
                 thin_path_config(dir_, feed_.url("/v1/forecast"), hook_.url("/hooks/riskwarn")));
  std::filesystem::path db_ = dir_.path() / "state" / "riskwarn.db";

  RunResult run_once() {
    return run(RISKWARND_PATH, {"--config", config_.string(), "--once"}, {}, 60s);
  }
};

TEST_F(ThinPath, FogForecastBecomesOneSignedWebhookAndARecord) {
  const RunResult result = run_once();
  ASSERT_EQ(result.exit_status, 0) << result.stderr_text;

  const auto feed_requests = feed_.requests();
  ASSERT_EQ(feed_requests.size(), 1u);
  EXPECT_NE(feed_requests[0].target.find("latitude=34.75"), std::string::npos);
  EXPECT_NE(feed_requests[0].target.find("wind_speed_unit=ms"), std::string::npos);

  const auto posts = hook_.requests();
  ASSERT_EQ(posts.size(), 1u) << result.stderr_text;
  const ReceivedRequest& post = posts[0];
  EXPECT_EQ(post.method, "POST");
  EXPECT_EQ(post.target, "/hooks/riskwarn");
  EXPECT_EQ(post.headers.at("content-type"), "application/json");

  const auto body = nlohmann::json::parse(post.body);
  EXPECT_EQ(body.at("schema"), "riskwarn.alert.v1");
  EXPECT_EQ(body.at("type"), "alert.raised");
  EXPECT_EQ(body.at("id"), post.headers.at("webhook-id"));
  EXPECT_EQ(body.at("county").at("code"), "410102");
  EXPECT_EQ(body.at("county").at("name"), "中原区");
  EXPECT_EQ(body.at("department").at("role"), "traffic_police");
  ASSERT_EQ(body.at("alerts").size(), 1u);
  const auto& alert = body.at("alerts")[0];
  EXPECT_EQ(alert.at("hazard"), "fog");
  EXPECT_EQ(alert.at("level"), "orange");
  EXPECT_EQ(alert.at("title"), "大雾橙色预警");
  EXPECT_EQ(alert.at("rule"), "road_traffic.fog");
  EXPECT_NE(body.at("text").get<std::string>().find("大雾橙色预警"), std::string::npos);

  const auto now =
      std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  EXPECT_EQ(notify::verify_v1(config::Secret(kSecret), post.headers.at("webhook-id"),
                              post.headers.at("webhook-timestamp"), post.body,
                              post.headers.at("webhook-signature"), now),
            notify::Verification::valid);

  EXPECT_EQ(query_column(db_,
                         "SELECT county || '|' || rule_id || '|' || level || '|' || state "
                         "FROM alerts"),
            std::vector<std::string>{"410102|road_traffic.fog|orange|open"});
  EXPECT_EQ(query_column(db_, "SELECT state || '|' || idempotency_id FROM notifications"),
            std::vector<std::string>{"delivered|" + post.headers.at("webhook-id")});
  EXPECT_EQ(query_column(db_, "SELECT outcome FROM delivery_attempts"),
            std::vector<std::string>{"delivered"});
}

TEST_F(ThinPath, SecondRunOnAnUnchangedWorldSendsNothing) {
  ASSERT_EQ(run_once().exit_status, 0);
  ASSERT_EQ(hook_.requests().size(), 1u);
  const RunResult again = run_once();
  ASSERT_EQ(again.exit_status, 0) << again.stderr_text;
  EXPECT_EQ(feed_.requests().size(), 2u);
  EXPECT_EQ(hook_.requests().size(), 1u);
  EXPECT_EQ(query_column(db_, "SELECT count(*) FROM notifications"), std::vector<std::string>{"1"});
}

TEST_F(ThinPath, FeedErrorKeepsStateAndSaysWhy) {
  ASSERT_EQ(run_once().exit_status, 0);
  FakeHttpServer broken{[](const ReceivedRequest&) {
    return CannedResponse{400,
                          {{"Content-Type", "application/json"}},
                          R"({"error":true,"reason":"Cannot initialize WeatherVariable from )"
                          R"(invalid String value visiblity for key hourly"})"};
  }};
  const auto broken_config =
      dir_.write("broken.toml",
                 thin_path_config(dir_, broken.url("/v1/forecast"), hook_.url("/hooks/riskwarn")));
  const RunResult result =
      run(RISKWARND_PATH, {"--config", broken_config.string(), "--once"}, {}, 60s);
  ASSERT_EQ(result.exit_status, 0) << result.stderr_text;
  EXPECT_NE(result.stderr_text.find("HTTP 400"), std::string::npos) << result.stderr_text;
  EXPECT_NE(result.stderr_text.find("visiblity"), std::string::npos) << result.stderr_text;
  EXPECT_EQ(hook_.requests().size(), 1u);
  EXPECT_EQ(query_column(db_, "SELECT level || '|' || state || '|' || misses FROM alerts"),
            std::vector<std::string>{"orange|open|0"});
}

}  // namespace
}  // namespace riskwarn::test
