// The shipped county example loads, with the national defaults applied and the county's
// overrides merged on top.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "config/known_roles.hpp"
#include "config/load.hpp"
#include "tests/unit/config/config_test_support.hpp"

namespace riskwarn::config {
namespace {

class ExampleConfig : public ::testing::Test {
 protected:
  void SetUp() override {
    environment_.add_credential("riskwarn_qweather-key", "0123456789abcdef\n");
    environment_.add_credential("riskwarn_duty-webhook-secret",
                                std::string(test::kWebhookSecret) + "\n");
    const std::string path = std::string(RISKWARN_SOURCE_DIR) + "/config/examples/county.toml";
    LoadResult result = load_config(path, environment_.options());
    if (auto* diagnostics = std::get_if<std::vector<Diagnostic>>(&result)) {
      for (const Diagnostic& diagnostic : *diagnostics)
        ADD_FAILURE() << to_string(diagnostic);
      FAIL() << "the example does not load";
    }
    config_ = std::get<Config>(std::move(result));
  }

  test::ConfigEnvironment environment_;
  Config config_;
};

TEST_F(ExampleConfig, ReadsDaemonFeedsAndChannels) {
  EXPECT_EQ(config_.daemon.listen, "127.0.0.1:8787");
  EXPECT_EQ(config_.daemon.poll_interval, std::chrono::minutes(10));
  EXPECT_EQ(config_.daemon.public_url, "https://riskwarn.zhongmou.example.cn");
  ASSERT_EQ(config_.feeds.size(), 2u);
  const FeedConfig& qweather = config_.feeds.at("qweather");
  EXPECT_EQ(qweather.kind, FeedKind::qweather);
  EXPECT_EQ(qweather.timeout, std::chrono::seconds(20));
  EXPECT_EQ(qweather.connect_timeout, std::chrono::seconds(10));  // default
  ASSERT_TRUE(qweather.api_key.has_value());
  EXPECT_EQ(qweather.api_key->reveal(), "0123456789abcdef");  // trailing newline trimmed
  const ChannelConfig& webhook = config_.channels.at("duty_webhook");
  EXPECT_EQ(webhook.kind, ChannelKind::webhook);
  ASSERT_TRUE(webhook.secret.has_value());
  EXPECT_EQ(webhook.secret->reveal(), test::kWebhookSecret);
  EXPECT_EQ(config_.channels.at("console").kind, ChannelKind::console);
  EXPECT_EQ(config_.channels.at("console").path, "");
}

TEST_F(ExampleConfig, CountyMergesOverridesOntoNationalThresholds) {
  ASSERT_EQ(config_.counties.size(), 1u);
  const County& county = config_.counties.front();
  EXPECT_EQ(county.code, "410122");
  EXPECT_EQ(county.name, "中牟县");
  EXPECT_DOUBLE_EQ(county.latitude, 34.72);
  EXPECT_EQ(county.feeds, (std::vector<std::string>{"openmeteo", "qweather"}));
  // Overridden in the county.
  EXPECT_EQ(county.thresholds.fog.yellow_visibility_m, 800);
  EXPECT_EQ(county.thresholds.fog.red_visibility_m, 30);
  EXPECT_EQ(county.thresholds.cold_wave.day_boundary_hour, 20);
  // Inherited from the national table.
  EXPECT_EQ(county.thresholds.fog.orange_visibility_m, 200);
  EXPECT_EQ(county.thresholds.fog.lead.red, 2);
  EXPECT_EQ(county.thresholds.gale.lead.blue, 24);
  EXPECT_EQ(county.thresholds.snowstorm.yellow_mm, 6);
  // The national values themselves are untouched by the county.
  EXPECT_EQ(config_.national.fog.red_visibility_m, 50);
  EXPECT_EQ(config_.national.cold_wave.day_boundary_hour, 0);
}

TEST_F(ExampleConfig, CountyHasADepartmentForEveryKnownRole) {
  const County& county = config_.counties.front();
  std::set<std::string> roles;
  for (const auto& [role, department] : county.departments)
    roles.insert(role);
  std::set<std::string> known;
  for (const KnownRole& role : known_roles())
    known.emplace(role.role);
  EXPECT_EQ(roles, known);
  for (const Rule& rule : config_.rules) {
    for (const std::string& role : rule.roles) {
      EXPECT_TRUE(county.departments.contains(role)) << rule.id << " needs " << role;
    }
  }
  const Department& traffic = county.departments.at("traffic_police");
  EXPECT_EQ(traffic.name, "中牟县公安局交通管理大队");
  EXPECT_EQ(traffic.channels, (std::vector<std::string>{"duty_webhook", "console"}));
  EXPECT_EQ(traffic.escalation, (std::vector<std::string>{"public_security", "emergency_management",
                                                          "safety_committee"}));
  ASSERT_EQ(traffic.contacts.size(), 2u);
  EXPECT_EQ(traffic.contacts[0].name, "张三");
  EXPECT_EQ(traffic.contacts[0].phone, "13803710102");
  EXPECT_EQ(county.departments.at("emergency_management").name, "中牟县应急管理局");
  EXPECT_EQ(county.departments.at("market_regulation").name, "中牟县市场监督管理局");
}

TEST_F(ExampleConfig, RulesAreTheDefaultsFollowedByTheCountyRule) {
  ASSERT_GE(config_.rules.size(), 2u);
  EXPECT_EQ(config_.rules.front().id, "road_traffic.fog");
  const Rule& local = config_.rules.back();
  EXPECT_EQ(local.id, "local.zhongmou.expressway_fog");
  EXPECT_EQ(local.hazard, Hazard::fog);
  EXPECT_EQ(local.min_level, Level::orange);
  EXPECT_EQ(local.roles, (std::vector<std::string>{"traffic_police", "transport"}));
  EXPECT_EQ(local.actions.size(), 2u);
}

TEST(DefaultsOnly, AnEmptyConfigLoadsWithDefaultsAndTheDefaultRules) {
  const test::ConfigEnvironment environment;
  const LoadResult result = environment.parse("");
  ASSERT_TRUE(std::holds_alternative<Config>(result));
  const Config& config = std::get<Config>(result);
  EXPECT_EQ(config.daemon.state_dir, "/var/lib/riskwarn");
  EXPECT_EQ(config.daemon.poll_interval, std::chrono::minutes(10));
  EXPECT_EQ(config.daemon.log_level, "info");
  EXPECT_EQ(config.national.fog.yellow_visibility_m, 500);
  EXPECT_EQ(config.national.gale.yellow_gust_force, 9);
  EXPECT_TRUE(config.counties.empty());
  EXPECT_FALSE(config.rules.empty());
}

}  // namespace
}  // namespace riskwarn::config
