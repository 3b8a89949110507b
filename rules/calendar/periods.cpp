#include "rules/calendar/periods.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "rules/calendar/date_math.hpp"
#include "rules/calendar/lunar.hpp"
#include "rules/calendar/two_sessions.hpp"

namespace riskwarn {
namespace {

// 春节 as the State Council notices (and holiday-cn) name its arrangement.
constexpr std::string_view kSpringFestivalHoliday = "春节";
// 除夕 … 初六: the Spring Festival when no arrangement is loaded.
constexpr int kLunarSpringFestivalLastDay = 6;

struct Dated {
  DateRange dates;
  PeriodSource source;
};

Period make_period(std::string_view kind, std::string_view name, int year, Dated dated) {
  return Period{std::string{kind} + ":" + std::to_string(year), std::string{kind},
                std::string{name}, dated.dates, dated.source};
}

int days_between(Date from, Date to) {
  return static_cast<int>((std::chrono::sys_days{to} - std::chrono::sys_days{from}).count());
}

// The days off of the loaded 春节 arrangement around new_year: the contiguous block that contains
// it or, should none, the one nearest to it. nullopt when no arrangement covers that season.
std::optional<DateRange> official_spring_festival(Date new_year,
                                                  const std::vector<OfficialDay>& days) {
  const DateRange season{add_days(new_year, -kChunyunDaysBefore),
                         add_days(new_year, kChunyunDaysAfter)};
  std::set<Date> off;
  for (const auto& day : days) {
    if (day.off && day.name.find(kSpringFestivalHoliday) != std::string::npos &&
        contains(season, day.date))
      off.insert(day.date);
  }
  std::optional<DateRange> best;
  int best_distance = 0;
  for (auto it = off.begin(); it != off.end();) {
    DateRange block{*it, *it};
    for (++it; it != off.end() && *it == add_days(block.last, 1); ++it)
      block.last = *it;
    const int distance = contains(block, new_year)
                             ? 0
                             : std::min(std::abs(days_between(new_year, block.first)),
                                        std::abs(days_between(new_year, block.last)));
    if (!best || distance < best_distance) {
      best = block;
      best_distance = distance;
    }
  }
  return best;
}

Dated spring_festival(Date new_year, const CalendarInputs& inputs) {
  if (const auto official = official_spring_festival(new_year, inputs.official_days))
    return {*official, PeriodSource::official};
  return {{add_days(new_year, -1), add_days(new_year, kLunarSpringFestivalLastDay)},
          PeriodSource::lunar};
}

Dated chunyun(int year, Date new_year, const CalendarInputs& inputs) {
  if (const auto it = inputs.chunyun_official.find(year); it != inputs.chunyun_official.end())
    return {it->second, PeriodSource::config};
  return {{add_days(new_year, -kChunyunDaysBefore), add_days(new_year, kChunyunDaysAfter)},
          PeriodSource::lunar};
}

std::optional<Dated> two_sessions(int year, const CalendarInputs& inputs) {
  if (const auto it = inputs.two_sessions.find(year); it != inputs.two_sessions.end())
    return Dated{it->second, PeriodSource::config};
  if (const auto known = known_two_sessions(year))
    return Dated{*known, PeriodSource::official};
  if (year >= kFirstTwoSessionsYear)
    return Dated{estimated_two_sessions(year), PeriodSource::estimate};
  return std::nullopt;
}

// The inspection campaign of the days_before days before festival, or nullopt when disabled.
std::optional<Period> inspection_before(const Period& festival, std::string_view name,
                                        int days_before) {
  if (days_before <= 0)
    return std::nullopt;
  const Date first_day = festival.dates.first;
  return Period{"inspection_campaign:" + festival.id,
                "inspection_campaign",
                std::string{name},
                {add_days(first_day, -days_before), add_days(first_day, -1)},
                festival.source};
}

// Every period that belongs to year: its festivals, 春运, two sessions and inspection campaigns.
void add_year_periods(int year, const CalendarInputs& inputs, std::vector<Period>& out) {
  const Date new_year = lunar_new_year(year).value();
  out.push_back(
      make_period("lunar_new_year", "正月初一", year, {{new_year, new_year}, PeriodSource::lunar}));
  const Period festival =
      make_period("spring_festival", "春节", year, spring_festival(new_year, inputs));
  out.push_back(festival);
  out.push_back(make_period("chunyun", "春运", year, chunyun(year, new_year, inputs)));
  const Date lantern = lantern_festival(year).value();
  out.push_back(make_period("lantern", "元宵节", year, {{lantern, lantern}, PeriodSource::lunar}));
  if (auto campaign = inspection_before(festival, "春节前安全大检查",
                                        inputs.inspection.days_before_spring_festival))
    out.push_back(std::move(*campaign));
  if (const auto sessions = two_sessions(year, inputs)) {
    const Period national = make_period("two_sessions", "全国两会", year, *sessions);
    out.push_back(national);
    if (auto campaign = inspection_before(national, "全国两会前安全大检查",
                                          inputs.inspection.days_before_two_sessions))
      out.push_back(std::move(*campaign));
  }
}

// A local event's id: kind, name and first day ("local_event:庙会:2026-02-20"), with the event's
// uid appended when another event already has that id.
std::string local_event_id(const LocalEvent& event, const std::set<std::string>& taken) {
  std::string id = event.kind + ":" + event.name + ":" + format_date(event.dates.first);
  if (taken.contains(id))
    id += ":" + event.uid;
  return id;
}

Error range_error(DateRange range, std::string_view problem) {
  return Error{"calendar: the range " + format_date(range.first) + " to " +
               format_date(range.last) + " " + std::string{problem}};
}

}  // namespace

Result<std::vector<Period>> periods_overlapping(DateRange range, const CalendarInputs& inputs) {
  if (!range.first.ok() || !range.last.ok())
    return range_error(range, "is not made of real dates");
  if (range.last < range.first)
    return range_error(range, "ends before it starts");
  const int first_year = static_cast<int>(range.first.year());
  const int last_year = static_cast<int>(range.last.year());
  if (first_year < kFirstLunarYear || last_year > kLastLunarYear) {
    return range_error(range, "is outside the supported years " + std::to_string(kFirstLunarYear) +
                                  "–" + std::to_string(kLastLunarYear));
  }

  std::vector<Period> all;
  // A year's inspection campaigns start before it, so the next year's periods can reach back.
  for (int year = std::max(first_year - 1, kFirstLunarYear);
       year <= std::min(last_year + 1, kLastLunarYear); ++year)
    add_year_periods(year, inputs, all);
  std::set<std::string> local_ids;
  for (const auto& event : inputs.local_events) {
    std::string id = local_event_id(event, local_ids);
    local_ids.insert(id);
    all.push_back(Period{std::move(id), event.kind, event.name, event.dates, event.source});
  }

  std::vector<Period> result;
  for (auto& period : all) {
    if (overlaps(period.dates, range))
      result.push_back(std::move(period));
  }
  std::sort(result.begin(), result.end(), [](const Period& a, const Period& b) {
    if (a.dates.first != b.dates.first)
      return a.dates.first < b.dates.first;
    return a.id < b.id;
  });
  return result;
}

}  // namespace riskwarn
