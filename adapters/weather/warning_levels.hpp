#pragma once

#include <optional>
#include <string_view>

#include "rules/level.hpp"

// The CMA level (blue < yellow < orange < red) of an official warning, from the clues the
// issuers give. Each returns nullopt when its clue says nothing usable, so callers can fall
// back to the next clue and, when none is left, to blue (an official warning is never dropped).
namespace riskwarn::weather {

// A colour word, any case: Blue, yellow, 橙色, 红 ...; Black (Hong Kong's top tier) is red.
// White (QWeather's "unknown"), Green and anything else give nullopt.
std::optional<Level> level_of_colour(std::string_view colour);

// A CAP or QWeather severity, any case: Minor → blue, Moderate → yellow, Severe and Major →
// orange, Extreme → red. Unknown, None, Standard, Cancel and anything else give nullopt.
std::optional<Level> level_of_severity(std::string_view severity);

// The level named in a title or headline: 大雾橙色预警, [Ⅱ级/严重], "Strong Wind Warning - Orange".
std::optional<Level> level_in_title(std::string_view title);

// A colour parameter that carries the level, e.g. CAP warning_color "Yellow" or MeteoAlarm
// awareness_level "3; orange; Severe"; nullopt when the value names no colour.
std::optional<Level> level_of_colour_parameter(std::string_view value);

}  // namespace riskwarn::weather
