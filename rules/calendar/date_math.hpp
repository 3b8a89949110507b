#pragma once

#include <chrono>

#include "rules/calendar/date.hpp"

namespace riskwarn {

// The date days after date (before it when days is negative).
inline Date add_days(Date date, int days) {
  return Date{std::chrono::sys_days{date} + std::chrono::days{days}};
}

// True when the two inclusive ranges share at least one day.
inline bool overlaps(const DateRange& a, const DateRange& b) {
  return a.first <= b.last && b.first <= a.last;
}

// True when date lies in the inclusive range.
inline bool contains(const DateRange& range, Date date) {
  return range.first <= date && date <= range.last;
}

}  // namespace riskwarn
