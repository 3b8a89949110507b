// holiday-cn JSON: the State Council arrangement as days off and adjusted working days.
#include <gtest/gtest.h>

#include "adapters/calendar/holiday_cn.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/unit/calendar/calendar_test_support.hpp"

namespace riskwarn::calendar {
namespace {

using test::ymd;

std::vector<OfficialDay> fixture_days(std::string_view year) {
  const std::string name = "calendar/holiday-cn/" + std::string(year) + ".json";
  const std::string text = riskwarn::test::read_file(riskwarn::test::fixture(name));
  auto days = parse_holiday_cn(text, name);
  if (!days) {
    ADD_FAILURE() << days.error().message;
    return {};
  }
  return std::move(days).value();
}

std::string error_of(std::string_view json) {
  const auto days = parse_holiday_cn(json, "2026.json");
  if (days) {
    ADD_FAILURE() << "parsed " << days->size() << " days";
    return "";
  }
  return days.error().message;
}

TEST(HolidayCn, The2026SpringFestivalArrangement) {
  const std::vector<OfficialDay> expected{
      {ymd(2026, 2, 14), "春节", false}, {ymd(2026, 2, 15), "春节", true},
      {ymd(2026, 2, 16), "春节", true},  {ymd(2026, 2, 17), "春节", true},
      {ymd(2026, 2, 18), "春节", true},  {ymd(2026, 2, 19), "春节", true},
      {ymd(2026, 2, 20), "春节", true},  {ymd(2026, 2, 21), "春节", true},
      {ymd(2026, 2, 22), "春节", true},  {ymd(2026, 2, 23), "春节", true},
      {ymd(2026, 2, 28), "春节", false},
  };
  EXPECT_EQ(fixture_days("2026"), expected);
}

TEST(HolidayCn, KeepsThePreviousDecemberDays) {
  const std::vector<OfficialDay> days = fixture_days("2019");
  ASSERT_GE(days.size(), 4u);
  EXPECT_EQ(days[0], (OfficialDay{ymd(2018, 12, 29), "元旦", false}));
  EXPECT_EQ(days[1], (OfficialDay{ymd(2018, 12, 30), "元旦", true}));
  EXPECT_EQ(days[2], (OfficialDay{ymd(2018, 12, 31), "元旦", true}));
  EXPECT_EQ(days[3], (OfficialDay{ymd(2019, 1, 1), "元旦", true}));
  EXPECT_EQ(fixture_days("2023").front(), (OfficialDay{ymd(2022, 12, 31), "元旦", true}));
}

TEST(HolidayCn, The2020ExtensionAsHolidayCnRecordsIt) {
  const std::vector<OfficialDay> days = fixture_days("2020");
  ASSERT_EQ(days.size(), 12u);
  EXPECT_EQ(days.front(), (OfficialDay{ymd(2020, 1, 19), "春节", false}));
  EXPECT_EQ(days[1].date, ymd(2020, 1, 24));
  EXPECT_EQ(days[10], (OfficialDay{ymd(2020, 2, 2), "春节", true}));
  EXPECT_EQ(days.back(), (OfficialDay{ymd(2020, 2, 3), "春节", false}));
}

TEST(HolidayCn, AYearNotYetAnnouncedHasNoDays) {
  EXPECT_TRUE(fixture_days("2027").empty());
}

TEST(HolidayCn, SortsDaysWhateverTheFileOrder) {
  const auto days = parse_holiday_cn(R"({"year": 2026, "papers": [], "days": [
      {"name": "春节", "date": "2026-02-28", "isOffDay": false},
      {"name": "春节", "date": "2026-02-14", "isOffDay": false, "note": "ignored"}]})",
                                     "2026.json");
  ASSERT_TRUE(days) << days.error().message;
  ASSERT_EQ(days->size(), 2u);
  EXPECT_EQ((*days)[0].date, ymd(2026, 2, 14));
  EXPECT_EQ((*days)[1].date, ymd(2026, 2, 28));
}

struct BadFile {
  std::string name;
  std::string json;
  std::string expected;
};

void PrintTo(const BadFile& bad, std::ostream* out) {
  *out << bad.name;
}

class BadHolidayFile : public ::testing::TestWithParam<BadFile> {};

TEST_P(BadHolidayFile, NamesTheFileAndTheProblem) {
  EXPECT_EQ(error_of(GetParam().json), GetParam().expected);
}

const BadFile kBadFiles[] = {
    {"empty", "",
     "2026.json:1:1: invalid JSON: syntax error while parsing value - unexpected end "
     "of input; expected '[', '{', or a literal"},
    {"syntax_error_position", "{\n  \"year\": 2026,\n  \"days\": [,]\n}",
     "2026.json:3:12: invalid JSON: syntax error while parsing value - unexpected ','; expected "
     "'[', '{', or a literal"},
    {"not_an_object", "[]", "2026.json: expected a holiday-cn object, got []"},
    {"missing_year", R"({"papers": [], "days": []})", "2026.json: year: missing"},
    {"year_as_string", R"({"year": "2026", "papers": [], "days": []})",
     "2026.json: year: expected an integer, got \"2026\""},
    {"year_out_of_range", R"({"year": 1900, "papers": [], "days": []})",
     "2026.json: year: 1900 is out of range 1901..2100"},
    {"missing_papers", R"({"year": 2026, "days": []})", "2026.json: papers: missing"},
    {"paper_not_a_string", R"({"year": 2026, "papers": [7], "days": []})",
     "2026.json: papers[0]: expected a string, got 7"},
    {"missing_days", R"({"year": 2026, "papers": []})", "2026.json: days: missing"},
    {"days_not_an_array", R"({"year": 2026, "papers": [], "days": {}})",
     "2026.json: days: expected an array, got {}"},
    {"day_not_an_object", R"({"year": 2026, "papers": [], "days": ["2026-02-15"]})",
     "2026.json: days[0]: expected an object, got \"2026-02-15\""},
    {"day_without_name", R"({"year": 2026, "papers": [], "days": [
        {"date": "2026-02-15", "isOffDay": true}]})",
     "2026.json: days[0].name: missing"},
    {"empty_name", R"({"year": 2026, "papers": [], "days": [
        {"name": "", "date": "2026-02-15", "isOffDay": true}]})",
     "2026.json: days[0].name: must not be empty"},
    {"off_day_as_string", R"({"year": 2026, "papers": [], "days": [
        {"name": "春节", "date": "2026-02-15", "isOffDay": "true"}]})",
     "2026.json: days[0].isOffDay: expected true or false, got \"true\""},
    {"date_as_number", R"({"year": 2026, "papers": [], "days": [
        {"name": "春节", "date": 20260215, "isOffDay": true}]})",
     "2026.json: days[0].date: expected a string, got 20260215"},
    {"impossible_date", R"({"year": 2026, "papers": [], "days": [
        {"name": "春节", "date": "2026-02-15", "isOffDay": true},
        {"name": "春节", "date": "2026-02-30", "isOffDay": true}]})",
     "2026.json: days[1].date: \"2026-02-30\" is not a date (YYYY-MM-DD)"},
    {"date_in_another_format", R"({"year": 2026, "papers": [], "days": [
        {"name": "春节", "date": "2026/02/15", "isOffDay": true}]})",
     "2026.json: days[0].date: \"2026/02/15\" is not a date (YYYY-MM-DD)"},
    {"date_of_another_year", R"({"year": 2026, "papers": [], "days": [
        {"name": "春节", "date": "2025-02-15", "isOffDay": true}]})",
     "2026.json: days[0].date: 2025-02-15 is outside the 2026 notice (its year and December "
     "2025)"},
    {"previous_november", R"({"year": 2026, "papers": [], "days": [
        {"name": "元旦", "date": "2025-11-30", "isOffDay": true}]})",
     "2026.json: days[0].date: 2025-11-30 is outside the 2026 notice (its year and December "
     "2025)"},
    {"date_listed_twice", R"({"year": 2026, "papers": [], "days": [
        {"name": "春节", "date": "2026-02-15", "isOffDay": true},
        {"name": "春节", "date": "2026-02-16", "isOffDay": true},
        {"name": "春节", "date": "2026-02-15", "isOffDay": false}]})",
     "2026.json: days[2].date: 2026-02-15 is listed twice (also days[0])"},
};

INSTANTIATE_TEST_SUITE_P(HolidayCn, BadHolidayFile, ::testing::ValuesIn(kBadFiles),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace riskwarn::calendar
