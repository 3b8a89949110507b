#pragma once

// Plain records passed in and out of the store's typed operations (Database).

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "rules/level.hpp"
#include "rules/time.hpp"

namespace riskwarn::store {

// An alert that is open now: its identity (county, rule_id, instance), what it is about and
// its current level and window.
struct StoredAlert {
  std::int64_t id = 0;
  std::string county;
  std::string rule_id;
  std::string instance;
  std::string sector;
  std::string hazard;  // empty for calendar-only alerts
  Level level = Level::none;
  TimePoint start;
  TimePoint end;
  int misses = 0;  // consecutive cycles in which the trigger was absent
};

// What a cycle does to one alert.
enum class AlertWriteKind {
  raise,    // a new open alert
  update,   // the open alert's level, window, sector or hazard changed
  resolve,  // the open alert's trigger has been absent long enough
  expire,   // the open alert's window has passed
  miss,     // only the open alert's miss counter changes (including back to 0); not a change
};

// One alert write in a cycle. The open alert is found by (county, rule_id, instance).
// resolve and expire keep the alert's stored level and window; sector, hazard, level, start
// and end matter for raise and update only.
struct AlertWrite {
  AlertWriteKind kind = AlertWriteKind::raise;
  std::string county;
  std::string rule_id;
  std::string instance;
  std::string sector;
  std::string hazard;  // empty for calendar-only alerts
  Level level = Level::none;
  std::optional<Level> previous_level;  // for update; the stored level when not given
  TimePoint start;
  TimePoint end;
  int misses = 0;  // the new value of the miss counter
};

// One outbox row to queue with the change made by cycle.alerts[alert_index].
struct NotificationWrite {
  std::size_t alert_index = 0;
  std::string idempotency_id;  // from new_idempotency_id(); empty: the store makes one
  std::string county;
  std::string role;
  std::string department;
  std::string channel;
  std::string text;
  std::string payload_json;
};

// Everything one assessment cycle persists, committed in one transaction.
struct CycleWrite {
  std::vector<AlertWrite> alerts;
  std::vector<NotificationWrite> notifications;
};

// Plans more notifications once the cycle's alert rows exist (for payloads that carry alert
// ids): called inside the commit with the alert ids, index-aligned with CycleWrite::alerts.
using NotificationPlan =
    std::function<std::vector<NotificationWrite>(const std::vector<std::int64_t>& alert_ids)>;

// A queued outbox row: its row id and the idempotency id sent with every attempt.
struct QueuedNotification {
  std::int64_t id = 0;
  std::string idempotency_id;
};

// The rows commit_cycle created, index-aligned with the CycleWrite it was given.
struct CommitSummary {
  std::vector<std::int64_t> alert_ids;                  // one per AlertWrite
  std::vector<std::optional<std::int64_t>> change_ids;  // one per AlertWrite; none for a miss
  std::vector<QueuedNotification> notifications;        // one per NotificationWrite, planned last
};

// An outbox row that is due for a delivery attempt.
struct PendingNotification {
  std::int64_t id = 0;
  std::string idempotency_id;  // "ntf_" + 20 base32 characters; never contains '.'
  std::int64_t change_id = 0;
  std::int64_t alert_id = 0;
  std::string county;
  std::string role;
  std::string department;
  std::string channel;
  std::string text;
  std::string payload_json;
  int attempts = 0;  // attempts made so far
  TimePoint next_attempt_at;
  TimePoint created_at;
};

// The result of one delivery attempt, as recorded by record_attempt. Unless delivered, the
// notification becomes dead when dead is set and otherwise stays pending until
// next_attempt_at, which must then be given.
struct AttemptRecord {
  TimePoint at;
  std::string outcome;  // "delivered", "retryable" or "permanent"
  std::string detail;   // e.g. "HTTP 503: upstream busy"; never contains secrets
  std::optional<TimePoint> next_attempt_at;
  bool dead = false;
};

// Conditional-request and health state of one feed for one county.
struct FeedState {
  std::string feed;
  std::string county;
  std::optional<std::string> etag;
  std::optional<std::string> last_modified;
  std::optional<TimePoint> last_success_at;
  int consecutive_failures = 0;
  std::optional<std::string> last_error;
};

// One row of the append-only audit log. detail is a JSON object.
struct AuditRow {
  std::int64_t id = 0;
  TimePoint at;
  std::string kind;
  std::string subject;
  std::string detail;
};

}  // namespace riskwarn::store
