#include "adapters/weather/warning_types.hpp"

#include <array>

#include "adapters/weather/response_text.hpp"

namespace riskwarn::weather {
namespace {

struct CodeEntry {
  std::string_view code;
  std::optional<Hazard> hazard;
};

// QWeather's event list (reference weather.md §3.3): the types of our hazards and the types
// near them that we deliberately leave as "other".
constexpr std::array<CodeEntry, 22> kQWeatherCodes{{
    {"1004", Hazard::snowstorm},   // 暴雪
    {"1005", Hazard::cold_wave},   // 寒潮
    {"1006", Hazard::gale},        // 大风
    {"1015", std::nullopt},        // 冰雹
    {"1016", std::nullopt},        // 霜冻
    {"1017", Hazard::fog},         // 大雾
    {"1019", std::nullopt},        // 霾
    {"1020", Hazard::gale},        // 雷雨大风
    {"1021", Hazard::road_icing},  // 道路结冰
    {"1027", Hazard::road_icing},  // 冰冻
    {"1030", Hazard::road_icing},  // 低温雨雪冰冻
    {"1033", Hazard::snowstorm},   // 大雪
    {"1039", Hazard::cold_wave},   // 强降温
    {"1040", Hazard::snowstorm},   // 雪灾
    {"1048", Hazard::cold_wave},   // 降温
    {"1050", std::nullopt},        // 严寒
    {"1053", std::nullopt},        // 海上大雾: marine, not the county's roads
    {"1056", std::nullopt},        // 低温
    {"1057", Hazard::road_icing},  // 道路冰雪
    {"1060", std::nullopt},        // 能见度不良: any cause, not fog as such
    {"1081", std::nullopt},        // 电线积冰: power lines
    {"1086", Hazard::road_icing},  // 低温凝冻
}};

// The type part of the 4-digit Chinese warning code.
constexpr std::array<CodeEntry, 5> kCnTypeCodes{{
    {"03", Hazard::snowstorm},
    {"04", Hazard::cold_wave},
    {"05", Hazard::gale},
    {"12", Hazard::fog},
    {"14", Hazard::road_icing},
}};

struct NameEntry {
  std::string_view name;
  std::optional<Hazard> hazard;
};

// Names looked for inside a text, in this order: a more specific name comes before a name it
// contains (海上大雾 before 大雾, 雷雨大风 before 大风).
constexpr std::array<NameEntry, 20> kChineseNames{{
    {"海上大雾", std::nullopt},
    {"电线积冰", std::nullopt},
    {"能见度不良", std::nullopt},
    {"道路结冰", Hazard::road_icing},
    {"道路冰雪", Hazard::road_icing},
    {"低温雨雪冰冻", Hazard::road_icing},
    {"低温凝冻", Hazard::road_icing},
    {"冰冻", Hazard::road_icing},
    {"雷雨大风", Hazard::gale},
    {"大风", Hazard::gale},
    {"暴雪", Hazard::snowstorm},
    {"大雪", Hazard::snowstorm},
    {"雪灾", Hazard::snowstorm},
    {"大雾", Hazard::fog},
    {"浓雾", Hazard::fog},
    {"寒潮", Hazard::cold_wave},
    {"强降温", Hazard::cold_wave},
    {"降温", Hazard::cold_wave},
    {"冰雹", std::nullopt},
    {"霜冻", std::nullopt},
}};

// English keywords (lower case) looked for inside a text, in this order.
constexpr std::array<NameEntry, 14> kEnglishNames{{
    {"marine fog", std::nullopt},
    {"wind chill", Hazard::cold_wave},
    {"cold wave", Hazard::cold_wave},
    {"black ice", Hazard::road_icing},
    {"icing", Hazard::road_icing},
    {"ice storm", Hazard::road_icing},
    {"freezing rain", Hazard::road_icing},
    {"blizzard", Hazard::snowstorm},
    {"snow", Hazard::snowstorm},
    {"winter storm", Hazard::snowstorm},
    {"fog", Hazard::fog},
    {"gale", Hazard::gale},
    {"wind", Hazard::gale},
    {"hail", std::nullopt},
}};

template <std::size_t N>
TypeLookup find_code(const std::array<CodeEntry, N>& table, std::string_view code) {
  for (const CodeEntry& entry : table) {
    if (entry.code == code)
      return {true, entry.hazard};
  }
  return {};
}

bool is_word_boundary(std::string_view text, std::size_t pos) {
  if (pos >= text.size())
    return true;
  const char c = text[pos];
  return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}

// True when keyword occurs in text at the start of a word, ignoring case: "snow" finds "Heavy
// Snowfall", "wind" does not find "Rewind".
bool contains_word_start(std::string_view text, std::string_view keyword) {
  for (std::size_t at = text::find_ignoring_case(text, keyword); at != std::string_view::npos;
       at = text::find_ignoring_case(text, keyword, at + 1)) {
    if (at == 0 || is_word_boundary(text, at - 1))
      return true;
  }
  return false;
}

}  // namespace

TypeLookup qweather_type(std::string_view code) {
  return find_code(kQWeatherCodes, text::trim(code));
}

TypeLookup cn_warning_code_type(std::string_view code) {
  code = text::trim(code);
  if (code.size() != 4)
    return {};
  return find_code(kCnTypeCodes, code.substr(0, 2));
}

TypeLookup type_named_in(std::string_view text) {
  for (const NameEntry& entry : kChineseNames) {
    if (text.find(entry.name) != std::string_view::npos)
      return {true, entry.hazard};
  }
  for (const NameEntry& entry : kEnglishNames) {
    if (contains_word_start(text, entry.name))
      return {true, entry.hazard};
  }
  return {};
}

}  // namespace riskwarn::weather
