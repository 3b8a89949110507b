// iCalendar events: all-day and timed events as Asia/Shanghai days, time zones, DURATION,
// STATUS, kinds, the window and the caps.
#include <gtest/gtest.h>

#include "tests/support/temp_dir.hpp"
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

DateRange days_of(std::string_view properties) {
  const auto events = events_of(event_file(properties));
  if (events.size() != 1) {
    ADD_FAILURE() << events.size() << " events";
    return {};
  }
  return events.front().dates;
}

TEST(IcsEvents, AllDayEventsHaveAnExclusiveEnd) {
  EXPECT_EQ(days_of("DTSTART;VALUE=DATE:20260215\nDTEND;VALUE=DATE:20260224"),
            days(ymd(2026, 2, 15), ymd(2026, 2, 23)));
  EXPECT_EQ(days_of("DTSTART;VALUE=DATE:20260215\nDTEND;VALUE=DATE:20260216"),
            days(ymd(2026, 2, 15), ymd(2026, 2, 15)));
}

TEST(IcsEvents, AllDayEventWithoutEndIsOneDay) {
  EXPECT_EQ(days_of("DTSTART;VALUE=DATE:20260215"), days(ymd(2026, 2, 15), ymd(2026, 2, 15)));
  // Eight digits without VALUE=DATE are a DATE too.
  EXPECT_EQ(days_of("DTSTART:20260215"), days(ymd(2026, 2, 15), ymd(2026, 2, 15)));
}

TEST(IcsEvents, EndEqualToStartIsOneDay) {
  // As Evolution writes some all-day events.
  EXPECT_EQ(days_of("DTSTART;VALUE=DATE:20260215\nDTEND;VALUE=DATE:20260215"),
            days(ymd(2026, 2, 15), ymd(2026, 2, 15)));
}

TEST(IcsEvents, DurationInDaysWeeksAndHours) {
  EXPECT_EQ(days_of("DTSTART;VALUE=DATE:20260215\nDURATION:P3D"),
            days(ymd(2026, 2, 15), ymd(2026, 2, 17)));
  EXPECT_EQ(days_of("DTSTART;VALUE=DATE:20260215\nDURATION:P1W"),
            days(ymd(2026, 2, 15), ymd(2026, 2, 21)));
  EXPECT_EQ(days_of("DTSTART:20260215T200000\nDURATION:PT4H"),
            days(ymd(2026, 2, 15), ymd(2026, 2, 15)));  // ends at midnight
  EXPECT_EQ(days_of("DTSTART:20260215T200000\nDURATION:PT5H"),
            days(ymd(2026, 2, 15), ymd(2026, 2, 16)));
  EXPECT_EQ(days_of("DTSTART:20260215T200000\nDURATION:P1DT3H59M60S"),
            days(ymd(2026, 2, 15), ymd(2026, 2, 16)));
  EXPECT_EQ(days_of("DTSTART;VALUE=DATE:20260215\nDURATION:PT0S"),
            days(ymd(2026, 2, 15), ymd(2026, 2, 15)));
}

TEST(IcsEvents, FloatingTimesAreBeijingTime) {
  EXPECT_EQ(days_of("DTSTART:20260305T233000\nDTEND:20260306T000000"),
            days(ymd(2026, 3, 5), ymd(2026, 3, 5)));  // ends exactly at midnight
  EXPECT_EQ(days_of("DTSTART:20260305T220000\nDTEND:20260306T010000"),
            days(ymd(2026, 3, 5), ymd(2026, 3, 6)));
  EXPECT_EQ(days_of("DTSTART:20260305T090000"), days(ymd(2026, 3, 5), ymd(2026, 3, 5)));
}

TEST(IcsEvents, UtcTimesBecomeBeijingDays) {
  // 16:00 UTC is midnight in Beijing: the next day.
  EXPECT_EQ(days_of("DTSTART:20260305T160000Z\nDTEND:20260305T170000Z"),
            days(ymd(2026, 3, 6), ymd(2026, 3, 6)));
  EXPECT_EQ(days_of("DTSTART:20260305T155959Z"), days(ymd(2026, 3, 5), ymd(2026, 3, 5)));
}

TEST(IcsEvents, ZonedTimesBecomeBeijingDays) {
  EXPECT_EQ(days_of("DTSTART;TZID=Asia/Shanghai:20260305T235900"),
            days(ymd(2026, 3, 5), ymd(2026, 3, 5)));
  // 23:00 in Urumqi (+06:00) is 01:00 the next day in Beijing.
  EXPECT_EQ(days_of("DTSTART;TZID=Asia/Urumqi:20260305T230000"),
            days(ymd(2026, 3, 6), ymd(2026, 3, 6)));
  EXPECT_EQ(days_of("DTSTART;TZID=UTC:20260305T150000\nDTEND;TZID=Asia/Urumqi:20260305T230000"),
            days(ymd(2026, 3, 5), ymd(2026, 3, 6)));
  // Through the zone lookup: Asia/Kolkata is +05:30.
  EXPECT_EQ(days_of("DTSTART;TZID=Asia/Kolkata:20260305T212959"),
            days(ymd(2026, 3, 5), ymd(2026, 3, 5)));
  EXPECT_EQ(days_of("DTSTART;TZID=Asia/Kolkata:20260305T213000"),
            days(ymd(2026, 3, 6), ymd(2026, 3, 6)));
}

TEST(IcsEvents, CustomTimeZoneFromAFixedOffsetVtimezone) {
  const std::string text =
      riskwarn::test::read_file(riskwarn::test::fixture("calendar/local-events.ics"));
  const std::vector<LocalEvent> expected{
      {"market@example.cn/20270105", "local_event", "集市", days(ymd(2027, 1, 5), ymd(2027, 1, 5)),
       PeriodSource::ics},
      {"zhongmou-npc-2027@example.cn", "local_two_sessions", "中牟县第十七届人民代表大会第五次会议",
       days(ymd(2027, 1, 8), ymd(2027, 1, 11)), PeriodSource::ics},
      {"market@example.cn/20270202", "local_event", "集市", days(ymd(2027, 2, 2), ymd(2027, 2, 2)),
       PeriodSource::ics},
      {"market@example.cn/20270216", "local_event", "集市",
       days(ymd(2027, 2, 16), ymd(2027, 2, 16)), PeriodSource::ics},
      {"miaohui@example.cn", "local_event", "庙会, 元宵灯会",
       days(ymd(2027, 2, 20), ymd(2027, 2, 21)), PeriodSource::ics},
  };
  EXPECT_EQ(events_of(text), expected);
}

TEST(IcsEvents, CancelledEventsAreDropped) {
  EXPECT_TRUE(events_of(event_file("STATUS:CANCELLED\nDTSTART;VALUE=DATE:20260215")).empty());
  EXPECT_EQ(events_of(event_file("STATUS:CONFIRMED\nDTSTART;VALUE=DATE:20260215")).size(), 1u);
}

TEST(IcsEvents, LocalTwoSessionsByCategoryOrSummary) {
  const auto kind_of = [](std::string_view properties) {
    const auto events = events_of(event_file(std::string(properties) + "\nDTSTART:20260108"));
    return events.size() == 1 ? events[0].kind : "";
  };
  EXPECT_EQ(kind_of("SUMMARY:县人代会"), "local_two_sessions");
  EXPECT_EQ(kind_of("SUMMARY:中牟县第十七届人民代表大会第五次会议"), "local_two_sessions");
  EXPECT_EQ(kind_of("SUMMARY:政协中牟县第十届委员会第五次会议"), "local_two_sessions");
  EXPECT_EQ(kind_of("SUMMARY:县两会\nCATEGORIES:会议, Local_Two_Sessions"), "local_two_sessions");
  EXPECT_EQ(kind_of("SUMMARY:县两会\nCATEGORIES:会议\nCATEGORIES:local_two_sessions"),
            "local_two_sessions");
  EXPECT_EQ(kind_of("SUMMARY:庙会\nCATEGORIES:local_two_sessions\\,not"), "local_event");
  EXPECT_EQ(kind_of("SUMMARY:庙会"), "local_event");
}

TEST(IcsEvents, DefaultKindAndNameWithoutSummary) {
  IcsOptions options = test::test_options();
  options.default_kind = "market_day";
  const auto events = events_of(event_file("DTSTART;VALUE=DATE:20260215"), options);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, "market_day");
  EXPECT_EQ(events[0].name, "e1");
  EXPECT_EQ(events[0].source, PeriodSource::ics);
}

TEST(IcsEvents, OnlyEventsMeetingTheWindow) {
  const auto events = events_of(
      ics_file("BEGIN:VEVENT\nUID:before\nDTSTART;VALUE=DATE:20251230\nDTEND;VALUE=DATE:20260101\n"
               "END:VEVENT\n"
               "BEGIN:VEVENT\nUID:across\nDTSTART;VALUE=DATE:20251231\nDTEND;VALUE=DATE:20260102\n"
               "END:VEVENT\n"
               "BEGIN:VEVENT\nUID:after\nDTSTART;VALUE=DATE:20280101\nEND:VEVENT"));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].uid, "across");
  EXPECT_EQ(events[0].dates, days(ymd(2025, 12, 31), ymd(2026, 1, 1)));
}

TEST(IcsEvents, SortedByFirstDayThenUid) {
  const auto events =
      events_of(ics_file("BEGIN:VEVENT\nUID:b\nDTSTART:20260302\nEND:VEVENT\n"
                         "BEGIN:VEVENT\nUID:c\nDTSTART:20260301\nEND:VEVENT\n"
                         "BEGIN:VEVENT\nUID:a\nDTSTART:20260302\nEND:VEVENT"));
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0].uid, "c");
  EXPECT_EQ(events[1].uid, "a");
  EXPECT_EQ(events[2].uid, "b");
}

TEST(IcsEvents, EventsWithoutStartAreSkippedUnderMethod) {
  const auto events = events_of(
      "BEGIN:VCALENDAR\r\nMETHOD:CANCEL\r\nBEGIN:VEVENT\r\nUID:e1\r\nEND:VEVENT\r\n"
      "END:VCALENDAR\r\n");
  EXPECT_TRUE(events.empty());
}

TEST(IcsEvents, FileSizeCap) {
  IcsOptions options = test::test_options();
  const std::string text = event_file("DTSTART:20260215");
  options.max_bytes = text.size();
  EXPECT_EQ(events_of(text, options).size(), 1u);
  options.max_bytes = text.size() - 1;
  EXPECT_EQ(error_of(text, options), "local.ics: the file is " + std::to_string(text.size()) +
                                         " bytes, more than the limit of " +
                                         std::to_string(text.size() - 1));
}

TEST(IcsEvents, EventCountCap) {
  IcsOptions options = test::test_options();
  options.max_events = 2;
  const std::string two = ics_file(
      "BEGIN:VEVENT\nUID:a\nDTSTART:20260301\nEND:VEVENT\n"
      "BEGIN:VEVENT\nUID:b\nDTSTART:20260302\nEND:VEVENT");
  EXPECT_EQ(events_of(two, options).size(), 2u);
  const std::string three = ics_file(
      "BEGIN:VEVENT\nUID:a\nDTSTART:20260301\nEND:VEVENT\n"
      "BEGIN:VEVENT\nUID:b\nDTSTART:20260302\nEND:VEVENT\n"
      "BEGIN:VEVENT\nUID:c\nDTSTART:20260303\nEND:VEVENT");
  EXPECT_EQ(error_of(three, options),
            "local.ics:11: more than 2 VEVENTs (the limit of the importer)");
  const std::string expands = event_file("DTSTART;VALUE=DATE:20260301\nRRULE:FREQ=DAILY;COUNT=3");
  EXPECT_EQ(error_of(expands, options),
            "local.ics:3: more than 2 events in the window after expanding recurrences (the limit "
            "of the importer)");
}

class MalformedEvent : public ::testing::TestWithParam<std::pair<std::string, std::string>> {};

TEST_P(MalformedEvent, ReportsSourceLineAndMessage) {
  EXPECT_EQ(error_of(event_file(GetParam().first)), GetParam().second);
}

INSTANTIATE_TEST_SUITE_P(
    Events, MalformedEvent,
    ::testing::Values(
        std::pair{"DTSTART;VALUE=DATE:20260215\nDTEND;VALUE=DATE:20260214",
                  "local.ics:7: DTEND is before DTSTART"},
        std::pair{"DTSTART:20260215T100000\nDTEND:20260215T095959",
                  "local.ics:7: DTEND is before DTSTART"},
        std::pair{"DTSTART;VALUE=DATE:20260215\nDTEND:20260216T000000",
                  "local.ics:7: DTEND must be a DATE like DTSTART"},
        std::pair{"DTSTART:20260215T100000\nDTEND;VALUE=DATE:20260216",
                  "local.ics:7: DTEND must be a DATE-TIME like DTSTART"},
        std::pair{"DTSTART:20260215\nDTEND:20260216\nDURATION:P1D",
                  "local.ics:8: DTEND and DURATION must not both be given"},
        std::pair{"DTSTART:20260215\nDURATION:-P1D", "local.ics:7: DURATION must not be negative"},
        std::pair{"DTSTART:20260215\nDURATION:PT2H",
                  "local.ics:7: DURATION of an all-day event must be whole days"},
        std::pair{"DTSTART:20260215\nDURATION:1D",
                  "local.ics:7: DURATION: \"1D\" is not a duration such as P1D or PT2H"},
        std::pair{"DTSTART:20260215T250000",
                  "local.ics:6: DTSTART: \"20260215T250000\" is not a DATE (YYYYMMDD) or a "
                  "DATE-TIME (YYYYMMDDTHHMMSS[Z])"},
        std::pair{"DTSTART;VALUE=DATE-TIME:20260215",
                  "local.ics:6: DTSTART: \"20260215\" is not a DATE (YYYYMMDD) or a DATE-TIME "
                  "(YYYYMMDDTHHMMSS[Z]) of VALUE=DATE-TIME"},
        std::pair{"DTSTART;VALUE=PERIOD:20260215T000000Z/PT1H",
                  "local.ics:6: DTSTART;VALUE=PERIOD is not supported"},
        std::pair{"DTSTART:20260215\nDTSTART:20260216",
                  "local.ics:7: DTSTART is given twice in this VEVENT (first on line 6)"},
        std::pair{"SUMMARY:no start", "local.ics:3: VEVENT has no DTSTART"},
        std::pair{"DTSTART;TZID=Europe/Nowhere:20260215T100000",
                  "local.ics:6: TZID=Europe/Nowhere: unknown time zone \"Europe/Nowhere\""},
        std::pair{"DTSTART;TZID=America/Los_Angeles:20260215T100000",
                  "local.ics:6: TZID=America/Los_Angeles: time zone rule "
                  "\"PST8PDT,M3.2.0,M11.1.0\" has daylight saving time; only fixed-offset zones "
                  "are supported"},
        std::pair{"DTSTART:20260215\nUID:e2",
                  "local.ics:7: UID is given twice in this VEVENT "
                  "(first on line 4)"}));

TEST(IcsEvents, MissingUidAndRepeatedUid) {
  EXPECT_EQ(error_of(ics_file("BEGIN:VEVENT\nDTSTART:20260215\nEND:VEVENT")),
            "local.ics:3: VEVENT has no UID");
  EXPECT_EQ(error_of(ics_file("BEGIN:VEVENT\nUID:e1\nDTSTART:20260215\nEND:VEVENT\n"
                              "BEGIN:VEVENT\nUID:e1\nDTSTART:20260216\nEND:VEVENT")),
            "local.ics:7: UID e1 is also the UID of the VEVENT on line 3");
}

TEST(IcsEvents, NothingIsReturnedWhenALaterEventIsBad) {
  const auto parsed = parse_ics(ics_file("BEGIN:VEVENT\nUID:good\nDTSTART:20260215\nEND:VEVENT\n"
                                         "BEGIN:VEVENT\nUID:bad\nDTSTART:2026\nEND:VEVENT"),
                                "local.ics", test::test_options());
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().message,
            "local.ics:9: DTSTART: \"2026\" is not a DATE (YYYYMMDD) or a DATE-TIME "
            "(YYYYMMDDTHHMMSS[Z])");
}

}  // namespace
}  // namespace riskwarn::calendar
