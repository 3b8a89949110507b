#pragma once

#include <optional>
#include <string>

#include "rules/hazard.hpp"
#include "rules/level.hpp"
#include "rules/time.hpp"

namespace riskwarn {

// A warning issued by a meteorological authority (QWeather's feed of CMA signals, or a CAP 1.2
// message) as it applies to one county. Parsers keep every warning they read: one of a kind
// riskwarn does not model has no hazard and is still shown and logged as "other".
struct OfficialWarning {
  std::string id;                // the issuer's id: QWeather warning id, or the CAP identifier
  std::string sender;            // the issuing office, e.g. 郑州市气象台; may be empty
  std::optional<Hazard> hazard;  // nullopt = a kind we do not model: "other"
  std::string type_name;         // the issuer's name of the kind: 大雾, 雷电, Fog, ...
  Level level = Level::none;     // blue..red; blue when the issuer gave no usable level
  TimePoint start{};             // when the hazardous period begins (or the warning took effect)
  std::optional<TimePoint> end;  // when the warning expires; nullopt = until cancelled
  std::string headline;  // the title, e.g. 郑州市气象台发布大雾橙色预警[Ⅱ级/严重]
  std::string source_format;  // "qweather" | "cap"
  std::string type_code;      // the issuer's code of the kind: QWeather 1017, CAP eventCode
  TimePoint issued{};         // when the issuer published it (QWeather pubTime, CAP sent)

  friend bool operator==(const OfficialWarning&, const OfficialWarning&) = default;
};

// True when the warning is in force at `now`: not past its end (start may lie ahead, since a
// warning announces a coming hazard).
inline bool in_force(const OfficialWarning& warning, TimePoint now) {
  return !warning.end || now < *warning.end;
}

}  // namespace riskwarn
