// Official warnings in the poll, against fake servers: a QWeather warning raises the alert of its
// hazard at its level even with no forecast behind it, through the real binary; a 204 (no data)
// keeps the previous warnings; a CAP chain read through an Atom index yields the warning of the
// county its geocode names; a bad CAP feed is logged, degrades the feed in feed_state and leaves
// the previous warnings standing; a warning of a kind riskwarn does not model is logged once.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <functional>
#include <memory>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "config/load.hpp"
#include "daemon/cycle/poll_cycle.hpp"
#include "tests/integration/feed_test_support.hpp"
#include "tests/support/process.hpp"

namespace riskwarn::test {
namespace {

using namespace std::chrono_literals;
using ::testing::HasSubstr;

// QWeather's time format, in Beijing time: 2025-12-31T00:15+08:00.
std::string qweather_time(TimePoint at) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(at + 8h);
  std::tm fields{};
  gmtime_r(&seconds, &fields);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M+08:00", &fields);
  return text;
}

// The recorded QWeather fog warning (orange), issued an hour before now and ending in 6 hours,
// with more warnings appended.
std::string fog_warning_now(TimePoint now, const std::vector<nlohmann::json>& more = {}) {
  auto reply = nlohmann::json::parse(read_file(fixture("weather/qweather_warning_fog.json")));
  for (auto& warning : reply.at("warning")) {
    warning["pubTime"] = qweather_time(now - 1h);
    warning["startTime"] = qweather_time(now - 1h);
    warning["endTime"] = qweather_time(now + 6h);
  }
  for (const auto& warning : more)
    reply["warning"].push_back(warning);
  return reply.dump();
}

CannedResponse ok_json(std::string body) {
  return CannedResponse{200, {{"Content-Type", "application/json"}}, std::move(body)};
}

CannedResponse ok_xml(std::string body) {
  return CannedResponse{200, {{"Content-Type", "application/xml"}}, std::move(body)};
}

// The fixture's fog warning is issued for 2026-02-14 06:30 (yellow) and upgraded to orange at
// 08:15, both in force until 13:00 Beijing time.
const TimePoint kCapNow = std::chrono::sys_days{std::chrono::year{2026} / 2 / 14} + 1h;  // 09:00

// An Atom index linking the alert by a relative path and the update by an absolute path.
constexpr const char* kCapIndex = R"(<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>urn:example:zhengding:cap</id>
  <title>正定县气象台预警信息</title>
  <updated>2026-02-14T08:15:00+08:00</updated>
  <entry>
    <id>urn:example:1</id><title>大雾黄色</title><updated>2026-02-14T06:30:00+08:00</updated>
    <link type="application/cap+xml" href="docs/fog-alert.xml"/>
  </entry>
  <entry>
    <id>urn:example:2</id><title>大雾橙色</title><updated>2026-02-14T08:15:00+08:00</updated>
    <link rel="enclosure" type="application/cap+xml" href="/cap/docs/fog-update.xml"/>
  </entry>
</feed>
)";

// Serves the index at /cap/index.atom and the fixtures under /cap/docs/.
FakeHttpServer::Handler cap_chain() {
  return [](const ReceivedRequest& request) {
    if (request.target == "/cap/index.atom")
      return ok_xml(kCapIndex);
    if (request.target == "/cap/docs/fog-alert.xml")
      return ok_xml(read_file(fixture("cap/fog-alert.xml")));
    if (request.target == "/cap/docs/fog-update.xml")
      return ok_xml(read_file(fixture("cap/fog-update.xml")));
    return CannedResponse{404, {}, "not found"};
  };
}

// Official-warning feeds only: "qw" (QWeather) for county 410102, "warnings" (CAP) for 130123
// (whose point lies outside the messages' polygon, so only its geocode matches) and 410103.
class OfficialWarnings : public FeedPollerFixture {
 protected:
  void SetUp() override {
    previous_ = spdlog::default_logger();
    spdlog::set_default_logger(std::make_shared<spdlog::logger>(
        "test", std::make_shared<spdlog::sinks::ostream_sink_mt>(log_)));
  }
  void TearDown() override { spdlog::set_default_logger(previous_); }

  std::shared_ptr<const config::Config> load_official() {
    dir_.write("qweather.key", "test-api-key\n");
    const std::string text =
        "[daemon]\nstate_dir = \"" + (dir_.path() / "state").string() +
        "\"\n"
        "[feeds.qw]\nkind = \"qweather\"\nurl = \"" +
        qweather_.server().url("/v7/warning/now") + "\"\napi_key_file = \"" +
        (dir_.path() / "qweather.key").string() +
        "\"\nmax_retries = 0\n"
        "[feeds.warnings]\nkind = \"cap\"\nurl = \"" +
        cap_.server().url("/cap/index.atom") +
        "\"\nmax_retries = 0\n"
        "[[counties]]\ncode = \"410102\"\nname = \"中原区\"\nlatitude = 34.75\n"
        "longitude = 113.62\nfeeds = [\"qw\"]\n"
        "[[counties]]\ncode = \"130123\"\nname = \"正定县\"\nlatitude = 38.5\n"
        "longitude = 114.0\nfeeds = [\"warnings\"]\n"
        "[[counties]]\ncode = \"410103\"\nname = \"二七区\"\nlatitude = 34.72\n"
        "longitude = 113.62\nfeeds = [\"warnings\"]\n";
    auto loaded =
        config::load_config(dir_.write("official.toml", text).string(), config::LoadOptions{});
    if (auto* errors = std::get_if<std::vector<config::Diagnostic>>(&loaded)) {
      for (const auto& error : *errors)
        ADD_FAILURE() << config::to_string(error);
      return nullptr;
    }
    return std::make_shared<const config::Config>(std::get<config::Config>(std::move(loaded)));
  }

  SwitchableServer qweather_{
      [this](const ReceivedRequest&) { return ok_json(fog_warning_now(now_)); }};
  SwitchableServer cap_{cap_chain()};
  std::ostringstream log_;
  std::shared_ptr<spdlog::logger> previous_;
};

TEST_F(OfficialWarnings, AQWeatherWarningIsAskedPerCountyWithTheApiKey) {
  const auto config = load_official();
  ASSERT_NE(config, nullptr);
  cycle::FeedPoller poller(io_, client_, *store_);
  const cycle::PollResult result = poll(poller, config, now_);

  EXPECT_EQ(rules_of(result, "410102"), std::vector<std::string>{"road_traffic.fog|orange"});
  const auto requests = qweather_.server().requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_THAT(requests[0].target, HasSubstr("location=113.62,34.75"));
  EXPECT_EQ(requests[0].headers.at("x-qw-api-key"), "test-api-key");
  EXPECT_EQ(feed_state("qw", "410102").last_success_at, now_);
}

TEST_F(OfficialWarnings, AQWeatherFeedWithJwtSendsABearerTokenInsteadOfTheKey) {
  // The RFC 8032 §7.1 test 1 key as PKCS#8 PEM: test data, not a credential.
  dir_.write("qweather-ed25519.pem",
             "-----BEGIN PRIVATE KEY-----\n"
             "MC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g\n"
             "-----END PRIVATE KEY-----\n");
  const std::string text =
      "[feeds.qw]\nkind = \"qweather\"\nurl = \"" + qweather_.server().url("/v7/warning/now") +
      "\"\njwt_key_id = \"KEY123\"\njwt_project_id = \"PRJ456\"\njwt_private_key_file = \"" +
      (dir_.path() / "qweather-ed25519.pem").string() +
      "\"\nmax_retries = 0\n"
      "[[counties]]\ncode = \"410102\"\nname = \"中原区\"\nlatitude = 34.75\n"
      "longitude = 113.62\nfeeds = [\"qw\"]\n";
  auto loaded = config::load_config(dir_.write("jwt.toml", text).string(), config::LoadOptions{});
  ASSERT_TRUE(std::holds_alternative<config::Config>(loaded));
  const auto config =
      std::make_shared<const config::Config>(std::get<config::Config>(std::move(loaded)));
  cycle::FeedPoller poller(io_, client_, *store_);
  const cycle::PollResult result = poll(poller, config, now_);

  EXPECT_EQ(rules_of(result, "410102"), std::vector<std::string>{"road_traffic.fog|orange"});
  const auto requests = qweather_.server().requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_FALSE(requests[0].headers.contains("x-qw-api-key"));
  const std::string authorization = requests[0].headers.at("authorization");
  ASSERT_TRUE(authorization.starts_with("Bearer ")) << authorization;
  // header.payload.signature, the header being {"alg":"EdDSA","kid":"KEY123"} in base64url.
  EXPECT_EQ(std::count(authorization.begin(), authorization.end(), '.'), 2);
}

TEST_F(OfficialWarnings, NoDataKeepsThePreviousWarnings) {
  const auto config = load_official();
  ASSERT_NE(config, nullptr);
  cycle::FeedPoller poller(io_, client_, *store_);
  poll(poller, config, now_);

  qweather_.answer_with([](const ReceivedRequest&) {
    return ok_json(read_file(fixture("weather/qweather_warning_204.json")));
  });
  const cycle::PollResult later = poll(poller, config, now_ + 10min);

  EXPECT_EQ(later.feed_failures, 0);
  EXPECT_TRUE(later.assessed_counties.contains("410102"));
  EXPECT_EQ(rules_of(later, "410102"), std::vector<std::string>{"road_traffic.fog|orange"});
  EXPECT_EQ(feed_state("qw", "410102").consecutive_failures, 0);

  // An empty list, unlike 204, says no warning is in force.
  qweather_.answer_with([](const ReceivedRequest&) {
    return ok_json(read_file(fixture("weather/qweather_warning_none.json")));
  });
  const cycle::PollResult cleared = poll(poller, config, now_ + 20min);
  EXPECT_TRUE(cleared.assessed_counties.contains("410102"));
  EXPECT_EQ(rules_of(cleared, "410102"), std::vector<std::string>{});
}

TEST_F(OfficialWarnings, ARejectedQWeatherRequestKeepsThePreviousWarnings) {
  const auto config = load_official();
  ASSERT_NE(config, nullptr);
  cycle::FeedPoller poller(io_, client_, *store_);
  poll(poller, config, now_);

  qweather_.answer_with([](const ReceivedRequest&) {
    return ok_json(read_file(fixture("weather/qweather_error_401.json")));
  });
  const cycle::PollResult later = poll(poller, config, now_ + 10min);

  EXPECT_THAT(log_.str(), HasSubstr("feed \"qw\" for county 410102: qweather: code 401: "
                                    "authentication failed"));
  EXPECT_THAT(log_.str(), HasSubstr("feed \"qw\" is degraded: the last good warnings stand in"));
  EXPECT_TRUE(later.stale_counties.contains("410102"));
  EXPECT_EQ(rules_of(later, "410102"), std::vector<std::string>{"road_traffic.fog|orange"});
  EXPECT_EQ(feed_state("qw", "410102").consecutive_failures, 1);
  EXPECT_THAT(log_.str(), ::testing::Not(HasSubstr("test-api-key")));
}

TEST_F(OfficialWarnings, ACapChainThroughAnAtomIndexGivesTheCountyItsGeocodeNames) {
  const auto config = load_official();
  ASSERT_NE(config, nullptr);
  cycle::FeedPoller poller(io_, client_, *store_);
  const cycle::PollResult result = poll(poller, config, kCapNow);

  EXPECT_TRUE(result.assessed_counties.contains("130123"));
  EXPECT_TRUE(result.assessed_counties.contains("410103"));
  // The update (orange) replaced the alert (yellow).
  EXPECT_EQ(rules_of(result, "130123"), std::vector<std::string>{"road_traffic.fog|orange"});
  EXPECT_EQ(rules_of(result, "410103"), std::vector<std::string>{});
  std::vector<std::string> targets;
  for (const ReceivedRequest& request : cap_.server().requests())
    targets.push_back(request.target);
  std::sort(targets.begin(), targets.end());
  EXPECT_EQ(targets, (std::vector<std::string>{"/cap/docs/fog-alert.xml",
                                               "/cap/docs/fog-update.xml", "/cap/index.atom"}));
  EXPECT_EQ(feed_state("warnings", "130123").last_success_at, kCapNow);
}

struct BadCap {
  std::string name;
  std::string target;                     // the index or a document it links
  std::function<std::string()> document;  // served there
  std::string cause;
};

void PrintTo(const BadCap& bad, std::ostream* out) {
  *out << bad.name;
}

class BadCapFeed : public OfficialWarnings, public ::testing::WithParamInterface<BadCap> {};

TEST_P(BadCapFeed, IsLoggedDegradesTheFeedAndKeepsThePreviousWarnings) {
  const auto config = load_official();
  ASSERT_NE(config, nullptr);
  cycle::FeedPoller poller(io_, client_, *store_);
  poll(poller, config, kCapNow);

  cap_.answer_with([bad = GetParam()](const ReceivedRequest& request) {
    if (request.target == bad.target)
      return ok_xml(bad.document());
    return cap_chain()(request);
  });
  const cycle::PollResult bad = poll(poller, config, kCapNow + 10min);

  const std::string log = log_.str();
  const std::string where =
      GetParam().target == "/cap/index.atom"
          ? "feed \"warnings\": "
          : "feed \"warnings\", document " + cap_.server().url(GetParam().target) + ": ";
  EXPECT_THAT(log, HasSubstr(where + "cap: " + GetParam().cause));
  EXPECT_THAT(log, HasSubstr("feed \"warnings\" is degraded: the last good warnings stand in "
                             "until they are 6h old"));
  EXPECT_EQ(bad.feed_failures, 1);
  EXPECT_TRUE(bad.stale_counties.contains("130123"));
  EXPECT_EQ(rules_of(bad, "130123"), std::vector<std::string>{"road_traffic.fog|orange"});
  const store::FeedState failed = feed_state("warnings", "130123");
  EXPECT_EQ(failed.consecutive_failures, 1);
  EXPECT_THAT(failed.last_error.value_or(""), HasSubstr(GetParam().cause));
  EXPECT_EQ(failed.last_success_at, kCapNow);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, BadCapFeed,
    ::testing::Values(
        BadCap{
            "invalid_xml_index", "/cap/index.atom",
            [] { return std::string{"<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<entry>\n"}; },
            "invalid XML at line 2, column 8: Start-end tags mismatch"},
        BadCap{"invalid_xml_document", "/cap/docs/fog-update.xml",
               [] {
                 return std::string{
                     "<?xml version=\"1.0\"?>\n"
                     "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">\n"
                     "  <identifier>13012341600000_20260214081500_0</alert>\n"};
               },
               "invalid XML at line 3, column 48: Start-end tags mismatch"},
        BadCap{"message_without_area", "/cap/docs/fog-update.xml",
               [] {
                 return std::regex_replace(read_file(fixture("cap/fog-update.xml")),
                                           std::regex(R"(<area>[\s\S]*?</area>)"), "");
               },
               "line 19: message 13012341600000_20260214081500_0: <info> 1 (zh-CN) has no "
               "<area>, so it cannot be matched to a county"}),
    [](const auto& info) { return info.param.name; });

TEST_F(OfficialWarnings, AWarningOfAnUnmodelledKindIsLoggedOnce) {
  const auto config = load_official();
  ASSERT_NE(config, nullptr);
  const nlohmann::json thunder{{"id", "10118010120251231093000213874501"},
                               {"sender", "郑州市气象台"},
                               {"pubTime", qweather_time(now_ - 1h)},
                               {"title", "郑州市气象台发布雷电黄色预警"},
                               {"startTime", qweather_time(now_ - 1h)},
                               {"endTime", qweather_time(now_ + 6h)},
                               {"status", "active"},
                               {"severityColor", "Yellow"},
                               {"type", "1009"},
                               {"typeName", "雷电"}};
  qweather_.answer_with(
      [body = fog_warning_now(now_, {thunder})](const ReceivedRequest&) { return ok_json(body); });
  cycle::FeedPoller poller(io_, client_, *store_);
  const cycle::PollResult first = poll(poller, config, now_);
  poll(poller, config, now_ + 10min);

  EXPECT_EQ(rules_of(first, "410102"), std::vector<std::string>{"road_traffic.fog|orange"});
  const std::string line =
      "county 410102: official warning 10118010120251231093000213874501 \"雷电\" at yellow";
  const std::string log = log_.str();
  ASSERT_THAT(log, HasSubstr(line));
  EXPECT_EQ(log.find(line), log.rfind(line));
}

// Through the real binary: the warning becomes one webhook to the traffic police at orange.
TEST(OfficialWarningsThroughTheDaemon, AQWeatherFogWarningIsDeliveredAtItsLevel) {
  const TimePoint now =
      std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  FakeHttpServer feed{
      [body = fog_warning_now(now)](const ReceivedRequest&) { return ok_json(body); }};
  FakeHttpServer hook{[](const ReceivedRequest&) { return CannedResponse{200, {}, "ok"}; }};
  TempDir dir;
  dir.write("qweather.key", "test-api-key\n");
  dir.write("webhook.secret", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n");
  const std::string text =
      "[daemon]\nstate_dir = \"" + (dir.path() / "state").string() +
      "\"\n"
      "[feeds.qw]\nkind = \"qweather\"\nurl = \"" +
      feed.url("/v7/warning/now") + "\"\napi_key_file = \"" +
      (dir.path() / "qweather.key").string() +
      "\"\n"
      "[channels.duty_webhook]\nkind = \"webhook\"\nurl = \"" +
      hook.url("/hooks/riskwarn") + "\"\nsecret_file = \"" +
      (dir.path() / "webhook.secret").string() +
      "\"\n"
      "[[counties]]\ncode = \"410102\"\nname = \"中原区\"\nlatitude = 34.75\n"
      "longitude = 113.62\nfeeds = [\"qw\"]\n"
      "[counties.departments.traffic_police]\nname = \"区公安分局交通管理大队\"\n"
      "channels = [\"duty_webhook\"]\n";
  const auto config = dir.write("riskwarn.toml", text);

  const RunResult result = run(RISKWARND_PATH, {"--config", config.string(), "--once"}, {}, 60s);

  ASSERT_EQ(result.exit_status, 0) << result.stderr_text;
  const auto posts = hook.requests();
  ASSERT_EQ(posts.size(), 1u) << result.stderr_text;
  const auto body = nlohmann::json::parse(posts[0].body);
  EXPECT_EQ(body.at("county").at("code"), "410102");
  ASSERT_EQ(body.at("alerts").size(), 1u);
  EXPECT_EQ(body.at("alerts")[0].at("rule"), "road_traffic.fog");
  EXPECT_EQ(body.at("alerts")[0].at("hazard"), "fog");
  EXPECT_EQ(body.at("alerts")[0].at("level"), "orange");
}

}  // namespace
}  // namespace riskwarn::test
