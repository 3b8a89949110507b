// iCalendar lexical level: line endings, BOM, unfolding before UTF-8 decoding, parameters and
// TEXT escapes, nested components.
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
using test::ymd;

TEST(IcsLexical, HolidayCnCalendarFile) {
  // CRLF, folded at 75 octets inside UTF-8 sequences, a VTIMEZONE and DTSTAMP;VALUE=DATE.
  const std::string text =
      riskwarn::test::read_file(riskwarn::test::fixture("calendar/holiday-cn/2026.ics"));
  const std::vector<LocalEvent> expected{
      {"2026-02-14/2026-02-15/NateScarlet/holiday-cn", "local_event", "上班(补春节假期)",
       days(ymd(2026, 2, 14), ymd(2026, 2, 14)), PeriodSource::ics},
      {"2026-02-15/2026-02-24/NateScarlet/holiday-cn", "local_event", "春节假期",
       days(ymd(2026, 2, 15), ymd(2026, 2, 23)), PeriodSource::ics},
      {"2026-02-28/2026-03-01/NateScarlet/holiday-cn", "local_event", "上班(补春节假期)",
       days(ymd(2026, 2, 28), ymd(2026, 2, 28)), PeriodSource::ics},
  };
  EXPECT_EQ(events_of(text), expected);
}

TEST(IcsLexical, FoldedLineSplitInsideAUtf8Sequence) {
  // "春节庙会" is E6 98 A5 E8 8A 82 E5 BA 99 E4 BC 9A; fold after the first byte of 节.
  const std::string text = ics_file(
      "BEGIN:VEVENT\nUID:e1\nSUMMARY:\xE6\x98\xA5\xE8\n \x8A\x82\xE5\xBA\x99\n\t\xE4\xBC\x9A\n"
      "DTSTART;VALUE=DATE:20260220\nEND:VEVENT");
  const auto events = events_of(text);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].name, "春节庙会");
}

TEST(IcsLexical, BareLineFeedsAndByteOrderMark) {
  const std::string text =
      "\xEF\xBB\xBF"
      "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:e1\nSUMMARY:庙会\n"
      "DTSTART;VALUE=DATE:20260220\nEND:VEVENT\nEND:VCALENDAR\n";
  const auto events = events_of(text);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].dates, days(ymd(2026, 2, 20), ymd(2026, 2, 20)));
}

TEST(IcsLexical, NamesAndParametersAreCaseInsensitive) {
  const auto events = events_of(
      ics_file("begin:vevent\nuid:e1\nsummary:庙会\ndtstart;value=date:20260220\nend:vevent"));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].dates.first, ymd(2026, 2, 20));
}

TEST(IcsLexical, QuotedParameterValuesMayHoldColonsSemicolonsAndCommas) {
  const auto events =
      events_of(event_file("SUMMARY;ALTREP=\"cid:part1;x=1,y\";LANGUAGE=zh-CN:庙会\n"
                           "DTSTART;X-NOTE=\"a:b\";TZID=\"Asia/Kolkata\":20260305T220000"));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].name, "庙会");
  // 22:00 +05:30 is 16:30 UTC, 00:30 the next day in Beijing.
  EXPECT_EQ(events[0].dates, days(ymd(2026, 3, 6), ymd(2026, 3, 6)));
}

TEST(IcsLexical, TextEscapesAreResolved) {
  const auto events = events_of(event_file(
      "SUMMARY:灯会\\, 庙会\\; 集市\\\\南关\\n第二行\\N第三行\nDTSTART;VALUE=DATE:20260220"));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].name, "灯会, 庙会; 集市\\南关\n第二行\n第三行");
}

TEST(IcsLexical, SkipsAlarmsTodosAndUnknownComponents) {
  const auto events = events_of(ics_file(
      "BEGIN:VTODO\nUID:t1\nDTSTART;VALUE=DATE:20260220\nEND:VTODO\n"
      "BEGIN:X-ANYTHING\nUID:x1\nBEGIN:VEVENT\nUID:inside-x\nDTSTART;VALUE=DATE:20260221\n"
      "END:VEVENT\nEND:X-ANYTHING\n"
      "BEGIN:VEVENT\nUID:e1\nX-CUSTOM;X-P=1:anything\nDTSTART;VALUE=DATE:20260222\n"
      "BEGIN:VALARM\nACTION:DISPLAY\nTRIGGER:-PT15M\nDTSTART:not-a-date\nEND:VALARM\n"
      "END:VEVENT\nBEGIN:VJOURNAL\nUID:j1\nEND:VJOURNAL\nBEGIN:VFREEBUSY\nUID:f1\nEND:VFREEBUSY"));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].uid, "e1");
  EXPECT_EQ(events[0].dates.first, ymd(2026, 2, 22));
}

TEST(IcsLexical, ToleratesBlankLinesAndAMissingFinalNewline) {
  const auto events = events_of(
      "BEGIN:VCALENDAR\r\n\r\nBEGIN:VEVENT\r\nUID:e1\r\nDTSTART;VALUE=DATE:20260220\r\n"
      "END:VEVENT\r\nEND:VCALENDAR");
  EXPECT_EQ(events.size(), 1u);
}

struct Malformed {
  std::string name;
  std::string text;
  std::string expected;
};

void PrintTo(const Malformed& bad, std::ostream* out) {
  *out << bad.name;
}

class MalformedIcs : public ::testing::TestWithParam<Malformed> {};

TEST_P(MalformedIcs, ReportsSourceLineAndMessage) {
  EXPECT_EQ(error_of(GetParam().text), GetParam().expected);
}

const Malformed kMalformedLexical[] = {
    {"empty_file", "", "local.ics:1: not an iCalendar file: no BEGIN:VCALENDAR"},
    {"html", "<html>\n<body>\n",
     "local.ics:1: expected a property name (letters, digits and '-') "
     "at the start of the line"},
    {"other_component_first", "BEGIN:VEVENT\r\n",
     "local.ics:1: expected BEGIN:VCALENDAR, got BEGIN:VEVENT"},
    {"continuation_first", " BEGIN:VCALENDAR\r\n",
     "local.ics:1: a continuation line with no line before it"},
    {"no_colon", ics_file("BEGIN:VEVENT\nUID:e1\nSUMMARY庙会\nEND:VEVENT"),
     "local.ics:5: expected ':' before the value of SUMMARY"},
    {"unterminated_quote",
     ics_file("BEGIN:VEVENT\nUID:e1\nDTSTART;TZID=\"Asia/Shanghai:20260101\n"
              "END:VEVENT"),
     "local.ics:5: unterminated quoted value of parameter TZID"},
    {"parameter_without_value",
     ics_file("BEGIN:VEVENT\nUID:e1\nDTSTART;VALUE:20260101\nEND:VEVENT"),
     "local.ics:5: malformed parameter of DTSTART: expected NAME=VALUE"},
    {"invalid_utf8", ics_file("BEGIN:VEVENT\nUID:e1\nSUMMARY:\xE6\x98\nEND:VEVENT"),
     "local.ics:5: invalid UTF-8 at byte 9 of the line"},
    {"control_character", ics_file("BEGIN:VEVENT\nUID:e1\nSUMMARY:a\x01z\nEND:VEVENT"),
     "local.ics:5: control character U+0001 in the line"},
    {"error_after_folded_lines",
     ics_file(
         "BEGIN:VEVENT\nUID:e1\nSUMMARY:a long\n  folded\n  summary\nDTSTART:2026\nEND:VEVENT"),
     "local.ics:8: DTSTART: \"2026\" is not a DATE (YYYYMMDD) or a DATE-TIME (YYYYMMDDTHHMMSS[Z])"},
    {"error_on_a_folded_line",
     ics_file("BEGIN:VEVENT\nUID:e1\nDTSTART;VALUE=DATE:2026\n 0230\n"
              "END:VEVENT"),
     "local.ics:5: DTSTART: \"20260230\" is not a DATE (YYYYMMDD) or a DATE-TIME "
     "(YYYYMMDDTHHMMSS[Z]) of VALUE=DATE"},
    {"property_outside_calendar", "VERSION:2.0\r\n",
     "local.ics:1: property VERSION outside BEGIN:VCALENDAR..END:VCALENDAR"},
    {"mismatched_end", ics_file("BEGIN:VEVENT\nUID:e1\nBEGIN:VALARM\nEND:VEVENT"),
     "local.ics:6: END:VEVENT does not close BEGIN:VALARM on line 5"},
    {"never_closed", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:e1\r\n",
     "local.ics:2: BEGIN:VEVENT is never closed"},
    {"end_without_begin", ics_file("END:VEVENT"),
     "local.ics:3: END:VEVENT does not close "
     "BEGIN:VCALENDAR on line 1"},
};

INSTANTIATE_TEST_SUITE_P(Lexical, MalformedIcs, ::testing::ValuesIn(kMalformedLexical),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace riskwarn::calendar
