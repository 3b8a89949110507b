#include "adapters/notify/webhook_payload.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "riskwarn/version.hpp"

namespace riskwarn::notify {
namespace {

using Json = nlohmann::ordered_json;

// Lower is more urgent: the order in which a document's type is chosen.
int urgency(AlertChange change) {
  switch (change) {
    case AlertChange::raised:
      return 0;
    case AlertChange::updated:
      return 1;
    case AlertChange::resolved:
      return 2;
  }
  return 1;
}

Json alert_json(const PayloadAlert& alert, std::chrono::seconds utc_offset) {
  Json json;
  json["alert_id"] = alert.alert_id;
  json["change"] = to_string(alert.change);
  json["rule"] = alert.rule;
  json["sector"] = alert.sector;
  json["hazard"] = alert.hazard ? Json(to_string(*alert.hazard)) : Json(nullptr);
  json["level"] = to_string(alert.level);
  json["level_zh"] = chinese_name(alert.level);
  json["title"] = alert.title;
  json["start"] = format_local_minutes(alert.start, utc_offset);
  json["end"] = format_local_minutes(alert.end, utc_offset);
  json["actions"] = alert.actions;
  return json;
}

}  // namespace

std::string_view to_string(AlertChange change) {
  switch (change) {
    case AlertChange::raised:
      return "raised";
    case AlertChange::updated:
      return "updated";
    case AlertChange::resolved:
      return "resolved";
  }
  return "updated";
}

std::string event_type(const AlertDocument& document) {
  const auto most_urgent = std::min_element(document.alerts.begin(), document.alerts.end(),
                                            [](const PayloadAlert& a, const PayloadAlert& b) {
                                              return urgency(a.change) < urgency(b.change);
                                            });
  const AlertChange change =
      most_urgent == document.alerts.end() ? AlertChange::updated : most_urgent->change;
  return "alert." + std::string(to_string(change));
}

std::string build_alert_payload(const AlertDocument& document) {
  Json json;
  json["schema"] = kAlertSchema;
  json["type"] = event_type(document);
  json["id"] = document.id;
  json["sent_at"] = format_utc(document.sent_at);
  json["generator"] = std::string("riskwarn/") + kVersion;
  json["county"] = {{"code", document.county_code}, {"name", document.county_name}};
  json["department"] = {{"role", document.role}, {"name", document.department}};
  json["alerts"] = Json::array();
  for (const auto& alert : document.alerts)
    json["alerts"].push_back(alert_json(alert, document.utc_offset));
  json["text"] = document.text;
  json["ack_url"] = document.ack_url.empty() ? Json(nullptr) : Json(document.ack_url);
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace riskwarn::notify
