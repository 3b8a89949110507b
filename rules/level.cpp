#include "rules/level.hpp"

#include <array>
#include <utility>

namespace riskwarn {
namespace {
constexpr std::array<std::pair<Level, std::string_view>, 6> kNames{{
    {Level::none, "none"},
    {Level::notice, "notice"},
    {Level::blue, "blue"},
    {Level::yellow, "yellow"},
    {Level::orange, "orange"},
    {Level::red, "red"},
}};
}  // namespace

std::string_view to_string(Level level) {
  for (const auto& [value, name] : kNames) {
    if (value == level)
      return name;
  }
  return "none";
}

std::string_view chinese_name(Level level) {
  switch (level) {
    case Level::notice:
      return "提示";
    case Level::blue:
      return "蓝色";
    case Level::yellow:
      return "黄色";
    case Level::orange:
      return "橙色";
    case Level::red:
      return "红色";
    case Level::none:
      break;
  }
  return "无";
}

std::optional<Level> parse_level(std::string_view name) {
  for (const auto& [value, text] : kNames) {
    if (text == name)
      return value;
  }
  return std::nullopt;
}

}  // namespace riskwarn
