#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "daemon/store/migrations.hpp"
#include "tests/unit/store/store_test_support.hpp"

namespace riskwarn::store::test {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;

std::set<std::string> schema_objects(const std::filesystem::path& db, const std::string& type) {
  Connection connection(db);
  Statement statement(connection, "SELECT name FROM sqlite_schema WHERE type = ?1");
  std::set<std::string> names;
  auto query = statement.query(type);
  while (query.step()) {
    names.insert(query.text(0));
  }
  return names;
}

int user_version(const std::filesystem::path& db) {
  return static_cast<int>(count_rows(db, "PRAGMA user_version"));
}

std::string open_error(const std::filesystem::path& state_dir) {
  try {
    Store::open(state_dir);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  ADD_FAILURE() << "Store::open succeeded";
  return {};
}

TEST(Migrations, VersionsAreConsecutiveFromOne) {
  const auto steps = all_migrations();
  ASSERT_FALSE(steps.empty());
  for (std::size_t i = 0; i < steps.size(); ++i) {
    EXPECT_EQ(steps[i].version, static_cast<int>(i) + 1) << steps[i].name;
  }
  EXPECT_EQ(latest_schema_version(), steps.back().version);
}

TEST(Migrations, EmptyDirectoryGetsEveryTableAtTheLatestVersion) {
  riskwarn::test::TempDir dir;
  const auto store = Store::open(dir.path() / "state");
  EXPECT_EQ(store->schema_version(), latest_schema_version());
  EXPECT_EQ(store->path(), dir.path() / "state" / "riskwarn.db");

  const auto tables = schema_objects(store->path(), "table");
  for (const char* table : {"alerts", "alert_changes", "notifications", "delivery_attempts",
                            "acknowledgements", "audit_log", "feed_state"}) {
    EXPECT_TRUE(tables.contains(table)) << table;
  }
  const auto triggers = schema_objects(store->path(), "trigger");
  EXPECT_TRUE(triggers.contains("audit_log_no_update"));
  EXPECT_TRUE(triggers.contains("audit_log_no_delete"));
  EXPECT_EQ(user_version(store->path()), latest_schema_version());
}

TEST(Migrations, DatabaseIsInWalMode) {
  riskwarn::test::TempDir dir;
  const auto store = Store::open(dir.path());
  Connection connection(store->path());
  Statement statement(connection, "PRAGMA journal_mode");
  auto query = statement.query();
  ASSERT_TRUE(query.step());
  EXPECT_EQ(query.text(0), "wal");
}

TEST(Migrations, ReopeningAnExistingDatabaseChangesNothing) {
  riskwarn::test::TempDir dir;
  std::filesystem::path db;
  {
    const auto store = Store::open(dir.path());
    db = store->path();
    CycleWrite cycle;
    cycle.alerts.push_back(fog_alert(AlertWriteKind::raise, Level::orange));
    on_db(*store, [&](Database& d) { return d.commit_cycle(cycle, at_hour(20)); });
  }
  const auto schema_before = schema_objects(db, "table");
  const auto store = Store::open(dir.path());
  EXPECT_EQ(store->schema_version(), latest_schema_version());
  EXPECT_EQ(schema_objects(db, "table"), schema_before);
  EXPECT_EQ(on_db(*store, [](Database& d) { return d.open_alerts(); }).size(), 1U);
  EXPECT_EQ(on_db(*store, [](Database& d) { return d.audit_rows(); }).size(), 1U);
}

TEST(Migrations, RefusesADatabaseNewerThanTheBinary) {
  riskwarn::test::TempDir dir;
  const auto db = dir.path() / "riskwarn.db";
  const int newer = latest_schema_version() + 6;
  {
    Connection connection(db);
    connection.exec("CREATE TABLE from_the_future (x INTEGER)");
    connection.exec("PRAGMA user_version = " + std::to_string(newer));
  }
  EXPECT_THAT(open_error(dir.path()),
              AllOf(HasSubstr(db.string()), HasSubstr("schema version " + std::to_string(newer)),
                    HasSubstr("up to " + std::to_string(latest_schema_version()))));
  EXPECT_EQ(user_version(db), newer) << "a refused database must be left as it was";
}

TEST(Migrations, RefusesAnUnversionedDatabaseOfSomethingElse) {
  riskwarn::test::TempDir dir;
  const auto db = dir.path() / "riskwarn.db";
  {
    Connection connection(db);
    connection.exec("CREATE TABLE photos (id INTEGER PRIMARY KEY)");
  }
  EXPECT_THAT(open_error(dir.path()),
              AllOf(HasSubstr(db.string()), HasSubstr("not a riskwarn database")));
}

TEST(Migrations, RefusesAFileThatIsNotADatabase) {
  riskwarn::test::TempDir dir;
  const auto db = dir.write("riskwarn.db", std::string(4096, 'x'));
  EXPECT_THAT(open_error(dir.path()),
              AllOf(HasSubstr(db.string()), HasSubstr("file is not a database")));
}

TEST(Migrations, ReportsAStateDirectoryThatCannotBeCreated) {
  riskwarn::test::TempDir dir;
  const auto file = dir.write("occupied", "a file, not a directory");
  EXPECT_THAT(open_error(file / "state"), HasSubstr((file / "state").string()));
}

}  // namespace
}  // namespace riskwarn::store::test
