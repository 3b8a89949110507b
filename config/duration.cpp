#include "config/duration.hpp"

#include <array>
#include <cstdint>

namespace riskwarn::config {
namespace {

struct Unit {
  char suffix;
  std::int64_t seconds;
};

constexpr std::array<Unit, 3> kUnits{{{'h', 3600}, {'m', 60}, {'s', 1}}};

// Enough digits for a week in seconds and more, few enough that no sum can overflow.
constexpr std::size_t kMaxDigits = 9;

}  // namespace

std::optional<std::chrono::seconds> parse_duration(std::string_view text) {
  if (text.empty())
    return std::nullopt;
  std::int64_t total = 0;
  std::size_t next_unit = 0;  // units must appear in kUnits order, each at most once
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t digits = 0;
    std::int64_t amount = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      if (++digits > kMaxDigits)
        return std::nullopt;
      amount = amount * 10 + (text[pos] - '0');
      ++pos;
    }
    if (digits == 0 || pos == text.size())
      return std::nullopt;
    const char suffix = text[pos++];
    while (next_unit < kUnits.size() && kUnits[next_unit].suffix != suffix)
      ++next_unit;
    if (next_unit == kUnits.size())
      return std::nullopt;
    total += amount * kUnits[next_unit].seconds;
    ++next_unit;
  }
  return std::chrono::seconds{total};
}

std::string format_duration(std::chrono::seconds duration) {
  std::int64_t rest = duration.count();
  if (rest == 0)
    return "0s";
  std::string text;
  if (rest < 0) {
    text += '-';
    rest = -rest;
  }
  for (const Unit& unit : kUnits) {
    if (rest >= unit.seconds) {
      text += std::to_string(rest / unit.seconds);
      text += unit.suffix;
      rest %= unit.seconds;
    }
  }
  return text;
}

}  // namespace riskwarn::config
