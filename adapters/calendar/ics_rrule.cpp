#include "adapters/calendar/ics_rrule.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <set>

namespace riskwarn::calendar::ics {
namespace {

using std::chrono::days;
using std::chrono::months;
using std::chrono::sys_days;
using std::chrono::weekday;
using std::chrono::years;

constexpr std::int64_t kMaxInterval = 1000;
constexpr std::int64_t kMaxCount = 1'000'000'000;
constexpr std::array<std::string_view, 7> kWeekdayNames{"SU", "MO", "TU", "WE", "TH", "FR", "SA"};

std::optional<std::int64_t> parse_integer(std::string_view text) {
  std::int64_t value = 0;
  const char* begin = text.data() + (text.starts_with('+') ? 1 : 0);
  const auto [end, error] = std::from_chars(begin, text.data() + text.size(), value);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size())
    return std::nullopt;
  return value;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos)
      return parts;
    start = end + 1;
  }
}

std::optional<weekday> parse_weekday(std::string_view text) {
  for (unsigned i = 0; i < kWeekdayNames.size(); ++i) {
    if (text == kWeekdayNames[i])
      return weekday{i};
  }
  return std::nullopt;
}

std::optional<Frequency> parse_frequency(std::string_view text) {
  if (text == "YEARLY")
    return Frequency::yearly;
  if (text == "MONTHLY")
    return Frequency::monthly;
  if (text == "WEEKLY")
    return Frequency::weekly;
  if (text == "DAILY")
    return Frequency::daily;
  return std::nullopt;
}

Error rule_error(std::string_view message) {
  return Error{"RRULE: " + std::string(message)};
}

// Integers of a comma-separated list, each within [min, max] and not 0 unless min is.
std::optional<std::vector<std::int64_t>> parse_integer_list(std::string_view text, std::int64_t min,
                                                            std::int64_t max) {
  std::vector<std::int64_t> values;
  for (const std::string_view item : split(text, ',')) {
    const auto value = parse_integer(item);
    if (!value || *value < min || *value > max || (*value == 0 && min < 0))
      return std::nullopt;
    values.push_back(*value);
  }
  return values;
}

std::optional<std::vector<WeekdayRule>> parse_by_day(std::string_view text) {
  std::vector<WeekdayRule> rules;
  for (const std::string_view item : split(text, ',')) {
    if (item.size() < 2)
      return std::nullopt;
    const auto day = parse_weekday(item.substr(item.size() - 2));
    if (!day)
      return std::nullopt;
    int ordinal = 0;
    if (item.size() > 2) {
      const auto number = parse_integer(item.substr(0, item.size() - 2));
      if (!number || *number == 0 || *number < -53 || *number > 53)
        return std::nullopt;
      ordinal = static_cast<int>(*number);
    }
    rules.push_back({*day, ordinal});
  }
  return rules;
}

// The combinations the expansion below gives a meaning to.
std::optional<Error> unsupported_combination(const RecurrenceRule& rule) {
  const bool ordinals = std::any_of(rule.by_day.begin(), rule.by_day.end(),
                                    [](const WeekdayRule& day) { return day.ordinal != 0; });
  if (ordinals && (rule.frequency == Frequency::daily || rule.frequency == Frequency::weekly))
    return rule_error("BYDAY with an ordinal (e.g. 1MO) needs FREQ=MONTHLY or FREQ=YEARLY");
  if (ordinals && !rule.by_month_day.empty())
    return rule_error("BYDAY with an ordinal cannot be combined with BYMONTHDAY");
  const bool within_month = rule.frequency == Frequency::monthly || !rule.by_month.empty();
  const bool ordinal_past_five =
      std::any_of(rule.by_day.begin(), rule.by_day.end(),
                  [](const WeekdayRule& day) { return day.ordinal > 5 || day.ordinal < -5; });
  if (within_month && ordinal_past_five)
    return rule_error("a BYDAY ordinal within a month must be -5..5");
  if (rule.frequency == Frequency::weekly && !rule.by_month_day.empty())
    return rule_error("BYMONTHDAY cannot be used with FREQ=WEEKLY");
  return std::nullopt;
}

sys_days first_of_month(sys_days day) {
  const Date date{day};
  return sys_days{date.year() / date.month() / 1};
}

// The first day of the period (year, month, week starting week_start, or day) holding day.
sys_days period_start(const RecurrenceRule& rule, sys_days day) {
  const Date date{day};
  switch (rule.frequency) {
    case Frequency::yearly:
      return sys_days{date.year() / 1 / 1};
    case Frequency::monthly:
      return first_of_month(day);
    case Frequency::weekly:
      return day - (weekday{day} - rule.week_start);
    case Frequency::daily:
      break;
  }
  return day;
}

sys_days advance(const RecurrenceRule& rule, sys_days period, std::int64_t steps) {
  const Date date{period};
  switch (rule.frequency) {
    case Frequency::yearly:
      return sys_days{date + years{steps}};
    case Frequency::monthly:
      return sys_days{date + months{steps}};
    case Frequency::weekly:
      return period + days{7 * steps};
    case Frequency::daily:
      break;
  }
  return period + days{steps};
}

// Whole periods from a to b (a <= b), both period starts.
std::int64_t periods_between(const RecurrenceRule& rule, sys_days a, sys_days b) {
  const Date from{a};
  const Date to{b};
  switch (rule.frequency) {
    case Frequency::yearly:
      return static_cast<int>(to.year()) - static_cast<int>(from.year());
    case Frequency::monthly:
      return (static_cast<int>(to.year()) - static_cast<int>(from.year())) * 12 +
             static_cast<int>(static_cast<unsigned>(to.month())) -
             static_cast<int>(static_cast<unsigned>(from.month()));
    case Frequency::weekly:
      return (b - a).count() / 7;
    case Frequency::daily:
      break;
  }
  return (b - a).count();
}

bool contains(const std::vector<unsigned>& values, unsigned value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

// The day of month that BYMONTHDAY value names in the month starting at month_start.
std::optional<sys_days> month_day(sys_days month_start, int value) {
  const Date first{month_start};
  const auto length = static_cast<int>(
      static_cast<unsigned>((first.year() / first.month() / std::chrono::last).day()));
  const int day = value > 0 ? value : length + value + 1;
  if (day < 1 || day > length)
    return std::nullopt;
  return month_start + days{day - 1};
}

bool matches_month_day(const std::vector<int>& values, sys_days day) {
  const sys_days month_start = first_of_month(day);
  return std::any_of(values.begin(), values.end(),
                     [&](int value) { return month_day(month_start, value) == day; });
}

bool matches_weekday(const std::vector<WeekdayRule>& rules, sys_days day) {
  return std::any_of(rules.begin(), rules.end(),
                     [&](const WeekdayRule& rule) { return rule.weekday == weekday{day}; });
}

// The days in [first, last] with the rule's weekdays, honouring ordinals relative to the span.
void add_weekdays(const std::vector<WeekdayRule>& rules, sys_days first, sys_days last,
                  std::set<sys_days>& out) {
  for (const WeekdayRule& rule : rules) {
    const sys_days first_match = first + (rule.weekday - weekday{first});
    const sys_days last_match = last - (weekday{last} - rule.weekday);
    if (rule.ordinal == 0) {
      for (sys_days day = first_match; day <= last; day += days{7})
        out.insert(day);
    } else {
      const sys_days day = rule.ordinal > 0 ? first_match + days{7 * (rule.ordinal - 1)}
                                            : last_match - days{7 * (-rule.ordinal - 1)};
      if (day >= first && day <= last)
        out.insert(day);
    }
  }
}

// The days of the month starting at month_start that BYMONTHDAY and BYDAY select, or start's
// day of month when neither is given.
void add_month_days(const RecurrenceRule& rule, sys_days month_start, sys_days start,
                    std::set<sys_days>& out) {
  const Date first{month_start};
  const sys_days month_end = sys_days{first.year() / first.month() / std::chrono::last};
  if (!rule.by_month_day.empty()) {
    for (const int value : rule.by_month_day) {
      const auto day = month_day(month_start, value);
      if (day && (rule.by_day.empty() || matches_weekday(rule.by_day, *day)))
        out.insert(*day);
    }
  } else if (!rule.by_day.empty()) {
    add_weekdays(rule.by_day, month_start, month_end, out);
  } else if (const auto day = month_day(
                 month_start, static_cast<int>(static_cast<unsigned>(Date{start}.day())))) {
    out.insert(*day);
  }
}

// Every date the rule selects in the period starting at period, in order.
std::set<sys_days> candidates(const RecurrenceRule& rule, sys_days period, sys_days start) {
  std::set<sys_days> out;
  const Date first{period};
  switch (rule.frequency) {
    case Frequency::daily:
      if ((rule.by_month.empty() || contains(rule.by_month, unsigned{first.month()})) &&
          (rule.by_month_day.empty() || matches_month_day(rule.by_month_day, period)) &&
          (rule.by_day.empty() || matches_weekday(rule.by_day, period))) {
        out.insert(period);
      }
      break;
    case Frequency::weekly:
      for (int i = 0; i < 7; ++i) {
        const sys_days day = period + days{i};
        const bool weekday_ok = rule.by_day.empty() ? weekday{day} == weekday{start}
                                                    : matches_weekday(rule.by_day, day);
        if (weekday_ok &&
            (rule.by_month.empty() || contains(rule.by_month, unsigned{Date{day}.month()})))
          out.insert(day);
      }
      break;
    case Frequency::monthly:
      if (rule.by_month.empty() || contains(rule.by_month, unsigned{first.month()}))
        add_month_days(rule, period, start, out);
      break;
    case Frequency::yearly:
      if (!rule.by_month.empty()) {
        for (const unsigned month : rule.by_month)
          add_month_days(rule, sys_days{first.year() / std::chrono::month{month} / 1}, start, out);
      } else if (!rule.by_month_day.empty()) {
        for (unsigned month = 1; month <= 12; ++month)
          add_month_days(rule, sys_days{first.year() / std::chrono::month{month} / 1}, start, out);
      } else if (!rule.by_day.empty()) {
        add_weekdays(rule.by_day, period, sys_days{first.year() / 12 / 31}, out);
      } else {
        const Date date{start};
        const Date same_day{first.year(), date.month(), date.day()};
        if (same_day.ok())
          out.insert(sys_days{same_day});
      }
      break;
  }
  return out;
}

}  // namespace

Result<RecurrenceRule> parse_rrule(std::string_view text) {
  RecurrenceRule rule;
  std::set<std::string, std::less<>> seen;
  bool has_frequency = false;
  for (const std::string_view part : split(text, ';')) {
    const std::size_t equals = part.find('=');
    if (equals == std::string_view::npos || equals == 0)
      return rule_error("expected NAME=VALUE parts separated by ';'");
    std::string name(part.substr(0, equals));
    for (char& c : name)
      c = c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    const std::string_view value = part.substr(equals + 1);
    if (!seen.insert(name).second)
      return rule_error(name + " is given twice");
    const auto invalid = [&](std::string_view accepted) {
      return rule_error(name + "=" + std::string(value) + " is not valid; expected " +
                        std::string(accepted));
    };
    if (name == "FREQ") {
      const auto frequency = parse_frequency(value);
      if (!frequency)
        return invalid("YEARLY, MONTHLY, WEEKLY or DAILY");
      rule.frequency = *frequency;
      has_frequency = true;
    } else if (name == "INTERVAL") {
      const auto interval = parse_integer(value);
      if (!interval || *interval < 1 || *interval > kMaxInterval)
        return invalid("an integer 1..1000");
      rule.interval = static_cast<int>(*interval);
    } else if (name == "COUNT") {
      const auto count = parse_integer(value);
      if (!count || *count < 1 || *count > kMaxCount)
        return invalid("an integer 1..1000000000");
      rule.count = *count;
    } else if (name == "UNTIL") {
      if (value.empty())
        return invalid("a DATE or a DATE-TIME");
      rule.until = std::string(value);
    } else if (name == "BYMONTH") {
      const auto months = parse_integer_list(value, 1, 12);
      if (!months)
        return invalid("months 1..12");
      for (const std::int64_t month : *months)
        rule.by_month.push_back(static_cast<unsigned>(month));
    } else if (name == "BYMONTHDAY") {
      const auto month_days = parse_integer_list(value, -31, 31);
      if (!month_days)
        return invalid("days 1..31 or -31..-1");
      for (const std::int64_t day : *month_days)
        rule.by_month_day.push_back(static_cast<int>(day));
    } else if (name == "BYDAY") {
      auto by_day = parse_by_day(value);
      if (!by_day)
        return invalid("weekdays such as MO, 1MO or -1FR");
      rule.by_day = std::move(*by_day);
    } else if (name == "WKST") {
      const auto day = parse_weekday(value);
      if (!day)
        return invalid("a weekday MO..SU");
      rule.week_start = *day;
    } else {
      return rule_error(name +
                        " is not supported (supported: FREQ, INTERVAL, COUNT, UNTIL, "
                        "BYMONTH, BYMONTHDAY, BYDAY, WKST)");
    }
  }
  if (!has_frequency)
    return rule_error("FREQ is missing");
  if (rule.count && !rule.until.empty())
    return rule_error("COUNT and UNTIL must not both be given");
  if (auto problem = unsupported_combination(rule))
    return *problem;
  return rule;
}

Result<std::vector<Date>> expand_rrule(const RecurrenceRule& rule, Date start,
                                       const ExpansionBounds& bounds, std::size_t& steps_left) {
  const sys_days first{start};
  const sys_days last_wanted{bounds.last_wanted};
  const std::optional<sys_days> until =
      bounds.until ? std::optional<sys_days>(sys_days{*bounds.until}) : std::nullopt;
  std::vector<Date> dates;
  if (until && first > *until)
    return dates;
  dates.push_back(start);
  std::int64_t produced = 1;
  sys_days period = period_start(rule, first);
  // Without COUNT nothing before the wanted dates matters: jump whole intervals towards them.
  const sys_days wanted_period = period_start(rule, sys_days{bounds.first_wanted});
  if (!rule.count && wanted_period > period) {
    const std::int64_t skip = periods_between(rule, period, wanted_period) / rule.interval;
    period = advance(rule, period, skip * rule.interval);
  }
  while (period <= last_wanted && (!until || period <= *until)) {
    if (steps_left == 0) {
      return rule_error(
          "expanding needs more than the step limit before the wanted dates; "
          "start the rule later or bound it with UNTIL");
    }
    --steps_left;
    for (const sys_days day : candidates(rule, period, first)) {
      if (day <= first)
        continue;
      if (day > last_wanted || (until && day > *until))
        return dates;
      if (rule.count && produced >= *rule.count)
        return dates;
      dates.emplace_back(day);
      ++produced;
    }
    period = advance(rule, period, rule.interval);
  }
  return dates;
}

}  // namespace riskwarn::calendar::ics
