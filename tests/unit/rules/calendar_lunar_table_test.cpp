// The compiled-in lunar table (generated from lunar-javascript 1.7.7, 6tail/sxwnl) checked year
// by year against two independent sources committed as fixtures (scripts/calendar/README.md):
//  - new_years_astronomy_engine.csv: npm astronomy-engine 2.1.19 with the GB/T 33661-2017 rules
//    at UTC+8 (Beijing local mean time before 1929), 1901–2100;
//  - new_years_python_lunardate.csv: python-lunardate 0.2.0, the table of Lee & Yeung's `lunar`,
//    1901–2099.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "rules/calendar/lunar.hpp"

namespace riskwarn {
namespace {

struct SourceYear {
  int year = 0;
  std::string new_year;
  unsigned leap_month = 0;
};

// The rows of a fixture "year,new_year,leap_month", skipping '#' comments and the header.
std::vector<SourceYear> read_source(const std::string& name) {
  const std::string path = std::string{RISKWARN_FIXTURES_DIR} + "/calendar/" + name;
  std::ifstream in{path};
  EXPECT_TRUE(in) << "cannot read " << path;
  std::vector<SourceYear> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#' || line.starts_with("year,"))
      continue;
    std::istringstream fields{line};
    SourceYear row;
    std::string year;
    std::string leap;
    std::getline(fields, year, ',');
    std::getline(fields, row.new_year, ',');
    std::getline(fields, leap, ',');
    row.year = std::stoi(year);
    row.leap_month = static_cast<unsigned>(std::stoul(leap));
    rows.push_back(row);
  }
  return rows;
}

void expect_table_matches(const std::vector<SourceYear>& source) {
  for (const auto& row : source) {
    const auto year = lunar_year(row.year);
    ASSERT_TRUE(year) << row.year;
    EXPECT_EQ(format_date(year->new_year), row.new_year) << "正月初一 of " << row.year;
    EXPECT_EQ(year->leap_month, row.leap_month) << "leap month of " << row.year;
  }
}

TEST(LunarTable, EveryYearMatchesTheAstronomyEngineComputation) {
  const auto source = read_source("new_years_astronomy_engine.csv");
  ASSERT_EQ(source.size(), 200u);
  EXPECT_EQ(source.front().year, 1901);
  EXPECT_EQ(source.back().year, 2100);
  expect_table_matches(source);
}

TEST(LunarTable, EveryYearMatchesPythonLunardate) {
  const auto source = read_source("new_years_python_lunardate.csv");
  ASSERT_EQ(source.size(), 199u);
  EXPECT_EQ(source.front().year, 1901);
  EXPECT_EQ(source.back().year, 2099);
  expect_table_matches(source);
}

TEST(LunarTable, MonthLengthsAddUpToTheNextNewYear) {
  for (int y = kFirstLunarYear; y < kLastLunarYear; ++y) {
    const auto year = lunar_year(y);
    const auto next = lunar_new_year(y + 1);
    ASSERT_TRUE(year && next) << y;
    EXPECT_EQ(std::chrono::sys_days{year->last_day()} + std::chrono::days{1},
              std::chrono::sys_days{*next})
        << y;
  }
}

TEST(LunarTable, YearsHaveThePossibleShapes) {
  const std::set<long> possible_lengths{353, 354, 355, 383, 384, 385};
  int leap_years = 0;
  for (int y = kFirstLunarYear; y <= kLastLunarYear; ++y) {
    const auto year = lunar_year(y);
    ASSERT_TRUE(year) << y;
    const Date earliest{std::chrono::year{y}, std::chrono::January, std::chrono::day{21}};
    const Date latest{std::chrono::year{y}, std::chrono::February, std::chrono::day{20}};
    EXPECT_TRUE(earliest <= year->new_year && year->new_year <= latest) << y;
    EXPECT_EQ(year->months.size(), year->leap_month == 0 ? 12u : 13u) << y;
    const long length =
        (std::chrono::sys_days{year->last_day()} - std::chrono::sys_days{year->new_year}).count() +
        1;
    EXPECT_TRUE(possible_lengths.contains(length)) << y << " has " << length << " days";
    leap_years += year->leap_month != 0 ? 1 : 0;
  }
  EXPECT_EQ(leap_years, 73);
}

}  // namespace
}  // namespace riskwarn
