#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace riskwarn {

// The weather hazards riskwarn assesses.
enum class Hazard { fog, snowstorm, road_icing, gale, cold_wave };

inline constexpr std::array<Hazard, 5> kAllHazards{
    Hazard::fog, Hazard::snowstorm, Hazard::road_icing, Hazard::gale, Hazard::cold_wave};

// The English name used in config, JSON and the store: "fog", "snowstorm", ...
std::string_view to_string(Hazard hazard);

// The Chinese name used in messages: 大雾, 暴雪, 道路结冰, 大风, 寒潮.
std::string_view chinese_name(Hazard hazard);

// Parses an English hazard name; nullopt when it is not one.
std::optional<Hazard> parse_hazard(std::string_view name);

}  // namespace riskwarn
