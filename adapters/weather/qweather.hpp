#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rules/assess/official_warning.hpp"
#include "rules/result.hpp"

namespace riskwarn::weather {

// What a QWeather warning request answered.
struct QWeatherReply {
  // The warnings in the reply that are not cancelled or superseded by another in the same reply,
  // each with its end set: endTime (v1 expireTime), else 24 h after its start, QWeather's rule.
  std::vector<OfficialWarning> warnings;
  // v7 code "204": QWeather has no warning data for this area. Unlike an empty list this says
  // nothing about whether warnings are in force; callers keep the previous state.
  bool no_data = false;
  // Ids this reply retires: cancelled warnings (v7 status "cancel", v1 messageType "cancel" and
  // what it supersedes) and warnings superseded by another (v7 related, v1 supersedes).
  std::vector<std::string> retired_ids;
};

// Parses the body of a QWeather warning response, detecting its shape: GET /v7/warning/now
// ({"code":"200","warning":[...]}) or GET /weatheralert/v1/current/{lat}/{lon}
// ({"metadata":{...},"alerts":[...]}). Type codes map to hazards (unknown types are kept with
// no hazard), severityColor (v1 color.code) to levels, falling back to severity, then to the
// title, then to blue. A v7 error code, a v2 {"error":{...}} body, an HTML page, an empty body
// or malformed JSON gives an Error that says what the code means and whether retrying helps.
Result<QWeatherReply> parse_qweather(std::string_view body);

}  // namespace riskwarn::weather
