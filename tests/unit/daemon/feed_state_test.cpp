// The poll's pieces that outlive a request: which requests a config makes (batches by time
// zone), the cache of last good observations, and the feed health transitions.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "daemon/cycle/feed_health.hpp"
#include "daemon/cycle/feed_plan.hpp"
#include "daemon/cycle/observation_cache.hpp"

namespace riskwarn::cycle {
namespace {

using namespace std::chrono_literals;

config::Config config_with(std::vector<config::FeedConfig> feeds,
                           std::vector<config::County> counties) {
  config::Config config;
  for (auto& feed : feeds)
    config.feeds.emplace(feed.name, feed);
  config.counties = std::move(counties);
  return config;
}

config::FeedConfig feed(std::string name, std::string url, std::size_t batch_size = 50,
                        config::FeedKind kind = config::FeedKind::open_meteo) {
  config::FeedConfig feed;
  feed.name = std::move(name);
  feed.url = std::move(url);
  feed.batch_size = batch_size;
  feed.kind = kind;
  return feed;
}

config::County county(std::string code, std::vector<std::string> feeds,
                      std::string timezone = "Asia/Shanghai") {
  config::County county;
  county.code = std::move(code);
  county.feeds = std::move(feeds);
  county.timezone = std::move(timezone);
  return county;
}

std::vector<std::string> describe(const std::vector<FeedRequest>& requests) {
  std::vector<std::string> out;
  for (const FeedRequest& request : requests) {
    std::string line = request.feed->name + ":";
    for (const config::County* c : request.counties)
      line += " " + c->code;
    out.push_back(line);
  }
  return out;
}

TEST(PlanRequests, BatchesCountiesOfOneTimeZoneInConfigOrder) {
  const auto config = config_with(
      {feed("om", "https://api.open-meteo.com/v1/forecast", 2)},
      {county("650102", {"om"}, "Asia/Urumqi"), county("410102", {"om"}), county("410103", {"om"}),
       county("410104", {"om"}), county("650103", {"om"}, "Asia/Urumqi")});
  EXPECT_EQ(describe(plan_requests(config)),
            (std::vector<std::string>{"om: 650102 650103", "om: 410102 410103", "om: 410104"}));
}

TEST(PlanRequests, NeverBatchesAFileFeedAndAsksACapFeedOnceForAllItsCounties) {
  const auto config =
      config_with({feed("replay", "file:///var/lib/riskwarn/forecast.json", 50),
                   feed("warnings", "https://example.cn/cap.xml", 50, config::FeedKind::cap)},
                  {county("410102", {"replay", "warnings"}), county("410103", {"replay"}),
                   county("410104", {"warnings"})});
  EXPECT_EQ(
      describe(plan_requests(config)),
      (std::vector<std::string>{"replay: 410102", "replay: 410103", "warnings: 410102 410104"}));
}

TEST(PlanRequests, AsksAQWeatherFeedOncePerCounty) {
  const auto config =
      config_with({feed("qw", "https://abc.qweatherapi.com", 50, config::FeedKind::qweather)},
                  {county("410102", {"qw"}), county("410103", {"qw"})});
  EXPECT_EQ(describe(plan_requests(config)),
            (std::vector<std::string>{"qw: 410102", "qw: 410103"}));
}

TEST(PlanRequests, ACountyOnTwoFeedsIsAskedOfEach) {
  const auto config =
      config_with({feed("a", "https://a.example/v1/forecast"), feed("b", "https://b.example/")},
                  {county("410102", {"a", "b"}), county("410103", {"b"})});
  EXPECT_EQ(describe(plan_requests(config)),
            (std::vector<std::string>{"a: 410102", "b: 410102 410103"}));
}

HourlySeries two_hours() {
  HourlySeries series;
  const TimePoint start = TimePoint{} + 480000h;
  series.times = {start, start + 1h};
  series.utc_offset = 8h;
  series.columns[static_cast<std::size_t>(Variable::visibility_m)] = Column{150.5, std::nullopt};
  return series;
}

TEST(ObservationCache, GivesBackTheSeriesWithMissingValuesStillMissing) {
  ObservationCache cache;
  const TimePoint now = TimePoint{} + 480010h;
  cache.put("om", "410102", two_hours(), now);

  const auto held = cache.fresh("om", "410102", now + 1h, 6h);

  ASSERT_TRUE(held.has_value());
  EXPECT_EQ(held->series.times, two_hours().times);
  EXPECT_EQ(held->series.utc_offset, 8h);
  ASSERT_NE(held->series.column(Variable::visibility_m), nullptr);
  EXPECT_EQ(*held->series.column(Variable::visibility_m), (Column{150.5, std::nullopt}));
  EXPECT_EQ(held->series.column(Variable::temperature_c), nullptr);
  EXPECT_EQ(held->confirmed_at, now);
}

TEST(ObservationCache, ExpiresAfterMaxAgeUnlessConfirmed) {
  ObservationCache cache;
  const TimePoint now = TimePoint{} + 480010h;
  cache.put("om", "410102", two_hours(), now);

  EXPECT_TRUE(cache.fresh("om", "410102", now + 6h, 6h).has_value());
  EXPECT_FALSE(cache.fresh("om", "410102", now + 6h + 1s, 6h).has_value());
  EXPECT_TRUE(cache.contains("om", "410102"));

  EXPECT_TRUE(cache.confirm("om", "410102", now + 5h));
  EXPECT_TRUE(cache.fresh("om", "410102", now + 10h, 6h).has_value());
  EXPECT_FALSE(cache.confirm("om", "410103", now));
}

TEST(ObservationCache, RetainForgetsWhatIsNoLongerConfigured) {
  ObservationCache cache;
  cache.put("om", "410102", two_hours(), TimePoint{});
  cache.put("om", "410103", two_hours(), TimePoint{});
  cache.retain({{"om", "410103"}});
  EXPECT_FALSE(cache.contains("om", "410102"));
  EXPECT_TRUE(cache.contains("om", "410103"));
  EXPECT_EQ(cache.size(), 1u);
}

TEST(FeedHealth, DegradesOnceAndRecovers) {
  store::FeedState state;
  EXPECT_EQ(record_failure(state, "HTTP 503"), HealthChange::degraded);
  EXPECT_EQ(record_failure(state, "HTTP 503"), HealthChange::still_degraded);
  EXPECT_EQ(record_failure(state, "timed out"), HealthChange::new_cause);
  EXPECT_EQ(state.consecutive_failures, 3);
  EXPECT_EQ(state.last_error, "timed out");

  const TimePoint at = TimePoint{} + 480000h;
  EXPECT_EQ(record_success(state, at, {"\"v2\"", std::nullopt}), HealthChange::recovered);
  EXPECT_EQ(state.consecutive_failures, 0);
  EXPECT_EQ(state.last_success_at, at);
  EXPECT_EQ(state.etag, "\"v2\"");
  EXPECT_EQ(state.last_error, "timed out");  // kept for the API: the last error seen
  EXPECT_EQ(record_success(state, at, {}), HealthChange::still_healthy);
  EXPECT_TRUE(validators_of(state).empty());
}

TEST(FeedHealth, AFailureKeepsTheValidators) {
  store::FeedState state;
  record_success(state, TimePoint{}, {"\"v1\"", "Tue, 30 Dec 2025 00:00:00 GMT"});
  record_failure(state, "HTTP 500");
  EXPECT_EQ(validators_of(state).etag, "\"v1\"");
  EXPECT_EQ(validators_of(state).last_modified, "Tue, 30 Dec 2025 00:00:00 GMT");
}

}  // namespace
}  // namespace riskwarn::cycle
