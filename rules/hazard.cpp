#include "rules/hazard.hpp"

namespace riskwarn {

std::string_view to_string(Hazard hazard) {
  switch (hazard) {
    case Hazard::fog:
      return "fog";
    case Hazard::snowstorm:
      return "snowstorm";
    case Hazard::road_icing:
      return "road_icing";
    case Hazard::gale:
      return "gale";
    case Hazard::cold_wave:
      return "cold_wave";
  }
  return "fog";
}

std::string_view chinese_name(Hazard hazard) {
  switch (hazard) {
    case Hazard::fog:
      return "大雾";
    case Hazard::snowstorm:
      return "暴雪";
    case Hazard::road_icing:
      return "道路结冰";
    case Hazard::gale:
      return "大风";
    case Hazard::cold_wave:
      return "寒潮";
  }
  return "大雾";
}

std::optional<Hazard> parse_hazard(std::string_view name) {
  for (Hazard hazard : kAllHazards) {
    if (to_string(hazard) == name)
      return hazard;
  }
  return std::nullopt;
}

}  // namespace riskwarn
