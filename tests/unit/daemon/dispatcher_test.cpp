// The outbox relay in simulated time: a real store in a temp dir, a scripted channel, and a
// ManualClock, so retries, backoff, Retry-After and dead letters are checked without waiting.
#include "daemon/dispatch/dispatcher.hpp"

#include <gtest/gtest.h>

#include <boost/asio/post.hpp>
#include <deque>

#include "tests/support/temp_dir.hpp"

namespace riskwarn::dispatch {
namespace {

using namespace std::chrono_literals;

const TimePoint kStart = std::chrono::sys_days{std::chrono::year{2026} / 1 / 20} + 8h;

// A channel whose replies are scripted by the test; it records every message it was given.
class ScriptedChannel final : public notify::Channel {
 public:
  explicit ScriptedChannel(boost::asio::io_context& io) : io_(io) {}
  void send(const notify::OutgoingMessage& message,
            std::function<void(notify::DeliveryResult)> on_done) override {
    sent.push_back(message);
    notify::DeliveryResult reply =
        replies.empty() ? notify::DeliveryResult{notify::Outcome::delivered, "ok", {}}
                        : replies.front();
    if (!replies.empty())
      replies.pop_front();
    boost::asio::post(io_, [on_done = std::move(on_done), reply] { on_done(reply); });
  }
  std::deque<notify::DeliveryResult> replies;
  std::vector<notify::OutgoingMessage> sent;

 private:
  boost::asio::io_context& io_;
};

class DispatcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = store::Store::open(dir_.path());
    channel_ = std::make_shared<ScriptedChannel>(io_);
    dispatcher_ = std::make_unique<Dispatcher>(io_, *store_, clock_);
    dispatcher_->configure({{"hook", channel_}},
                           RetryPolicy{.max_attempts = 3, .base_delay = 10s, .max_delay = 600s});
    dispatcher_->on_idle([this](bool drained) {
      idle_ = true;
      drained_ = drained;
    });
  }

  // Queues one notification on channel_name, as a committed cycle would.
  std::string queue(const std::string& channel_name) {
    store::CycleWrite cycle;
    cycle.alerts.push_back(store::AlertWrite{.kind = store::AlertWriteKind::raise,
                                             .county = "410102",
                                             .rule_id = "road_traffic.fog",
                                             .instance = "fog",
                                             .sector = "road_traffic",
                                             .hazard = "fog",
                                             .level = Level::orange,
                                             .previous_level = std::nullopt,
                                             .start = kStart,
                                             .end = kStart + 8h,
                                             .misses = 0});
    cycle.notifications.push_back(store::NotificationWrite{.alert_index = 0,
                                                           .idempotency_id = {},
                                                           .county = "410102",
                                                           .role = "traffic_police",
                                                           .department = "交警大队",
                                                           .channel = channel_name,
                                                           .text = "大雾橙色预警",
                                                           .payload_json = "{}"});
    const auto summary = store_->run_sync<store::CommitSummary>(
        [&](store::Database& db) { return db.commit_cycle(cycle, clock_.now()); });
    EXPECT_TRUE(summary.ok());
    return summary.ok() ? summary->notifications.at(0).idempotency_id : std::string();
  }

  // Wakes the relay and runs the loop until it reports idle.
  void deliver_due() {
    idle_ = false;
    io_.restart();
    dispatcher_->wake();
    for (int i = 0; i < 2000 && !idle_; ++i)
      io_.run_one_for(5ms);
    ASSERT_TRUE(idle_) << "the relay never went idle";
  }

  std::vector<store::PendingNotification> due_at(TimePoint t) {
    return store_
        ->run_sync<std::vector<store::PendingNotification>>(
            [t](store::Database& db) { return db.due_notifications(t, 100); })
        .value();
  }

  int pending() {
    return store_->run_sync<int>([](store::Database& db) { return db.pending_count(); }).value();
  }

  test::TempDir dir_;
  boost::asio::io_context io_;
  ManualClock clock_{kStart};
  std::unique_ptr<store::Store> store_;
  std::shared_ptr<ScriptedChannel> channel_;
  std::unique_ptr<Dispatcher> dispatcher_;
  bool idle_ = false;
  bool drained_ = false;
};

TEST_F(DispatcherTest, DeliversOnceWithTheStoredIdempotencyId) {
  const std::string id = queue("hook");
  deliver_due();
  ASSERT_EQ(channel_->sent.size(), 1u);
  EXPECT_EQ(channel_->sent[0].idempotency_id, id);
  EXPECT_EQ(channel_->sent[0].text, "大雾橙色预警");
  EXPECT_TRUE(drained_);
  EXPECT_EQ(pending(), 0);
  deliver_due();
  EXPECT_EQ(channel_->sent.size(), 1u) << "a delivered notification was sent again";
}

TEST_F(DispatcherTest, RetryableFailureWaitsWithBackoffThenDelivers) {
  queue("hook");
  channel_->replies.push_back({notify::Outcome::retryable, "HTTP 503", std::nullopt});
  deliver_due();
  ASSERT_EQ(channel_->sent.size(), 1u);
  EXPECT_FALSE(drained_);
  EXPECT_EQ(pending(), 1);
  // Not due before the first backoff (10 s ± 20 %), due after it.
  EXPECT_TRUE(due_at(kStart + 7s).empty());
  ASSERT_EQ(due_at(kStart + 13s).size(), 1u);
  EXPECT_EQ(due_at(kStart + 13s)[0].attempts, 1);

  clock_.advance(13s);
  deliver_due();
  ASSERT_EQ(channel_->sent.size(), 2u);
  EXPECT_EQ(channel_->sent[1].idempotency_id, channel_->sent[0].idempotency_id);
  EXPECT_TRUE(drained_);
}

TEST_F(DispatcherTest, RetryAfterIsHonoured) {
  queue("hook");
  channel_->replies.push_back({notify::Outcome::retryable, "HTTP 429", std::chrono::seconds{120}});
  deliver_due();
  EXPECT_TRUE(due_at(kStart + 119s).empty());
  EXPECT_EQ(due_at(kStart + 120s).size(), 1u);
}

TEST_F(DispatcherTest, PermanentFailureIsADeadLetterAtOnce) {
  queue("hook");
  channel_->replies.push_back({notify::Outcome::permanent, "HTTP 400: bad request", std::nullopt});
  deliver_due();
  EXPECT_EQ(channel_->sent.size(), 1u);
  EXPECT_TRUE(drained_);
  EXPECT_EQ(pending(), 0);
  EXPECT_TRUE(due_at(kStart + 24h).empty());
}

TEST_F(DispatcherTest, GivesUpAfterMaxAttempts) {
  queue("hook");
  for (int i = 0; i < 3; ++i) {
    channel_->replies.push_back({notify::Outcome::retryable, "timeout", std::nullopt});
  }
  for (int attempt = 0; attempt < 3; ++attempt) {
    deliver_due();
    clock_.advance(1h);
  }
  EXPECT_EQ(channel_->sent.size(), 3u);
  EXPECT_TRUE(drained_);
  EXPECT_EQ(pending(), 0);
}

TEST_F(DispatcherTest, UnknownChannelKeepsTheNotificationPendingUntilItIsBack) {
  dispatcher_->configure({{"hook", channel_}},
                         RetryPolicy{.max_attempts = 3, .base_delay = 1s, .max_delay = 600s});
  queue("renamed_channel");
  idle_ = false;
  dispatcher_->wake();
  io_.run_for(300ms);
  EXPECT_TRUE(channel_->sent.empty());
  EXPECT_EQ(pending(), 1);
  ASSERT_EQ(due_at(kStart).size(), 1u);
  EXPECT_EQ(due_at(kStart)[0].attempts, 0) << "a missing channel is not an attempt";

  dispatcher_->configure({{"hook", channel_}, {"renamed_channel", channel_}},
                         RetryPolicy{.max_attempts = 3, .base_delay = 1s, .max_delay = 600s});
  for (int i = 0; i < 400 && channel_->sent.empty(); ++i)
    io_.run_one_for(10ms);
  ASSERT_EQ(channel_->sent.size(), 1u);
  for (int i = 0; i < 400 && pending() != 0; ++i)
    io_.run_one_for(10ms);
  EXPECT_EQ(pending(), 0);
}

TEST_F(DispatcherTest, CancelledSendIsNotAnAttempt) {
  queue("hook");
  channel_->replies.push_back({notify::Outcome::cancelled, "cancelled", std::nullopt});
  idle_ = false;
  dispatcher_->wake();
  for (int i = 0; i < 100 && channel_->sent.empty(); ++i)
    io_.run_one_for(5ms);
  dispatcher_->stop();
  io_.run_for(100ms);
  ASSERT_EQ(channel_->sent.size(), 1u);
  ASSERT_EQ(due_at(kStart).size(), 1u);
  EXPECT_EQ(due_at(kStart)[0].attempts, 0);
}

TEST(RetryDelay, ExponentialCappedJitteredAndNeverBelowRetryAfter) {
  std::mt19937_64 random{42};
  const RetryPolicy policy{.max_attempts = 8, .base_delay = 10s, .max_delay = 600s};
  for (int i = 0; i < 100; ++i) {
    const auto first = retry_delay(policy, 1, std::nullopt, random);
    EXPECT_GE(first, 8s);
    EXPECT_LE(first, 12s);
    const auto third = retry_delay(policy, 3, std::nullopt, random);
    EXPECT_GE(third, 32s);
    EXPECT_LE(third, 48s);
    EXPECT_LE(retry_delay(policy, 30, std::nullopt, random), 600s);
    EXPECT_GE(retry_delay(policy, 1, 300s, random), 300s);
  }
}

}  // namespace
}  // namespace riskwarn::dispatch
