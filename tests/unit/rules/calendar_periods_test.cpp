#include "rules/calendar/periods.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace riskwarn {
namespace {

Date date(const char* text) {
  return parse_date(text).value();
}

DateRange range(const char* first, const char* last) {
  return DateRange{date(first), date(last)};
}

// "id first..last source", one string per period, to compare whole lists readably.
std::vector<std::string> describe(const std::vector<Period>& periods) {
  std::vector<std::string> lines;
  for (const auto& p : periods) {
    lines.push_back(p.id + " " + format_date(p.dates.first) + ".." + format_date(p.dates.last) +
                    " " + std::string{to_string(p.source)});
  }
  return lines;
}

std::vector<std::string> periods_in(const char* first, const char* last,
                                    const CalendarInputs& inputs = {}) {
  const auto periods = periods_overlapping(range(first, last), inputs);
  EXPECT_TRUE(periods) << periods.error().message;
  return periods ? describe(*periods) : std::vector<std::string>{};
}

std::optional<Period> find(const char* first, const char* last, const CalendarInputs& inputs,
                           const std::string& id) {
  const auto periods = periods_overlapping(range(first, last), inputs);
  if (!periods)
    return std::nullopt;
  for (const auto& p : *periods) {
    if (p.id == id)
      return p;
  }
  return std::nullopt;
}

// The 2026 notice: 15–23 February off, 14 and 28 February worked.
CalendarInputs arrangement_2026() {
  CalendarInputs inputs;
  inputs.official_days.push_back({date("2026-02-14"), "春节", false});
  for (const char* day : {"2026-02-15", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19",
                          "2026-02-20", "2026-02-21", "2026-02-22", "2026-02-23"})
    inputs.official_days.push_back({date(day), "春节", true});
  inputs.official_days.push_back({date("2026-02-28"), "春节", false});
  inputs.official_days.push_back({date("2026-10-01"), "国庆节、中秋节", true});
  return inputs;
}

TEST(CalendarPeriods, A2026WithoutInputsComesFromTheLunarTableAndKnownSessions) {
  EXPECT_EQ(periods_in("2026-01-01", "2026-12-31"),
            (std::vector<std::string>{
                "inspection_campaign:spring_festival:2026 2026-01-17..2026-02-15 lunar",
                "chunyun:2026 2026-02-02..2026-03-13 lunar",
                "inspection_campaign:two_sessions:2026 2026-02-02..2026-03-03 official",
                "spring_festival:2026 2026-02-16..2026-02-23 lunar",
                "lunar_new_year:2026 2026-02-17..2026-02-17 lunar",
                "lantern:2026 2026-03-03..2026-03-03 lunar",
                "two_sessions:2026 2026-03-04..2026-03-12 official",
            }));
}

TEST(CalendarPeriods, PeriodsHaveKindsAndChineseNames) {
  const auto periods = periods_overlapping(range("2026-01-01", "2026-12-31"), {});
  ASSERT_TRUE(periods);
  std::vector<std::string> kinds_and_names;
  for (const auto& p : *periods)
    kinds_and_names.push_back(p.kind + " " + p.name);
  EXPECT_EQ(kinds_and_names, (std::vector<std::string>{
                                 "inspection_campaign 春节前安全大检查",
                                 "chunyun 春运",
                                 "inspection_campaign 全国两会前安全大检查",
                                 "spring_festival 春节",
                                 "lunar_new_year 正月初一",
                                 "lantern 元宵节",
                                 "two_sessions 全国两会",
                             }));
}

TEST(CalendarPeriods, OfficialArrangementGivesTheSpringFestivalDaysOff) {
  const auto festival =
      find("2026-02-01", "2026-02-28", arrangement_2026(), "spring_festival:2026");
  ASSERT_TRUE(festival);
  EXPECT_EQ(festival->dates, range("2026-02-15", "2026-02-23"));  // not the worked 14th or 28th
  EXPECT_EQ(festival->source, PeriodSource::official);
  const auto campaign = find("2026-01-01", "2026-02-28", arrangement_2026(),
                             "inspection_campaign:spring_festival:2026");
  ASSERT_TRUE(campaign);
  EXPECT_EQ(campaign->dates, range("2026-01-16", "2026-02-14"));
}

TEST(CalendarPeriods, OfficialBlockNeedNotIncludeNewYearsEve) {
  CalendarInputs inputs;  // 2024: 10–17 February off, 除夕 (the 9th) worked as usual
  for (int day = 10; day <= 17; ++day) {
    inputs.official_days.push_back(
        {Date{std::chrono::year{2024}, std::chrono::February, std::chrono::day(day)}, "春节",
         true});
  }
  inputs.official_days.push_back({date("2024-02-04"), "春节", false});
  const auto festival = find("2024-02-01", "2024-02-28", inputs, "spring_festival:2024");
  ASSERT_TRUE(festival);
  EXPECT_EQ(festival->dates, range("2024-02-10", "2024-02-17"));
  EXPECT_EQ(festival->source, PeriodSource::official);
}

TEST(CalendarPeriods, AnotherYearsArrangementOrAnotherHolidayLeavesTheLunarDefault) {
  auto inputs = arrangement_2026();
  inputs.official_days.push_back({date("2027-05-01"), "劳动节", true});
  const auto festival = find("2027-01-01", "2027-03-31", inputs, "spring_festival:2027");
  ASSERT_TRUE(festival);
  EXPECT_EQ(festival->dates, range("2027-02-05", "2027-02-12"));  // 除夕 … 初六
  EXPECT_EQ(festival->source, PeriodSource::lunar);
}

TEST(CalendarPeriods, ConfiguredChunyunWinsOverTheRule) {
  CalendarInputs inputs;
  inputs.chunyun_official[2026] = range("2026-02-02", "2026-03-14");
  const auto chunyun = find("2026-02-01", "2026-02-28", inputs, "chunyun:2026");
  ASSERT_TRUE(chunyun);
  EXPECT_EQ(chunyun->dates, range("2026-02-02", "2026-03-14"));
  EXPECT_EQ(chunyun->source, PeriodSource::config);
  const auto next = find("2027-02-01", "2027-02-28", inputs, "chunyun:2027");
  ASSERT_TRUE(next);
  EXPECT_EQ(next->dates, range("2027-01-22", "2027-03-02"));  // NY−15 … NY+24: 40 days
  EXPECT_EQ(next->source, PeriodSource::lunar);
}

TEST(CalendarPeriods, TwoSessionsFromConfigThenKnownDatesThenTheUsualPattern) {
  CalendarInputs inputs;
  inputs.two_sessions[2026] = range("2026-03-04", "2026-03-13");
  inputs.two_sessions[1990] = range("1990-03-20", "1990-04-04");
  const auto sessions = [&](const char* first, const char* last, int year) {
    return find(first, last, inputs, "two_sessions:" + std::to_string(year));
  };
  EXPECT_EQ(sessions("2026-03-01", "2026-03-31", 2026)->source, PeriodSource::config);
  EXPECT_EQ(sessions("2026-03-01", "2026-03-31", 2026)->dates, range("2026-03-04", "2026-03-13"));
  EXPECT_EQ(sessions("2023-03-01", "2023-03-31", 2023)->dates, range("2023-03-04", "2023-03-13"));
  EXPECT_EQ(sessions("2023-03-01", "2023-03-31", 2023)->source, PeriodSource::official);
  EXPECT_EQ(sessions("2020-05-01", "2020-05-31", 2020)->dates, range("2020-05-21", "2020-05-28"));
  EXPECT_EQ(sessions("2018-03-01", "2018-03-31", 2018)->dates, range("2018-03-03", "2018-03-20"));
  EXPECT_EQ(sessions("2030-03-01", "2030-03-31", 2030)->dates, range("2030-03-04", "2030-03-11"));
  EXPECT_EQ(sessions("2030-03-01", "2030-03-31", 2030)->source, PeriodSource::estimate);
  EXPECT_EQ(sessions("1998-03-01", "1998-03-31", 1998)->source, PeriodSource::estimate);
  EXPECT_FALSE(sessions("1997-03-01", "1997-03-31", 1997));  // before the current pattern
  EXPECT_EQ(sessions("1990-03-01", "1990-03-31", 1990)->source, PeriodSource::config);
}

TEST(CalendarPeriods, InspectionCampaignsHaveTheConfiguredLengthOrAreDisabled) {
  CalendarInputs inputs;
  inputs.inspection.days_before_spring_festival = 10;
  inputs.inspection.days_before_two_sessions = 0;
  EXPECT_EQ(periods_in("2026-01-01", "2026-03-31", inputs),
            (std::vector<std::string>{
                "chunyun:2026 2026-02-02..2026-03-13 lunar",
                "inspection_campaign:spring_festival:2026 2026-02-06..2026-02-15 lunar",
                "spring_festival:2026 2026-02-16..2026-02-23 lunar",
                "lunar_new_year:2026 2026-02-17..2026-02-17 lunar",
                "lantern:2026 2026-03-03..2026-03-03 lunar",
                "two_sessions:2026 2026-03-04..2026-03-12 official",
            }));
}

TEST(CalendarPeriods, LocalEventsKeepTheirKindNameAndSource) {
  CalendarInputs inputs;
  inputs.local_events.push_back(
      {"fair-1", "local_event", "庙会", range("2026-02-20", "2026-02-22"), PeriodSource::ics});
  inputs.local_events.push_back(
      {"fair-2", "local_event", "庙会", range("2026-02-20", "2026-02-20"), PeriodSource::config});
  inputs.local_events.push_back({"county-npc", "local_two_sessions", "县两会",
                                 range("2026-01-05", "2026-01-09"), PeriodSource::config});
  inputs.inspection = {0, 0};
  const auto periods = periods_overlapping(range("2026-01-01", "2026-02-21"), inputs);
  ASSERT_TRUE(periods);
  EXPECT_EQ(describe(*periods),
            (std::vector<std::string>{
                "local_two_sessions:县两会:2026-01-05 2026-01-05..2026-01-09 config",
                "chunyun:2026 2026-02-02..2026-03-13 lunar",
                "spring_festival:2026 2026-02-16..2026-02-23 lunar",
                "lunar_new_year:2026 2026-02-17..2026-02-17 lunar",
                "local_event:庙会:2026-02-20 2026-02-20..2026-02-22 ics",
                "local_event:庙会:2026-02-20:fair-2 2026-02-20..2026-02-20 config",
            }));
  EXPECT_EQ(periods->front().kind, "local_two_sessions");
  EXPECT_EQ(periods->front().name, "县两会");
}

TEST(CalendarPeriods, RangeEdgesAreInclusive) {
  CalendarInputs no_campaigns;
  no_campaigns.inspection = {0, 0};
  EXPECT_EQ(periods_in("2026-03-03", "2026-03-03", no_campaigns),
            (std::vector<std::string>{"chunyun:2026 2026-02-02..2026-03-13 lunar",
                                      "lantern:2026 2026-03-03..2026-03-03 lunar"}));
  EXPECT_EQ(periods_in("2026-01-01", "2026-02-01", no_campaigns), std::vector<std::string>{});
  EXPECT_EQ(periods_in("2026-01-01", "2026-02-02", no_campaigns),
            (std::vector<std::string>{"chunyun:2026 2026-02-02..2026-03-13 lunar"}));
  EXPECT_EQ(periods_in("2026-03-13", "2026-03-13", no_campaigns),
            (std::vector<std::string>{"chunyun:2026 2026-02-02..2026-03-13 lunar"}));
  EXPECT_EQ(periods_in("2026-03-14", "2026-12-31", no_campaigns), std::vector<std::string>{});
}

TEST(CalendarPeriods, NextYearsCampaignReachesBackIntoTheRange) {
  CalendarInputs inputs;
  inputs.inspection = {60, 0};
  // 2027: 除夕 is 5 February, so the 60-day campaign starts on 7 December 2026.
  EXPECT_EQ(periods_in("2026-12-01", "2026-12-31", inputs),
            (std::vector<std::string>{
                "inspection_campaign:spring_festival:2027 2026-12-07..2027-02-04 lunar"}));
}

TEST(CalendarPeriods, TheWholeTableIsAvailable) {
  const auto periods = periods_overlapping(range("1901-01-01", "2100-12-31"), {});
  ASSERT_TRUE(periods);
  int new_years = 0;
  for (const auto& p : *periods)
    new_years += p.kind == "lunar_new_year" ? 1 : 0;
  EXPECT_EQ(new_years, 200);
  EXPECT_EQ(periods->front().id, "inspection_campaign:spring_festival:1901");
  EXPECT_EQ(periods->back().id, "two_sessions:2100");
}

TEST(CalendarPeriods, RangesOutsideTheTableOrReversedAreErrors) {
  const auto error = [](const char* first, const char* last) {
    const auto periods = periods_overlapping(range(first, last), {});
    return periods ? std::string{} : periods.error().message;
  };
  EXPECT_NE(error("1900-12-31", "1901-01-31").find("1901–2100"), std::string::npos);
  EXPECT_NE(error("2100-12-01", "2101-01-01").find("2101-01-01"), std::string::npos);
  EXPECT_NE(error("2026-03-01", "2026-02-01").find("ends before it starts"), std::string::npos);
  EXPECT_EQ(error("2026-03-01", "2026-03-01"), "");
}

}  // namespace
}  // namespace riskwarn
