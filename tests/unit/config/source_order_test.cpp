// Every problem is reported, not only the first, in the order it appears in the file.
#include <gtest/gtest.h>

#include "tests/unit/config/config_test_support.hpp"

namespace riskwarn::config {
namespace {

TEST(SourceOrder, ReportsEveryErrorInSourceOrder) {
  const test::ConfigEnvironment environment;
  // Counties come before the feeds and channels they use, and the daemon table comes last, so
  // the order of reading differs from the order of writing.
  const std::string text = R"([[counties]]
code = "410102"
name = "中原区"
latitude = 34.75
longitude = 213.62
feeds = ["openmeteo", "radar"]
[counties.departments.traffic_police]
name = "县公安局交通管理大队"
channels = ["dingding"]
colour = "blue"
[counties.thresholds.fog]
red_visibility_m = 300
[[counties]]
code = "410102"
name = "中原区"
latitude = 34.75
longitude = 113.62
feeds = ["openmeteo"]

[feeds.openmeteo]
kind = "open-meteo"
url = "https://api.open-meteo.com/v1/forecast"
timeout = "10 s"

[channels.console]
kind = "console"

[daemon]
log_level = "loud"
unknown = 1
)";
  EXPECT_EQ(environment.errors(text),
            (std::vector<std::string>{
                "test.toml:5:13: counties[0].longitude: 213.62 is out of range -180..180",
                "test.toml:6:23: counties[0].feeds[1]: unknown feed \"radar\"; defined feeds: "
                "openmeteo",
                "test.toml:9:13: counties[0].departments.traffic_police.channels[0]: unknown "
                "channel \"dingding\"; defined channels: console",
                "test.toml:10:1: counties[0].departments.traffic_police.colour: unknown key; "
                "expected one of: channels, contacts, escalation, name",
                "test.toml:12:20: counties[0].thresholds.fog.red_visibility_m: 300 must be less "
                "than orange_visibility_m (200)",
                "test.toml:14:8: counties[1].code: duplicate county code \"410102\" (first "
                "defined at line 2)",
                "test.toml:23:11: feeds.openmeteo.timeout: \"10 s\" is not a duration (write e.g. "
                "\"90s\", \"10m\", \"1h30m\")",
                "test.toml:29:13: daemon.log_level: unknown log level \"loud\"; expected one of: "
                "trace, debug, info, warn, error, critical, off",
                "test.toml:30:1: daemon.unknown: unknown key; expected one of: listen, log_level, "
                "max_delivery_attempts, poll_interval, public_url, resolve_after_polls, "
                "state_dir",
            }));
}

TEST(SourceOrder, UnreadableConfigFileHasNoPosition) {
  const test::ConfigEnvironment environment;
  const std::string path = (environment.dir().path() / "missing.toml").string();
  const LoadResult result = load_config(path, environment.options());
  ASSERT_TRUE(std::holds_alternative<std::vector<Diagnostic>>(result));
  const auto& diagnostics = std::get<std::vector<Diagnostic>>(result);
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(to_string(diagnostics[0]),
            path + ": cannot read the config file: No such file or directory");
}

TEST(SourceOrder, RuleIdsMustNotRepeatADefaultRule) {
  const test::ConfigEnvironment environment;
  const LoadResult defaults = environment.parse("");
  ASSERT_TRUE(std::holds_alternative<Config>(defaults));
  const std::string id = std::get<Config>(defaults).rules.front().id;
  const auto errors =
      environment.errors("[[rules]]\nid = \"" + id +
                         "\"\nsector = \"road_traffic\"\nhazard = \"fog\"\nmin_level = \"red\"\n"
                         "roles = [\"traffic_police\"]\nactions = [\"封闭道路\"]\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_TRUE(errors[0].starts_with("test.toml:2:6: rules[0].id: duplicate rule id \"" + id +
                                    "\" (first defined at rules/defaults/"))
      << errors[0];
}

}  // namespace
}  // namespace riskwarn::config
