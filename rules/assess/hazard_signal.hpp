#pragma once

#include <string>

#include "rules/hazard.hpp"
#include "rules/level.hpp"
#include "rules/time.hpp"

namespace riskwarn {

// The signal of one hazard for one county at one instant: its level and the hazard's expected
// window (first and last hour, inclusive). source is "derived" (our assessment of a forecast)
// or "official" (a CMA warning from QWeather or CAP).
struct HazardSignal {
  Hazard hazard = Hazard::fog;
  Level level = Level::none;
  TimePoint start{};
  TimePoint end{};
  std::string source = "derived";
};

}  // namespace riskwarn
