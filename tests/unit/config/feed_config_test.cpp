// A feed's request settings: TLS trust, retries, concurrency, batching and how long its last
// good observations stand in; their defaults, and exact messages for bad values.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "tests/unit/config/config_test_support.hpp"

namespace riskwarn::config {
namespace {

constexpr std::string_view kFeed = R"([feeds.x]
kind = "open-meteo"
url = "https://api.open-meteo.com/v1/forecast"
)";

std::string feed_with(std::string_view lines) {
  return std::string(kFeed) + std::string(lines);
}

FeedConfig load_feed(const test::ConfigEnvironment& environment, std::string_view text) {
  LoadResult result = environment.parse(text);
  if (auto* diagnostics = std::get_if<std::vector<Diagnostic>>(&result)) {
    for (const Diagnostic& diagnostic : *diagnostics)
      ADD_FAILURE() << to_string(diagnostic);
    return {};
  }
  return std::get<Config>(result).feeds.at("x");
}

TEST(FeedConfig, Defaults) {
  test::ConfigEnvironment environment;
  const FeedConfig feed = load_feed(environment, kFeed);
  EXPECT_EQ(feed.ca_file, "");
  EXPECT_EQ(feed.max_retries, 2);
  EXPECT_EQ(feed.retry_base_delay, std::chrono::seconds(2));
  EXPECT_EQ(feed.max_concurrent_requests, 4u);
  EXPECT_EQ(feed.batch_size, 50u);
  EXPECT_EQ(feed.observation_max_age, std::chrono::hours(6));
}

TEST(FeedConfig, ReadsEverySetting) {
  test::ConfigEnvironment environment;
  const auto ca = environment.dir().write("tls/ca.pem", "-----BEGIN CERTIFICATE-----\n");
  const FeedConfig feed = load_feed(environment, feed_with(R"(ca_file = "tls/ca.pem"
max_retries = 0
retry_base_delay = "5s"
max_concurrent_requests = 2
batch_size = 100
observation_max_age = "3h"
)"));
  EXPECT_EQ(feed.ca_file, ca.string());  // resolved against the config's directory
  EXPECT_EQ(feed.max_retries, 0);
  EXPECT_EQ(feed.retry_base_delay, std::chrono::seconds(5));
  EXPECT_EQ(feed.max_concurrent_requests, 2u);
  EXPECT_EQ(feed.batch_size, 100u);
  EXPECT_EQ(feed.observation_max_age, std::chrono::hours(3));
}

struct BadFeed {
  std::string name;
  std::string text;
  std::vector<std::string> expected;
};

void PrintTo(const BadFeed& bad, std::ostream* out) {
  *out << bad.name;
}

class BadFeedConfig : public ::testing::TestWithParam<BadFeed> {};

TEST_P(BadFeedConfig, ReportsExactly) {
  test::ConfigEnvironment environment;
  EXPECT_EQ(environment.errors(GetParam().text), GetParam().expected);
}

const BadFeed kBadFeeds[] = {
    {"jwt_on_an_open_meteo_feed",
     feed_with("jwt_key_id = \"K\"\n"),
     {"test.toml:4:14: feeds.x.jwt_key_id: JWT authentication is only for qweather feeds"}},
    {"jwt_incomplete",
     "[feeds.x]\nkind = \"qweather\"\nurl = \"https://abc.qweatherapi.com\"\n"
     "jwt_key_id = \"K\"\n",
     {"test.toml:4:14: feeds.x.jwt_key_id: JWT authentication needs jwt_key_id, jwt_project_id "
      "and jwt_private_key_file or jwt_private_key_credential"}},
    {"qweather_without_key_or_jwt",
     "[feeds.x]\nkind = \"qweather\"\nurl = \"https://abc.qweatherapi.com\"\n",
     {"test.toml:1:1: feeds.x: a qweather feed over http(s) needs api_key_file or "
      "api_key_credential, or the jwt_* settings"}},
    {"max_retries_out_of_range",
     feed_with("max_retries = 11\n"),
     {"test.toml:4:15: feeds.x.max_retries: 11 is out of range 0..10"}},
    {"max_retries_negative",
     feed_with("max_retries = -1\n"),
     {"test.toml:4:15: feeds.x.max_retries: -1 is out of range 0..10"}},
    {"retry_base_delay_too_short",
     feed_with("retry_base_delay = \"0s\"\n"),
     {"test.toml:4:20: feeds.x.retry_base_delay: \"0s\" is out of range 1s..1m"}},
    {"retry_base_delay_not_a_duration",
     feed_with("retry_base_delay = 2\n"),
     {"test.toml:4:20: feeds.x.retry_base_delay: expected a string, got an integer"}},
    {"max_concurrent_requests_zero",
     feed_with("max_concurrent_requests = 0\n"),
     {"test.toml:4:27: feeds.x.max_concurrent_requests: 0 is out of range 1..64"}},
    {"batch_size_too_large",
     feed_with("batch_size = 5000\n"),
     {"test.toml:4:14: feeds.x.batch_size: 5000 is out of range 1..1000"}},
    {"batch_size_on_a_file_feed",
     "[feeds.x]\nkind = \"open-meteo\"\nurl = \"file://forecast.json\"\nbatch_size = 10\n",
     {"test.toml:4:14: feeds.x.batch_size: a file:// feed is never batched"}},
    {"batch_size_on_a_cap_feed",
     "[feeds.x]\nkind = \"cap\"\nurl = \"https://example.cn/cap.xml\"\nbatch_size = 10\n",
     {"test.toml:4:14: feeds.x.batch_size: only open-meteo feeds are batched"}},
    {"observation_max_age_too_long",
     feed_with("observation_max_age = \"72h\"\n"),
     {"test.toml:4:23: feeds.x.observation_max_age: \"72h\" is out of range 10m..48h"}},
    {"observation_max_age_in_days",
     feed_with("observation_max_age = \"3d\"\n"),
     {"test.toml:4:23: feeds.x.observation_max_age: \"3d\" is not a duration (write e.g. "
      "\"90s\", \"10m\", \"1h30m\")"}},
    {"ca_file_unreadable",
     feed_with("ca_file = \"missing.pem\"\n"),
     {"test.toml:4:11: feeds.x.ca_file: cannot read \"{dir}/missing.pem\": No such file or "
      "directory"}},
    {"ca_file_without_https",
     "[feeds.x]\nkind = \"open-meteo\"\nurl = \"http://example.cn/v1/forecast\"\n"
     "ca_file = \"ca.pem\"\n",
     {"test.toml:4:11: feeds.x.ca_file: only used with an https:// url"}},
    {"ca_file_empty",
     feed_with("ca_file = \"\"\n"),
     {"test.toml:4:11: feeds.x.ca_file: must not be empty"}},
};

INSTANTIATE_TEST_SUITE_P(Feeds, BadFeedConfig, ::testing::ValuesIn(kBadFeeds),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace riskwarn::config
