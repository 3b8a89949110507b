#include "adapters/weather/warning_levels.hpp"

#include <array>

#include "adapters/weather/response_text.hpp"

namespace riskwarn::weather {
namespace {

struct Word {
  std::string_view word;
  Level level;
};

constexpr std::array<Word, 13> kColours{{
    {"blue", Level::blue},
    {"yellow", Level::yellow},
    {"orange", Level::orange},
    {"red", Level::red},
    {"black", Level::red},
    {"蓝色", Level::blue},
    {"黄色", Level::yellow},
    {"橙色", Level::orange},
    {"红色", Level::red},
    {"蓝", Level::blue},
    {"黄", Level::yellow},
    {"橙", Level::orange},
    {"红", Level::red},
}};

constexpr std::array<Word, 5> kSeverities{{
    {"minor", Level::blue},
    {"moderate", Level::yellow},
    {"major", Level::orange},
    {"severe", Level::orange},
    {"extreme", Level::red},
}};

// Title patterns: the colour word before 预警, and the roman grade of [Ⅱ级/严重].
constexpr std::array<Word, 8> kTitlePatterns{{
    {"蓝色预警", Level::blue},
    {"黄色预警", Level::yellow},
    {"橙色预警", Level::orange},
    {"红色预警", Level::red},
    {"Ⅳ级", Level::blue},
    {"Ⅲ级", Level::yellow},
    {"Ⅱ级", Level::orange},
    {"Ⅰ级", Level::red},
}};

// English colour words that end a headline, such as "Strong Wind Warning - Orange".
constexpr std::array<Word, 4> kTitleColourSuffixes{{
    {"- blue", Level::blue},
    {"- yellow", Level::yellow},
    {"- orange", Level::orange},
    {"- red", Level::red},
}};

template <std::size_t N>
std::optional<Level> exact(const std::array<Word, N>& words, std::string_view text) {
  text = text::trim(text);
  for (const Word& w : words) {
    if (text::equals_ignoring_case(text, w.word))
      return w.level;
  }
  return std::nullopt;
}

bool ends_with_ignoring_case(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         text::equals_ignoring_case(text.substr(text.size() - suffix.size()), suffix);
}

}  // namespace

std::optional<Level> level_of_colour(std::string_view colour) {
  return exact(kColours, colour);
}

std::optional<Level> level_of_severity(std::string_view severity) {
  return exact(kSeverities, severity);
}

std::optional<Level> level_in_title(std::string_view title) {
  for (const Word& pattern : kTitlePatterns) {
    if (title.find(pattern.word) != std::string_view::npos)
      return pattern.level;
  }
  const std::string_view trimmed = text::trim(title);
  for (const Word& suffix : kTitleColourSuffixes) {
    if (ends_with_ignoring_case(trimmed, suffix.word))
      return suffix.level;
  }
  return std::nullopt;
}

std::optional<Level> level_of_colour_parameter(std::string_view value) {
  // "3; orange; Severe": the colour is one of the ';'-separated fields.
  while (!value.empty()) {
    const std::size_t end = value.find(';');
    if (const auto level = level_of_colour(value.substr(0, end)))
      return level;
    if (end == std::string_view::npos)
      break;
    value.remove_prefix(end + 1);
  }
  return std::nullopt;
}

}  // namespace riskwarn::weather
