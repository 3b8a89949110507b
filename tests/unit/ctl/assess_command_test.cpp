// riskwarnctl assess: the JSON contract of DESIGN.md on the three Open-Meteo fixtures (every
// span and maximum of tests/fixtures/weather/EXPECTED.md), the official-warning formats, the
// table, and the exit statuses; through run_assess() and once through the real binary.
#include "daemon/ctl/assess_command.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"

namespace riskwarn::ctl {
namespace {

using nlohmann::json;

constexpr const char* kConfig = R"(
[feeds.recorded]
kind = "open-meteo"
url = "file://forecast.json"

[channels.console]
kind = "console"

[[counties]]
code = "410102"
name = "中原区"
latitude = 34.75
longitude = 113.62
timezone = "Asia/Shanghai"
feeds = ["recorded"]

[counties.departments.traffic_police]
name = "区公安分局交通管理大队"
channels = ["console"]

[[counties]]
code = "410122"
name = "中牟县"
latitude = 34.72
longitude = 113.98
timezone = "Asia/Shanghai"
feeds = ["recorded"]

[counties.thresholds.gale]
blue_gust_force = 8

[counties.departments.traffic_police]
name = "县公安局交通管理大队"
channels = ["console"]

[[counties]]
code = "130123"
name = "正定县"
latitude = 38.15
longitude = 114.57
timezone = "Asia/Shanghai"
feeds = ["recorded"]

[counties.departments.traffic_police]
name = "县公安局交通管理大队"
channels = ["console"]
)";

struct Outcome {
  int status = -1;
  std::string out;
  std::string err;
};

class AssessCommand : public ::testing::Test {
 protected:
  Outcome run(std::vector<std::string> args) const {
    std::ostringstream out;
    std::ostringstream err;
    const int status = run_assess(args, out, err);
    return {status, out.str(), err.str()};
  }

  // The arguments for a fixture under tests/fixtures/weather.
  std::vector<std::string> args_for(const std::string& fixture, const std::string& format,
                                    const std::string& county = "410102") const {
    return {"--config", config_path, "--county",
            county,     "--input",   test::fixture("weather/" + fixture).string(),
            "--format", format};
  }

  // A --json run that must succeed, parsed.
  json assess_json(std::vector<std::string> args) const {
    args.push_back("--json");
    const Outcome outcome = run(args);
    EXPECT_EQ(outcome.status, kExitOk) << outcome.err;
    EXPECT_EQ(outcome.err, "");
    return json::parse(outcome.out);
  }

  test::TempDir dir;
  std::string config_path = dir.write("riskwarn.toml", kConfig).string();
};

// A span as the JSON contract writes it, from Beijing wall times "MM-DDTHH:MM" of `year`.
json span(const char* level, const std::string& start, const std::string& end) {
  return {{"level", level}, {"start", start + "+08:00"}, {"end", end + "+08:00"}};
}

// Each hazard's entry of a --json document, by name.
std::map<std::string, json> by_hazard(const json& document) {
  std::map<std::string, json> hazards;
  for (const json& entry : document.at("hazards"))
    hazards[entry.at("hazard").get<std::string>()] = entry;
  return hazards;
}

const json kNone = json::array();

TEST_F(AssessCommand, JsonFollowsTheContract) {
  auto args = args_for("openmeteo_fog_ok.json", "open-meteo");
  args.push_back("--json");
  const Outcome outcome = run(args);
  ASSERT_EQ(outcome.status, kExitOk) << outcome.err;
  // Parsed in document order: the keys come in the order of the contract.
  const auto document = nlohmann::ordered_json::parse(outcome.out);
  std::vector<std::string> keys;
  for (const auto& [key, value] : document.items())
    keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"county", "hazards"}));
  EXPECT_EQ(document.at("county"), "410102");
  std::vector<std::string> hazards;
  for (const auto& entry : document.at("hazards")) {
    hazards.push_back(entry.at("hazard"));
    std::vector<std::string> entry_keys;
    for (const auto& [key, value] : entry.items())
      entry_keys.push_back(key);
    EXPECT_EQ(entry_keys, (std::vector<std::string>{"hazard", "evaluated", "max_level", "intensity",
                                                    "signal", "missing"}));
  }
  EXPECT_EQ(hazards,
            (std::vector<std::string>{"fog", "snowstorm", "road_icing", "gale", "cold_wave"}));
}

TEST_F(AssessCommand, FogFixtureSection2) {
  auto h = by_hazard(assess_json(args_for("openmeteo_fog_ok.json", "open-meteo")));
  const json& fog = h["fog"];
  EXPECT_EQ(fog.at("evaluated"), true);
  EXPECT_EQ(fog.at("max_level"), "red");
  EXPECT_EQ(fog.at("intensity"), (json{span("yellow", "2025-12-30T23:00", "2025-12-31T00:00"),
                                       span("orange", "2025-12-31T01:00", "2025-12-31T03:00"),
                                       span("red", "2025-12-31T04:00", "2025-12-31T07:00"),
                                       span("orange", "2025-12-31T08:00", "2025-12-31T09:00"),
                                       span("yellow", "2025-12-31T10:00", "2025-12-31T10:00")}));
  EXPECT_EQ(fog.at("signal"), (json{span("yellow", "2025-12-30T11:00", "2025-12-30T18:00"),
                                    span("orange", "2025-12-30T19:00", "2025-12-31T01:00"),
                                    span("red", "2025-12-31T02:00", "2025-12-31T07:00"),
                                    span("orange", "2025-12-31T08:00", "2025-12-31T09:00"),
                                    span("yellow", "2025-12-31T10:00", "2025-12-31T10:00")}));
  EXPECT_EQ(fog.at("missing"), kNone);
  for (const char* other : {"snowstorm", "road_icing", "gale", "cold_wave"}) {
    EXPECT_EQ(h[other].at("evaluated"), true) << other;
    EXPECT_EQ(h[other].at("max_level"), "none") << other;
    EXPECT_EQ(h[other].at("intensity"), kNone) << other;
    EXPECT_EQ(h[other].at("signal"), kNone) << other;
    EXPECT_EQ(h[other].at("missing"), kNone) << other;
  }
}

TEST_F(AssessCommand, SnowIceFixtureSection3) {
  auto h = by_hazard(assess_json(args_for("openmeteo_snow_ice.json", "open-meteo")));
  const json snow_spans{span("blue", "2026-02-03T00:00", "2026-02-03T00:00"),
                        span("yellow", "2026-02-03T01:00", "2026-02-03T17:00")};
  EXPECT_EQ(h["snowstorm"].at("signal"), snow_spans);
  EXPECT_EQ(h["snowstorm"].at("intensity"), snow_spans);
  EXPECT_EQ(h["snowstorm"].at("max_level"), "yellow");

  EXPECT_EQ(h["road_icing"].at("intensity"),
            (json{span("yellow", "2026-02-03T07:00", "2026-02-03T23:00"),
                  span("orange", "2026-02-04T00:00", "2026-02-04T01:00"),
                  span("red", "2026-02-04T02:00", "2026-02-04T04:00"),
                  span("orange", "2026-02-04T05:00", "2026-02-04T08:00"),
                  span("yellow", "2026-02-04T09:00", "2026-02-04T23:00")}));
  EXPECT_EQ(h["road_icing"].at("signal"),
            (json{span("yellow", "2026-02-03T00:00", "2026-02-03T17:00"),
                  span("orange", "2026-02-03T18:00", "2026-02-03T23:00"),
                  span("red", "2026-02-04T00:00", "2026-02-04T04:00"),
                  span("orange", "2026-02-04T05:00", "2026-02-04T08:00"),
                  span("yellow", "2026-02-04T09:00", "2026-02-04T23:00")}));
  EXPECT_EQ(h["road_icing"].at("max_level"), "red");

  // The null visibilities are missing, not a false red fog; 450 m in snow is not fog.
  EXPECT_EQ(h["fog"].at("evaluated"), true);
  EXPECT_EQ(h["fog"].at("max_level"), "none");
  EXPECT_EQ(h["fog"].at("signal"), kNone);
  EXPECT_EQ(h["fog"].at("missing"), (json{"2026-02-04T20:00+08:00", "2026-02-04T21:00+08:00"}));
  for (const char* other : {"gale", "cold_wave"}) {
    EXPECT_EQ(h[other].at("max_level"), "none") << other;
    EXPECT_EQ(h[other].at("signal"), kNone) << other;
  }
}

TEST_F(AssessCommand, WindFixtureSection4) {
  auto h = by_hazard(assess_json(args_for("openmeteo_wind.json", "open-meteo")));
  EXPECT_EQ(h["gale"].at("intensity"),
            (json{span("blue", "2026-01-20T03:00", "2026-01-20T05:00"),
                  span("yellow", "2026-01-20T06:00", "2026-01-20T09:00"),
                  span("blue", "2026-01-20T10:00", "2026-01-20T16:00")}));
  EXPECT_EQ(h["gale"].at("signal"), (json{span("blue", "2026-01-19T03:00", "2026-01-19T17:00"),
                                          span("yellow", "2026-01-19T18:00", "2026-01-20T09:00"),
                                          span("blue", "2026-01-20T10:00", "2026-01-20T16:00")}));
  EXPECT_EQ(h["gale"].at("max_level"), "yellow");
  const json cold_spans{span("blue", "2026-01-21T00:00", "2026-01-21T23:00")};
  EXPECT_EQ(h["cold_wave"].at("intensity"), cold_spans);
  EXPECT_EQ(h["cold_wave"].at("signal"), cold_spans);
  EXPECT_EQ(h["cold_wave"].at("max_level"), "blue");
  // No visibility variable: fog is not evaluated, which is not "none" with evaluated true.
  EXPECT_EQ(h["fog"].at("evaluated"), false);
  for (const char* other : {"snowstorm", "road_icing"}) {
    EXPECT_EQ(h[other].at("evaluated"), true) << other;
    EXPECT_EQ(h[other].at("max_level"), "none") << other;
  }
}

TEST_F(AssessCommand, AtAddsTheSignalsInForce) {
  auto args = args_for("openmeteo_wind.json", "open-meteo");
  args.insert(args.end(), {"--at", "2026-01-20T00:00+08:00"});
  const json document = assess_json(args);
  EXPECT_EQ(document.at("at"), (json{{"time", "2026-01-20T00:00+08:00"},
                                     {"signals", json{{{"hazard", "gale"},
                                                       {"level", "yellow"},
                                                       {"start", "2026-01-20T06:00+08:00"},
                                                       {"end", "2026-01-20T09:00+08:00"},
                                                       {"source", "derived"}}}}}));
}

TEST_F(AssessCommand, CountyThresholdsApply) {
  // 中牟县 raises the gale gust criterion of blue to 8级: 7级 gusts no longer count.
  auto h = by_hazard(assess_json(args_for("openmeteo_wind.json", "open-meteo", "410122")));
  EXPECT_EQ(h["gale"].at("intensity"),
            (json{span("blue", "2026-01-20T04:00", "2026-01-20T05:00"),
                  span("yellow", "2026-01-20T06:00", "2026-01-20T09:00"),
                  span("blue", "2026-01-20T10:00", "2026-01-20T14:00")}));
}

TEST_F(AssessCommand, TableForPeople) {
  auto args = args_for("openmeteo_wind.json", "open-meteo");
  args.insert(args.end(), {"--at", "2026-01-20T00:00+08:00"});
  const Outcome outcome = run(args);
  ASSERT_EQ(outcome.status, kExitOk) << outcome.err;
  EXPECT_NE(outcome.out.find("中原区 (410102): 72 hours"), std::string::npos) << outcome.out;
  EXPECT_NE(outcome.out.find("大雾 fog: not evaluated"), std::string::npos) << outcome.out;
  EXPECT_NE(outcome.out.find("大风 gale: max yellow"), std::string::npos) << outcome.out;
  EXPECT_NE(outcome.out.find("yellow  2026-01-19T18:00+08:00 … 2026-01-20T09:00+08:00"),
            std::string::npos)
      << outcome.out;
  EXPECT_NE(outcome.out.find("寒潮 cold_wave: max blue"), std::string::npos) << outcome.out;
  EXPECT_NE(outcome.out.find("in force at 2026-01-20T00:00+08:00:\n  大风 gale yellow"),
            std::string::npos)
      << outcome.out;
}

TEST_F(AssessCommand, QWeatherWarningsAreOfficial) {
  auto args = args_for("qweather_warning_fog.json", "qweather");
  args.insert(args.end(), {"--at", "2025-12-31T00:15+08:00"});
  const json document = assess_json(args);
  ASSERT_EQ(document.at("warnings").size(), 1u);
  const json& warning = document.at("warnings").at(0);
  EXPECT_EQ(warning.at("id"), "10118010120251231001500411726905");
  EXPECT_EQ(warning.at("hazard"), "fog");
  EXPECT_EQ(warning.at("level"), "orange");
  EXPECT_EQ(warning.at("start"), "2025-12-31T00:15+08:00");
  EXPECT_EQ(warning.at("end"), "2025-12-31T12:00+08:00");
  EXPECT_EQ(warning.at("sender"), "郑州市气象台");
  EXPECT_EQ(warning.at("source"), "official");
  EXPECT_EQ(document.at("at").at("signals"), (json{{{"hazard", "fog"},
                                                    {"level", "orange"},
                                                    {"start", "2025-12-31T00:15+08:00"},
                                                    {"end", "2025-12-31T12:00+08:00"},
                                                    {"source", "official"}}}));

  const json none = assess_json(args_for("qweather_warning_none.json", "qweather"));
  EXPECT_EQ(none.at("warnings"), kNone);
}

TEST_F(AssessCommand, CapWarningsForTheCounty) {
  std::vector<std::string> args{"--config", config_path,
                                "--county", "130123",
                                "--input",  test::fixture("cap/fog-alert.xml").string(),
                                "--format", "cap",
                                "--at",     "2026-02-14T08:00+08:00"};
  const json document = assess_json(args);
  ASSERT_EQ(document.at("warnings").size(), 1u);
  const json& warning = document.at("warnings").at(0);
  EXPECT_EQ(warning.at("hazard"), "fog");
  EXPECT_EQ(warning.at("level"), "yellow");
  EXPECT_EQ(warning.at("end"), "2026-02-14T12:00+08:00");
  EXPECT_EQ(warning.at("source"), "official");

  // The alert is for 正定县 only.
  args[3] = "410102";
  EXPECT_EQ(assess_json(args).at("warnings"), kNone);
}

TEST_F(AssessCommand, UnknownCountyListsTheConfiguredOnes) {
  const Outcome outcome = run(args_for("openmeteo_wind.json", "open-meteo", "999999"));
  EXPECT_EQ(outcome.status, kExitUsage);
  EXPECT_NE(outcome.err.find("county \"999999\" is not in"), std::string::npos) << outcome.err;
  EXPECT_NE(outcome.err.find("410102  中原区"), std::string::npos) << outcome.err;
  EXPECT_NE(outcome.err.find("410122  中牟县"), std::string::npos) << outcome.err;
  EXPECT_EQ(outcome.out, "");
}

TEST_F(AssessCommand, InvalidConfigurationExitsTwoWithEveryProblem) {
  const std::string bad = dir.write("bad.toml", "[daemon]\npoll_interval = 5\n").string();
  auto args = args_for("openmeteo_wind.json", "open-meteo");
  args[1] = bad;
  const Outcome outcome = run(args);
  EXPECT_EQ(outcome.status, kExitBadConfig);
  EXPECT_NE(outcome.err.find(bad + ":2:17: daemon.poll_interval"), std::string::npos)
      << outcome.err;
}

TEST_F(AssessCommand, InputErrorsExitOneAndSayWhy) {
  const Outcome api_error = run(args_for("openmeteo_error.json", "open-meteo"));
  EXPECT_EQ(api_error.status, kExitFailure);
  EXPECT_NE(api_error.err.find("openmeteo_error.json"), std::string::npos) << api_error.err;
  EXPECT_NE(api_error.err.find("visiblity"), std::string::npos) << api_error.err;

  const Outcome wrong_format = run(args_for("openmeteo_wind.json", "qweather"));
  EXPECT_EQ(wrong_format.status, kExitFailure);

  auto missing = args_for("openmeteo_wind.json", "open-meteo");
  missing[5] = (dir.path() / "absent.json").string();
  const Outcome absent = run(missing);
  EXPECT_EQ(absent.status, kExitFailure);
  EXPECT_NE(absent.err.find("cannot open"), std::string::npos) << absent.err;
}

TEST_F(AssessCommand, CommandLineMistakesExit64) {
  EXPECT_EQ(run({}).status, kExitUsage);
  auto bad_format = args_for("openmeteo_wind.json", "metar");
  const Outcome format = run(bad_format);
  EXPECT_EQ(format.status, kExitUsage);
  EXPECT_NE(format.err.find("\"metar\" is not a format"), std::string::npos) << format.err;
  auto bad_at = args_for("openmeteo_wind.json", "open-meteo");
  bad_at.insert(bad_at.end(), {"--at", "2026-01-20T00:00"});
  EXPECT_EQ(run(bad_at).status, kExitUsage);
  auto dangling = args_for("openmeteo_wind.json", "open-meteo");
  dangling.push_back("--at");
  EXPECT_EQ(run(dangling).status, kExitUsage);
  EXPECT_EQ(run({"--bogus"}).status, kExitUsage);
  const Outcome help = run({"--help"});
  EXPECT_EQ(help.status, kExitOk);
  EXPECT_NE(help.out.find("usage: riskwarnctl assess"), std::string::npos);
}

TEST_F(AssessCommand, RealBinary) {
  auto args = args_for("openmeteo_snow_ice.json", "open-meteo");
  args.insert(args.begin(), "assess");
  args.push_back("--json");
  const test::RunResult result = test::run(RISKWARNCTL_PATH, args, {}, std::chrono::seconds{30});
  ASSERT_EQ(result.exit_status, kExitOk) << result.stderr_text;
  auto h = by_hazard(json::parse(result.stdout_text));
  EXPECT_EQ(h["road_icing"].at("max_level"), "red");
  EXPECT_EQ(h["snowstorm"].at("max_level"), "yellow");

  const test::RunResult listed =
      test::run(RISKWARNCTL_PATH, {"--help"}, {}, std::chrono::seconds{30});
  EXPECT_NE(listed.stdout_text.find("assess --config PATH --county CODE"), std::string::npos)
      << listed.stdout_text;
}

}  // namespace
}  // namespace riskwarn::ctl
