#include "adapters/calendar/ics.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "adapters/calendar/ics_lines.hpp"
#include "adapters/calendar/ics_rrule.hpp"
#include "adapters/calendar/ics_values.hpp"
#include "config/zone_offset.hpp"

namespace riskwarn::calendar {
namespace {

using namespace ics;
using std::chrono::days;
using std::chrono::floor;
using std::chrono::seconds;
using std::chrono::sys_days;
using std::chrono::sys_seconds;

constexpr std::size_t kMaxDepth = 16;
constexpr std::size_t kRecurrenceSteps = 2'000'000;
constexpr seconds kShanghaiOffset{8 * 3600};
constexpr seconds kDay{86400};

// Zones every county uses, known without a zoneinfo lookup.
const std::map<std::string, seconds, std::less<>> kBuiltInZones{
    {"Asia/Shanghai", seconds{8 * 3600}},
    {"Asia/Urumqi", seconds{6 * 3600}},
    {"UTC", seconds{0}},
    {"Etc/UTC", seconds{0}},
};

// A SUMMARY with one of these names a session of a local people's congress or CPPCC.
constexpr std::array<std::string_view, 4> kLocalTwoSessionsWords{"人代会", "人大", "人民代表大会",
                                                                 "政协"};

// Properties a VEVENT may carry only once.
const std::set<std::string, std::less<>> kSingleProperties{
    "UID", "DTSTART", "DTEND", "DURATION", "SUMMARY", "STATUS", "RRULE", "RECURRENCE-ID"};

struct Component {
  std::string name;
  int line = 0;
  std::vector<ContentLine> properties;
  std::vector<Component> children;
};

template <class T>
struct AtLine {
  T value;
  int line = 0;
};

// A VEVENT's properties, read but not yet interpreted.
struct EventData {
  int line = 0;
  std::string uid;
  std::optional<std::string> summary;
  std::vector<std::string> categories;
  bool cancelled = false;
  std::optional<AtLine<DateOrTime>> start;
  std::optional<AtLine<DateOrTime>> end;
  std::optional<AtLine<seconds>> duration;
  std::optional<AtLine<RecurrenceRule>> rule;
  std::vector<AtLine<DateOrTime>> exdates;
  std::vector<AtLine<DateOrTime>> rdates;
  std::optional<AtLine<DateOrTime>> recurrence_id;
};

// When one event (or override) happens: its start, in its own zone, and its length.
struct Timing {
  DateOrTime start;
  seconds offset{0};  // of start's zone; 0 for an all-day event
  sys_seconds first;  // an all-day event's first day at 00:00 UTC, standing for the date
  seconds length{0};
  bool all_day() const { return start.is_date(); }
};

std::string upper(std::string_view text) {
  std::string result(text);
  for (char& c : result)
    c = c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
  return result;
}

Date shanghai_date(sys_seconds instant) {
  return Date{floor<days>(instant + kShanghaiOffset)};
}

sys_seconds wall_to_instant(Date date, seconds time_of_day, seconds offset) {
  return sys_seconds{sys_days{date}} + time_of_day - offset;
}

// "+0800", "-0530", "+080000" as an offset east of UTC.
std::optional<seconds> parse_utc_offset(std::string_view text) {
  if ((text.size() != 5 && text.size() != 7) || (text[0] != '+' && text[0] != '-'))
    return std::nullopt;
  int fields[3] = {0, 0, 0};
  for (std::size_t i = 1; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9')
      return std::nullopt;
    int& field = fields[(i - 1) / 2];
    field = field * 10 + (text[i] - '0');
  }
  if (fields[0] > 23 || fields[1] > 59 || fields[2] > 59)
    return std::nullopt;
  const seconds offset{fields[0] * 3600 + fields[1] * 60 + fields[2]};
  return text[0] == '-' ? -offset : offset;
}

std::string utc_stamp(sys_seconds instant) {
  const sys_days day = floor<days>(instant);
  const auto in_day = (instant - sys_seconds{day}).count();
  char buf[32];
  std::snprintf(buf, sizeof buf, "%sT%02lld%02lld%02lldZ", basic_date(Date{day}).c_str(),
                static_cast<long long>(in_day / 3600), static_cast<long long>(in_day / 60 % 60),
                static_cast<long long>(in_day % 60));
  return buf;
}

bool contains_ascii_case_insensitive(const std::vector<std::string>& items,
                                     std::string_view wanted) {
  return std::any_of(items.begin(), items.end(), [&](const std::string& item) {
    std::string_view trimmed = item;
    while (!trimmed.empty() && trimmed.front() == ' ')
      trimmed.remove_prefix(1);
    while (!trimmed.empty() && trimmed.back() == ' ')
      trimmed.remove_suffix(1);
    return upper(trimmed) == upper(wanted);
  });
}

class Importer {
 public:
  Importer(std::string_view source_name, const IcsOptions& options)
      : source_name_(source_name), options_(options) {}

  Result<std::vector<LocalEvent>> run(std::string_view text);

 private:
  Error at(int line, std::string_view message) const {
    return Error{std::string(source_name_) + ":" + std::to_string(line) + ": " +
                 std::string(message)};
  }

  Result<std::vector<Component>> build_components(const std::vector<ContentLine>& lines) const;
  void read_time_zones(const Component& calendar);
  Result<EventData> read_event(const Component& component) const;
  Result<DateOrTime> read_date_or_time(const ContentLine& line, std::string_view text) const;
  Result<seconds> offset_of(const DateOrTime& value, int line);
  Result<Timing> timing_of(const EventData& event, const DateOrTime& start);
  Result<sys_seconds> occurrence_of(const Timing& timing, const AtLine<DateOrTime>& value);
  Result<std::set<sys_seconds>> occurrences(const EventData& event, const Timing& timing);
  DateRange days_of(const Timing& timing, sys_seconds occurrence) const;
  std::string recurrence_key(const Timing& timing, sys_seconds occurrence) const;
  std::optional<Error> emit(const EventData& event, const Timing& timing, sys_seconds occurrence,
                            const std::string& uid);
  std::optional<Error> import_group(const std::optional<EventData>& master,
                                    const std::vector<EventData>& overrides);

  std::string_view source_name_;
  const IcsOptions& options_;
  std::map<std::string, seconds, std::less<>> file_zones_;
  std::map<std::string, seconds, std::less<>> looked_up_zones_;
  bool has_method_ = false;
  std::size_t steps_left_ = kRecurrenceSteps;
  std::vector<LocalEvent> events_;
};

Result<std::vector<Component>> Importer::build_components(
    const std::vector<ContentLine>& lines) const {
  std::vector<Component> calendars;
  std::vector<Component> open;
  std::size_t event_count = 0;
  for (const ContentLine& line : lines) {
    if (line.name == "BEGIN") {
      const std::string name = upper(line.value);
      if (open.empty() && name != "VCALENDAR")
        return at(line.line, "expected BEGIN:VCALENDAR, got BEGIN:" + line.value);
      if (open.size() >= kMaxDepth)
        return at(line.line, "components nested more than " + std::to_string(kMaxDepth) + " deep");
      if (name == "VEVENT" && ++event_count > options_.max_events) {
        return at(line.line, "more than " + std::to_string(options_.max_events) +
                                 " VEVENTs (the limit of the importer)");
      }
      open.push_back(Component{name, line.line, {}, {}});
    } else if (line.name == "END") {
      if (open.empty())
        return at(line.line, "END:" + line.value + " without a matching BEGIN");
      if (upper(line.value) != open.back().name) {
        return at(line.line, "END:" + line.value + " does not close BEGIN:" + open.back().name +
                                 " on line " + std::to_string(open.back().line));
      }
      Component closed = std::move(open.back());
      open.pop_back();
      (open.empty() ? calendars : open.back().children).push_back(std::move(closed));
    } else if (open.empty()) {
      return at(line.line, "property " + line.name + " outside BEGIN:VCALENDAR..END:VCALENDAR");
    } else {
      open.back().properties.push_back(line);
    }
  }
  if (!open.empty())
    return at(open.back().line, "BEGIN:" + open.back().name + " is never closed");
  if (calendars.empty())
    return at(1, "not an iCalendar file: no BEGIN:VCALENDAR");
  return calendars;
}

// Records each VTIMEZONE with standard time only, so custom TZIDs ("China Standard Time")
// resolve to the offset the file gives them.
void Importer::read_time_zones(const Component& calendar) {
  for (const Component& zone : calendar.children) {
    if (zone.name != "VTIMEZONE")
      continue;
    std::optional<std::string> tzid;
    for (const ContentLine& property : zone.properties) {
      if (property.name == "TZID")
        tzid = property.value;
    }
    std::optional<seconds> offset;
    bool daylight = false;
    for (const Component& part : zone.children) {
      daylight = daylight || part.name == "DAYLIGHT";
      for (const ContentLine& property : part.properties) {
        if (part.name == "STANDARD" && property.name == "TZOFFSETTO")
          offset = parse_utc_offset(property.value);
      }
    }
    if (tzid && offset && !daylight)
      file_zones_.emplace(*tzid, *offset);
  }
}

Result<DateOrTime> Importer::read_date_or_time(const ContentLine& line,
                                               std::string_view text) const {
  const std::string* value_type = line.parameter("VALUE");
  const std::string* tzid = line.parameter("TZID");
  const std::string type = value_type ? upper(*value_type) : "";
  if (type == "PERIOD")
    return at(line.line, line.name + ";VALUE=PERIOD is not supported");
  auto parsed = parse_date_or_time(text, type, tzid ? std::string_view(*tzid) : "");
  if (!parsed) {
    return at(line.line, line.name + ": \"" + std::string(text) +
                             "\" is not a DATE (YYYYMMDD) or a DATE-TIME (YYYYMMDDTHHMMSS[Z])" +
                             (type.empty() ? "" : " of VALUE=" + type));
  }
  return std::move(*parsed);
}

Result<EventData> Importer::read_event(const Component& component) const {
  EventData event;
  event.line = component.line;
  std::map<std::string, int, std::less<>> first_line;
  for (const ContentLine& property : component.properties) {
    const std::string& name = property.name;
    if (kSingleProperties.contains(name)) {
      const auto [earlier, inserted] = first_line.emplace(name, property.line);
      if (!inserted) {
        return at(property.line, name + " is given twice in this VEVENT (first on line " +
                                     std::to_string(earlier->second) + ")");
      }
    }
    if (name == "UID") {
      event.uid = property.value;
    } else if (name == "SUMMARY") {
      event.summary = unescape_text(property.value);
    } else if (name == "CATEGORIES") {
      for (std::string& item : split_text_list(property.value))
        event.categories.push_back(std::move(item));
    } else if (name == "STATUS") {
      event.cancelled = upper(property.value) == "CANCELLED";
    } else if (name == "DTSTART" || name == "DTEND" || name == "RECURRENCE-ID") {
      auto value = read_date_or_time(property, property.value);
      if (!value)
        return value.error();
      if (name == "RECURRENCE-ID" && property.parameter("RANGE"))
        return at(property.line, "RECURRENCE-ID;RANGE is not supported");
      auto& slot = name == "DTSTART" ? event.start
                   : name == "DTEND" ? event.end
                                     : event.recurrence_id;
      slot = AtLine<DateOrTime>{std::move(value).value(), property.line};
    } else if (name == "DURATION") {
      const auto duration = parse_duration(property.value);
      if (!duration) {
        return at(property.line,
                  "DURATION: \"" + property.value + "\" is not a duration such as P1D or PT2H");
      }
      event.duration = AtLine<seconds>{*duration, property.line};
    } else if (name == "RRULE") {
      auto rule = parse_rrule(property.value);
      if (!rule)
        return at(property.line, rule.error().message);
      event.rule = AtLine<RecurrenceRule>{std::move(rule).value(), property.line};
    } else if (name == "EXDATE" || name == "RDATE") {
      auto& list = name == "EXDATE" ? event.exdates : event.rdates;
      std::string_view values = property.value;
      while (true) {
        const std::size_t comma = values.find(',');
        auto value = read_date_or_time(property, values.substr(0, comma));
        if (!value)
          return value.error();
        list.push_back({std::move(value).value(), property.line});
        if (comma == std::string_view::npos)
          break;
        values.remove_prefix(comma + 1);
      }
    }
  }
  if (event.uid.empty())
    return at(event.line, "VEVENT has no UID");
  if (event.recurrence_id && event.rule)
    return at(event.rule->line, "an override (RECURRENCE-ID) with its own RRULE is not supported");
  return event;
}

Result<seconds> Importer::offset_of(const DateOrTime& value, int line) {
  switch (value.zone) {
    case ZoneForm::floating:
      return kShanghaiOffset;
    case ZoneForm::utc:
      return seconds{0};
    case ZoneForm::tzid:
      break;
  }
  if (const auto known = kBuiltInZones.find(value.tzid); known != kBuiltInZones.end())
    return known->second;
  if (const auto known = looked_up_zones_.find(value.tzid); known != looked_up_zones_.end())
    return known->second;
  auto offset = options_.zone_offset ? options_.zone_offset(value.tzid)
                                     : Result<seconds>(Error{"no zone lookup"});
  if (!offset) {
    if (const auto in_file = file_zones_.find(value.tzid); in_file != file_zones_.end())
      return in_file->second;
    return at(line, "TZID=" + value.tzid + ": " + offset.error().message);
  }
  looked_up_zones_.emplace(value.tzid, *offset);
  return offset;
}

Result<Timing> Importer::timing_of(const EventData& event, const DateOrTime& start) {
  Timing timing{start, seconds{0}, {}, seconds{0}};
  const int start_line = event.start ? event.start->line : event.line;
  if (timing.all_day()) {
    timing.first = sys_seconds{sys_days{start.date}};
  } else {
    const auto offset = offset_of(start, start_line);
    if (!offset)
      return offset.error();
    timing.offset = *offset;
    timing.first = wall_to_instant(start.date, *start.time_of_day, *offset);
  }
  if (event.end && event.duration)
    return at(event.duration->line, "DTEND and DURATION must not both be given");
  if (event.end) {
    const DateOrTime& end = event.end->value;
    if (end.is_date() != timing.all_day()) {
      return at(event.end->line, std::string("DTEND must be a ") +
                                     (timing.all_day() ? "DATE" : "DATE-TIME") + " like DTSTART");
    }
    sys_seconds end_instant{sys_days{end.date}};
    if (!end.is_date()) {
      const auto offset = offset_of(end, event.end->line);
      if (!offset)
        return offset.error();
      end_instant = wall_to_instant(end.date, *end.time_of_day, *offset);
    }
    if (end_instant < timing.first)
      return at(event.end->line, "DTEND is before DTSTART");
    timing.length = end_instant - timing.first;
  } else if (event.duration) {
    if (event.duration->value < seconds{0})
      return at(event.duration->line, "DURATION must not be negative");
    if (timing.all_day() && event.duration->value % kDay != seconds{0})
      return at(event.duration->line, "DURATION of an all-day event must be whole days");
    timing.length = event.duration->value;
  }
  return timing;
}

// A RDATE, EXDATE or RECURRENCE-ID value as an occurrence of the event timed by timing: a DATE
// of a timed event means that day at the event's start time.
Result<sys_seconds> Importer::occurrence_of(const Timing& timing, const AtLine<DateOrTime>& value) {
  if (timing.all_day())
    return sys_seconds{sys_days{value.value.date}};
  if (value.value.is_date())
    return wall_to_instant(value.value.date, *timing.start.time_of_day, timing.offset);
  const auto offset = offset_of(value.value, value.line);
  if (!offset)
    return offset.error();
  return wall_to_instant(value.value.date, *value.value.time_of_day, *offset);
}

DateRange Importer::days_of(const Timing& timing, sys_seconds occurrence) const {
  if (timing.all_day()) {
    const sys_days first = floor<days>(occurrence);
    const auto length = std::max<std::int64_t>(1, timing.length / kDay);
    return DateRange{Date{first}, Date{first + days{length - 1}}};
  }
  const Date first = shanghai_date(occurrence);
  const Date last =
      timing.length > seconds{0} ? shanghai_date(occurrence + timing.length - seconds{1}) : first;
  return DateRange{first, last};
}

std::string Importer::recurrence_key(const Timing& timing, sys_seconds occurrence) const {
  return timing.all_day() ? basic_date(Date{floor<days>(occurrence)}) : utc_stamp(occurrence);
}

Result<std::set<sys_seconds>> Importer::occurrences(const EventData& event, const Timing& timing) {
  std::set<sys_seconds> result{timing.first};
  if (event.rule) {
    const RecurrenceRule& rule = event.rule->value;
    const auto span = timing.length / kDay + 2;
    ExpansionBounds bounds{
        Date{sys_days{options_.expand_window.first} - days{span}},
        Date{sys_days{options_.expand_window.last} + days{1}},
        std::nullopt,
    };
    if (!rule.until.empty()) {
      const auto until = parse_date_or_time(rule.until, "", "");
      if (!until)
        return at(event.rule->line, "RRULE: UNTIL=" + rule.until + " is not a DATE or DATE-TIME");
      if (timing.all_day() || until->is_date()) {
        bounds.until = until->date;
      } else {
        const seconds until_offset = until->zone == ZoneForm::utc ? seconds{0} : timing.offset;
        const sys_seconds wall =
            wall_to_instant(until->date, *until->time_of_day, until_offset) + timing.offset;
        const sys_days wall_day = floor<days>(wall);
        const bool before_start_time = wall - sys_seconds{wall_day} < *timing.start.time_of_day;
        bounds.until = Date{before_start_time ? wall_day - days{1} : wall_day};
      }
    }
    auto dates = expand_rrule(rule, timing.start.date, bounds, steps_left_);
    if (!dates)
      return at(event.rule->line, dates.error().message);
    for (const Date date : *dates) {
      result.insert(timing.all_day()
                        ? sys_seconds{sys_days{date}}
                        : wall_to_instant(date, *timing.start.time_of_day, timing.offset));
    }
  }
  for (const auto& rdate : event.rdates) {
    const auto occurrence = occurrence_of(timing, rdate);
    if (!occurrence)
      return occurrence.error();
    result.insert(*occurrence);
  }
  for (const auto& exdate : event.exdates) {
    const auto occurrence = occurrence_of(timing, exdate);
    if (!occurrence)
      return occurrence.error();
    result.erase(*occurrence);
  }
  return result;
}

std::optional<Error> Importer::emit(const EventData& event, const Timing& timing,
                                    sys_seconds occurrence, const std::string& uid) {
  const DateRange dates = days_of(timing, occurrence);
  if (dates.last < options_.expand_window.first || dates.first > options_.expand_window.last)
    return std::nullopt;
  if (events_.size() >= options_.max_events) {
    return at(event.line, "more than " + std::to_string(options_.max_events) +
                              " events in the window after expanding recurrences (the limit "
                              "of the importer)");
  }
  const std::string name = event.summary.value_or(event.uid);
  const bool local_two_sessions =
      contains_ascii_case_insensitive(event.categories, "local_two_sessions") ||
      std::any_of(kLocalTwoSessionsWords.begin(), kLocalTwoSessionsWords.end(),
                  [&](std::string_view word) { return name.find(word) != std::string::npos; });
  events_.push_back(LocalEvent{uid,
                               local_two_sessions ? "local_two_sessions" : options_.default_kind,
                               name, dates, PeriodSource::ics});
  return std::nullopt;
}

std::optional<Error> Importer::import_group(const std::optional<EventData>& master,
                                            const std::vector<EventData>& overrides) {
  std::optional<Timing> master_timing;
  std::set<sys_seconds> instances;
  bool recurring = false;
  if (master) {
    if (!master->start) {
      if (has_method_)
        return std::nullopt;
      return at(master->line, "VEVENT has no DTSTART");
    }
    auto timing = timing_of(*master, master->start->value);
    if (!timing)
      return timing.error();
    master_timing = *timing;
    auto found = occurrences(*master, *timing);
    if (!found)
      return found.error();
    instances = std::move(found).value();
    recurring = master->rule || !master->rdates.empty();
  }
  std::map<sys_seconds, int> overridden;
  for (const EventData& change : overrides) {
    const AtLine<DateOrTime>& id = *change.recurrence_id;
    auto timing = timing_of(change, change.start ? change.start->value : id.value);
    if (!timing)
      return timing.error();
    const Timing& original = master_timing ? *master_timing : *timing;
    const auto occurrence = occurrence_of(original, id);
    if (!occurrence)
      return occurrence.error();
    if (const auto [earlier, inserted] = overridden.emplace(*occurrence, id.line); !inserted) {
      return at(id.line, "RECURRENCE-ID is the same as on line " + std::to_string(earlier->second));
    }
    instances.erase(*occurrence);
    if (change.cancelled || (master && master->cancelled))
      continue;
    if (auto problem = emit(change, *timing, timing->first,
                            change.uid + "/" + recurrence_key(original, *occurrence)))
      return problem;
  }
  if (!master || master->cancelled)
    return std::nullopt;
  for (const sys_seconds occurrence : instances) {
    const std::string uid =
        recurring ? master->uid + "/" + recurrence_key(*master_timing, occurrence) : master->uid;
    if (auto problem = emit(*master, *master_timing, occurrence, uid))
      return problem;
  }
  return std::nullopt;
}

Result<std::vector<LocalEvent>> Importer::run(std::string_view text) {
  if (text.size() > options_.max_bytes) {
    return Error{std::string(source_name_) + ": the file is " + std::to_string(text.size()) +
                 " bytes, more than the limit of " + std::to_string(options_.max_bytes)};
  }
  auto lines = read_content_lines(text, source_name_);
  if (!lines)
    return lines.error();
  auto calendars = build_components(*lines);
  if (!calendars)
    return calendars.error();
  for (const Component& calendar : *calendars) {
    has_method_ = std::any_of(calendar.properties.begin(), calendar.properties.end(),
                              [](const ContentLine& line) { return line.name == "METHOD"; });
    read_time_zones(calendar);
    // By UID, in order of first appearance: the master event and its overrides.
    std::vector<std::string> order;
    std::map<std::string, std::pair<std::optional<EventData>, std::vector<EventData>>> groups;
    for (const Component& component : calendar.children) {
      if (component.name != "VEVENT")
        continue;
      auto event = read_event(component);
      if (!event)
        return event.error();
      auto [group, inserted] = groups.try_emplace(event->uid);
      if (inserted)
        order.push_back(event->uid);
      if (event->recurrence_id) {
        group->second.second.push_back(std::move(event).value());
      } else if (group->second.first) {
        return at(event->line, "UID " + event->uid + " is also the UID of the VEVENT on line " +
                                   std::to_string(group->second.first->line));
      } else {
        group->second.first = std::move(event).value();
      }
    }
    for (const std::string& uid : order) {
      const auto& [master, overrides] = groups.at(uid);
      if (auto problem = import_group(master, overrides))
        return *problem;
    }
    file_zones_.clear();
  }
  std::sort(events_.begin(), events_.end(), [](const LocalEvent& a, const LocalEvent& b) {
    return std::tie(a.dates.first, a.uid) < std::tie(b.dates.first, b.uid);
  });
  return std::move(events_);
}

}  // namespace

Result<std::chrono::seconds> system_zone_offset(std::string_view zone) {
  return config::fixed_utc_offset(zone);
}

Result<std::vector<LocalEvent>> parse_ics(std::string_view text, std::string_view source_name,
                                          const IcsOptions& options) {
  return Importer(source_name, options).run(text);
}

}  // namespace riskwarn::calendar
