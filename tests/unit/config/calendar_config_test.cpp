// [calendar]: the dates a person supplies (春运, two sessions, local events, inspection windows)
// are read and validated strictly; the holiday and ICS files are only checked for readability.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/unit/config/config_test_support.hpp"

namespace riskwarn::config {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

Date ymd(int y, unsigned m, unsigned d) {
  return Date{year{y}, month{m}, day{d}};
}

TEST(CalendarConfig, ReadsEveryCalendarKey) {
  test::ConfigEnvironment environment;
  environment.dir().write("holidays/2026.json", "not parsed by the config");
  environment.dir().write("local-events.ics", "not parsed by the config");
  const LoadResult result = environment.parse(R"([calendar]
holiday_files = ["holidays/2026.json"]
ics_files = ["local-events.ics"]
inspection_days_before_spring_festival = 20
inspection_days_before_two_sessions = 0
[calendar.chunyun]
2026 = { start = "2026-02-02", end = "2026-03-13" }
2027 = { start = 2027-01-22, end = 2027-03-02 }
[calendar.two_sessions]
2027 = { start = "2027-03-04", end = "2027-03-11" }
[[calendar.events]]
name = "中牟县第十七届人民代表大会第五次会议"
kind = "local_two_sessions"
start = "2027-01-08"
end = "2027-01-11"
[[calendar.events]]
name = "庙会"
kind = "local_event"
start = "2026-02-20"
end = "2026-02-20"
)");
  ASSERT_TRUE(std::holds_alternative<Config>(result));
  const CalendarSources& calendar = std::get<Config>(result).calendar;
  EXPECT_EQ(calendar.holiday_files,
            std::vector<std::string>{(environment.dir().path() / "holidays/2026.json").string()});
  EXPECT_EQ(calendar.ics_files,
            std::vector<std::string>{(environment.dir().path() / "local-events.ics").string()});
  EXPECT_EQ(calendar.inspection.days_before_spring_festival, 20);
  EXPECT_EQ(calendar.inspection.days_before_two_sessions, 0);
  EXPECT_EQ(calendar.chunyun, (std::map<int, DateRange>{
                                  {2026, {ymd(2026, 2, 2), ymd(2026, 3, 13)}},
                                  {2027, {ymd(2027, 1, 22), ymd(2027, 3, 2)}},
                              }));
  EXPECT_EQ(calendar.two_sessions,
            (std::map<int, DateRange>{{2027, {ymd(2027, 3, 4), ymd(2027, 3, 11)}}}));
  EXPECT_EQ(calendar.events, (std::vector<LocalEvent>{
                                 {"config:中牟县第十七届人民代表大会第五次会议:2027-01-08",
                                  "local_two_sessions",
                                  "中牟县第十七届人民代表大会第五次会议",
                                  {ymd(2027, 1, 8), ymd(2027, 1, 11)},
                                  PeriodSource::config},
                                 {"config:庙会:2026-02-20",
                                  "local_event",
                                  "庙会",
                                  {ymd(2026, 2, 20), ymd(2026, 2, 20)},
                                  PeriodSource::config},
                             }));
}

TEST(CalendarConfig, DefaultsWhenAbsent) {
  test::ConfigEnvironment environment;
  const LoadResult result = environment.parse("[calendar]\n");
  ASSERT_TRUE(std::holds_alternative<Config>(result));
  const CalendarSources& calendar = std::get<Config>(result).calendar;
  EXPECT_EQ(calendar.inspection.days_before_spring_festival, 30);
  EXPECT_EQ(calendar.inspection.days_before_two_sessions, 30);
  EXPECT_TRUE(calendar.chunyun.empty());
  EXPECT_TRUE(calendar.two_sessions.empty());
  EXPECT_TRUE(calendar.events.empty());
}

TEST(CalendarConfig, ChunyunMayStartInThePreviousDecember) {
  test::ConfigEnvironment environment;
  const LoadResult result = environment.parse(
      "[calendar.chunyun]\n2023 = { start = \"2022-12-31\", end = \"2023-02-09\" }\n");
  ASSERT_TRUE(std::holds_alternative<Config>(result));
  EXPECT_EQ(std::get<Config>(result).calendar.chunyun.at(2023).first, ymd(2022, 12, 31));
}

struct BadCalendar {
  std::string name;
  std::string text;
  std::vector<std::string> expected;
};

void PrintTo(const BadCalendar& bad, std::ostream* out) {
  *out << bad.name;
}

class BadCalendarConfigTest : public ::testing::TestWithParam<BadCalendar> {};

TEST_P(BadCalendarConfigTest, ReportsExactly) {
  test::ConfigEnvironment environment;
  EXPECT_EQ(environment.errors(GetParam().text), GetParam().expected);
}

const BadCalendar kBadCalendars[] = {
    {"unknown_calendar_key",
     "[calendar]\nholidays = []\n",
     {"test.toml:2:1: calendar.holidays: unknown key; expected one of: chunyun, events, "
      "holiday_files, ics_files, inspection_days_before_spring_festival, "
      "inspection_days_before_two_sessions, two_sessions"}},
    {"inspection_days_out_of_range",
     "[calendar]\ninspection_days_before_spring_festival = 91\n",
     {"test.toml:2:42: calendar.inspection_days_before_spring_festival: 91 is out of range 0..90"}},
    {"inspection_days_negative",
     "[calendar]\ninspection_days_before_two_sessions = -1\n",
     {"test.toml:2:39: calendar.inspection_days_before_two_sessions: -1 is out of range 0..90"}},
    {"year_key_not_a_year",
     "[calendar.chunyun]\n26 = { start = \"2026-02-02\", end = \"2026-03-13\" }\n",
     {"test.toml:2:1: calendar.chunyun.26: the key must be a year 1901..2100"}},
    {"year_key_out_of_range",
     "[calendar.two_sessions]\n2101 = { start = \"2101-03-04\", end = \"2101-03-11\" }\n",
     {"test.toml:2:1: calendar.two_sessions.2101: the key must be a year 1901..2100"}},
    {"year_value_not_a_table",
     "[calendar.chunyun]\n2026 = \"2026-02-02\"\n",
     {"test.toml:2:8: calendar.chunyun.2026: expected a table, got a string"}},
    {"invalid_date",
     "[calendar.chunyun]\n2026 = { start = \"2026-02-30\", end = \"2026-03-13\" }\n",
     {"test.toml:2:18: calendar.chunyun.2026.start: \"2026-02-30\" is not a date (write "
      "\"YYYY-MM-DD\")"}},
    {"date_of_wrong_type",
     "[calendar.chunyun]\n2026 = { start = 20260202, end = \"2026-03-13\" }\n",
     {"test.toml:2:18: calendar.chunyun.2026.start: expected a date (\"YYYY-MM-DD\"), got an "
      "integer"}},
    {"end_before_start",
     "[calendar.two_sessions]\n2027 = { start = \"2027-03-11\", end = \"2027-03-04\" }\n",
     {"test.toml:2:38: calendar.two_sessions.2027.end: 2027-03-04 is before start 2027-03-11"}},
    {"chunyun_too_early",
     "[calendar.chunyun]\n2026 = { start = \"2025-11-30\", end = \"2026-03-13\" }\n",
     {"test.toml:2:18: calendar.chunyun.2026.start: 2025-11-30 is outside the 春运 season of 2026 "
      "(2025-12-01..2026-04-30)"}},
    {"chunyun_of_another_year",
     "[calendar.chunyun]\n2027 = { start = \"2026-02-02\", end = \"2026-03-13\" }\n",
     {"test.toml:2:18: calendar.chunyun.2027.start: 2026-02-02 is outside the 春运 season of 2027 "
      "(2026-12-01..2027-04-30)"}},
    {"two_sessions_too_late",
     "[calendar.two_sessions]\n2020 = { start = \"2020-05-21\", end = \"2020-07-01\" }\n",
     {"test.toml:2:38: calendar.two_sessions.2020.end: 2020-07-01 is outside the two sessions "
      "season of 2020 (2020-01-01..2020-06-30)"}},
    {"missing_end_and_unknown_key",
     "[calendar.two_sessions]\n2027 = { start = \"2027-03-04\", until = \"2027-03-11\" }\n",
     {"test.toml:2:8: calendar.two_sessions.2027: missing required key \"end\"",
      "test.toml:2:32: calendar.two_sessions.2027.until: unknown key; expected one of: end, "
      "start"}},
    {"event_unknown_kind",
     "[[calendar.events]]\nname = \"庙会\"\nkind = \"fair\"\nstart = \"2026-02-20\"\n"
     "end = \"2026-02-20\"\n",
     {"test.toml:3:8: calendar.events[0].kind: unknown event kind \"fair\"; expected one of: "
      "local_event, local_two_sessions"}},
    {"event_missing_name_and_kind",
     "[[calendar.events]]\nstart = \"2026-02-20\"\nend = \"2026-02-20\"\n",
     {"test.toml:1:1: calendar.events[0]: missing required key \"name\"",
      "test.toml:1:1: calendar.events[0]: missing required key \"kind\""}},
    {"event_year_out_of_range",
     "[[calendar.events]]\nname = \"庙会\"\nkind = \"local_event\"\nstart = \"1900-02-20\"\n"
     "end = \"1900-02-21\"\n",
     {"test.toml:4:9: calendar.events[0].start: 1900-02-20 is outside the years 1901..2100",
      "test.toml:5:7: calendar.events[0].end: 1900-02-21 is outside the years 1901..2100"}},
    {"event_listed_twice",
     "[[calendar.events]]\nname = \"庙会\"\nkind = \"local_event\"\nstart = \"2026-02-20\"\n"
     "end = \"2026-02-20\"\n"
     "[[calendar.events]]\nname = \"庙会\"\nkind = \"local_event\"\nstart = \"2026-02-20\"\n"
     "end = \"2026-02-22\"\n",
     {"test.toml:6:1: calendar.events[1]: \"庙会\" starting 2026-02-20 is listed twice"}},
    {"events_not_an_array_of_tables",
     "[calendar]\nevents = [\"庙会\"]\n",
     {"test.toml:2:11: calendar.events[0]: expected a table, got a string"}},
};

INSTANTIATE_TEST_SUITE_P(Calendar, BadCalendarConfigTest, ::testing::ValuesIn(kBadCalendars),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace riskwarn::config
