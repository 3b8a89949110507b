#pragma once

#include <string>
#include <vector>

#include "rules/hazard.hpp"
#include "rules/level.hpp"

namespace riskwarn {

// A sector rule with a weather trigger: when the hazard's signal reaches min_level, the roles
// are told to take the actions.
struct Rule {
  std::string id;      // unique, e.g. "road_traffic.fog"
  std::string sector;  // e.g. "road_traffic"
  Hazard hazard = Hazard::fog;
  Level min_level = Level::yellow;
  std::vector<std::string> roles;
  std::vector<std::string> actions;  // the source document's instructions, in Chinese
};

}  // namespace riskwarn
