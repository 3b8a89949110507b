#pragma once

// Minimal RAII over the SQLite C API, for use inside daemon/store only. Failures throw
// SqliteError; the DB-thread boundary (Store) turns them into Result errors.

#include <concepts>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

struct sqlite3;
struct sqlite3_stmt;

namespace riskwarn::store {

// A failed SQLite call: what was being done, SQLite's message and its extended result code.
class SqliteError : public std::runtime_error {
 public:
  SqliteError(std::string_view action, sqlite3* db, int code);
  // The extended result code, e.g. SQLITE_CONSTRAINT_UNIQUE.
  int code() const { return code_; }

 private:
  int code_;
};

// One open database connection. Not thread-safe: confine it to one thread.
class Connection {
 public:
  // Opens (creating if needed) the database file at path, read-write.
  explicit Connection(const std::filesystem::path& path);

  // Runs one or more SQL statements that return no rows we need (schema scripts, BEGIN, ...).
  void exec(std::string_view sql);
  // The rowid of the most recent successful INSERT on this connection.
  std::int64_t last_insert_rowid() const;
  // The raw handle, for Statement.
  sqlite3* handle() const { return db_.get(); }

 private:
  struct Close {
    void operator()(sqlite3* db) const;
  };
  std::unique_ptr<sqlite3, Close> db_;
};

// A prepared statement, compiled once and reused. Each use goes through a Query, which binds
// parameters, steps, reads columns and resets the statement when it goes out of scope.
class Statement {
 public:
  Statement(const Connection& connection, std::string_view sql);

  class Query;
  // Starts a use of the statement with args bound to ?1, ?2, ... in order.
  template <class... Args>
  Query query(const Args&... args);

 private:
  struct Finalize {
    void operator()(sqlite3_stmt* stmt) const;
  };
  void bind_value(int index, std::int64_t value);
  void bind_value(int index, std::string_view value);
  void bind_value(int index, std::nullopt_t);
  template <std::integral I>
  void bind_value(int index, I value) {
    bind_value(index, static_cast<std::int64_t>(value));
  }
  template <class T>
  void bind_value(int index, const std::optional<T>& value) {
    if (value) {
      bind_value(index, *value);
    } else {
      bind_value(index, std::nullopt);
    }
  }
  void reset() noexcept;

  sqlite3* db_;
  std::unique_ptr<sqlite3_stmt, Finalize> stmt_;
};

// One execution of a Statement; resets it and clears its bindings on destruction.
class Statement::Query {
 public:
  explicit Query(Statement& statement) : statement_(&statement) {}
  ~Query();
  Query(Query&& other) noexcept : statement_(std::exchange(other.statement_, nullptr)) {}
  Query& operator=(Query&&) = delete;

  // Advances to the next row; false when there are no more.
  bool step();
  // Runs a statement that returns no rows to completion.
  void run();

  // Column accessors for the current row, 0-based.
  bool is_null(int column) const;
  std::int64_t int64(int column) const;
  std::string text(int column) const;
  std::optional<std::int64_t> optional_int64(int column) const;
  std::optional<std::string> optional_text(int column) const;

 private:
  Statement* statement_;
};

template <class... Args>
Statement::Query Statement::query(const Args&... args) {
  Query q(*this);
  int index = 0;
  (bind_value(++index, args), ...);
  return q;
}

// A write transaction: BEGIN IMMEDIATE on construction, ROLLBACK on destruction unless
// commit() succeeded.
class Transaction {
 public:
  explicit Transaction(Connection& connection);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  // Commits; after this the destructor does nothing.
  void commit();

 private:
  Connection& connection_;
  bool done_ = false;
};

}  // namespace riskwarn::store
