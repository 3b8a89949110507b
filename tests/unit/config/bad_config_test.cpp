// Each bad config gives exactly these diagnostics, in source order, as "PATH:LINE:COL: message".
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/unit/config/config_test_support.hpp"

namespace riskwarn::config {
namespace {

// Eight lines that define a feed and two channels; case lines start at line 9.
constexpr std::string_view kBase = R"([feeds.openmeteo]
kind = "open-meteo"
url = "https://api.open-meteo.com/v1/forecast"
[channels.console]
kind = "console"
[channels.duty_webhook]
kind = "webhook"
url = "https://duty.example.cn/hook"
)";

// A valid county table after kBase: lines 9..14.
constexpr std::string_view kCounty = R"([[counties]]
code = "410102"
name = "中原区"
latitude = 34.75
longitude = 113.62
feeds = ["openmeteo"]
)";

std::string with_base(std::string_view text) {
  return std::string(kBase) + std::string(text);
}
std::string with_county(std::string_view text) {
  return std::string(kBase) + std::string(kCounty) + std::string(text);
}

struct BadConfig {
  std::string name;
  std::string text;
  std::vector<std::string> expected;
};

void PrintTo(const BadConfig& bad, std::ostream* out) {
  *out << bad.name;
}

class BadConfigTest : public ::testing::TestWithParam<BadConfig> {};

TEST_P(BadConfigTest, ReportsExactly) {
  test::ConfigEnvironment environment;
  environment.dir().write("empty.key", "\n");
  environment.dir().write("holidays/2026.json", "{}");
  EXPECT_EQ(environment.errors(GetParam().text), GetParam().expected);
}

const BadConfig kBadConfigs[] = {
    {"toml_syntax",
     "[daemon]\nlisten = \"127.0.0.1:8787\n",
     {"test.toml:2:25: invalid TOML: Error while parsing string: unescaped control characters "
      "other than TAB (U+0009) are explicitly prohibited"}},
    {"unknown_top_level_key",
     "colour = \"red\"\n",
     {"test.toml:1:1: colour: unknown key; expected one of: calendar, channels, counties, daemon, "
      "feeds, rules, thresholds"}},
    {"unknown_daemon_key",
     "[daemon]\npoll_intervall = \"10m\"\n",
     {"test.toml:2:1: daemon.poll_intervall: unknown key; expected one of: listen, log_level, "
      "max_delivery_attempts, poll_interval, public_url, resolve_after_polls, state_dir"}},
    {"wrong_type",
     "[daemon]\nresolve_after_polls = \"3\"\n",
     {"test.toml:2:23: daemon.resolve_after_polls: expected an integer, got a string"}},
    {"integer_out_of_range",
     "[daemon]\nmax_delivery_attempts = 0\n",
     {"test.toml:2:25: daemon.max_delivery_attempts: 0 is out of range 1..100"}},
    {"float_for_integer",
     "[daemon]\nresolve_after_polls = 3.0\n",
     {"test.toml:2:23: daemon.resolve_after_polls: expected an integer, got a floating-point "
      "number"}},
    {"malformed_duration",
     "[daemon]\npoll_interval = \"10 minutes\"\n",
     {"test.toml:2:17: daemon.poll_interval: \"10 minutes\" is not a duration (write e.g. \"90s\", "
      "\"10m\", \"1h30m\")"}},
    {"duration_out_of_range",
     "[daemon]\npoll_interval = \"30s\"\n",
     {"test.toml:2:17: daemon.poll_interval: \"30s\" is out of range 1m..24h"}},
    {"unknown_log_level",
     "[daemon]\nlog_level = \"verbose\"\n",
     {"test.toml:2:13: daemon.log_level: unknown log level \"verbose\"; expected one of: trace, "
      "debug, info, warn, error, critical, off"}},
    {"listen_without_port",
     "[daemon]\nlisten = \"localhost\"\n",
     {"test.toml:2:10: daemon.listen: \"localhost\" is not host:port"}},
    {"public_url_not_http",
     "[daemon]\npublic_url = \"ftp://example.cn/\"\n",
     {"test.toml:2:14: daemon.public_url: \"ftp://example.cn/…\" is not an http:// or https:// "
      "URL"}},
    {"url_with_user_information_is_not_echoed",
     "[channels.hook]\nkind = \"webhook\"\nurl = "
     "\"https://duty:s3cret@hooks.example.cn/x?key=k3y\"\n",
     {"test.toml:3:7: channels.hook.url: \"https://hooks.example.cn/…\" must not carry user "
      "information (use a secret file)"}},
    {"unknown_feed_kind",
     "[feeds.x]\nkind = \"metar\"\nurl = \"https://example.cn/\"\n",
     {"test.toml:2:8: feeds.x.kind: unknown feed kind \"metar\"; expected one of: open-meteo, "
      "qweather, cap"}},
    {"feed_url_scheme",
     "[feeds.x]\nkind = \"cap\"\nurl = \"ftp://example.cn/cap.xml\"\n",
     {"test.toml:3:7: feeds.x.url: \"ftp://example.cn/…\" is not an http://, https:// or "
      "file:// URL"}},
    {"shift_to_now_over_https",
     "[feeds.x]\nkind = \"open-meteo\"\nurl = \"https://example.cn/\"\nshift_to_now = true\n",
     {"test.toml:4:16: feeds.x.shift_to_now: only allowed with a file:// url"}},
    {"inline_api_key",
     "[feeds.x]\nkind = \"open-meteo\"\nurl = \"https://example.cn/\"\napi_key = \"k-123\"\n",
     {"test.toml:4:1: feeds.x.api_key: secrets are not accepted inline; put it in a file and set "
      "api_key_file, or name a systemd credential with api_key_credential"}},
    {"api_key_file_and_credential",
     "[feeds.x]\nkind = \"open-meteo\"\nurl = \"https://example.cn/\"\n"
     "api_key_file = \"a.key\"\napi_key_credential = \"a\"\n",
     {"test.toml:5:22: feeds.x.api_key_credential: set either api_key_file or api_key_credential, "
      "not both"}},
    {"max_bytes_out_of_range",
     "[feeds.x]\nkind = \"open-meteo\"\nurl = \"https://example.cn/\"\nmax_bytes = 100\n",
     {"test.toml:4:13: feeds.x.max_bytes: 100 is out of range 1024..67108864"}},
    {"qweather_without_key",
     "[feeds.qw]\nkind = \"qweather\"\nurl = \"https://example.cn/\"\n",
     {"test.toml:1:1: feeds.qw: a qweather feed over http(s) needs api_key_file or "
      "api_key_credential, or the jwt_* settings"}},
    {"feed_name_with_space",
     "[feeds.\"open meteo\"]\nkind = \"open-meteo\"\nurl = \"file://x\"\n",
     {"test.toml:1:8: feeds.\"open meteo\": a feed name may contain only letters, digits, \"_\" "
      "and \"-\""}},
    {"unknown_channel_kind",
     "[channels.x]\nkind = \"pager\"\n",
     {"test.toml:2:8: channels.x.kind: unknown channel kind \"pager\"; expected one of: webhook, "
      "console"}},
    {"webhook_without_url",
     "[channels.x]\nkind = \"webhook\"\ntimeout = \"15s\"\n",
     {"test.toml:1:1: channels.x: missing required key \"url\""}},
    {"console_with_url",
     "[channels.x]\nkind = \"console\"\nurl = \"https://example.cn/\"\n",
     {"test.toml:3:1: channels.x.url: unknown key; expected one of: kind, path"}},
    {"unreadable_secret_file",
     "[channels.x]\nkind = \"webhook\"\nurl = \"https://example.cn/\"\nsecret_file = "
     "\"missing.key\"\n",
     {"test.toml:4:15: channels.x.secret_file: cannot read secret file \"{dir}/missing.key\": No "
      "such file or directory"}},
    {"empty_secret_file",
     "[channels.x]\nkind = \"webhook\"\nurl = \"https://example.cn/\"\nsecret_file = "
     "\"empty.key\"\n",
     {"test.toml:4:15: channels.x.secret_file: secret file \"{dir}/empty.key\" is empty"}},
    {"unreadable_calendar_file",
     "[calendar]\nholiday_files = [\"holidays/2026.json\", \"holidays/2027.json\"]\n",
     {"test.toml:2:40: calendar.holiday_files[1]: cannot read \"{dir}/holidays/2027.json\": No "
      "such file or directory"}},
    {"fog_red_above_orange",
     "[thresholds.fog]\nred_visibility_m = 600\n",
     {"test.toml:2:20: thresholds.fog.red_visibility_m: 600 must be less than orange_visibility_m "
      "(200)"}},
    {"gale_forces_not_ascending",
     "[thresholds.gale]\nyellow_mean_force = 10\norange_mean_force = 9\n",
     {"test.toml:2:21: thresholds.gale.yellow_mean_force: 10 must be less than orange_mean_force "
      "(9)"}},
    {"lead_windows_out_of_order",
     "[thresholds.gale]\nlead_red_h = 8\n",
     {"test.toml:2:14: thresholds.gale.lead_red_h: 8 must be less than or equal to lead_orange_h "
      "(6)"}},
    {"threshold_out_of_range",
     "[thresholds.gale]\nred_gust_force = 18\n",
     {"test.toml:2:18: thresholds.gale.red_gust_force: 18 is out of range 1..17"}},
    {"unknown_hazard_table",
     "[thresholds.haze]\npm25 = 150\n",
     {"test.toml:1:13: thresholds.haze: unknown key; expected one of: cold_wave, fog, gale, "
      "road_icing, snowstorm"}},
    {"unknown_threshold_key",
     "[thresholds.fog]\nred_visibility = 30\n",
     {"test.toml:2:1: thresholds.fog.red_visibility: unknown key; expected one of: "
      "humidity_min_pct, lead_blue_h, lead_orange_h, lead_red_h, lead_yellow_h, "
      "orange_visibility_m, precipitation_max_mm, red_visibility_m, visibility_max_m, "
      "yellow_visibility_m"}},
    {"counties_as_table",
     "[counties]\ncode = \"410102\"\n",
     {"test.toml:1:1: counties: expected an array, got a table"}},
    {"malformed_county_code",
     with_base("[[counties]]\ncode = \"41012\"\nname = \"中原区\"\nlatitude = 34.75\n"
               "longitude = 113.62\nfeeds = [\"openmeteo\"]\n"),
     {"test.toml:10:8: counties[0].code: \"41012\" is not a 6-digit administrative code"}},
    {"county_code_without_province",
     with_base("[[counties]]\ncode = \"990102\"\nname = \"中原区\"\nlatitude = 34.75\n"
               "longitude = 113.62\nfeeds = [\"openmeteo\"]\n"),
     {"test.toml:10:8: counties[0].code: \"990102\" does not start with a province code (11..15, "
      "21..23, 31..37, 41..46, 50..54, 61..65, 71, 81, 82)"}},
    {"duplicate_county_code",
     with_county(kCounty),
     {"test.toml:16:8: counties[1].code: duplicate county code \"410102\" (first defined at line "
      "10)"}},
    {"county_missing_name_and_feeds",
     with_base("[[counties]]\ncode = \"410102\"\nlatitude = 34.75\nlongitude = 113.62\n"),
     {"test.toml:9:1: counties[0]: missing required key \"name\"",
      "test.toml:9:1: counties[0]: missing required key \"feeds\""}},
    {"latitude_out_of_range",
     with_base("[[counties]]\ncode = \"410102\"\nname = \"中原区\"\nlatitude = 347.5\n"
               "longitude = 113.62\nfeeds = [\"openmeteo\"]\n"),
     {"test.toml:12:12: counties[0].latitude: 347.5 is out of range -90..90"}},
    {"unknown_timezone",
     with_county("timezone = \"Asia/Shanghia\"\n"),
     {"test.toml:15:12: counties[0].timezone: unknown time zone \"Asia/Shanghia\""}},
    {"timezone_outside_zoneinfo",
     with_county("timezone = \"../../etc/passwd\"\n"),
     {"test.toml:15:12: counties[0].timezone: \"../../etc/passwd\" is not a time zone name"}},
    {"timezone_with_daylight_saving",
     with_county("timezone = \"Europe/Berlin\"\n"),
     {"test.toml:15:12: counties[0].timezone: time zone \"Europe/Berlin\": time zone rule "
      "\"CET-1CEST,M3.5.0,M10.5.0/3\" has daylight saving time; only fixed-offset zones are "
      "supported"}},
    {"timezone_not_a_zone_file",
     with_county("timezone = \"zone.tab\"\n"),
     {"test.toml:15:12: counties[0].timezone: unknown time zone \"zone.tab\""}},
    {"unknown_county_feed",
     with_base("[[counties]]\ncode = \"410102\"\nname = \"中原区\"\nlatitude = 34.75\n"
               "longitude = 113.62\nfeeds = [\"openmeteo\", \"qweather\"]\n"),
     {"test.toml:14:23: counties[0].feeds[1]: unknown feed \"qweather\"; defined feeds: "
      "openmeteo"}},
    {"unknown_role",
     with_county("[counties.departments.trafic_police]\nname = \"县公安局交通管理大队\"\n"
                 "channels = [\"console\"]\n"),
     {"test.toml:15:23: counties[0].departments.trafic_police: unknown role \"trafic_police\"; "
      "known roles: agri_machinery, civil_affairs, commerce, culture_tourism, ecology_env, "
      "education, emergency_management, fire_rescue, forestry, health, housing_construction, "
      "industry_it, market_center, market_regulation, natural_resources, power_supply, "
      "public_security, public_utilities, safety_committee, supervision_office, supply_coop, "
      "township, trade_union, traffic_police, transport"}},
    {"unknown_department_channel",
     with_county("[counties.departments.traffic_police]\nname = \"县公安局交通管理大队\"\n"
                 "channels = [\"console\", \"dingding\"]\n"),
     {"test.toml:17:24: counties[0].departments.traffic_police.channels[1]: unknown channel "
      "\"dingding\"; defined channels: console, duty_webhook"}},
    {"department_without_channels",
     with_county("[counties.departments.traffic_police]\nname = \"县公安局交通管理大队\"\n"
                 "channels = []\n"),
     {"test.toml:17:12: counties[0].departments.traffic_police.channels: must not be empty"}},
    {"escalation_without_department",
     with_county("[counties.departments.traffic_police]\nname = \"县公安局交通管理大队\"\n"
                 "channels = [\"console\"]\nescalation = [\"emergency_management\"]\n"),
     {"test.toml:18:15: counties[0].departments.traffic_police.escalation[0]: role "
      "\"emergency_management\" has no department in this county"}},
    {"escalation_to_itself",
     with_county("[counties.departments.traffic_police]\nname = \"县公安局交通管理大队\"\n"
                 "channels = [\"console\"]\nescalation = [\"traffic_police\"]\n"),
     {"test.toml:18:15: counties[0].departments.traffic_police.escalation[0]: a department cannot "
      "escalate to itself"}},
    {"bad_contact",
     with_county("[counties.departments.traffic_police]\nname = \"县公安局交通管理大队\"\n"
                 "channels = [\"console\"]\n"
                 "contacts = [ { name = \"张三\", phone = \"0371-12345678\", mail = \"\" } ]\n"),
     {"test.toml:18:37: counties[0].departments.traffic_police.contacts[0].phone: "
      "\"0371-12345678\" is not an 11-digit mainland mobile number",
      "test.toml:18:54: counties[0].departments.traffic_police.contacts[0].mail: unknown key; "
      "expected one of: email, name, phone"}},
    {"county_override_breaks_national_order",
     with_county("[counties.thresholds.fog]\nyellow_visibility_m = 150\n"),
     {"test.toml:16:23: counties[0].thresholds.fog.yellow_visibility_m: 150 must be greater than "
      "orange_visibility_m (200)"}},
    {"rule_unknown_hazard_and_level",
     "[[rules]]\nid = \"local.smog\"\nsector = \"road_traffic\"\nhazard = \"smog\"\n"
     "min_level = \"pink\"\nroles = [\"traffic_police\"]\nactions = [\"减速慢行\"]\n",
     {"test.toml:4:10: rules[0].hazard: unknown hazard \"smog\"; expected one of: fog, snowstorm, "
      "road_icing, gale, cold_wave",
      "test.toml:5:13: rules[0].min_level: \"pink\" is not a warning level; expected one of: blue, "
      "yellow, orange, red"}},
    {"rule_unknown_role_and_no_actions",
     "[[rules]]\nid = \"local.fog\"\nsector = \"road_traffic\"\nhazard = \"fog\"\n"
     "min_level = \"yellow\"\nroles = [\"traffic_cop\"]\nactions = []\n",
     {"test.toml:6:10: rules[0].roles[0]: unknown role \"traffic_cop\"; known roles: "
      "agri_machinery, civil_affairs, commerce, culture_tourism, ecology_env, education, "
      "emergency_management, fire_rescue, forestry, health, housing_construction, industry_it, "
      "market_center, market_regulation, natural_resources, power_supply, public_security, "
      "public_utilities, safety_committee, supervision_office, supply_coop, township, trade_union, "
      "traffic_police, transport",
      "test.toml:7:11: rules[0].actions: must not be empty"}},
    {"duplicate_rule_id",
     "[[rules]]\nid = \"local.fog\"\nsector = \"road_traffic\"\nhazard = \"fog\"\n"
     "min_level = \"yellow\"\nroles = [\"traffic_police\"]\nactions = [\"减速慢行\"]\n"
     "[[rules]]\nid = \"local.fog\"\nsector = \"road_traffic\"\nhazard = \"fog\"\n"
     "min_level = \"red\"\nroles = [\"transport\"]\nactions = [\"封闭道路\"]\n",
     {"test.toml:9:6: rules[1].id: duplicate rule id \"local.fog\" (first defined at line 2)"}},
};

INSTANTIATE_TEST_SUITE_P(Config, BadConfigTest, ::testing::ValuesIn(kBadConfigs),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace riskwarn::config
