// Bad input from a feed, each case against a fake server: a clear logged error naming the feed,
// the county and the cause; the failure recorded in feed_state; the last good observations
// standing in (through the poller) or the county's alerts left as they are (through the real
// binary, which starts without them); nothing crashes; and another county's healthy feed in
// the same poll still works.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <functional>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "daemon/cycle/poll_cycle.hpp"
#include "tests/integration/daemon_harness.hpp"
#include "tests/integration/feed_test_support.hpp"
#include "tests/support/process.hpp"

namespace riskwarn::test {
namespace {

using namespace std::chrono_literals;
using ::testing::HasSubstr;

// The fog forecast as a JSON document, for cases that damage it.
nlohmann::json fog_document() {
  return nlohmann::json::parse(fog_forecast_aligned_to_now(20));
}

CannedResponse ok_json(std::string body) {
  return CannedResponse{200, {{"Content-Type", "application/json"}}, std::move(body)};
}

// The first line of log that contains prefix; empty when none does.
std::string line_about(const std::string& log, const std::string& prefix) {
  const std::size_t at = log.find(prefix);
  if (at == std::string::npos)
    return "";
  const std::size_t start = log.rfind('\n', at);
  const std::size_t from = start == std::string::npos ? 0 : start + 1;
  return log.substr(from, log.find('\n', at) - from);
}

struct BadInput {
  std::string name;
  std::function<CannedResponse()> answer;
  std::string cause;  // what the log line and feed_state say about it
};

void PrintTo(const BadInput& bad, std::ostream* out) {
  *out << bad.name;
}

std::vector<BadInput> bad_inputs() {
  return {
      {"truncated_json",
       [] {
         const std::string whole = fog_forecast_aligned_to_now(20);
         return ok_json(whole.substr(0, whole.size() / 2));
       },
       "open-meteo: response is not valid JSON"},
      {"wrong_types",
       [] {
         auto doc = fog_document();
         doc["hourly"]["time"] = "2025-12-30T00:00";
         return ok_json(doc.dump());
       },
       "open-meteo: hourly.time must be an array, got string"},
      {"arrays_of_different_lengths",
       [] {
         auto doc = fog_document();
         doc["hourly"]["visibility"].erase(doc["hourly"]["visibility"].size() - 1);
         return ok_json(doc.dump());
       },
       "open-meteo: hourly.visibility has 47 values, hourly.time has 48"},
      {"missing_hourly_units",
       [] {
         auto doc = fog_document();
         doc.erase("hourly_units");
         return ok_json(doc.dump());
       },
       "open-meteo: missing hourly_units"},
      {"error_body_400",
       [] {
         return CannedResponse{400,
                               {{"Content-Type", "application/json"}},
                               R"({"error":true,"reason":"Cannot initialize WeatherVariable from )"
                               R"(invalid String value tempeture_2m for key hourly"})"};
       },
       "HTTP 400: open-meteo: the API returned an error: Cannot initialize WeatherVariable from "
       "invalid String value tempeture_2m for key hourly (the request was refused"},
      {"error_body_429",
       [] {
         return CannedResponse{429,
                               {{"Content-Type", "application/json"}, {"Retry-After", "60"}},
                               R"({"error":true,"reason":"Minutely API request limit exceeded. )"
                               R"(Please try again in one minute."})"};
       },
       "HTTP 429: open-meteo: the API returned an error: Minutely API request limit exceeded."},
      {"html_page_from_a_proxy",
       [] {
         return CannedResponse{200,
                               {{"Content-Type", "text/html"}},
                               "<!DOCTYPE html>\n<html><head><title>Web Authentication "
                               "Redirect</title></head><body>Log in first</body></html>"};
       },
       "open-meteo: response is an HTML page, not JSON (title \"Web Authentication Redirect\")"},
      {"empty_200", [] { return ok_json(""); }, "open-meteo: response body is empty"},
      {"ten_megabyte_body", [] { return ok_json("[" + std::string(10 * 1024 * 1024, ' ') + "]"); },
       "response exceeds the limit of 8388608 bytes"},
      {"server_that_never_answers",
       [] {
         CannedResponse response = ok_json("{}");
         response.delay = 30s;
         return response;
       },
       "Operation timed out after"},
      {"redirect_loop",
       [] {
         return CannedResponse{302, {{"Location", "/v1/forecast?again=1"}}, ""};
       },
       "Maximum (5) redirects followed"},
  };
}

// Through the poller: the failed county keeps being assessed on its last good observations.
class BadInputThroughThePoller : public FeedPollerFixture,
                                 public ::testing::WithParamInterface<BadInput> {
 protected:
  void SetUp() override {
    previous_ = spdlog::default_logger();
    auto logger = std::make_shared<spdlog::logger>(
        "test", std::make_shared<spdlog::sinks::ostream_sink_mt>(log_));
    spdlog::set_default_logger(logger);
  }
  void TearDown() override { spdlog::set_default_logger(previous_); }

  std::ostringstream log_;
  std::shared_ptr<spdlog::logger> previous_;
};

TEST_P(BadInputThroughThePoller, LastGoodObservationsStayInForce) {
  const auto config = load();
  ASSERT_NE(config, nullptr);
  cycle::FeedPoller poller(io_, client_, *store_);
  const cycle::PollResult good = poll(poller, config, now_);
  ASSERT_FALSE(rules_of(good, "410102").empty());

  bad_.answer_with([answer = GetParam().answer](const ReceivedRequest&) { return answer(); });
  const cycle::PollResult bad = poll(poller, config, now_ + 10min);

  EXPECT_THAT(line_about(log_.str(), "feed \"bad\" for county 410102: "),
              HasSubstr(GetParam().cause));
  EXPECT_THAT(log_.str(), HasSubstr("feed \"bad\" is degraded: the last good observations stand "
                                    "in until they are 6h old"));
  EXPECT_EQ(bad.feed_failures, 1);
  EXPECT_EQ(bad.assessed_counties, (std::set<std::string>{"410102", "410103"}));
  EXPECT_EQ(bad.stale_counties, std::set<std::string>{"410102"});
  EXPECT_EQ(rules_of(bad, "410102"), rules_of(good, "410102"));
  EXPECT_EQ(rules_of(bad, "410103"), rules_of(good, "410103"));
  const store::FeedState failed = feed_state("bad", "410102");
  EXPECT_EQ(failed.consecutive_failures, 1);
  EXPECT_THAT(failed.last_error.value_or(""), HasSubstr(GetParam().cause));
  EXPECT_EQ(failed.last_success_at, now_);
  EXPECT_EQ(feed_state("good", "410103").last_success_at, now_ + 10min);

  // A second failure for the same reason is not announced again.
  const std::size_t logged = log_.str().size();
  poll(poller, config, now_ + 20min);
  EXPECT_THAT(log_.str().substr(logged), ::testing::Not(HasSubstr("is degraded")));
  EXPECT_EQ(feed_state("bad", "410102").consecutive_failures, 2);
}

INSTANTIATE_TEST_SUITE_P(Feeds, BadInputThroughThePoller, ::testing::ValuesIn(bad_inputs()),
                         [](const auto& info) { return info.param.name; });

// Through the real binary, --once twice: a good run raises and delivers the alerts of both
// counties; the bad run changes nothing about them and says why.
class BadInputThroughTheDaemon : public ::testing::TestWithParam<BadInput> {
 protected:
  std::string config_text() {
    std::string text = "[daemon]\nstate_dir = \"" + (dir_.path() / "state").string() +
                       "\"\nlog_level = \"info\"\n"
                       "[feeds.bad]\nkind = \"open-meteo\"\nurl = \"" +
                       bad_.server().url("/v1/forecast") +
                       "\"\ntimeout = \"1s\"\nmax_retries = 0\n"
                       "[feeds.good]\nkind = \"open-meteo\"\nurl = \"" +
                       good_.server().url("/v1/forecast") +
                       "\"\n[channels.duty_webhook]\nkind = \"webhook\"\nurl = \"" +
                       hook_.url("/hooks/riskwarn") + "\"\n";
    for (const auto& [code, feed] : {std::pair{"410102", "bad"}, std::pair{"410103", "good"}}) {
      text += std::string("[[counties]]\ncode = \"") + code + "\"\nname = \"县" + code +
              "\"\nlatitude = 34.75\nlongitude = 113.62\nfeeds = [\"" + feed +
              "\"]\n[counties.departments.traffic_police]\nname = \"交通管理大队\"\n"
              "channels = [\"duty_webhook\"]\n";
    }
    return text;
  }

  RunResult run_once() {
    return run(RISKWARND_PATH, {"--config", config_.string(), "--once"}, {}, 60s);
  }

  SwitchableServer bad_{fog_forecast()};
  SwitchableServer good_{fog_forecast()};
  FakeHttpServer hook_{[](const ReceivedRequest&) { return CannedResponse{200, {}, "ok"}; }};
  TempDir dir_;
  std::filesystem::path config_ = dir_.write("riskwarn.toml", config_text());
  std::filesystem::path db_ = dir_.path() / "state" / "riskwarn.db";
};

TEST_P(BadInputThroughTheDaemon, AlertsStayAndTheErrorIsLogged) {
  const RunResult good = run_once();
  ASSERT_EQ(good.exit_status, 0) << good.stderr_text;
  ASSERT_EQ(hook_.requests().size(), 2u) << good.stderr_text;
  const auto alerts_before =
      query_column(db_,
                   "SELECT county || '|' || rule_id || '|' || level || '|' || state || '|' || "
                   "misses FROM alerts ORDER BY id");
  ASSERT_EQ(alerts_before.size(), 2u);

  bad_.answer_with([answer = GetParam().answer](const ReceivedRequest&) { return answer(); });
  const RunResult bad = run_once();

  ASSERT_EQ(bad.exit_status, 0) << bad.stderr_text;
  EXPECT_THAT(line_about(bad.stderr_text, "feed \"bad\" for county 410102: "),
              HasSubstr(GetParam().cause));
  EXPECT_THAT(
      bad.stderr_text,
      HasSubstr("no observations younger than 6h, so the alerts of 410102 stay as they are"));
  EXPECT_EQ(query_column(db_,
                         "SELECT county || '|' || rule_id || '|' || level || '|' || state || "
                         "'|' || misses FROM alerts ORDER BY id"),
            alerts_before);
  EXPECT_EQ(hook_.requests().size(), 2u);
  EXPECT_EQ(query_column(db_, "SELECT count(*) FROM notifications"), std::vector<std::string>{"2"});
  EXPECT_EQ(query_column(db_,
                         "SELECT feed || '|' || consecutive_failures FROM feed_state ORDER BY "
                         "feed"),
            (std::vector<std::string>{"bad|1", "good|0"}));
  const auto last_error = query_column(db_, "SELECT last_error FROM feed_state WHERE feed = 'bad'");
  ASSERT_EQ(last_error.size(), 1u);
  EXPECT_THAT(last_error[0], HasSubstr(GetParam().cause));
  EXPECT_EQ(good_.server().requests().size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(Feeds, BadInputThroughTheDaemon, ::testing::ValuesIn(bad_inputs()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace riskwarn::test
