#include "rules/calendar/date.hpp"

#include <charconv>
#include <cstdio>

namespace riskwarn {

std::string format_date(Date date) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return buf;
}

std::optional<Date> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-')
    return std::nullopt;
  int year = 0;
  unsigned month = 0;
  unsigned day = 0;
  const auto digits = [&](std::size_t pos, std::size_t len, auto& out) {
    for (std::size_t i = pos; i < pos + len; ++i) {
      if (text[i] < '0' || text[i] > '9')
        return false;
    }
    return std::from_chars(text.data() + pos, text.data() + pos + len, out).ec == std::errc{};
  };
  if (!digits(0, 4, year) || !digits(5, 2, month) || !digits(8, 2, day))
    return std::nullopt;
  const Date date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
  if (!date.ok())
    return std::nullopt;
  return date;
}

}  // namespace riskwarn
