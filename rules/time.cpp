#include "rules/time.hpp"

#include <charconv>
#include <cstdio>

namespace riskwarn {
namespace {

bool read_int(std::string_view text, std::size_t pos, std::size_t len, int& out) {
  if (pos + len > text.size())
    return false;
  const char* first = text.data() + pos;
  const char* last = first + len;
  for (const char* p = first; p != last; ++p) {
    if (*p < '0' || *p > '9')
      return false;
  }
  return std::from_chars(first, last, out).ec == std::errc{};
}

// Parses "YYYY-MM-DDTHH:MM" and optionally ":SS"; returns the length consumed or 0.
std::size_t parse_wall(std::string_view text, std::chrono::sys_seconds& out) {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (text.size() < 16 || text[4] != '-' || text[7] != '-' ||
      (text[10] != 'T' && text[10] != ' ') || text[13] != ':') {
    return 0;
  }
  if (!read_int(text, 0, 4, year) || !read_int(text, 5, 2, month) || !read_int(text, 8, 2, day) ||
      !read_int(text, 11, 2, hour) || !read_int(text, 14, 2, minute)) {
    return 0;
  }
  std::size_t used = 16;
  if (text.size() >= 19 && text[16] == ':') {
    if (!read_int(text, 17, 2, second))
      return 0;
    used = 19;
  }
  const std::chrono::year_month_day ymd{std::chrono::year{year},
                                        std::chrono::month{static_cast<unsigned>(month)},
                                        std::chrono::day{static_cast<unsigned>(day)}};
  if (!ymd.ok() || hour > 23 || minute > 59 || second > 60)
    return 0;
  out = std::chrono::sys_days{ymd} + std::chrono::hours{hour} + std::chrono::minutes{minute} +
        std::chrono::seconds{second};
  return used;
}

}  // namespace

std::string format_local_minutes(TimePoint t, std::chrono::seconds utc_offset) {
  const auto local = t + utc_offset;
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::year_month_day ymd{day};
  const std::chrono::hh_mm_ss hms{local - day};
  const long offset_minutes = static_cast<long>(utc_offset.count() / 60);
  const long abs_minutes = offset_minutes < 0 ? -offset_minutes : offset_minutes;
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02ld:%02ld%c%02ld:%02ld",
                static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()), static_cast<long>(hms.hours().count()),
                static_cast<long>(hms.minutes().count()), offset_minutes < 0 ? '-' : '+',
                abs_minutes / 60, abs_minutes % 60);
  return buf;
}

std::string format_utc(TimePoint t) {
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::year_month_day ymd{day};
  const std::chrono::hh_mm_ss hms{t - day};
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02ld:%02ld:%02ldZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<long>(hms.hours().count()), static_cast<long>(hms.minutes().count()),
                static_cast<long>(hms.seconds().count()));
  return buf;
}

std::optional<TimePoint> parse_local_minutes(std::string_view text,
                                             std::chrono::seconds utc_offset) {
  std::chrono::sys_seconds wall;
  const std::size_t used = parse_wall(text, wall);
  if (used == 0 || used != text.size())
    return std::nullopt;
  return wall - utc_offset;
}

std::optional<TimePoint> parse_iso8601(std::string_view text) {
  std::chrono::sys_seconds wall;
  const std::size_t used = parse_wall(text, wall);
  if (used == 0)
    return std::nullopt;
  const std::string_view zone = text.substr(used);
  if (zone == "Z")
    return wall;
  int hours = 0, minutes = 0;
  if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':' ||
      !read_int(zone, 1, 2, hours) || !read_int(zone, 4, 2, minutes) || hours > 14 ||
      minutes > 59) {
    return std::nullopt;
  }
  const std::chrono::seconds offset{(hours * 60 + minutes) * 60};
  return zone[0] == '+' ? wall - offset : wall + offset;
}

TimePoint floor_hour(TimePoint t) {
  return std::chrono::floor<std::chrono::hours>(t);
}

}  // namespace riskwarn
