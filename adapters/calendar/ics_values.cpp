#include "adapters/calendar/ics_values.hpp"

#include <cstdio>

namespace riskwarn::calendar::ics {
namespace {

using std::chrono::seconds;

constexpr std::int64_t kMaxDurationSeconds = 300LL * 366 * 86400;

// The number written by the count digits at text[pos], or nullopt when any is not a digit.
std::optional<int> digits(std::string_view text, std::size_t pos, std::size_t count) {
  if (pos + count > text.size())
    return std::nullopt;
  int value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (text[i] < '0' || text[i] > '9')
      return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

std::optional<Date> parse_basic_date(std::string_view text) {
  const auto year = digits(text, 0, 4);
  const auto month = digits(text, 4, 2);
  const auto day = digits(text, 6, 2);
  if (!year || !month || !day || *year == 0)
    return std::nullopt;
  const Date date{std::chrono::year{*year}, std::chrono::month{static_cast<unsigned>(*month)},
                  std::chrono::day{static_cast<unsigned>(*day)}};
  if (!date.ok())
    return std::nullopt;
  return date;
}

}  // namespace

std::optional<DateOrTime> parse_date_or_time(std::string_view text, std::string_view value_type,
                                             std::string_view tzid) {
  if (value_type != "" && value_type != "DATE" && value_type != "DATE-TIME")
    return std::nullopt;
  const auto date = text.size() >= 8 ? parse_basic_date(text.substr(0, 8)) : std::nullopt;
  if (!date)
    return std::nullopt;
  if (text.size() == 8) {
    if (value_type == "DATE-TIME")
      return std::nullopt;
    return DateOrTime{*date, std::nullopt, ZoneForm::floating, ""};
  }
  if (value_type == "DATE" || (text.size() != 15 && text.size() != 16) || text[8] != 'T')
    return std::nullopt;
  const auto hour = digits(text, 9, 2);
  const auto minute = digits(text, 11, 2);
  const auto second = digits(text, 13, 2);
  // A leap second (60) is read as the last second of its minute.
  if (!hour || !minute || !second || *hour > 23 || *minute > 59 || *second > 60)
    return std::nullopt;
  DateOrTime result{*date, seconds{*hour * 3600 + *minute * 60 + std::min(*second, 59)},
                    ZoneForm::floating, ""};
  if (text.size() == 16) {
    if (text[15] != 'Z')
      return std::nullopt;
    result.zone = ZoneForm::utc;
  } else if (!tzid.empty()) {
    result.zone = ZoneForm::tzid;
    result.tzid = std::string(tzid);
  }
  return result;
}

std::optional<seconds> parse_duration(std::string_view text) {
  int sign = 1;
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
    sign = text.front() == '-' ? -1 : 1;
    text.remove_prefix(1);
  }
  if (text.size() < 3 || text.front() != 'P')
    return std::nullopt;
  text.remove_prefix(1);
  std::int64_t total = 0;
  bool in_time = false;
  bool any = false;
  std::int64_t number = -1;
  for (const char c : text) {
    if (c >= '0' && c <= '9') {
      number = (number < 0 ? 0 : number) * 10 + (c - '0');
      if (number > kMaxDurationSeconds)
        return std::nullopt;
      continue;
    }
    if (c == 'T') {
      if (in_time || number >= 0)
        return std::nullopt;
      in_time = true;
      continue;
    }
    std::int64_t unit = 0;
    if (!in_time && c == 'W')
      unit = 7 * 86400;
    else if (!in_time && c == 'D')
      unit = 86400;
    else if (in_time && c == 'H')
      unit = 3600;
    else if (in_time && c == 'M')
      unit = 60;
    else if (in_time && c == 'S')
      unit = 1;
    if (unit == 0 || number < 0)
      return std::nullopt;
    total += number * unit;
    if (total > kMaxDurationSeconds)
      return std::nullopt;
    number = -1;
    any = true;
  }
  if (!any || number >= 0 || text.back() == 'T')
    return std::nullopt;
  return seconds{sign * total};
}

std::string unescape_text(std::string_view text) {
  std::string result;
  result.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\' || i + 1 == text.size()) {
      result += text[i];
      continue;
    }
    const char next = text[++i];
    result += next == 'n' || next == 'N' ? '\n' : next;
  }
  return result;
}

std::vector<std::string> split_text_list(std::string_view text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '\\') {
      i += 2;
      continue;
    }
    if (text[i] == ',') {
      items.push_back(unescape_text(text.substr(start, i - start)));
      start = i + 1;
    }
    ++i;
  }
  items.push_back(unescape_text(text.substr(std::min(start, text.size()))));
  return items;
}

std::string basic_date(Date date) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02u%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return buf;
}

}  // namespace riskwarn::calendar::ics
