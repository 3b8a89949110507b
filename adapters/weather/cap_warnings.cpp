#include "adapters/weather/cap.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <string>

#include "adapters/weather/response_text.hpp"
#include "adapters/weather/warning_levels.hpp"
#include "adapters/weather/warning_types.hpp"

namespace riskwarn::weather {
namespace {

// Parameter names that carry the warning colour (ours, and MeteoAlarm's awareness_level).
constexpr std::array<std::string_view, 5> kColourParameters{"warning_color", "warning_colour",
                                                            "color", "colour", "awareness_level"};

bool is_digits(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// True when a GB/T 2260 geocode covers the county: the county itself, its prefecture (nnnn00)
// or its province (nn0000).
bool geocode_covers(std::string_view code, std::string_view county) {
  code = text::trim(code);
  if (code == county)
    return true;
  if (code.size() != 6 || county.size() != 6 || !is_digits(code))
    return false;
  if (code.ends_with("0000"))
    return code.substr(0, 2) == county.substr(0, 2);
  return code.ends_with("00") && code.substr(0, 4) == county.substr(0, 4);
}

bool area_matches(const CapArea& area, std::string_view county, GeoPoint point) {
  return std::any_of(area.geocodes.begin(), area.geocodes.end(),
                     [county](const CapValue& g) { return geocode_covers(g.value, county); }) ||
         std::any_of(area.polygons.begin(), area.polygons.end(),
                     [point](const GeoPolygon& p) { return contains(p, point); }) ||
         std::any_of(area.circles.begin(), area.circles.end(),
                     [point](const GeoCircle& c) { return contains(c, point); });
}

bool is_chinese(const CapInfo& info) {
  return text::find_ignoring_case(info.language, "zh") == 0;
}

// The infos to read: the Chinese ones when there are any, else those in the first language.
std::vector<const CapInfo*> preferred_language(const std::vector<CapInfo>& infos) {
  std::vector<const CapInfo*> out;
  const bool any_chinese = std::any_of(infos.begin(), infos.end(), is_chinese);
  for (const CapInfo& info : infos) {
    if (any_chinese ? is_chinese(info)
                    : text::equals_ignoring_case(info.language, infos.front().language)) {
      out.push_back(&info);
    }
  }
  return out;
}

std::optional<Hazard> hazard_of(const CapInfo& info) {
  std::vector<TypeLookup> clues;
  for (const CapValue& code : info.event_codes) {
    if (text::find_ignoring_case(code.name, "cn") != std::string_view::npos)
      clues.push_back(cn_warning_code_type(code.value));
  }
  clues.push_back(type_named_in(info.event));
  for (const CapValue& parameter : info.parameters) {
    if (text::equals_ignoring_case(parameter.name, "awareness_type"))
      clues.push_back(type_named_in(parameter.value));
  }
  clues.push_back(type_named_in(info.headline));
  for (const TypeLookup& clue : clues) {
    if (clue.known)
      return clue.hazard;
  }
  return std::nullopt;
}

Level level_of(const CapInfo& info) {
  for (const CapValue& parameter : info.parameters) {
    const bool colour_parameter = std::any_of(
        kColourParameters.begin(), kColourParameters.end(), [&parameter](std::string_view name) {
          return text::equals_ignoring_case(parameter.name, name);
        });
    if (colour_parameter) {
      if (const auto level = level_of_colour_parameter(parameter.value))
        return *level;
    }
  }
  if (const auto level = level_of_severity(info.severity))
    return *level;
  return level_in_title(info.headline).value_or(Level::blue);
}

OfficialWarning to_warning(const CapAlert& alert, const CapInfo& info, std::size_t ordinal) {
  OfficialWarning w;
  w.id = ordinal == 0 ? alert.identifier : alert.identifier + "#" + std::to_string(ordinal + 1);
  w.sender = info.sender_name.empty() ? alert.sender : info.sender_name;
  w.hazard = hazard_of(info);
  w.type_name = info.event;
  w.type_code = info.event_codes.empty() ? std::string{} : info.event_codes.front().value;
  w.level = level_of(info);
  w.start = info.onset.value_or(info.effective.value_or(alert.sent));
  w.end = info.expires;
  w.issued = alert.sent;
  w.headline = info.headline.empty() ? info.event : info.headline;
  w.source_format = "cap";
  return w;
}

}  // namespace

std::vector<OfficialWarning> cap_warnings_for(const std::vector<CapAlert>& chain,
                                              std::string_view county_code, double lat, double lon,
                                              TimePoint now) {
  std::set<CapKey> seen;
  std::vector<const CapAlert*> messages;
  for (const CapAlert& alert : chain) {
    if (alert.status == CapStatus::actual && seen.insert(alert.key()).second)
      messages.push_back(&alert);
  }
  std::set<CapKey> retired;
  for (const CapAlert* alert : messages) {
    if (alert->msg_type == CapMsgType::update || alert->msg_type == CapMsgType::cancel)
      retired.insert(alert->references.begin(), alert->references.end());
  }

  const GeoPoint point{lat, lon};
  std::vector<OfficialWarning> warnings;
  for (const CapAlert* alert : messages) {
    const bool announces =
        alert->msg_type == CapMsgType::alert || alert->msg_type == CapMsgType::update;
    if (!announces || retired.contains(alert->key()) || alert->infos.empty())
      continue;
    std::size_t ordinal = 0;
    for (const CapInfo* info : preferred_language(alert->infos)) {
      const bool expired = info->expires && *info->expires <= now;
      const bool here = std::any_of(info->areas.begin(), info->areas.end(), [&](const CapArea& a) {
        return area_matches(a, county_code, point);
      });
      if (!expired && here)
        warnings.push_back(to_warning(*alert, *info, ordinal++));
    }
  }
  return warnings;
}

}  // namespace riskwarn::weather
