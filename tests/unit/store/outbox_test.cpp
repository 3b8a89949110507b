#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/unit/store/store_test_support.hpp"

namespace riskwarn::store::test {
namespace {

using ::testing::HasSubstr;

class Outbox : public ::testing::Test {
 protected:
  void SetUp() override {
    CycleWrite cycle;
    cycle.alerts.push_back(fog_alert(AlertWriteKind::raise, Level::orange));
    cycle.notifications.push_back(to_traffic_police(0, "sms"));
    cycle.notifications.push_back(to_traffic_police(0, "dingtalk"));
    const auto summary = on_db(*store_, [&](Database& db) { return db.commit_cycle(cycle, t0); });
    sms_ = summary.notifications[0];
    robot_ = summary.notifications[1];
  }

  std::vector<PendingNotification> due(TimePoint now, int limit = 10) {
    return on_db(*store_, [=](Database& db) { return db.due_notifications(now, limit); });
  }
  Result<std::monostate> attempt(std::int64_t id, const AttemptRecord& record) {
    return store_->run_sync<std::monostate>([&](Database& db) {
      db.record_attempt(id, record);
      return std::monostate{};
    });
  }
  std::string notification_state(std::int64_t id) {
    Connection connection(store_->path());
    Statement statement(connection, "SELECT state FROM notifications WHERE id = ?1");
    auto query = statement.query(id);
    EXPECT_TRUE(query.step());
    return query.text(0);
  }
  std::int64_t count(const std::string& sql) { return count_rows(store_->path(), sql); }

  const TimePoint t0 = at_hour(19);
  riskwarn::test::TempDir dir_;
  std::unique_ptr<Store> store_ = Store::open(dir_.path());
  QueuedNotification sms_;
  QueuedNotification robot_;
};

TEST_F(Outbox, NothingIsDueBeforeItsTime) {
  EXPECT_TRUE(due(t0 - 1s).empty());
  EXPECT_EQ(due(t0).size(), 2U);
  EXPECT_EQ(due(t0, 1).size(), 1U);
}

TEST_F(Outbox, CountsAndNextDueFollowPendingRows) {
  EXPECT_EQ(on_db(*store_, [](Database& db) { return db.pending_count(); }), 2);
  EXPECT_EQ(on_db(*store_, [](Database& db) { return db.next_due_at(); }), t0);

  ASSERT_TRUE(attempt(sms_.id, {t0, "delivered", "HTTP 200", std::nullopt, false}).ok());
  ASSERT_TRUE(attempt(robot_.id, {t0, "retryable", "HTTP 503", t0 + 30s, false}).ok());

  EXPECT_EQ(on_db(*store_, [](Database& db) { return db.pending_count(); }), 1);
  EXPECT_EQ(on_db(*store_, [](Database& db) { return db.next_due_at(); }), t0 + 30s);
  EXPECT_TRUE(due(t0 + 29s).empty());

  ASSERT_TRUE(attempt(robot_.id, {t0 + 30s, "delivered", "ok", std::nullopt, false}).ok());
  EXPECT_EQ(on_db(*store_, [](Database& db) { return db.pending_count(); }), 0);
  EXPECT_EQ(on_db(*store_, [](Database& db) { return db.next_due_at(); }), std::nullopt);
}

TEST_F(Outbox, DeliveredAttemptIsRecordedAndAudited) {
  ASSERT_TRUE(attempt(sms_.id, {t0 + 2s, "delivered", "HTTP 200", std::nullopt, false}).ok());
  EXPECT_EQ(notification_state(sms_.id), "delivered");
  EXPECT_EQ(count("SELECT count(*) FROM notifications WHERE attempts = 1 AND delivered_at = " +
                  std::to_string((t0 + 2s).time_since_epoch().count()) +
                  " AND next_attempt_at IS NULL AND state = 'delivered'"),
            1);
  EXPECT_EQ(count("SELECT count(*) FROM delivery_attempts WHERE attempt = 1 AND "
                  "outcome = 'delivered' AND detail = 'HTTP 200'"),
            1);
  const auto rows = on_db(*store_, [](Database& db) { return db.audit_rows(); });
  EXPECT_EQ(rows.back().kind, "notification.delivered");
  EXPECT_EQ(rows.back().subject, "notification:" + sms_.idempotency_id);
  EXPECT_EQ(rows.back().at, t0 + 2s);
  EXPECT_EQ(nlohmann::json::parse(rows.back().detail)["attempt"], 1);
  // The remaining due row is the robot message only.
  const auto left = due(t0 + 1h);
  ASSERT_EQ(left.size(), 1U);
  EXPECT_EQ(left[0].id, robot_.id);
}

TEST_F(Outbox, RetryableAttemptReschedulesAndCountsAttempts) {
  ASSERT_TRUE(attempt(sms_.id, {t0, "retryable", "timeout after 10 s", t0 + 60s, false}).ok());
  ASSERT_TRUE(attempt(sms_.id, {t0 + 60s, "retryable", "HTTP 429", t0 + 180s, false}).ok());
  EXPECT_EQ(notification_state(sms_.id), "pending");

  const auto later = due(t0 + 180s);
  ASSERT_EQ(later.size(), 2U);
  EXPECT_EQ(later[0].id, robot_.id) << "the most overdue row comes first";
  EXPECT_EQ(later[1].id, sms_.id);
  EXPECT_EQ(later[1].attempts, 2);
  EXPECT_EQ(later[1].next_attempt_at, t0 + 180s);
  EXPECT_EQ(count("SELECT count(*) FROM notifications WHERE last_error = 'HTTP 429'"), 1);
  EXPECT_EQ(count("SELECT count(*) FROM delivery_attempts WHERE notification_id = " +
                  std::to_string(sms_.id)),
            2);
  EXPECT_EQ(on_db(*store_, [](Database& db) { return db.audit_rows(); }).back().kind,
            "notification.retry");
}

TEST_F(Outbox, DeadLetterLeavesThePendingSet) {
  ASSERT_TRUE(
      attempt(sms_.id, {t0, "permanent", "errcode 310000: sign not match", std::nullopt, true})
          .ok());
  EXPECT_EQ(notification_state(sms_.id), "dead");
  EXPECT_EQ(count("SELECT count(*) FROM notifications WHERE state = 'dead' AND "
                  "last_error = 'errcode 310000: sign not match' AND next_attempt_at IS NULL"),
            1);
  EXPECT_EQ(due(t0 + 24h).size(), 1U);
  EXPECT_EQ(on_db(*store_, [](Database& db) { return db.audit_rows(); }).back().kind,
            "notification.dead");
}

TEST_F(Outbox, OnlyPendingNotificationsTakeAttempts) {
  ASSERT_TRUE(attempt(sms_.id, {t0, "delivered", "ok", std::nullopt, false}).ok());
  const auto again = attempt(sms_.id, {t0, "delivered", "ok", std::nullopt, false});
  ASSERT_FALSE(again.ok());
  EXPECT_THAT(again.error().message, HasSubstr("is delivered, not pending"));
  EXPECT_EQ(count("SELECT count(*) FROM delivery_attempts"), 1) << "nothing written on refusal";

  const auto unknown = attempt(9999, {t0, "delivered", "ok", std::nullopt, false});
  ASSERT_FALSE(unknown.ok());
  EXPECT_THAT(unknown.error().message, HasSubstr("no notification 9999"));
}

TEST_F(Outbox, RetryWithoutANextAttemptTimeIsRefused) {
  const auto result = attempt(sms_.id, {t0, "retryable", "HTTP 503", std::nullopt, false});
  ASSERT_FALSE(result.ok());
  EXPECT_THAT(result.error().message, HasSubstr("needs next_attempt_at"));
  EXPECT_EQ(notification_state(sms_.id), "pending");
  EXPECT_EQ(count("SELECT count(*) FROM delivery_attempts"), 0);
}

TEST_F(Outbox, UnknownOutcomeIsRefused) {
  const auto result = attempt(sms_.id, {t0, "sent", "", std::nullopt, false});
  ASSERT_FALSE(result.ok());
  EXPECT_THAT(result.error().message, HasSubstr("unknown delivery outcome 'sent'"));
  EXPECT_EQ(notification_state(sms_.id), "pending");
}

TEST(FeedStateStore, UnknownFeedHasEmptyStateAndSavedStateReadsBack) {
  riskwarn::test::TempDir dir;
  const auto store = Store::open(dir.path());
  const FeedState empty =
      on_db(*store, [](Database& db) { return db.feed_state("open_meteo", "410105"); });
  EXPECT_EQ(empty.feed, "open_meteo");
  EXPECT_EQ(empty.county, "410105");
  EXPECT_FALSE(empty.etag);
  EXPECT_FALSE(empty.last_success_at);
  EXPECT_EQ(empty.consecutive_failures, 0);

  FeedState saved{"open_meteo", "410105", "\"abc\"",   "Tue, 30 Dec 2025 12:00:00 GMT",
                  at_hour(12),  0,        std::nullopt};
  on_db(*store, [&](Database& db) {
    db.save_feed_state(saved);
    return std::monostate{};
  });
  FeedState failing = saved;
  failing.consecutive_failures = 3;
  failing.last_error = "HTTP 502";
  on_db(*store, [&](Database& db) {
    db.save_feed_state(failing);
    return std::monostate{};
  });

  const FeedState read =
      on_db(*store, [](Database& db) { return db.feed_state("open_meteo", "410105"); });
  EXPECT_EQ(read.etag, "\"abc\"");
  EXPECT_EQ(read.last_modified, "Tue, 30 Dec 2025 12:00:00 GMT");
  EXPECT_EQ(read.last_success_at, at_hour(12));
  EXPECT_EQ(read.consecutive_failures, 3);
  EXPECT_EQ(read.last_error, "HTTP 502");
  const FeedState other =
      on_db(*store, [](Database& db) { return db.feed_state("open_meteo", "410102"); });
  EXPECT_FALSE(other.etag);
}

}  // namespace
}  // namespace riskwarn::store::test
