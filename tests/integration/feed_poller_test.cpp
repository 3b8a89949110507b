// The feed poller with a real HttpClient and a real store against fake Open-Meteo servers: the
// last good observations stand in for a failed feed until they expire, feed health and
// validators persist in feed_state, a 304 reuses the cached series (and a restart without a
// cache asks again unconditionally), counties are batched per time zone, and transient failures
// are retried within the poll.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "daemon/cycle/poll_cycle.hpp"
#include "tests/integration/daemon_harness.hpp"
#include "tests/integration/feed_test_support.hpp"

namespace riskwarn::test {
namespace {

using namespace std::chrono_literals;
using ::testing::HasSubstr;

using FeedPollerTest = FeedPollerFixture;

const std::string kFogNow = fog_forecast_aligned_to_now(20);

TEST_F(FeedPollerTest, LastGoodObservationsStandInForAFailedFeed) {
  const auto config = load();
  cycle::FeedPoller poller(io_, client_, *store_);
  const cycle::PollResult first = poll(poller, config, now_);
  ASSERT_EQ(first.assessed_counties, (std::set<std::string>{"410102", "410103"}));
  ASSERT_FALSE(rules_of(first, "410102").empty());

  bad_.answer_with([](const ReceivedRequest&) { return CannedResponse{503, {}, "busy"}; });
  const cycle::PollResult second = poll(poller, config, now_ + 10min);

  EXPECT_EQ(second.assessed_counties, (std::set<std::string>{"410102", "410103"}));
  EXPECT_EQ(second.stale_counties, std::set<std::string>{"410102"});
  EXPECT_EQ(rules_of(second, "410102"), rules_of(first, "410102"));
  EXPECT_EQ(second.feed_failures, 1);
  const store::FeedState failed = feed_state("bad", "410102");
  EXPECT_EQ(failed.consecutive_failures, 1);
  EXPECT_THAT(failed.last_error.value_or(""), HasSubstr("HTTP 503"));
  EXPECT_EQ(failed.last_success_at, now_);
  EXPECT_EQ(feed_state("good", "410103").consecutive_failures, 0);
  EXPECT_EQ(feed_state("good", "410103").last_success_at, now_ + 10min);

  bad_.answer_with(fog_forecast());
  const cycle::PollResult third = poll(poller, config, now_ + 20min);
  EXPECT_TRUE(third.stale_counties.empty());
  EXPECT_EQ(feed_state("bad", "410102").consecutive_failures, 0);
}

TEST_F(FeedPollerTest, ExpiredObservationsLeaveTheCountyUnassessed) {
  const auto config = load("max_retries = 0\nobservation_max_age = \"1h\"\n");
  cycle::FeedPoller poller(io_, client_, *store_);
  poll(poller, config, now_);

  bad_.answer_with([](const ReceivedRequest&) { return CannedResponse{500, {}, "oops"}; });
  const cycle::PollResult later = poll(poller, config, now_ + 1h + 1s);

  EXPECT_EQ(later.assessed_counties, std::set<std::string>{"410103"});
  EXPECT_EQ(rules_of(later, "410102"), std::vector<std::string>{});
}

TEST_F(FeedPollerTest, NotModifiedReusesTheCacheAndARestartAsksAgain) {
  bad_.answer_with([](const ReceivedRequest& request) {
    const auto tag = request.headers.find("if-none-match");
    if (tag != request.headers.end() && tag->second == "\"fog-1\"")
      return CannedResponse{304, {{"ETag", "\"fog-1\""}}, ""};
    CannedResponse fresh = forecast_answer(request, kFogNow);
    fresh.headers.emplace_back("ETag", "\"fog-1\"");
    return fresh;
  });
  const auto config = load();
  {
    cycle::FeedPoller poller(io_, client_, *store_);
    const cycle::PollResult first = poll(poller, config, now_);
    EXPECT_EQ(feed_state("bad", "410102").etag, "\"fog-1\"");

    const cycle::PollResult second = poll(poller, config, now_ + 10min);
    EXPECT_EQ(second.not_modified, 1);
    EXPECT_EQ(second.assessed_counties, (std::set<std::string>{"410102", "410103"}));
    EXPECT_TRUE(second.stale_counties.empty());
    EXPECT_EQ(rules_of(second, "410102"), rules_of(first, "410102"));
    const auto requests = bad_.server().requests();
    ASSERT_EQ(requests.size(), 2u);
    EXPECT_EQ(requests[0].headers.count("if-none-match"), 0u);
    EXPECT_EQ(requests[1].headers.at("if-none-match"), "\"fog-1\"");
  }
  // A restarted daemon has the validators in the store but no series to reuse.
  cycle::FeedPoller restarted(io_, client_, *store_);
  const cycle::PollResult after_restart = poll(restarted, config, now_ + 20min);
  EXPECT_EQ(after_restart.not_modified, 0);
  EXPECT_EQ(after_restart.assessed_counties, (std::set<std::string>{"410102", "410103"}));
  const auto requests = bad_.server().requests();
  ASSERT_EQ(requests.size(), 3u);
  EXPECT_EQ(requests[2].headers.count("if-none-match"), 0u);
}

TEST_F(FeedPollerTest, BatchesCountiesPerTimeZone) {
  const auto config = load("batch_size = 2\n", {{"410104", 34.8, "Asia/Shanghai", "bad"},
                                                {"410105", 34.9, "Asia/Shanghai", "bad"},
                                                {"650102", 43.8, "Asia/Urumqi", "bad"}});
  cycle::FeedPoller poller(io_, client_, *store_);

  const cycle::PollResult result = poll(poller, config, now_);

  EXPECT_EQ(result.requests, 4);  // bad: {410102, 410104}, {410105}, {650102}; good: {410103}
  EXPECT_EQ(result.assessed_counties.size(), 5u);
  const auto requests = bad_.server().requests();
  ASSERT_EQ(requests.size(), 3u);
  std::vector<std::string> asked;
  for (const auto& request : requests)
    asked.push_back(request.target.substr(0, request.target.find("&hourly=")));
  std::sort(asked.begin(), asked.end());
  EXPECT_EQ(asked,
            (std::vector<std::string>{"/v1/forecast?latitude=34.75,34.8&longitude=113.62,113.62",
                                      "/v1/forecast?latitude=34.9&longitude=113.62",
                                      "/v1/forecast?latitude=43.8&longitude=113.62"}));
  for (const auto& request : requests) {
    const bool urumqi = request.target.find("latitude=43.8") != std::string::npos;
    EXPECT_THAT(request.target,
                HasSubstr(urumqi ? "timezone=Asia%2FUrumqi" : "timezone=Asia%2FShanghai"));
  }
}

TEST_F(FeedPollerTest, RetriesATransientFailureWithinThePoll) {
  auto failures = std::make_shared<std::atomic<int>>(0);
  bad_.answer_with([failures](const ReceivedRequest& request) {
    if (failures->fetch_add(1) == 0)
      return CannedResponse{429, {{"Retry-After", "1"}}, R"({"error":true,"reason":"Too many"})"};
    return forecast_answer(request, kFogNow);
  });
  const auto config = load("max_retries = 1\nretry_base_delay = \"1s\"\n");
  cycle::FeedPoller poller(io_, client_, *store_);

  const cycle::PollResult result = poll(poller, config, now_);

  EXPECT_EQ(result.feed_failures, 0);
  EXPECT_TRUE(result.stale_counties.empty());
  EXPECT_EQ(result.assessed_counties.size(), 2u);
  EXPECT_EQ(bad_.server().requests().size(), 2u);
  EXPECT_EQ(feed_state("bad", "410102").consecutive_failures, 0);
}

}  // namespace
}  // namespace riskwarn::test
