#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace riskwarn {

// A civil date (in the county's local calendar; Asia/Shanghai for national periods).
using Date = std::chrono::year_month_day;

// An inclusive range of civil dates.
struct DateRange {
  Date first;
  Date last;

  friend bool operator==(const DateRange&, const DateRange&) = default;
};

// "YYYY-MM-DD".
std::string format_date(Date date);

// Parses "YYYY-MM-DD"; nullopt when malformed or not a real date.
std::optional<Date> parse_date(std::string_view text);

}  // namespace riskwarn
