#include "daemon/ctl/calendar_command.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"

namespace riskwarn::ctl {
namespace {

struct Outcome {
  int status = -1;
  std::string out;
  std::string err;
};

Outcome run(const std::vector<std::string>& args) {
  std::ostringstream out;
  std::ostringstream err;
  const int status = run_calendar(args, out, err);
  return {status, out.str(), err.str()};
}

// The periods of a --json run, as "id start..end source" strings; fails the test on bad JSON.
std::vector<std::string> periods_of(const Outcome& outcome) {
  EXPECT_EQ(outcome.status, kExitOk) << outcome.err;
  std::vector<std::string> lines;
  const auto document = nlohmann::json::parse(outcome.out);
  for (const auto& period : document.at("periods")) {
    lines.push_back(
        period.at("id").get<std::string>() + " " + period.at("start").get<std::string>() + ".." +
        period.at("end").get<std::string>() + " " + period.at("source").get<std::string>());
  }
  return lines;
}

std::string holiday_file(const char* year) {
  return test::fixture(std::string{"calendar/holiday-cn/"} + year + ".json").string();
}

TEST(CalendarCommand, JsonFollowsTheContract) {
  const auto outcome = run({"--from", "2026-03-03", "--to", "2026-03-03", "--json"});
  ASSERT_EQ(outcome.status, kExitOk) << outcome.err;
  EXPECT_EQ(outcome.err, "");
  const auto document = nlohmann::json::parse(outcome.out);
  ASSERT_EQ(document.size(), 1u);
  const auto& periods = document.at("periods");
  ASSERT_EQ(periods.size(), 3u);
  const auto& lantern = periods.at(2);
  EXPECT_EQ(lantern, nlohmann::json::parse(R"({"id": "lantern:2026", "name": "元宵节",
      "start": "2026-03-03", "end": "2026-03-03", "source": "lunar"})"));
  std::vector<std::string> keys;
  for (const auto& [key, value] : periods.at(0).items())
    keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"end", "id", "name", "source", "start"}));
}

TEST(CalendarCommand, WithoutConfigTheLunarTableDecides) {
  EXPECT_EQ(periods_of(run({"--from", "2027-02-01", "--to", "2027-02-28", "--json"})),
            (std::vector<std::string>{
                "inspection_campaign:spring_festival:2027 2027-01-06..2027-02-04 lunar",
                "chunyun:2027 2027-01-22..2027-03-02 lunar",
                "inspection_campaign:two_sessions:2027 2027-02-02..2027-03-03 estimate",
                "spring_festival:2027 2027-02-05..2027-02-12 lunar",
                "lunar_new_year:2027 2027-02-06..2027-02-06 lunar",
                "lantern:2027 2027-02-20..2027-02-20 lunar",
            }));
}

TEST(CalendarCommand, The2026ArrangementFromHolidayCnGivesTheDaysOff) {
  test::TempDir dir;
  const auto config =
      dir.write("riskwarn.toml", "[calendar]\nholiday_files = [\"" + holiday_file("2026") +
                                     "\"]\n"
                                     "inspection_days_before_spring_festival = 0\n"
                                     "inspection_days_before_two_sessions = 0\n");
  // 15–23 February off; 14 and 28 February are worked and belong to no period of their own.
  EXPECT_EQ(periods_of(run({"--from", "2026-02-14", "--to", "2026-02-28", "--config",
                            config.string(), "--json"})),
            (std::vector<std::string>{
                "chunyun:2026 2026-02-02..2026-03-13 lunar",
                "spring_festival:2026 2026-02-15..2026-02-23 official",
                "lunar_new_year:2026 2026-02-17..2026-02-17 lunar",
            }));
}

TEST(CalendarCommand, The2020ExtensionFromHolidayCn) {
  test::TempDir dir;
  const auto config = dir.write("riskwarn.toml",
                                "[calendar]\nholiday_files = [\"" + holiday_file("2020") + "\"]\n");
  const auto periods = periods_of(
      run({"--from", "2020-01-24", "--to", "2020-01-24", "--config", config.string(), "--json"}));
  EXPECT_NE(std::find(periods.begin(), periods.end(),
                      "spring_festival:2020 2020-01-24..2020-02-02 official"),
            periods.end());
}

TEST(CalendarCommand, ConfiguredDatesEventsAndCampaigns) {
  test::TempDir dir;
  const auto config = dir.write("riskwarn.toml", R"([calendar]
inspection_days_before_spring_festival = 10
inspection_days_before_two_sessions = 5

[calendar.chunyun.2027]
start = "2027-01-21"
end = "2027-03-01"

[calendar.two_sessions.2027]
start = "2027-03-04"
end = "2027-03-10"

[[calendar.events]]
name = "县两会"
kind = "local_two_sessions"
start = "2027-01-10"
end = "2027-01-14"
)");
  EXPECT_EQ(periods_of(run({"--from", "2027-01-01", "--to", "2027-03-31", "--config",
                            config.string(), "--json"})),
            (std::vector<std::string>{
                "local_two_sessions:县两会:2027-01-10 2027-01-10..2027-01-14 config",
                "chunyun:2027 2027-01-21..2027-03-01 config",
                "inspection_campaign:spring_festival:2027 2027-01-26..2027-02-04 lunar",
                "spring_festival:2027 2027-02-05..2027-02-12 lunar",
                "lunar_new_year:2027 2027-02-06..2027-02-06 lunar",
                "lantern:2027 2027-02-20..2027-02-20 lunar",
                "inspection_campaign:two_sessions:2027 2027-02-27..2027-03-03 config",
                "two_sessions:2027 2027-03-04..2027-03-10 config",
            }));
}

TEST(CalendarCommand, InvalidConfigPrintsEveryDiagnosticAndExits2) {
  test::TempDir dir;
  const auto config = dir.write("riskwarn.toml",
                                "[calendar]\ninspection_days_before_spring_festival = \"x\"\n"
                                "bogus = 1\n");
  const auto outcome =
      run({"--from", "2026-01-01", "--to", "2026-12-31", "--config", config.string()});
  EXPECT_EQ(outcome.status, kExitBadConfig);
  EXPECT_EQ(outcome.out, "");
  EXPECT_NE(outcome.err.find(config.string() + ":2:"), std::string::npos) << outcome.err;
  EXPECT_NE(outcome.err.find("calendar.bogus"), std::string::npos) << outcome.err;
}

TEST(CalendarCommand, BrokenHolidayFileNamesTheFileAndExits2) {
  test::TempDir dir;
  const auto holidays = dir.write("2026.json", "{\"year\": 2026, \"papers\": [], \"days\": [");
  const auto config = dir.write("riskwarn.toml", "[calendar]\nholiday_files = [\"2026.json\"]\n");
  const auto outcome =
      run({"--from", "2026-01-01", "--to", "2026-12-31", "--config", config.string()});
  EXPECT_EQ(outcome.status, kExitBadConfig);
  EXPECT_NE(outcome.err.find(holidays.string()), std::string::npos) << outcome.err;
}

TEST(CalendarCommand, CommandLineMistakesExit64WithAMessage) {
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
      {{"--from", "2026-01-01"}, "--to DATE are required"},
      {{"--from", "2026-02-30", "--to", "2026-03-01"}, "\"2026-02-30\" is not a date"},
      {{"--from", "2026-01-01", "--to", "20260301"}, "\"20260301\" is not a date"},
      {{"--from", "2026-03-01", "--to", "2026-02-01"}, "is after --to"},
      {{"--from", "1900-12-31", "--to", "1901-01-31"}, "1901–2100"},
      {{"--from", "2100-12-01", "--to", "2101-01-01"}, "1901–2100"},
      {{"--from", "2026-01-01", "--to", "2026-01-31", "--yaml"}, "unknown argument \"--yaml\""},
      {{"--from", "2026-01-01", "--to", "2026-01-31", "--config"}, "--config needs a path"},
      {{"--from", "--to", "2026-01-31"}, "--from needs a date"},
  };
  for (const auto& [args, message] : cases) {
    const auto outcome = run(args);
    EXPECT_EQ(outcome.status, kExitUsage) << message;
    EXPECT_EQ(outcome.out, "");
    EXPECT_NE(outcome.err.find(message), std::string::npos) << outcome.err;
    EXPECT_NE(outcome.err.find("usage: riskwarnctl calendar --from DATE"), std::string::npos);
  }
}

// Terminal columns: 2 for a Chinese character (3 bytes in UTF-8), 1 for ASCII.
std::size_t columns(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const bool ascii = static_cast<unsigned char>(text[i]) < 0x80;
    width += ascii ? 1 : 2;
    i += ascii ? 1 : 3;
  }
  return width;
}

TEST(CalendarCommand, TableHasOneAlignedLinePerPeriodWithChineseNames) {
  const auto outcome = run({"--from", "2026-01-01", "--to", "2026-12-31"});
  ASSERT_EQ(outcome.status, kExitOk) << outcome.err;
  std::vector<std::string> lines;
  std::istringstream text{outcome.out};
  for (std::string line; std::getline(text, line);)
    lines.push_back(line);
  ASSERT_EQ(lines.size(), 8u);  // a header and seven periods
  EXPECT_TRUE(lines[0].starts_with("START       END         NAME")) << lines[0];
  EXPECT_EQ(lines[4].substr(0, 24), "2026-02-16  2026-02-23  ");
  EXPECT_NE(lines[4].find("春节"), std::string::npos);
  EXPECT_NE(lines[4].find("spring_festival:2026"), std::string::npos);
  const auto id_column = [](const std::string& line) {
    return columns(line.substr(0, line.rfind(' ')));
  };
  for (const auto& line : lines)
    EXPECT_EQ(id_column(line), id_column(lines[0])) << line;
}

TEST(CalendarCommand, EmptyRangeSaysSo) {
  const auto outcome = run({"--from", "2026-04-01", "--to", "2026-04-30"});
  EXPECT_EQ(outcome.status, kExitOk);
  EXPECT_EQ(outcome.out, "no calendar periods between 2026-04-01 and 2026-04-30\n");
  EXPECT_EQ(periods_of(run({"--from", "2026-04-01", "--to", "2026-04-30", "--json"})),
            std::vector<std::string>{});
}

TEST(CalendarCommand, EveryYearOfTheTable) {
  const auto periods = periods_of(run({"--from", "1901-01-01", "--to", "2100-12-31", "--json"}));
  const auto new_years = std::count_if(periods.begin(), periods.end(), [](const std::string& p) {
    return p.starts_with("lunar_new_year:");
  });
  EXPECT_EQ(new_years, 200);
}

TEST(CalendarCommand, RealBinaryListsPeriodsAsJson) {
  const auto result = test::run(
      RISKWARNCTL_PATH, {"calendar", "--from", "2027-02-06", "--to", "2027-02-06", "--json"}, {},
      std::chrono::seconds{30});
  ASSERT_EQ(result.exit_status, kExitOk) << result.stderr_text;
  const auto document = nlohmann::json::parse(result.stdout_text);
  std::vector<std::string> ids;
  for (const auto& period : document.at("periods"))
    ids.push_back(period.at("id").get<std::string>());
  EXPECT_EQ(ids, (std::vector<std::string>{"chunyun:2027", "inspection_campaign:two_sessions:2027",
                                           "spring_festival:2027", "lunar_new_year:2027"}));
  const auto help = test::run(RISKWARNCTL_PATH, {"--help"}, {}, std::chrono::seconds{30});
  EXPECT_NE(help.stdout_text.find("calendar --from DATE --to DATE [--config PATH] [--json]"),
            std::string::npos);
}

}  // namespace
}  // namespace riskwarn::ctl
