#pragma once

#include <optional>
#include <string_view>

namespace riskwarn {

// Warning levels in increasing order: CMA Ⅳ/Ⅲ/Ⅱ/Ⅰ are blue/yellow/orange/red; notice (提示) is
// a calendar-only reminder below blue; none means assessed and below every level.
enum class Level { none = 0, notice = 1, blue = 2, yellow = 3, orange = 4, red = 5 };

// The English name used in config, JSON and the store: "none", "notice", "blue", ...
std::string_view to_string(Level level);

// The Chinese colour word used in messages: 蓝色, 黄色, 橙色, 红色 (提示 for notice).
std::string_view chinese_name(Level level);

// Parses an English level name; nullopt when it is not one.
std::optional<Level> parse_level(std::string_view name);

}  // namespace riskwarn
