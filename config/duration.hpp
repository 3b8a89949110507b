#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace riskwarn::config {

// Parses a duration string made of hour, minute and second parts in that order, each at most
// once: "90s", "10m", "1h", "1h30m", "2m30s". Nullopt for anything else (signs, spaces, "1.5h").
std::optional<std::chrono::seconds> parse_duration(std::string_view text);

// Formats a duration in the same notation, largest units first: 5400s -> "1h30m", 0s -> "0s".
std::string format_duration(std::chrono::seconds duration);

}  // namespace riskwarn::config
