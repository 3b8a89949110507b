#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <stdexcept>

#include "daemon/store/sqlite.hpp"
#include "tests/support/temp_dir.hpp"

namespace riskwarn::store {
namespace {

using ::testing::HasSubstr;

class Sqlite : public ::testing::Test {
 protected:
  std::int64_t count() {
    Statement statement(connection_, "SELECT count(*) FROM t");
    auto query = statement.query();
    EXPECT_TRUE(query.step());
    return query.int64(0);
  }

  riskwarn::test::TempDir dir_;
  Connection connection_{dir_.path() / "test.db"};
};

TEST_F(Sqlite, TransactionRollsBackUnlessCommitted) {
  connection_.exec("CREATE TABLE t (x INTEGER)");
  {
    Transaction transaction(connection_);
    connection_.exec("INSERT INTO t VALUES (1)");
  }
  EXPECT_EQ(count(), 0);
  {
    Transaction transaction(connection_);
    connection_.exec("INSERT INTO t VALUES (1)");
    transaction.commit();
  }
  EXPECT_EQ(count(), 1);
}

TEST_F(Sqlite, StatementIsReusableAndBindsOptionals) {
  connection_.exec("CREATE TABLE t (x INTEGER, y TEXT)");
  Statement insert(connection_, "INSERT INTO t (x, y) VALUES (?1, ?2)");
  insert.query(1, std::optional<std::string>("one")).run();
  insert.query(2, std::optional<std::string>()).run();
  Statement select(connection_, "SELECT x, y FROM t ORDER BY x");
  for (int pass = 0; pass < 2; ++pass) {
    auto query = select.query();
    ASSERT_TRUE(query.step());
    EXPECT_EQ(query.int64(0), 1);
    EXPECT_EQ(query.optional_text(1), "one");
    ASSERT_TRUE(query.step());
    EXPECT_EQ(query.optional_text(1), std::nullopt);
    EXPECT_FALSE(query.step());
  }
}

TEST_F(Sqlite, ErrorsCarryTheCodeAndSqlitesMessage) {
  connection_.exec("CREATE TABLE t (x INTEGER UNIQUE)");
  Statement insert(connection_, "INSERT INTO t (x) VALUES (?1)");
  insert.query(1).run();
  try {
    insert.query(1).run();
    FAIL() << "duplicate insert succeeded";
  } catch (const SqliteError& e) {
    EXPECT_EQ(e.code(), SQLITE_CONSTRAINT_UNIQUE);
    EXPECT_THAT(e.what(), HasSubstr("UNIQUE constraint failed: t.x"));
  }
  EXPECT_THROW(Statement(connection_, "SELEKT 1"), SqliteError);
  EXPECT_THROW(Statement(connection_, "SELECT 1; SELECT 2"), std::logic_error);
}

}  // namespace
}  // namespace riskwarn::store
