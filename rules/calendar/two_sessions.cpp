#include "rules/calendar/two_sessions.hpp"

#include <array>
#include <chrono>

namespace riskwarn {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

struct KnownSessions {
  int year;
  unsigned first_month, first_day;  // CPPCC opening
  unsigned last_month, last_day;    // NPC closing
};

// Past sessions with both ends on record (reference/calendar.md, appendix): the years that
// elected a new government, the 2020 sessions postponed by COVID-19, and 2021 on.
constexpr std::array<KnownSessions, 11> kKnown{{
    {2003, 3, 3, 3, 18},
    {2008, 3, 3, 3, 18},
    {2013, 3, 3, 3, 17},
    {2018, 3, 3, 3, 20},
    {2020, 5, 21, 5, 28},
    {2021, 3, 4, 3, 11},
    {2022, 3, 4, 3, 11},
    {2023, 3, 4, 3, 13},
    {2024, 3, 4, 3, 11},
    {2025, 3, 4, 3, 11},
    {2026, 3, 4, 3, 12},
}};

}  // namespace

std::optional<DateRange> known_two_sessions(int y) {
  for (const auto& known : kKnown) {
    if (known.year == y) {
      return DateRange{Date{year{y}, month{known.first_month}, day{known.first_day}},
                       Date{year{y}, month{known.last_month}, day{known.last_day}}};
    }
  }
  return std::nullopt;
}

DateRange estimated_two_sessions(int y) {
  return DateRange{Date{year{y}, month{3}, day{4}}, Date{year{y}, month{3}, day{11}}};
}

}  // namespace riskwarn
