#pragma once

#include <optional>

#include "rules/calendar/date.hpp"

namespace riskwarn {

// The first year of the current national two sessions pattern (CPPCC opening on 3 or 4 March,
// NPC on 5 March); no two sessions are estimated before it.
inline constexpr int kFirstTwoSessionsYear = 1998;

// The national two sessions of year, CPPCC opening to NPC closing, when the compiled-in record of
// past sessions has them; nullopt otherwise.
std::optional<DateRange> known_two_sessions(int year);

// The usual pattern, for a year with no known or configured dates: CPPCC opening on 4 March,
// NPC on 5 March and closing on about 11 March.
DateRange estimated_two_sessions(int year);

}  // namespace riskwarn
