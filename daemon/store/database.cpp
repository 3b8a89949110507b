#include "daemon/store/database.hpp"

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>
#include <utility>

#include "daemon/store/idempotency.hpp"
#include "daemon/store/migrations.hpp"

namespace riskwarn::store {

namespace {

using Json = nlohmann::json;

std::int64_t unix_seconds(TimePoint t) {
  return t.time_since_epoch().count();
}

TimePoint from_unix_seconds(std::int64_t seconds) {
  return TimePoint{std::chrono::seconds{seconds}};
}

std::optional<std::int64_t> unix_seconds(const std::optional<TimePoint>& t) {
  if (!t) {
    return std::nullopt;
  }
  return unix_seconds(*t);
}

std::optional<TimePoint> from_unix_seconds(const std::optional<std::int64_t>& seconds) {
  if (!seconds) {
    return std::nullopt;
  }
  return from_unix_seconds(*seconds);
}

// Empty strings are stored as NULL (an alert without a hazard).
std::optional<std::string_view> null_if_empty(const std::string& text) {
  if (text.empty()) {
    return std::nullopt;
  }
  return text;
}

std::optional<std::string_view> level_name(const std::optional<Level>& level) {
  if (!level) {
    return std::nullopt;
  }
  return to_string(*level);
}

Level stored_level(const std::string& text, std::int64_t alert_id) {
  const std::optional<Level> level = parse_level(text);
  if (!level) {
    throw std::runtime_error("alert " + std::to_string(alert_id) + " has an unknown level '" +
                             text + "'");
  }
  return *level;
}

bool known_outcome(std::string_view outcome) {
  return outcome == "delivered" || outcome == "retryable" || outcome == "permanent";
}

std::string describe_key(const AlertWrite& write) {
  return write.county + "/" + write.rule_id + "/" + write.instance;
}

std::string alert_subject(std::int64_t alert_id) {
  return "alert:" + std::to_string(alert_id);
}

std::string notification_subject(std::string_view idempotency_id) {
  return "notification:" + std::string(idempotency_id);
}

std::string dump(const Json& json) {
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

void configure(Connection& connection) {
  connection.exec("PRAGMA busy_timeout = 5000");
  {
    Statement statement(connection, "PRAGMA journal_mode = WAL");
    auto query = statement.query();
    const std::string mode = query.step() ? query.text(0) : std::string();
    if (mode != "wal") {
      throw std::runtime_error("cannot switch to WAL journal mode (it stays '" + mode + "')");
    }
  }
  connection.exec("PRAGMA synchronous = FULL");
  connection.exec("PRAGMA foreign_keys = ON");
}

void check_integrity(Connection& connection, const std::filesystem::path& path) {
  Statement statement(connection, "PRAGMA quick_check");
  auto query = statement.query();
  std::string problems;
  while (query.step()) {
    const std::string row = query.text(0);
    if (row == "ok") {
      return;
    }
    problems += problems.empty() ? row : "; " + row;
  }
  throw std::runtime_error("database " + path.string() + " failed PRAGMA quick_check (" + problems +
                           "); restore it from a backup, keeping its -wal and -shm files with it");
}

}  // namespace

struct Database::OpenAlertRow {
  std::int64_t id;
  std::string sector;
  std::string hazard;
  Level level;
  TimePoint start;
  TimePoint end;
};

std::unique_ptr<Database> Database::open(const std::filesystem::path& path) {
  try {
    Connection connection(path);
    configure(connection);
    check_integrity(connection, path);
    const int version = migrate(connection, path);
    return std::unique_ptr<Database>(new Database(std::move(connection), version));
  } catch (const SqliteError& e) {
    throw std::runtime_error("database " + path.string() + ": " + e.what());
  }
}

Database::Database(Connection connection, int schema_version)
    : connection_(std::move(connection)),
      schema_version_(schema_version),
      select_open_alerts_(connection_,
                          "SELECT id, county, rule_id, instance, sector, hazard, level, start_at, "
                          "end_at, misses FROM alerts WHERE state = 'open' ORDER BY id"),
      select_open_alert_by_key_(connection_,
                                "SELECT id, sector, hazard, level, start_at, end_at FROM alerts "
                                "WHERE county = ?1 AND rule_id = ?2 AND instance = ?3 "
                                "AND state = 'open'"),
      insert_alert_(connection_,
                    "INSERT INTO alerts (county, rule_id, instance, sector, hazard, level, "
                    "start_at, end_at, state, misses, raised_at, updated_at) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'open', ?9, ?10, ?10)"),
      update_alert_(connection_,
                    "UPDATE alerts SET sector = ?2, hazard = ?3, level = ?4, start_at = ?5, "
                    "end_at = ?6, misses = ?7, updated_at = ?8 WHERE id = ?1"),
      close_alert_(connection_,
                   "UPDATE alerts SET state = ?2, misses = ?3, updated_at = ?4, resolved_at = ?4 "
                   "WHERE id = ?1"),
      update_alert_misses_(connection_, "UPDATE alerts SET misses = ?2 WHERE id = ?1"),
      insert_change_(connection_,
                     "INSERT INTO alert_changes (alert_id, kind, level, previous_level, start_at, "
                     "end_at, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"),
      insert_notification_(connection_,
                           "INSERT INTO notifications (idempotency_id, change_id, county, role, "
                           "department, channel, text, payload_json, state, attempts, "
                           "next_attempt_at, created_at) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'pending', 0, ?9, ?9)"),
      select_due_(connection_,
                  "SELECT n.id, n.idempotency_id, n.change_id, c.alert_id, n.county, n.role, "
                  "n.department, n.channel, n.text, n.payload_json, n.attempts, "
                  "n.next_attempt_at, n.created_at "
                  "FROM notifications AS n JOIN alert_changes AS c ON c.id = n.change_id "
                  "WHERE n.state = 'pending' AND n.next_attempt_at <= ?1 "
                  "ORDER BY n.next_attempt_at, n.id LIMIT ?2"),
      select_notification_for_attempt_(
          connection_, "SELECT idempotency_id, state, attempts FROM notifications WHERE id = ?1"),
      insert_attempt_(connection_,
                      "INSERT INTO delivery_attempts (notification_id, attempt, at, outcome, "
                      "detail) VALUES (?1, ?2, ?3, ?4, ?5)"),
      update_notification_(connection_,
                           "UPDATE notifications SET state = ?2, attempts = ?3, "
                           "next_attempt_at = ?4, last_error = coalesce(?5, last_error), "
                           "delivered_at = ?6 WHERE id = ?1"),
      select_next_due_(connection_,
                       "SELECT min(next_attempt_at) FROM notifications WHERE state = 'pending'"),
      count_pending_(connection_, "SELECT count(*) FROM notifications WHERE state = 'pending'"),
      select_one_(connection_, "SELECT 1"),
      select_feed_state_(connection_,
                         "SELECT etag, last_modified, last_success_at, consecutive_failures, "
                         "last_error FROM feed_state WHERE feed = ?1 AND county = ?2"),
      upsert_feed_state_(connection_,
                         "INSERT INTO feed_state (feed, county, etag, last_modified, "
                         "last_success_at, consecutive_failures, last_error) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                         "ON CONFLICT (feed, county) DO UPDATE SET etag = excluded.etag, "
                         "last_modified = excluded.last_modified, "
                         "last_success_at = excluded.last_success_at, "
                         "consecutive_failures = excluded.consecutive_failures, "
                         "last_error = excluded.last_error"),
      insert_audit_(connection_,
                    "INSERT INTO audit_log (at, kind, subject, detail) VALUES (?1, ?2, ?3, ?4)"),
      select_audit_(connection_,
                    "SELECT id, at, kind, subject, detail FROM audit_log ORDER BY id") {}

std::vector<StoredAlert> Database::open_alerts() {
  std::vector<StoredAlert> alerts;
  auto query = select_open_alerts_.query();
  while (query.step()) {
    StoredAlert& alert = alerts.emplace_back();
    alert.id = query.int64(0);
    alert.county = query.text(1);
    alert.rule_id = query.text(2);
    alert.instance = query.text(3);
    alert.sector = query.text(4);
    alert.hazard = query.text(5);
    alert.level = stored_level(query.text(6), alert.id);
    alert.start = from_unix_seconds(query.int64(7));
    alert.end = from_unix_seconds(query.int64(8));
    alert.misses = static_cast<int>(query.int64(9));
  }
  return alerts;
}

CommitSummary Database::commit_cycle(const CycleWrite& cycle, TimePoint now,
                                     const NotificationPlan& plan) {
  CommitSummary summary;
  Transaction transaction(connection_);
  for (const AlertWrite& write : cycle.alerts) {
    const AppliedWrite applied = apply_alert_write(write, now);
    summary.alert_ids.push_back(applied.alert_id);
    summary.change_ids.push_back(applied.change_id);
  }
  for (const NotificationWrite& write : cycle.notifications) {
    summary.notifications.push_back(queue_notification(write, cycle, summary, now));
  }
  if (plan) {
    for (const NotificationWrite& write : plan(summary.alert_ids)) {
      summary.notifications.push_back(queue_notification(write, cycle, summary, now));
    }
  }
  transaction.commit();
  return summary;
}

QueuedNotification Database::queue_notification(const NotificationWrite& write,
                                                const CycleWrite& cycle,
                                                const CommitSummary& summary, TimePoint now) {
  if (write.alert_index >= cycle.alerts.size()) {
    throw std::invalid_argument("notification for " + write.county + "/" + write.role +
                                " refers to alert write " + std::to_string(write.alert_index) +
                                " of " + std::to_string(cycle.alerts.size()));
  }
  const std::optional<std::int64_t>& change_id = summary.change_ids[write.alert_index];
  if (!change_id) {
    throw std::invalid_argument("notification for " + write.county + "/" + write.role +
                                " refers to alert write " + std::to_string(write.alert_index) +
                                ", a miss, which changes nothing to notify about");
  }
  std::string idempotency_id =
      write.idempotency_id.empty() ? new_idempotency_id() : write.idempotency_id;
  insert_notification_
      .query(idempotency_id, *change_id, write.county, write.role, write.department, write.channel,
             write.text, write.payload_json, unix_seconds(now))
      .run();
  const std::int64_t id = connection_.last_insert_rowid();
  append_audit(now, "notification.queued", notification_subject(idempotency_id),
               dump({{"alert_id", summary.alert_ids[write.alert_index]},
                     {"change_id", *change_id},
                     {"county", write.county},
                     {"role", write.role},
                     {"department", write.department},
                     {"channel", write.channel}}));
  return {id, std::move(idempotency_id)};
}

Database::OpenAlertRow Database::require_open_alert(const AlertWrite& write) {
  auto query = select_open_alert_by_key_.query(write.county, write.rule_id, write.instance);
  if (!query.step()) {
    throw std::invalid_argument("no open alert " + describe_key(write));
  }
  const std::int64_t id = query.int64(0);
  return {id,
          query.text(1),
          query.text(2),
          stored_level(query.text(3), id),
          from_unix_seconds(query.int64(4)),
          from_unix_seconds(query.int64(5))};
}

Database::AppliedWrite Database::apply_alert_write(const AlertWrite& write, TimePoint now) {
  const bool sets_level =
      write.kind == AlertWriteKind::raise || write.kind == AlertWriteKind::update;
  if (sets_level && write.level == Level::none) {
    throw std::invalid_argument("alert " + describe_key(write) + " written with level none");
  }
  Json detail = {
      {"county", write.county}, {"rule_id", write.rule_id}, {"instance", write.instance}};
  switch (write.kind) {
    case AlertWriteKind::raise: {
      insert_alert_
          .query(write.county, write.rule_id, write.instance, write.sector,
                 null_if_empty(write.hazard), to_string(write.level), unix_seconds(write.start),
                 unix_seconds(write.end), write.misses, unix_seconds(now))
          .run();
      const std::int64_t id = connection_.last_insert_rowid();
      const std::int64_t change =
          insert_change(id, "raise", write.level, std::nullopt, write.start, write.end, now);
      detail.update({{"sector", write.sector},
                     {"hazard", write.hazard},
                     {"level", to_string(write.level)},
                     {"start", format_utc(write.start)},
                     {"end", format_utc(write.end)}});
      append_audit(now, "alert.raise", alert_subject(id), dump(detail));
      return {id, change};
    }
    case AlertWriteKind::update: {
      const OpenAlertRow row = require_open_alert(write);
      const Level previous = write.previous_level.value_or(row.level);
      update_alert_
          .query(row.id, write.sector, null_if_empty(write.hazard), to_string(write.level),
                 unix_seconds(write.start), unix_seconds(write.end), write.misses,
                 unix_seconds(now))
          .run();
      const std::int64_t change =
          insert_change(row.id, "update", write.level, previous, write.start, write.end, now);
      detail.update({{"sector", write.sector},
                     {"hazard", write.hazard},
                     {"level", to_string(write.level)},
                     {"previous_level", to_string(previous)},
                     {"start", format_utc(write.start)},
                     {"end", format_utc(write.end)}});
      append_audit(now, "alert.update", alert_subject(row.id), dump(detail));
      return {row.id, change};
    }
    case AlertWriteKind::resolve:
    case AlertWriteKind::expire: {
      const bool resolve = write.kind == AlertWriteKind::resolve;
      const OpenAlertRow row = require_open_alert(write);
      close_alert_.query(row.id, resolve ? "resolved" : "expired", write.misses, unix_seconds(now))
          .run();
      const std::string_view kind = resolve ? "resolve" : "expire";
      const std::int64_t change =
          insert_change(row.id, kind, row.level, std::nullopt, row.start, row.end, now);
      detail.update({{"sector", row.sector},
                     {"hazard", row.hazard},
                     {"level", to_string(row.level)},
                     {"start", format_utc(row.start)},
                     {"end", format_utc(row.end)},
                     {"misses", write.misses}});
      append_audit(now, "alert." + std::string(kind), alert_subject(row.id), dump(detail));
      return {row.id, change};
    }
    case AlertWriteKind::miss: {
      const OpenAlertRow row = require_open_alert(write);
      update_alert_misses_.query(row.id, write.misses).run();
      return {row.id, std::nullopt};
    }
  }
  throw std::invalid_argument("unknown alert write kind for " + describe_key(write));
}

std::int64_t Database::insert_change(std::int64_t alert_id, std::string_view kind, Level level,
                                     std::optional<Level> previous_level, TimePoint start,
                                     TimePoint end, TimePoint at) {
  insert_change_
      .query(alert_id, kind, to_string(level), level_name(previous_level), unix_seconds(start),
             unix_seconds(end), unix_seconds(at))
      .run();
  return connection_.last_insert_rowid();
}

void Database::append_audit(TimePoint at, std::string_view kind, std::string_view subject,
                            std::string_view detail) {
  insert_audit_.query(unix_seconds(at), kind, subject, detail).run();
}

std::vector<PendingNotification> Database::due_notifications(TimePoint now, int limit) {
  std::vector<PendingNotification> due;
  auto query = select_due_.query(unix_seconds(now), limit);
  while (query.step()) {
    PendingNotification& n = due.emplace_back();
    n.id = query.int64(0);
    n.idempotency_id = query.text(1);
    n.change_id = query.int64(2);
    n.alert_id = query.int64(3);
    n.county = query.text(4);
    n.role = query.text(5);
    n.department = query.text(6);
    n.channel = query.text(7);
    n.text = query.text(8);
    n.payload_json = query.text(9);
    n.attempts = static_cast<int>(query.int64(10));
    n.next_attempt_at = from_unix_seconds(query.int64(11));
    n.created_at = from_unix_seconds(query.int64(12));
  }
  return due;
}

void Database::record_attempt(std::int64_t notification_id, const AttemptRecord& attempt) {
  if (!known_outcome(attempt.outcome)) {
    throw std::invalid_argument("unknown delivery outcome '" + attempt.outcome +
                                "'; expected delivered, retryable or permanent");
  }
  const bool delivered = attempt.outcome == "delivered";
  const bool dead = !delivered && attempt.dead;
  if (!delivered && !dead && !attempt.next_attempt_at) {
    throw std::invalid_argument("a failed attempt of notification " +
                                std::to_string(notification_id) +
                                " that is not dead needs next_attempt_at");
  }
  Transaction transaction(connection_);
  std::string idempotency_id;
  int attempts = 0;
  {
    auto query = select_notification_for_attempt_.query(notification_id);
    if (!query.step()) {
      throw std::invalid_argument("no notification " + std::to_string(notification_id));
    }
    idempotency_id = query.text(0);
    const std::string state = query.text(1);
    if (state != "pending") {
      throw std::invalid_argument("notification " + idempotency_id + " is " + state +
                                  ", not pending");
    }
    attempts = static_cast<int>(query.int64(2));
  }
  const int number = attempts + 1;
  insert_attempt_
      .query(notification_id, number, unix_seconds(attempt.at), attempt.outcome, attempt.detail)
      .run();

  const std::string_view state = delivered ? "delivered" : dead ? "dead" : "pending";
  std::optional<TimePoint> next;
  if (!delivered && !dead)
    next = attempt.next_attempt_at;
  const std::optional<std::string_view> error =
      delivered ? std::nullopt : std::optional<std::string_view>(attempt.detail);
  const std::optional<TimePoint> delivered_at =
      delivered ? std::optional<TimePoint>(attempt.at) : std::nullopt;
  update_notification_
      .query(notification_id, state, number, unix_seconds(next), error, unix_seconds(delivered_at))
      .run();

  Json detail = {{"attempt", number}, {"outcome", attempt.outcome}, {"detail", attempt.detail}};
  if (!delivered && !dead && attempt.next_attempt_at) {
    detail["next_attempt_at"] = format_utc(*attempt.next_attempt_at);
  }
  const std::string_view kind = delivered ? "notification.delivered"
                                : dead    ? "notification.dead"
                                          : "notification.retry";
  append_audit(attempt.at, kind, notification_subject(idempotency_id), dump(detail));
  transaction.commit();
}

std::optional<TimePoint> Database::next_due_at() {
  auto query = select_next_due_.query();
  query.step();
  return from_unix_seconds(query.optional_int64(0));
}

int Database::pending_count() {
  auto query = count_pending_.query();
  query.step();
  return static_cast<int>(query.int64(0));
}

void Database::ping() {
  auto query = select_one_.query();
  query.step();
}

FeedState Database::feed_state(std::string_view feed, std::string_view county) {
  FeedState state;
  state.feed = feed;
  state.county = county;
  auto query = select_feed_state_.query(feed, county);
  if (query.step()) {
    state.etag = query.optional_text(0);
    state.last_modified = query.optional_text(1);
    state.last_success_at = from_unix_seconds(query.optional_int64(2));
    state.consecutive_failures = static_cast<int>(query.int64(3));
    state.last_error = query.optional_text(4);
  }
  return state;
}

void Database::save_feed_state(const FeedState& state) {
  Transaction transaction(connection_);
  upsert_feed_state_
      .query(state.feed, state.county, state.etag, state.last_modified,
             unix_seconds(state.last_success_at), state.consecutive_failures, state.last_error)
      .run();
  transaction.commit();
}

void Database::save_feed_states(const std::vector<FeedState>& states) {
  Transaction transaction(connection_);
  for (const FeedState& state : states) {
    upsert_feed_state_
        .query(state.feed, state.county, state.etag, state.last_modified,
               unix_seconds(state.last_success_at), state.consecutive_failures, state.last_error)
        .run();
  }
  transaction.commit();
}

std::vector<AuditRow> Database::audit_rows() {
  std::vector<AuditRow> rows;
  auto query = select_audit_.query();
  while (query.step()) {
    rows.push_back({query.int64(0), from_unix_seconds(query.int64(1)), query.text(2), query.text(3),
                    query.text(4)});
  }
  return rows;
}

}  // namespace riskwarn::store
