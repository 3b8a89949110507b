#pragma once

#include <string>
#include <vector>

#include "rules/hazard.hpp"
#include "rules/level.hpp"
#include "rules/time.hpp"

namespace riskwarn {

// A rule whose trigger holds for a county now: who must act, on what, at what level, when.
struct Risk {
  std::string county;
  std::string rule_id;
  std::string sector;
  Hazard hazard = Hazard::fog;
  Level level = Level::none;
  TimePoint start{};   // first hour of the expected hazard window
  TimePoint end{};     // last hour of the window, inclusive
  std::string source;  // "derived" (from a forecast) or "official" (a CMA warning)
  std::vector<std::string> roles;
  std::vector<std::string> actions;
};

}  // namespace riskwarn
