#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "daemon/store/records.hpp"
#include "daemon/store/sqlite.hpp"
#include "rules/time.hpp"

namespace riskwarn::store {

// The typed operations on riskwarn.db. Owns the one connection and its prepared statements;
// used only on the store's database thread. Operations throw on failure (the Store turns that
// into an Error); every write is one BEGIN IMMEDIATE transaction, so a failure writes nothing.
//
// Audit kinds written: alert.raise, alert.update, alert.resolve, alert.expire (subject
// "alert:<id>"), notification.queued, notification.delivered, notification.retry,
// notification.dead (subject "notification:<idempotency id>").
class Database {
 public:
  // Opens or creates the file at path: WAL, synchronous=FULL, foreign keys on, 5 s busy
  // timeout, PRAGMA quick_check, then migrations. Throws std::runtime_error naming path.
  static std::unique_ptr<Database> open(const std::filesystem::path& path);

  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // The schema version the file is at (after migrations).
  int schema_version() const { return schema_version_; }

  // Every open alert, in the order they were raised.
  std::vector<StoredAlert> open_alerts();

  // Writes a cycle's alert changes, their outbox rows (cycle.notifications, then those plan
  // returns; pending, due at now) and audit rows in one transaction. Throws, writing nothing,
  // when a write names no open alert, a raise duplicates one, a notification's alert_index is
  // out of range or names a miss, or plan throws.
  CommitSummary commit_cycle(const CycleWrite& cycle, TimePoint now,
                             const NotificationPlan& plan = {});

  // Up to limit pending notifications due at or before now, most overdue first.
  std::vector<PendingNotification> due_notifications(TimePoint now, int limit);

  // Records a delivery attempt of a pending notification and moves it to delivered, dead or
  // pending-until-next_attempt_at, with an audit row. Throws if it is not pending.
  void record_attempt(std::int64_t notification_id, const AttemptRecord& attempt);

  // The earliest next_attempt_at among pending notifications; nullopt when none is pending.
  std::optional<TimePoint> next_due_at();

  // The number of pending notifications.
  int pending_count();

  // A trivial query through the connection, for the watchdog round-trip.
  void ping();

  // The stored state of feed for county; only feed and county are set when none is stored.
  FeedState feed_state(std::string_view feed, std::string_view county);

  // Inserts or replaces the state of (state.feed, state.county).
  void save_feed_state(const FeedState& state);

  // Inserts or replaces several states in one transaction (one poll's worth).
  void save_feed_states(const std::vector<FeedState>& states);

  // The whole audit log, oldest first.
  std::vector<AuditRow> audit_rows();

 private:
  Database(Connection connection, int schema_version);

  struct OpenAlertRow;
  struct AppliedWrite {
    std::int64_t alert_id;
    std::optional<std::int64_t> change_id;
  };
  OpenAlertRow require_open_alert(const AlertWrite& write);
  AppliedWrite apply_alert_write(const AlertWrite& write, TimePoint now);
  std::int64_t insert_change(std::int64_t alert_id, std::string_view kind, Level level,
                             std::optional<Level> previous_level, TimePoint start, TimePoint end,
                             TimePoint at);
  QueuedNotification queue_notification(const NotificationWrite& write, const CycleWrite& cycle,
                                        const CommitSummary& summary, TimePoint now);
  void append_audit(TimePoint at, std::string_view kind, std::string_view subject,
                    std::string_view detail);

  Connection connection_;  // declared first: statements are finalised before it closes
  int schema_version_;
  Statement select_open_alerts_;
  Statement select_open_alert_by_key_;
  Statement insert_alert_;
  Statement update_alert_;
  Statement close_alert_;
  Statement update_alert_misses_;
  Statement insert_change_;
  Statement insert_notification_;
  Statement select_due_;
  Statement select_notification_for_attempt_;
  Statement insert_attempt_;
  Statement update_notification_;
  Statement select_next_due_;
  Statement count_pending_;
  Statement select_one_;
  Statement select_feed_state_;
  Statement upsert_feed_state_;
  Statement insert_audit_;
  Statement select_audit_;
};

}  // namespace riskwarn::store
