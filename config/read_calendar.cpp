#include <algorithm>
#include <array>
#include <charconv>

#include "config/file_text.hpp"
#include "config/message_text.hpp"
#include "config/sections.hpp"

namespace riskwarn::config {
namespace {

using std::chrono::day;
using std::chrono::December;
using std::chrono::month;
using std::chrono::year;

constexpr int kFirstYear = 1901;
constexpr int kLastYear = 2100;
constexpr std::int64_t kMaxInspectionDays = 90;
constexpr std::array<std::string_view, 2> kEventKinds{"local_event", "local_two_sessions"};

// The paths listed at key, resolved against the config's directory; unreadable ones reported.
std::vector<std::string> read_source_files(TableReader& reader, std::string_view key,
                                           const LoadContext& context) {
  std::vector<std::string> paths;
  for (const auto& item : reader.strings(key)) {
    const auto path = resolve_against(context.base_directory, item.value);
    if (const std::string reason = unreadable_reason(path); !reason.empty()) {
      context.reporter.error(item.where, item.path,
                             "cannot read " + in_quotes(path.string()) + ": " + reason);
      continue;
    }
    paths.push_back(path.string());
  }
  return paths;
}

bool within_years(Date date) {
  return date.year() >= year{kFirstYear} && date.year() <= year{kLastYear};
}

// The date at key: a "YYYY-MM-DD" string or a TOML local date, in 1901..2100.
std::optional<Date> read_date(TableReader& reader, std::string_view key) {
  const toml::node* found = reader.node(key, Presence::required);
  if (!found)
    return std::nullopt;
  std::optional<Date> date;
  if (const auto* text = found->as_string()) {
    date = parse_date(text->get());
    if (!date) {
      reader.report(key, in_quotes(text->get()) + " is not a date (write \"YYYY-MM-DD\")");
      return std::nullopt;
    }
  } else if (const auto* local = found->as_date()) {
    const toml::date value = local->get();
    date = Date{year{value.year}, month{value.month}, day{value.day}};
  } else {
    reader.report(key, "expected a date (\"YYYY-MM-DD\"), got " + std::string(type_name(*found)));
    return std::nullopt;
  }
  if (!within_years(*date)) {
    reader.report(key, format_date(*date) + " is outside the years " + std::to_string(kFirstYear) +
                           ".." + std::to_string(kLastYear));
    return std::nullopt;
  }
  return date;
}

// The start and end keys of reader's table as an inclusive range with start <= end.
std::optional<DateRange> read_date_range(TableReader& reader) {
  const auto start = read_date(reader, "start");
  const auto end = read_date(reader, "end");
  if (!start || !end)
    return std::nullopt;
  if (*end < *start) {
    reader.report("end", format_date(*end) + " is before start " + format_date(*start));
    return std::nullopt;
  }
  return DateRange{*start, *end};
}

// The year a table key names, "1901".."2100".
std::optional<int> parse_year_key(std::string_view key) {
  int value = 0;
  const auto [end, error] = std::from_chars(key.data(), key.data() + key.size(), value);
  if (key.size() != 4 || error != std::errc{} || end != key.data() + key.size() ||
      value < kFirstYear || value > kLastYear) {
    return std::nullopt;
  }
  return value;
}

// How far from its year a range of one kind can plausibly lie, for messages and checks.
struct Season {
  std::string_view what;        // e.g. "春运"
  bool from_previous_december;  // else from January of the year
  unsigned last_month;          // the last month of the year the range may reach
};

constexpr Season kChunyunSeason{"春运", true, 4};
constexpr Season kTwoSessionsSeason{"two sessions", false, 6};

// [calendar.chunyun] or [calendar.two_sessions]: ranges by year, each within its season.
std::map<int, DateRange> read_yearly_ranges(const toml::table& table, const std::string& path,
                                            const Season& season, Reporter& reporter) {
  std::map<int, DateRange> ranges;
  for (const auto& [key, node] : table) {
    const std::string item_path = child_path(path, key.str());
    const auto year_number = parse_year_key(key.str());
    if (!year_number) {
      reporter.error(key.source(), item_path,
                     "the key must be a year " + std::to_string(kFirstYear) + ".." +
                         std::to_string(kLastYear));
      continue;
    }
    const toml::table* item = as_table_or_report(node, item_path, reporter);
    if (!item)
      continue;
    TableReader reader(*item, item_path, reporter);
    const auto range = read_date_range(reader);
    reader.report_unknown_keys();
    if (!range)
      continue;
    const Date earliest = season.from_previous_december
                              ? Date{year{*year_number - 1}, December, day{1}}
                              : Date{year{*year_number}, month{1}, day{1}};
    const Date latest{year{*year_number} / month{season.last_month} / std::chrono::last};
    const std::string allowed = " is outside the " + std::string(season.what) + " season of " +
                                std::to_string(*year_number) + " (" + format_date(earliest) + ".." +
                                format_date(latest) + ")";
    if (range->first < earliest) {
      reader.report("start", format_date(range->first) + allowed);
    } else if (range->last > latest) {
      reader.report("end", format_date(range->last) + allowed);
    } else {
      ranges.emplace(*year_number, *range);
    }
  }
  return ranges;
}

// One [[calendar.events]] entry; nullopt after reporting its problems.
std::optional<LocalEvent> read_event(const toml::table& table, const std::string& path,
                                     Reporter& reporter) {
  TableReader reader(table, path, reporter);
  LocalEvent event;
  event.source = PeriodSource::config;
  bool valid = true;
  if (auto name = reader.nonempty_string("name", Presence::required)) {
    event.name = std::move(*name);
  } else {
    valid = false;
  }
  if (auto kind = reader.string("kind", Presence::required)) {
    if (std::find(kEventKinds.begin(), kEventKinds.end(), *kind) == kEventKinds.end()) {
      reader.report("kind", "unknown event kind " + in_quotes(*kind) +
                                "; expected one of: local_event, local_two_sessions");
      valid = false;
    }
    event.kind = std::move(*kind);
  } else {
    valid = false;
  }
  if (const auto range = read_date_range(reader)) {
    event.dates = *range;
  } else {
    valid = false;
  }
  reader.report_unknown_keys();
  if (!valid)
    return std::nullopt;
  event.uid = "config:" + event.name + ":" + format_date(event.dates.first);
  return event;
}

// [[calendar.events]]; an event with the same name and start as an earlier one is reported.
std::vector<LocalEvent> read_events(const toml::array& array, const std::string& path,
                                    Reporter& reporter) {
  std::vector<LocalEvent> events;
  for (std::size_t i = 0; i < array.size(); ++i) {
    const toml::node& node = *array.get(i);
    const std::string item_path = index_path(path, i);
    const toml::table* table = as_table_or_report(node, item_path, reporter);
    if (!table)
      continue;
    auto event = read_event(*table, item_path, reporter);
    if (!event)
      continue;
    const auto same = std::find_if(events.begin(), events.end(), [&](const LocalEvent& earlier) {
      return earlier.uid == event->uid;
    });
    if (same != events.end()) {
      reporter.error(table->source(), item_path,
                     in_quotes(event->name) + " starting " + format_date(event->dates.first) +
                         " is listed twice");
      continue;
    }
    events.push_back(std::move(*event));
  }
  return events;
}

}  // namespace

CalendarSources read_calendar(const toml::table& table, const LoadContext& context) {
  TableReader reader(table, "calendar", context.reporter);
  CalendarSources sources;
  sources.holiday_files = read_source_files(reader, "holiday_files", context);
  sources.ics_files = read_source_files(reader, "ics_files", context);
  if (const auto days =
          reader.integer("inspection_days_before_spring_festival", 0, kMaxInspectionDays)) {
    sources.inspection.days_before_spring_festival = static_cast<int>(*days);
  }
  if (const auto days =
          reader.integer("inspection_days_before_two_sessions", 0, kMaxInspectionDays)) {
    sources.inspection.days_before_two_sessions = static_cast<int>(*days);
  }
  if (const toml::table* chunyun = reader.subtable("chunyun")) {
    sources.chunyun =
        read_yearly_ranges(*chunyun, reader.path_of("chunyun"), kChunyunSeason, context.reporter);
  }
  if (const toml::table* two_sessions = reader.subtable("two_sessions")) {
    sources.two_sessions = read_yearly_ranges(*two_sessions, reader.path_of("two_sessions"),
                                              kTwoSessionsSeason, context.reporter);
  }
  if (const toml::array* events = reader.array("events")) {
    sources.events = read_events(*events, reader.path_of("events"), context.reporter);
  }
  reader.report_unknown_keys();
  return sources;
}

}  // namespace riskwarn::config
