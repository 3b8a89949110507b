// The loader: every configured holiday and ICS file parsed and merged with the config's dates,
// or the first error with its file and line and nothing else.
#include <gtest/gtest.h>

#include "adapters/calendar/calendar_inputs_loader.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/unit/calendar/calendar_test_support.hpp"

namespace riskwarn::calendar {
namespace {

using test::days;
using test::ymd;

const DateRange kWindow{ymd(2026, 1, 1), ymd(2027, 12, 31)};

std::string fixture_path(std::string_view name) {
  return riskwarn::test::fixture("calendar/" + std::string(name)).string();
}

config::Config configured(std::vector<std::string> holiday_files,
                          std::vector<std::string> ics_files) {
  config::Config config;
  config.calendar.holiday_files = std::move(holiday_files);
  config.calendar.ics_files = std::move(ics_files);
  return config;
}

TEST(CalendarInputsLoader, MergesFilesAndConfig) {
  config::Config config =
      configured({fixture_path("holiday-cn/2026.json"), fixture_path("holiday-cn/2019.json")},
                 {fixture_path("local-events.ics")});
  config.calendar.chunyun = {{2026, days(ymd(2026, 2, 2), ymd(2026, 3, 13))}};
  config.calendar.two_sessions = {{2027, days(ymd(2027, 3, 4), ymd(2027, 3, 11))}};
  config.calendar.inspection = InspectionCampaign{20, 0};
  config.calendar.events = {LocalEvent{"config:庙会:2027-01-06", "local_event", "庙会",
                                       days(ymd(2027, 1, 6), ymd(2027, 1, 6)),
                                       PeriodSource::config}};

  const auto inputs = load_calendar_inputs(config, kWindow);
  ASSERT_TRUE(inputs) << inputs.error().message;
  ASSERT_EQ(inputs->official_days.size(), 24u);  // 13 from 2019.json, 11 from 2026.json
  EXPECT_EQ(inputs->official_days.front().date, ymd(2018, 12, 29));
  EXPECT_EQ(inputs->official_days.back().date, ymd(2026, 2, 28));
  EXPECT_TRUE(
      std::is_sorted(inputs->official_days.begin(), inputs->official_days.end(),
                     [](const OfficialDay& a, const OfficialDay& b) { return a.date < b.date; }));

  std::vector<std::string> uids;
  for (const LocalEvent& event : inputs->local_events)
    uids.push_back(event.uid);
  EXPECT_EQ(uids,
            (std::vector<std::string>{"market@example.cn/20270105", "config:庙会:2027-01-06",
                                      "zhongmou-npc-2027@example.cn", "market@example.cn/20270202",
                                      "market@example.cn/20270216", "miaohui@example.cn"}));
  EXPECT_EQ(inputs->local_events[1].source, PeriodSource::config);
  EXPECT_EQ(inputs->local_events[2].source, PeriodSource::ics);
  EXPECT_EQ(inputs->chunyun_official, config.calendar.chunyun);
  EXPECT_EQ(inputs->two_sessions, config.calendar.two_sessions);
  EXPECT_EQ(inputs->inspection.days_before_spring_festival, 20);
  EXPECT_EQ(inputs->inspection.days_before_two_sessions, 0);
}

TEST(CalendarInputsLoader, TheWindowBoundsIcsInstances) {
  const auto inputs = load_calendar_inputs(configured({}, {fixture_path("local-events.ics")}),
                                           DateRange{ymd(2027, 2, 1), ymd(2027, 2, 28)});
  ASSERT_TRUE(inputs) << inputs.error().message;
  EXPECT_EQ(inputs->local_events.size(), 3u);
}

TEST(CalendarInputsLoader, AnErrorInAnyFileIsReturnedAlone) {
  riskwarn::test::TempDir dir;
  const auto bad = dir.write("bad.ics",
                             "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n"
                             "DTSTART:2026\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
  const auto inputs =
      load_calendar_inputs(configured({fixture_path("holiday-cn/2026.json")},
                                      {fixture_path("local-events.ics"), bad.string()}),
                           kWindow);
  ASSERT_FALSE(inputs);
  EXPECT_EQ(
      inputs.error().message,
      bad.string() +
          ":4: DTSTART: \"2026\" is not a DATE (YYYYMMDD) or a DATE-TIME (YYYYMMDDTHHMMSS[Z])");

  const auto bad_json = dir.write("2026.json", R"({"year": 2026, "papers": []})");
  const auto json_error = load_calendar_inputs(configured({bad_json.string()}, {}), kWindow);
  ASSERT_FALSE(json_error);
  EXPECT_EQ(json_error.error().message, bad_json.string() + ": days: missing");
}

TEST(CalendarInputsLoader, AMissingFileIsAnError) {
  const std::string missing = fixture_path("holiday-cn/1999.json");
  const auto inputs = load_calendar_inputs(configured({missing}, {}), kWindow);
  ASSERT_FALSE(inputs);
  EXPECT_EQ(inputs.error().message,
            missing + ": cannot read the holiday file: No such file or directory");
}

TEST(CalendarInputsLoader, FilesThatDisagreeAboutADay) {
  riskwarn::test::TempDir dir;
  const auto same =
      dir.write("copy.json", riskwarn::test::read_file(fixture_path("holiday-cn/2026.json")));
  const auto agreeing = load_calendar_inputs(
      configured({fixture_path("holiday-cn/2026.json"), same.string()}, {}), kWindow);
  ASSERT_TRUE(agreeing) << agreeing.error().message;
  EXPECT_EQ(agreeing->official_days.size(), 11u);

  const auto other = dir.write(
      "other.json",
      R"({"year": 2026, "papers": [], "days": [{"name": "春节", "date": "2026-02-14", "isOffDay": true}]})");
  const auto disagreeing = load_calendar_inputs(
      configured({fixture_path("holiday-cn/2026.json"), other.string()}, {}), kWindow);
  ASSERT_FALSE(disagreeing);
  EXPECT_EQ(disagreeing.error().message,
            other.string() + ": 2026-02-14 is a day off here but a working day in " +
                fixture_path("holiday-cn/2026.json"));
}

TEST(CalendarInputsLoader, AnEventInTwoIcsFiles) {
  riskwarn::test::TempDir dir;
  const auto first = dir.write("a.ics", test::event_file("SUMMARY:庙会\nDTSTART:20260220"));
  const auto copy = dir.write("b.ics", test::event_file("SUMMARY:庙会\nDTSTART:20260220"));
  const auto moved = dir.write("c.ics", test::event_file("SUMMARY:庙会\nDTSTART:20260221"));
  const auto merged =
      load_calendar_inputs(configured({}, {first.string(), copy.string()}), kWindow);
  ASSERT_TRUE(merged) << merged.error().message;
  EXPECT_EQ(merged->local_events.size(), 1u);
  const auto conflict =
      load_calendar_inputs(configured({}, {first.string(), moved.string()}), kWindow);
  ASSERT_FALSE(conflict);
  EXPECT_EQ(conflict.error().message, moved.string() + ": event e1 is also in " + first.string() +
                                          " with other dates or name");
}

}  // namespace
}  // namespace riskwarn::calendar
