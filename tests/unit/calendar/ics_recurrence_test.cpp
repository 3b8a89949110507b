// iCalendar recurrences: the RRULE subset, EXDATE, RDATE and RECURRENCE-ID overrides, expanded
// only within the window.
#include <gtest/gtest.h>

#include "tests/unit/calendar/calendar_test_support.hpp"

namespace riskwarn::calendar {
namespace {

using test::days;
using test::error_of;
using test::event_file;
using test::events_of;
using test::ics_file;
using test::ranges_of;
using test::ymd;

// The first days of the instances of an event with these properties.
std::vector<Date> starts(std::string_view properties,
                         const IcsOptions& options = test::test_options()) {
  std::vector<Date> dates;
  for (const LocalEvent& event : events_of(event_file(properties), options))
    dates.push_back(event.dates.first);
  return dates;
}

TEST(IcsRecurrence, YearlyByMonthAndMonthDayFromBeforeTheWindow) {
  const auto events =
      events_of(event_file("SUMMARY:防汛检查\nDTSTART;VALUE=DATE:20200305\n"
                           "RRULE:FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=5"));
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].uid, "e1/20260305");
  EXPECT_EQ(events[0].dates, days(ymd(2026, 3, 5), ymd(2026, 3, 5)));
  EXPECT_EQ(events[1].uid, "e1/20270305");
}

TEST(IcsRecurrence, YearlyOnTheSameDayAndOnlyInLeapYears) {
  IcsOptions options = test::test_options();
  options.expand_window = DateRange{ymd(2026, 1, 1), ymd(2032, 12, 31)};
  EXPECT_EQ(starts("DTSTART:20240229\nRRULE:FREQ=YEARLY", options),
            (std::vector<Date>{ymd(2028, 2, 29), ymd(2032, 2, 29)}));
  EXPECT_EQ(starts("DTSTART:20250110\nRRULE:FREQ=YEARLY;INTERVAL=3", options),
            (std::vector<Date>{ymd(2028, 1, 10), ymd(2031, 1, 10)}));
}

TEST(IcsRecurrence, YearlyByMonthWithOrdinalWeekday) {
  // The second Sunday of May.
  EXPECT_EQ(starts("DTSTART:20260510\nRRULE:FREQ=YEARLY;BYMONTH=5;BYDAY=2SU"),
            (std::vector<Date>{ymd(2026, 5, 10), ymd(2027, 5, 9)}));
}

TEST(IcsRecurrence, MonthlyOnTheLastFriday) {
  EXPECT_EQ(
      starts("DTSTART:20260130\nRRULE:FREQ=MONTHLY;BYDAY=-1FR;COUNT=4"),
      (std::vector<Date>{ymd(2026, 1, 30), ymd(2026, 2, 27), ymd(2026, 3, 27), ymd(2026, 4, 24)}));
}

TEST(IcsRecurrence, MonthlyOnADaySomeMonthsLack) {
  EXPECT_EQ(
      starts("DTSTART:20260131\nRRULE:FREQ=MONTHLY;COUNT=4"),
      (std::vector<Date>{ymd(2026, 1, 31), ymd(2026, 3, 31), ymd(2026, 5, 31), ymd(2026, 7, 31)}));
  EXPECT_EQ(starts("DTSTART:20260131\nRRULE:FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=3"),
            (std::vector<Date>{ymd(2026, 1, 31), ymd(2026, 2, 28), ymd(2026, 3, 31)}));
}

TEST(IcsRecurrence, WeeklyWithIntervalAndCount) {
  // Every other week on Monday and Wednesday, five times, from Monday 2026-01-05.
  EXPECT_EQ(starts("DTSTART:20260105\nRRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=5;BYDAY=MO,WE"),
            (std::vector<Date>{ymd(2026, 1, 5), ymd(2026, 1, 7), ymd(2026, 1, 19), ymd(2026, 1, 21),
                               ymd(2026, 2, 2)}));
  EXPECT_EQ(starts("DTSTART:20260107\nRRULE:FREQ=WEEKLY;COUNT=3"),
            (std::vector<Date>{ymd(2026, 1, 7), ymd(2026, 1, 14), ymd(2026, 1, 21)}));
}

TEST(IcsRecurrence, WeekStartDecidesWhichWeeksAnIntervalSkips) {
  // RFC 5545's WKST example: from Tuesday 1997-08-05, every other week on TU and SU.
  IcsOptions options = test::test_options();
  options.expand_window = DateRange{ymd(1997, 1, 1), ymd(1997, 12, 31)};
  EXPECT_EQ(
      starts("DTSTART:19970805\nRRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO", options),
      (std::vector<Date>{ymd(1997, 8, 5), ymd(1997, 8, 10), ymd(1997, 8, 19), ymd(1997, 8, 24)}));
  EXPECT_EQ(
      starts("DTSTART:19970805\nRRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU", options),
      (std::vector<Date>{ymd(1997, 8, 5), ymd(1997, 8, 17), ymd(1997, 8, 19), ymd(1997, 8, 31)}));
}

TEST(IcsRecurrence, DailyUntilADate) {
  EXPECT_EQ(starts("DTSTART:20260301\nRRULE:FREQ=DAILY;UNTIL=20260303"),
            (std::vector<Date>{ymd(2026, 3, 1), ymd(2026, 3, 2), ymd(2026, 3, 3)}));
}

TEST(IcsRecurrence, UntilInUtcForAZonedStart) {
  // 09:00 Beijing is 01:00 UTC: an UNTIL of exactly 01:00Z includes the third day.
  EXPECT_EQ(starts("DTSTART;TZID=Asia/Shanghai:20260301T090000\n"
                   "RRULE:FREQ=DAILY;UNTIL=20260303T010000Z"),
            (std::vector<Date>{ymd(2026, 3, 1), ymd(2026, 3, 2), ymd(2026, 3, 3)}));
  EXPECT_EQ(starts("DTSTART;TZID=Asia/Shanghai:20260301T090000\n"
                   "RRULE:FREQ=DAILY;UNTIL=20260303T005959Z"),
            (std::vector<Date>{ymd(2026, 3, 1), ymd(2026, 3, 2)}));
}

TEST(IcsRecurrence, TimedInstancesCrossMidnightInBeijing) {
  // 17:00 UTC is 01:00 the next day in Beijing; the uid keeps the UTC start.
  const auto events = events_of(event_file("DTSTART:20260301T170000Z\nRRULE:FREQ=DAILY;COUNT=2"));
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].uid, "e1/20260301T170000Z");
  EXPECT_EQ(events[0].dates, days(ymd(2026, 3, 2), ymd(2026, 3, 2)));
  EXPECT_EQ(events[1].dates, days(ymd(2026, 3, 3), ymd(2026, 3, 3)));
}

TEST(IcsRecurrence, MultiDayInstancesKeepTheirLength) {
  EXPECT_EQ(
      ranges_of(events_of(event_file("DTSTART;VALUE=DATE:20260302\nDTEND;VALUE=DATE:20260304\n"
                                     "RRULE:FREQ=WEEKLY;COUNT=2"))),
      (std::vector<DateRange>{days(ymd(2026, 3, 2), ymd(2026, 3, 3)),
                              days(ymd(2026, 3, 9), ymd(2026, 3, 10))}));
}

TEST(IcsRecurrence, UnboundedRulesAreExpandedOnlyInTheWindow) {
  IcsOptions options = test::test_options();
  options.expand_window = DateRange{ymd(2026, 1, 1), ymd(2026, 1, 10)};
  const auto daily = starts("DTSTART:19900101\nRRULE:FREQ=DAILY", options);
  ASSERT_EQ(daily.size(), 10u);
  EXPECT_EQ(daily.front(), ymd(2026, 1, 1));
  EXPECT_EQ(daily.back(), ymd(2026, 1, 10));
  // An instance that began before the window but lasts into it is kept.
  // Every other Monday from 1990-01-01: 2025-12-29 (to 2026-01-01), then 2026-01-12.
  EXPECT_EQ(starts("DTSTART:19900101\nDURATION:P4D\nRRULE:FREQ=WEEKLY;INTERVAL=2", options),
            (std::vector<Date>{ymd(2025, 12, 29)}));
}

TEST(IcsRecurrence, ExdateListsAndRepeatedExdates) {
  EXPECT_EQ(starts("DTSTART;VALUE=DATE:20260301\nRRULE:FREQ=DAILY;COUNT=6\n"
                   "EXDATE;VALUE=DATE:20260302,20260304\nEXDATE:20260305"),
            (std::vector<Date>{ymd(2026, 3, 1), ymd(2026, 3, 3), ymd(2026, 3, 6)}));
}

TEST(IcsRecurrence, ExdateOfATimedEventInAnyZoneOrAsADate) {
  EXPECT_EQ(starts("DTSTART;TZID=Asia/Shanghai:20260301T090000\nRRULE:FREQ=DAILY;COUNT=4\n"
                   "EXDATE;TZID=Asia/Shanghai:20260302T090000\nEXDATE:20260303T010000Z\n"
                   "EXDATE;VALUE=DATE:20260304"),
            (std::vector<Date>{ymd(2026, 3, 1)}));
  // A time that is not an instance removes nothing.
  EXPECT_EQ(starts("DTSTART;TZID=Asia/Shanghai:20260301T090000\nRRULE:FREQ=DAILY;COUNT=2\n"
                   "EXDATE;TZID=Asia/Shanghai:20260302T100000")
                .size(),
            2u);
}

TEST(IcsRecurrence, RdateAddsInstances) {
  EXPECT_EQ(starts("DTSTART;VALUE=DATE:20260301\nRDATE;VALUE=DATE:20260310,20260320"),
            (std::vector<Date>{ymd(2026, 3, 1), ymd(2026, 3, 10), ymd(2026, 3, 20)}));
  const auto events = events_of(event_file("DTSTART;VALUE=DATE:20260301\nRDATE:20260310"));
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].uid, "e1/20260301");
  EXPECT_EQ(events[1].uid, "e1/20260310");
}

TEST(IcsRecurrence, RecurrenceIdOverridesOneInstance) {
  const auto events = events_of(ics_file(
      "BEGIN:VEVENT\nUID:drill\nSUMMARY:消防演练\nDTSTART;VALUE=DATE:20260303\n"
      "RRULE:FREQ=WEEKLY;COUNT=3\nEND:VEVENT\n"
      "BEGIN:VEVENT\nUID:drill\nRECURRENCE-ID;VALUE=DATE:20260310\nSUMMARY:消防演练（改期）\n"
      "DTSTART;VALUE=DATE:20260312\nDTEND;VALUE=DATE:20260314\nEND:VEVENT"));
  const std::vector<LocalEvent> expected{
      {"drill/20260303", "local_event", "消防演练", days(ymd(2026, 3, 3), ymd(2026, 3, 3)),
       PeriodSource::ics},
      {"drill/20260310", "local_event", "消防演练（改期）",
       days(ymd(2026, 3, 12), ymd(2026, 3, 13)), PeriodSource::ics},
      {"drill/20260317", "local_event", "消防演练", days(ymd(2026, 3, 17), ymd(2026, 3, 17)),
       PeriodSource::ics},
  };
  EXPECT_EQ(events, expected);
}

TEST(IcsRecurrence, OverrideBeforeItsMasterAndOfATimedEvent) {
  const auto events =
      events_of(ics_file("BEGIN:VEVENT\nUID:m\nRECURRENCE-ID:20260302T010000Z\n"
                         "DTSTART;TZID=Asia/Shanghai:20260302T230000\nEND:VEVENT\n"
                         "BEGIN:VEVENT\nUID:m\nDTSTART;TZID=Asia/Shanghai:20260301T090000\n"
                         "RRULE:FREQ=DAILY;COUNT=3\nEND:VEVENT"));
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[1].uid, "m/20260302T010000Z");
  EXPECT_EQ(events[1].dates, days(ymd(2026, 3, 2), ymd(2026, 3, 2)));
  EXPECT_EQ(events[2].uid, "m/20260303T010000Z");
}

TEST(IcsRecurrence, CancelledOverrideRemovesItsInstance) {
  EXPECT_EQ(ranges_of(events_of(ics_file(
                "BEGIN:VEVENT\nUID:m\nDTSTART:20260301\nRRULE:FREQ=DAILY;COUNT=3\nEND:VEVENT\n"
                "BEGIN:VEVENT\nUID:m\nRECURRENCE-ID:20260302\nSTATUS:CANCELLED\n"
                "DTSTART:20260302\nEND:VEVENT"))),
            (std::vector<DateRange>{days(ymd(2026, 3, 1), ymd(2026, 3, 1)),
                                    days(ymd(2026, 3, 3), ymd(2026, 3, 3))}));
}

TEST(IcsRecurrence, CancelledMasterDropsEveryInstance) {
  EXPECT_TRUE(events_of(ics_file("BEGIN:VEVENT\nUID:m\nSTATUS:CANCELLED\nDTSTART:20260301\n"
                                 "RRULE:FREQ=DAILY;COUNT=3\nEND:VEVENT\n"
                                 "BEGIN:VEVENT\nUID:m\nRECURRENCE-ID:20260302\n"
                                 "DTSTART:20260305\nEND:VEVENT"))
                  .empty());
}

class BadRule : public ::testing::TestWithParam<std::pair<std::string, std::string>> {};

TEST_P(BadRule, ReportsTheRuleLine) {
  EXPECT_EQ(error_of(event_file("DTSTART:20260301\nRRULE:" + GetParam().first)),
            "local.ics:7: RRULE: " + GetParam().second);
}

INSTANTIATE_TEST_SUITE_P(
    Recurrence, BadRule,
    ::testing::Values(
        std::pair{"COUNT=3", "FREQ is missing"},
        std::pair{"FREQ=HOURLY",
                  "FREQ=HOURLY is not valid; expected YEARLY, MONTHLY, WEEKLY or "
                  "DAILY"},
        std::pair{"FREQ=DAILY;COUNT=3;UNTIL=20260310", "COUNT and UNTIL must not both be given"},
        std::pair{"FREQ=DAILY;COUNT=0", "COUNT=0 is not valid; expected an integer 1..1000000000"},
        std::pair{"FREQ=DAILY;INTERVAL=-1",
                  "INTERVAL=-1 is not valid; expected an integer 1..1000"},
        std::pair{"FREQ=YEARLY;BYMONTH=13", "BYMONTH=13 is not valid; expected months 1..12"},
        std::pair{"FREQ=MONTHLY;BYMONTHDAY=0",
                  "BYMONTHDAY=0 is not valid; expected days 1..31 or -31..-1"},
        std::pair{"FREQ=MONTHLY;BYDAY=-1XX",
                  "BYDAY=-1XX is not valid; expected weekdays such as MO, 1MO or -1FR"},
        std::pair{"FREQ=MONTHLY;BYSETPOS=-1;BYDAY=MO",
                  "BYSETPOS is not supported (supported: FREQ, INTERVAL, COUNT, UNTIL, BYMONTH, "
                  "BYMONTHDAY, BYDAY, WKST)"},
        std::pair{"RSCALE=CHINESE;FREQ=YEARLY",
                  "RSCALE is not supported (supported: FREQ, INTERVAL, COUNT, UNTIL, BYMONTH, "
                  "BYMONTHDAY, BYDAY, WKST)"},
        std::pair{"FREQ=DAILY;FREQ=WEEKLY", "FREQ is given twice"},
        std::pair{"FREQ=WEEKLY;BYDAY=1MO",
                  "BYDAY with an ordinal (e.g. 1MO) needs FREQ=MONTHLY or FREQ=YEARLY"},
        std::pair{"FREQ=MONTHLY;BYDAY=6MO", "a BYDAY ordinal within a month must be -5..5"},
        std::pair{"FREQ=WEEKLY;BYMONTHDAY=1", "BYMONTHDAY cannot be used with FREQ=WEEKLY"},
        std::pair{"FREQ=DAILY;UNTIL=2026", "UNTIL=2026 is not a DATE or DATE-TIME"},
        std::pair{"FREQ", "expected NAME=VALUE parts separated by ';'"}));

TEST(IcsRecurrence, ARuleThatNeverMatchesStopsAtTheWindow) {
  // 31 April never exists: only DTSTART itself is an instance.
  EXPECT_EQ(starts("DTSTART:20260101\nRRULE:FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=31"),
            (std::vector<Date>{ymd(2026, 1, 1)}));
}

}  // namespace
}  // namespace riskwarn::calendar
