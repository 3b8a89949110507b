#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/asio/io_context.hpp>
#include <cstdlib>
#include <stdexcept>
#include <thread>

#include "tests/unit/store/store_test_support.hpp"

namespace riskwarn::store::test {
namespace {

using ::testing::HasSubstr;

TEST(StoreThread, RunPostsTheResultToTheGivenExecutor) {
  riskwarn::test::TempDir dir;
  const auto store = Store::open(dir.path());
  boost::asio::io_context io;
  std::thread::id task_thread;
  std::thread::id done_thread;
  std::optional<int> pending;

  store->run<int>(
      [&](Database& db) {
        task_thread = std::this_thread::get_id();
        return db.pending_count();
      },
      io.get_executor(),
      [&](const Result<int>& result) {
        done_thread = std::this_thread::get_id();
        ASSERT_TRUE(result.ok()) << result.error().message;
        pending = *result;
      });
  io.run_for(std::chrono::seconds(30));  // returns as soon as the one handler has run

  ASSERT_EQ(pending, 0);
  EXPECT_EQ(done_thread, std::this_thread::get_id());
  EXPECT_NE(task_thread, std::this_thread::get_id());
}

TEST(StoreThread, ExceptionInATaskBecomesAnError) {
  riskwarn::test::TempDir dir;
  const auto store = Store::open(dir.path());
  boost::asio::io_context io;
  std::optional<std::string> message;
  store->run<int>([](Database&) -> int { throw std::runtime_error("disk on fire"); },
                  io.get_executor(),
                  [&](const Result<int>& result) {
                    ASSERT_FALSE(result.ok());
                    message = result.error().message;
                  });
  io.run_for(std::chrono::seconds(30));
  EXPECT_EQ(message, "disk on fire");

  // The thread survives and keeps serving.
  EXPECT_TRUE(store
                  ->run_sync<std::monostate>([](Database& db) {
                    db.ping();
                    return std::monostate{};
                  })
                  .ok());
}

TEST(StoreThread, RunSyncFromTheDatabaseThreadIsAnErrorNotADeadlock) {
  riskwarn::test::TempDir dir;
  const auto store = Store::open(dir.path());
  Store* self = store.get();
  const auto outer = store->run_sync<std::string>([self](Database&) {
    const auto inner = self->run_sync<int>([](Database& db) { return db.pending_count(); });
    return inner.ok() ? std::string("ran") : inner.error().message;
  });
  ASSERT_TRUE(outer.ok());
  EXPECT_THAT(*outer, HasSubstr("database thread"));
}

TEST(StoreThread, DestructorRunsEveryQueuedTask) {
  riskwarn::test::TempDir dir;
  boost::asio::io_context io;  // never run: the tasks must finish without it
  constexpr int kCycles = 40;
  {
    const auto store = Store::open(dir.path());
    for (int i = 0; i < kCycles; ++i) {
      store->run<CommitSummary>(
          [i](Database& db) {
            CycleWrite cycle;
            AlertWrite write = fog_alert(AlertWriteKind::raise, Level::yellow);
            write.instance = "fog-" + std::to_string(i);
            cycle.alerts.push_back(write);
            cycle.notifications.push_back(to_traffic_police(0, "sms"));
            return db.commit_cycle(cycle, at_hour(19));
          },
          io.get_executor(), [](const Result<CommitSummary>&) {});
    }
  }
  EXPECT_EQ(count_rows(dir.path() / "riskwarn.db", "SELECT count(*) FROM alerts"), kCycles);
  EXPECT_EQ(count_rows(dir.path() / "riskwarn.db", "SELECT count(*) FROM notifications"), kCycles);
}

TEST(StoreThread, CommittedDataIsVisibleToAnotherConnectionWhileOpen) {
  riskwarn::test::TempDir dir;
  const auto store = Store::open(dir.path());
  CycleWrite cycle;
  cycle.alerts.push_back(fog_alert(AlertWriteKind::raise, Level::red));
  cycle.notifications.push_back(to_traffic_police(0, "sms"));
  on_db(*store, [&](Database& db) { return db.commit_cycle(cycle, at_hour(19)); });
  EXPECT_EQ(count_rows(store->path(), "SELECT count(*) FROM notifications"), 1);
}

TEST(StoreThread, DataCommittedByAProcessThatDiesIsThereOnReopen) {
  riskwarn::test::TempDir dir;
  const pid_t child = fork();
  ASSERT_NE(child, -1);
  if (child == 0) {
    // Commit, then die without closing the database or checkpointing the WAL.
    try {
      const auto store = Store::open(dir.path());
      CycleWrite cycle;
      cycle.alerts.push_back(fog_alert(AlertWriteKind::raise, Level::orange));
      cycle.notifications.push_back(to_traffic_police(0, "sms"));
      const auto result = store->run_sync<CommitSummary>(
          [&](Database& db) { return db.commit_cycle(cycle, at_hour(19)); });
      std::_Exit(result.ok() ? 0 : 2);
    } catch (...) {
      std::_Exit(3);
    }
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  ASSERT_EQ(WEXITSTATUS(status), 0);
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "riskwarn.db-wal"));

  const auto store = Store::open(dir.path());
  const auto alerts = on_db(*store, [](Database& db) { return db.open_alerts(); });
  ASSERT_EQ(alerts.size(), 1U);
  EXPECT_EQ(alerts[0].level, Level::orange);
  EXPECT_EQ(on_db(*store, [](Database& db) { return db.pending_count(); }), 1);
}

}  // namespace
}  // namespace riskwarn::store::test
