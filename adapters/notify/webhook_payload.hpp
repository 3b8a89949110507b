#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/hazard.hpp"
#include "rules/level.hpp"
#include "rules/time.hpp"

// The JSON document riskwarn sends to plain webhooks: schema "riskwarn.alert.v1".
//
// One document per department per cycle, listing every alert of that department that changed
// in the cycle. It is the exact request body, signed per Standard Webhooks (webhook-id,
// webhook-timestamp, webhook-signature headers). UTF-8, compact, keys in this order:
//
//   {
//     "schema": "riskwarn.alert.v1",
//     "type": "alert.raised" | "alert.updated" | "alert.resolved",
//                      the most urgent change listed: raised > updated > resolved
//     "id": "...",     idempotency id, equal to the webhook-id header; the same on every retry
//     "sent_at": "2025-12-30T20:00:00Z",   when the document was made (UTC); the time of each
//                      attempt is the webhook-timestamp header
//     "generator": "riskwarn/0.1.0",
//     "county": {"code": "410102", "name": "中原区"},
//     "department": {"role": "traffic_police", "name": "县公安局交警大队"},
//     "alerts": [{
//       "alert_id": "...",            stable for the life of the alert (raise, updates, resolve)
//       "change": "raised" | "updated" | "resolved",
//       "rule": "road_traffic.fog",
//       "sector": "road_traffic",
//       "hazard": "fog",              fog | snowstorm | road_icing | gale | cold_wave | null
//       "level": "orange",            notice | blue | yellow | orange | red
//       "level_zh": "橙色",
//       "title": "大雾橙色预警",
//       "start": "2025-12-31T04:00+08:00",   county local time with offset, first hour
//       "end": "2025-12-31T09:00+08:00",     last hour (inclusive)
//       "actions": ["..."]            what the department is asked to do, in Chinese
//     }],
//     "text": "...",   the human-readable message (Chinese), as sent to SMS and robots
//     "ack_url": "https://..." | null      acknowledgement link, null when not configured
//   }
//
// Versioning: fields may be added within v1, so receivers must ignore unknown fields; removing
// or changing the meaning of a field makes a new schema name.
namespace riskwarn::notify {

// How an alert changed in the cycle a document reports.
enum class AlertChange { raised, updated, resolved };

// One alert as listed in a document.
struct PayloadAlert {
  std::string alert_id;
  AlertChange change = AlertChange::raised;
  std::string rule;
  std::string sector;
  std::optional<Hazard> hazard;  // none for a calendar-only alert ("hazard": null)
  Level level = Level::yellow;
  std::string title;  // the alert's Chinese title, as the text says it (rules/messages)
  TimePoint start;
  TimePoint end;
  std::vector<std::string> actions;
};

// Everything one document says to one department.
struct AlertDocument {
  std::string id;
  TimePoint sent_at;
  std::string county_code;
  std::string county_name;
  std::chrono::seconds utc_offset{8 * 3600};  // the county's offset, for start and end
  std::string role;
  std::string department;
  std::vector<PayloadAlert> alerts;
  std::string text;
  std::string ack_url;  // empty when ack links are not configured
};

// The schema name every document carries.
inline constexpr std::string_view kAlertSchema = "riskwarn.alert.v1";

// "raised", "updated" or "resolved".
std::string_view to_string(AlertChange change);

// The document's "type": "alert." + the most urgent change among its alerts (raised before
// updated before resolved); "alert.updated" for a document without alerts.
std::string event_type(const AlertDocument& document);

// The compact UTF-8 JSON document described above. Never throws on malformed UTF-8 in the
// inputs: invalid sequences become U+FFFD.
std::string build_alert_payload(const AlertDocument& document);

}  // namespace riskwarn::notify
