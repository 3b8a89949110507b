#pragma once

#include <optional>
#include <string_view>

#include "rules/hazard.hpp"

// Which of riskwarn's hazards an official warning's type is. Types riskwarn does not model
// (雷电, 冰雹, 霾, ...) map to nullopt and are kept by the parsers as "other" warnings.
namespace riskwarn::weather {

// The result of looking a type up: whether the table knows it, and its hazard if modelled.
struct TypeLookup {
  bool known = false;            // false: not in the table, try the next clue
  std::optional<Hazard> hazard;  // nullopt when known but not modelled (e.g. 1015 冰雹)
};

// A QWeather warning type code (v7 `type`, v1 `eventType.code`), e.g. "1017" → fog. Also maps
// the provincial variants: 大雪/雪灾 → snowstorm, 道路冰雪/冰冻/低温雨雪冰冻/低温凝冻 →
// road_icing, 雷雨大风 → gale, 强降温/降温 → cold_wave.
TypeLookup qweather_type(std::string_view code);

// The 4-digit Chinese warning code of CAP eventCode CN_WARNING_CODE (2-digit type + 2-digit
// level, e.g. "1202" = fog yellow): 03 snowstorm, 04 cold wave, 05 gale, 12 fog, 14 road icing.
TypeLookup cn_warning_code_type(std::string_view code);

// The hazard named in a warning's type name, event or title, in Chinese (大雾, 道路结冰, ...;
// 海上大雾 and 电线积冰 are known and not modelled) or English (Fog, High Wind Warning, Ice
// Storm, Cold Wave, MeteoAlarm "4; fog", ...).
TypeLookup type_named_in(std::string_view text);

}  // namespace riskwarn::weather
