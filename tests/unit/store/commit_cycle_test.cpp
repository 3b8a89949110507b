#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <set>
#include <string>

#include "daemon/store/idempotency.hpp"
#include "tests/unit/store/store_test_support.hpp"

namespace riskwarn::store::test {
namespace {

using ::testing::HasSubstr;

class CommitCycle : public ::testing::Test {
 protected:
  riskwarn::test::TempDir dir_;
  std::unique_ptr<Store> store_ = Store::open(dir_.path());

  CommitSummary commit(const CycleWrite& cycle, TimePoint now) {
    return on_db(*store_, [&](Database& db) { return db.commit_cycle(cycle, now); });
  }
  Result<CommitSummary> try_commit(const CycleWrite& cycle, TimePoint now) {
    return store_->run_sync<CommitSummary>(
        [&](Database& db) { return db.commit_cycle(cycle, now); });
  }
  std::vector<StoredAlert> open_alerts() {
    return on_db(*store_, [](Database& db) { return db.open_alerts(); });
  }
  std::vector<AuditRow> audit() {
    return on_db(*store_, [](Database& db) { return db.audit_rows(); });
  }
  std::int64_t count(const std::string& sql) { return count_rows(store_->path(), sql); }
};

TEST_F(CommitCycle, RaiseStoresAnOpenAlertItsChangeAndItsOutboxRows) {
  CycleWrite cycle;
  cycle.alerts.push_back(fog_alert(AlertWriteKind::raise, Level::orange));
  cycle.notifications.push_back(to_traffic_police(0, "sms"));
  cycle.notifications.push_back(to_traffic_police(0, "dingtalk"));

  const CommitSummary summary = commit(cycle, at_hour(19));

  ASSERT_EQ(summary.alert_ids.size(), 1U);
  ASSERT_EQ(summary.change_ids.size(), 1U);
  ASSERT_TRUE(summary.change_ids[0].has_value());
  ASSERT_EQ(summary.notifications.size(), 2U);

  const auto alerts = open_alerts();
  ASSERT_EQ(alerts.size(), 1U);
  EXPECT_EQ(alerts[0].id, summary.alert_ids[0]);
  EXPECT_EQ(alerts[0].county, "410105");
  EXPECT_EQ(alerts[0].rule_id, "road_traffic.fog");
  EXPECT_EQ(alerts[0].instance, "fog");
  EXPECT_EQ(alerts[0].sector, "road_traffic");
  EXPECT_EQ(alerts[0].hazard, "fog");
  EXPECT_EQ(alerts[0].level, Level::orange);
  EXPECT_EQ(alerts[0].start, at_hour(20));
  EXPECT_EQ(alerts[0].end, at_hour(26));
  EXPECT_EQ(alerts[0].misses, 0);

  const auto due =
      on_db(*store_, [](Database& db) { return db.due_notifications(at_hour(19), 10); });
  ASSERT_EQ(due.size(), 2U);
  for (std::size_t i = 0; i < due.size(); ++i) {
    EXPECT_EQ(due[i].id, summary.notifications[i].id);
    EXPECT_EQ(due[i].idempotency_id, summary.notifications[i].idempotency_id);
    EXPECT_EQ(due[i].change_id, *summary.change_ids[0]);
    EXPECT_EQ(due[i].alert_id, summary.alert_ids[0]);
    EXPECT_EQ(due[i].department, "金水区交警大队");
    EXPECT_EQ(due[i].text, "【大雾橙色预警】请加强道路巡查");
    EXPECT_EQ(due[i].attempts, 0);
    EXPECT_EQ(due[i].next_attempt_at, at_hour(19));
    EXPECT_EQ(due[i].created_at, at_hour(19));
  }
  EXPECT_EQ(due[0].channel, "sms");
  EXPECT_EQ(due[1].channel, "dingtalk");
}

TEST_F(CommitCycle, IdempotencyIdsAreFreshAndSafeForWebhookHeaders) {
  CycleWrite cycle;
  cycle.alerts.push_back(fog_alert(AlertWriteKind::raise, Level::orange));
  for (int i = 0; i < 50; ++i) {
    cycle.notifications.push_back(to_traffic_police(0, "webhook"));
  }
  const CommitSummary summary = commit(cycle, at_hour(19));
  std::set<std::string> seen;
  for (const QueuedNotification& n : summary.notifications) {
    EXPECT_THAT(n.idempotency_id, ::testing::MatchesRegex("ntf_[a-z2-7]{20}"));
    EXPECT_EQ(n.idempotency_id.find('.'), std::string::npos);
    seen.insert(n.idempotency_id);
  }
  EXPECT_EQ(seen.size(), summary.notifications.size());
}

TEST_F(CommitCycle, PlanSeesTheNewAlertIdsAndItsRowsCommitWithTheCycle) {
  CycleWrite cycle;
  cycle.alerts.push_back(fog_alert(AlertWriteKind::raise, Level::orange));
  std::vector<std::int64_t> seen_ids;
  const std::string chosen_id = new_idempotency_id();
  const CommitSummary summary = on_db(*store_, [&](Database& db) {
    return db.commit_cycle(cycle, at_hour(19), [&](const std::vector<std::int64_t>& ids) {
      seen_ids = ids;
      NotificationWrite n = to_traffic_police(0, "webhook");
      n.idempotency_id = chosen_id;
      n.payload_json = R"({"alert_id":")" + std::to_string(ids.at(0)) + R"("})";
      return std::vector<NotificationWrite>{n};
    });
  });
  EXPECT_EQ(seen_ids, summary.alert_ids);
  ASSERT_EQ(summary.notifications.size(), 1U);
  EXPECT_EQ(summary.notifications[0].idempotency_id, chosen_id);
  const auto due =
      on_db(*store_, [](Database& db) { return db.due_notifications(at_hour(19), 10); });
  ASSERT_EQ(due.size(), 1U);
  EXPECT_EQ(due[0].idempotency_id, chosen_id);
  EXPECT_EQ(due[0].payload_json,
            R"({"alert_id":")" + std::to_string(summary.alert_ids[0]) + R"("})");
}

TEST_F(CommitCycle, PlanThatThrowsLeavesNothingWritten) {
  CycleWrite cycle;
  cycle.alerts.push_back(fog_alert(AlertWriteKind::raise, Level::orange));
  const auto result = store_->run_sync<CommitSummary>([&](Database& db) {
    return db.commit_cycle(cycle, at_hour(19), [](const std::vector<std::int64_t>&) {
      throw std::runtime_error("no department for role traffic_police");
      return std::vector<NotificationWrite>{};
    });
  });
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().message, "no department for role traffic_police");
  EXPECT_EQ(count("SELECT count(*) FROM alerts"), 0);
  EXPECT_TRUE(audit().empty());
}

TEST_F(CommitCycle, IdempotencyIdWithADotIsRefused) {
  CycleWrite cycle;
  cycle.alerts.push_back(fog_alert(AlertWriteKind::raise, Level::orange));
  NotificationWrite n = to_traffic_police(0, "webhook");
  n.idempotency_id = "ntf_a.b";
  cycle.notifications.push_back(n);
  EXPECT_FALSE(try_commit(cycle, at_hour(19)).ok());
  EXPECT_EQ(count("SELECT count(*) FROM alerts"), 0);
}

TEST_F(CommitCycle, UpdateKeepsTheAlertAndRecordsThePreviousLevel) {
  CycleWrite raise;
  raise.alerts.push_back(fog_alert(AlertWriteKind::raise, Level::yellow));
  const auto raised = commit(raise, at_hour(18));

  CycleWrite update;
  AlertWrite write = fog_alert(AlertWriteKind::update, Level::red);
  write.end = at_hour(30);
  update.alerts.push_back(write);
  update.notifications.push_back(to_traffic_police(0, "sms"));
  const auto updated = commit(update, at_hour(19));

  EXPECT_EQ(updated.alert_ids[0], raised.alert_ids[0]);
  EXPECT_NE(updated.change_ids[0], raised.change_ids[0]);
  const auto alerts = open_alerts();
  ASSERT_EQ(alerts.size(), 1U);
  EXPECT_EQ(alerts[0].level, Level::red);
  EXPECT_EQ(alerts[0].end, at_hour(30));
  EXPECT_EQ(count("SELECT count(*) FROM alert_changes WHERE kind = 'update' AND "
                  "level = 'red' AND previous_level = 'yellow'"),
            1);

  const auto rows = audit();
  ASSERT_EQ(rows.size(), 3U);
  EXPECT_EQ(rows[1].kind, "alert.update");
  EXPECT_EQ(rows[1].subject, "alert:" + std::to_string(raised.alert_ids[0]));
  const auto detail = nlohmann::json::parse(rows[1].detail);
  EXPECT_EQ(detail["level"], "red");
  EXPECT_EQ(detail["previous_level"], "yellow");
  EXPECT_EQ(detail["end"], "2025-12-31T06:00:00Z");
  EXPECT_EQ(rows[2].kind, "notification.queued");
  EXPECT_EQ(rows[2].at, at_hour(19));
}

TEST_F(CommitCycle, MissCountsWithoutAChangeAndResolveClosesTheAlert) {
  CycleWrite raise;
  raise.alerts.push_back(fog_alert(AlertWriteKind::raise, Level::orange));
  const auto raised = commit(raise, at_hour(18));

  CycleWrite miss;
  AlertWrite missed = fog_alert(AlertWriteKind::miss, Level::orange);
  missed.misses = 2;
  miss.alerts.push_back(missed);
  const auto after_miss = commit(miss, at_hour(19));
  EXPECT_EQ(after_miss.alert_ids[0], raised.alert_ids[0]);
  EXPECT_FALSE(after_miss.change_ids[0].has_value());
  ASSERT_EQ(open_alerts().size(), 1U);
  EXPECT_EQ(open_alerts()[0].misses, 2);
  EXPECT_EQ(count("SELECT count(*) FROM alert_changes"), 1);

  CycleWrite resolve;
  AlertWrite resolved = fog_alert(AlertWriteKind::resolve, Level::none);
  resolved.misses = 3;
  resolve.alerts.push_back(resolved);
  resolve.notifications.push_back(to_traffic_police(0, "sms"));
  const auto after_resolve = commit(resolve, at_hour(20));

  EXPECT_TRUE(open_alerts().empty());
  EXPECT_EQ(count("SELECT count(*) FROM alerts WHERE state = 'resolved' AND resolved_at = " +
                  std::to_string(at_hour(20).time_since_epoch().count())),
            1);
  EXPECT_EQ(count("SELECT count(*) FROM alert_changes WHERE kind = 'resolve' AND "
                  "level = 'orange'"),
            1)
      << "a resolve records the level the alert had";
  EXPECT_EQ(after_resolve.notifications.size(), 1U);

  // The identity is free again: the same trigger can raise a new alert.
  const auto again = commit(raise, at_hour(21));
  EXPECT_NE(again.alert_ids[0], raised.alert_ids[0]);
  EXPECT_EQ(open_alerts().size(), 1U);
}

TEST_F(CommitCycle, ExpireClosesTheAlertAsExpired) {
  CycleWrite raise;
  raise.alerts.push_back(fog_alert(AlertWriteKind::raise, Level::blue));
  commit(raise, at_hour(18));
  CycleWrite expire;
  expire.alerts.push_back(fog_alert(AlertWriteKind::expire, Level::none));
  commit(expire, at_hour(27));
  EXPECT_TRUE(open_alerts().empty());
  EXPECT_EQ(count("SELECT count(*) FROM alerts WHERE state = 'expired'"), 1);
  EXPECT_EQ(audit().back().kind, "alert.expire");
}

TEST_F(CommitCycle, CalendarAlertWithoutHazardStoresNone) {
  CycleWrite cycle;
  AlertWrite write = fog_alert(AlertWriteKind::raise, Level::notice);
  write.rule_id = "crowded_places.lantern";
  write.instance = "lantern-2026";
  write.hazard.clear();
  cycle.alerts.push_back(write);
  commit(cycle, at_hour(18));
  EXPECT_EQ(open_alerts().at(0).hazard, "");
  EXPECT_EQ(count("SELECT count(*) FROM alerts WHERE hazard IS NULL"), 1);
}

TEST_F(CommitCycle, NotificationForAMissingAlertWriteLeavesNothingWritten) {
  CycleWrite cycle;
  cycle.alerts.push_back(fog_alert(AlertWriteKind::raise, Level::orange));
  cycle.notifications.push_back(to_traffic_police(0, "sms"));
  cycle.notifications.push_back(to_traffic_police(1, "sms"));  // there is no alert write 1

  const auto result = try_commit(cycle, at_hour(19));
  ASSERT_FALSE(result.ok());
  EXPECT_THAT(result.error().message, HasSubstr("alert write 1"));

  EXPECT_TRUE(open_alerts().empty());
  EXPECT_TRUE(audit().empty());
  EXPECT_EQ(count("SELECT count(*) FROM alerts"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM alert_changes"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM notifications"), 0);
  // The store keeps working after a failed cycle.
  cycle.notifications.pop_back();
  EXPECT_EQ(commit(cycle, at_hour(19)).notifications.size(), 1U);
}

TEST_F(CommitCycle, NotificationAboutAMissIsRejected) {
  CycleWrite raise;
  raise.alerts.push_back(fog_alert(AlertWriteKind::raise, Level::orange));
  commit(raise, at_hour(18));
  CycleWrite cycle;
  cycle.alerts.push_back(fog_alert(AlertWriteKind::miss, Level::orange));
  cycle.notifications.push_back(to_traffic_police(0, "sms"));
  const auto result = try_commit(cycle, at_hour(19));
  ASSERT_FALSE(result.ok());
  EXPECT_THAT(result.error().message, HasSubstr("a miss"));
  EXPECT_EQ(count("SELECT count(*) FROM notifications"), 0);
}

TEST_F(CommitCycle, UpdateOfAnAlertThatIsNotOpenRollsBackTheWholeCycle) {
  CycleWrite cycle;
  cycle.alerts.push_back(fog_alert(AlertWriteKind::raise, Level::orange));
  AlertWrite stray = fog_alert(AlertWriteKind::update, Level::red);
  stray.county = "410102";
  cycle.alerts.push_back(stray);
  const auto result = try_commit(cycle, at_hour(19));
  ASSERT_FALSE(result.ok());
  EXPECT_THAT(result.error().message, HasSubstr("no open alert 410102/road_traffic.fog/fog"));
  EXPECT_EQ(count("SELECT count(*) FROM alerts"), 0);
}

TEST_F(CommitCycle, SecondRaiseOfAnOpenIdentityIsRefused) {
  CycleWrite raise;
  raise.alerts.push_back(fog_alert(AlertWriteKind::raise, Level::orange));
  commit(raise, at_hour(18));
  const auto result = try_commit(raise, at_hour(19));
  ASSERT_FALSE(result.ok());
  EXPECT_THAT(result.error().message, HasSubstr("UNIQUE"));
  EXPECT_EQ(count("SELECT count(*) FROM alerts"), 1);
}

TEST_F(CommitCycle, LevelNoneIsNotAnAlertLevel) {
  CycleWrite cycle;
  cycle.alerts.push_back(fog_alert(AlertWriteKind::raise, Level::none));
  const auto result = try_commit(cycle, at_hour(19));
  ASSERT_FALSE(result.ok());
  EXPECT_THAT(result.error().message, HasSubstr("level none"));
}

TEST_F(CommitCycle, AuditLogRejectsUpdateAndDelete) {
  CycleWrite cycle;
  cycle.alerts.push_back(fog_alert(AlertWriteKind::raise, Level::orange));
  commit(cycle, at_hour(19));
  ASSERT_EQ(audit().size(), 1U);

  Connection connection(store_->path());
  try {
    connection.exec("UPDATE audit_log SET detail = '{}'");
    ADD_FAILURE() << "UPDATE of audit_log succeeded";
  } catch (const SqliteError& e) {
    EXPECT_THAT(e.what(), HasSubstr("append-only"));
  }
  try {
    connection.exec("DELETE FROM audit_log");
    ADD_FAILURE() << "DELETE from audit_log succeeded";
  } catch (const SqliteError& e) {
    EXPECT_THAT(e.what(), HasSubstr("append-only"));
  }
  const auto rows = audit();
  ASSERT_EQ(rows.size(), 1U);
  EXPECT_NE(rows[0].detail, "{}");
}

}  // namespace
}  // namespace riskwarn::store::test
