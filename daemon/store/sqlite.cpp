#include "daemon/store/sqlite.hpp"

#include <sqlite3.h>

#include <cctype>
#include <string>

namespace riskwarn::store {

namespace {

std::string describe(std::string_view action, sqlite3* db, int code) {
  std::string message(action);
  message += ": ";
  // The connection's message is more specific ("UNIQUE constraint failed: t.c") but is only
  // about this failure when its code matches.
  if (db != nullptr && sqlite3_extended_errcode(db) == code) {
    message += sqlite3_errmsg(db);
  } else {
    message += sqlite3_errstr(code);
  }
  return message;
}

bool only_whitespace(std::string_view text) {
  for (const char c : text) {
    if (std::isspace(static_cast<unsigned char>(c)) == 0) {
      return false;
    }
  }
  return true;
}

}  // namespace

SqliteError::SqliteError(std::string_view action, sqlite3* db, int code)
    : std::runtime_error(describe(action, db, code)), code_(code) {}

void Connection::Close::operator()(sqlite3* db) const {
  sqlite3_close_v2(db);
}

Connection::Connection(const std::filesystem::path& path) {
  sqlite3* raw = nullptr;
  const int flags =
      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  db_.reset(raw);
  if (rc != SQLITE_OK) {
    throw SqliteError("cannot open the database", raw, rc);
  }
  sqlite3_extended_result_codes(raw, 1);
}

void Connection::exec(std::string_view sql) {
  const std::string text(sql);
  char* error = nullptr;
  const int rc = sqlite3_exec(db_.get(), text.c_str(), nullptr, nullptr, &error);
  if (rc != SQLITE_OK) {
    const std::string message = error != nullptr ? error : sqlite3_errstr(rc);
    sqlite3_free(error);
    throw SqliteError(message, nullptr, rc);
  }
}

std::int64_t Connection::last_insert_rowid() const {
  return sqlite3_last_insert_rowid(db_.get());
}

void Statement::Finalize::operator()(sqlite3_stmt* stmt) const {
  sqlite3_finalize(stmt);
}

Statement::Statement(const Connection& connection, std::string_view sql)
    : db_(connection.handle()) {
  sqlite3_stmt* raw = nullptr;
  const char* tail = nullptr;
  const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                    SQLITE_PREPARE_PERSISTENT, &raw, &tail);
  stmt_.reset(raw);
  if (rc != SQLITE_OK) {
    throw SqliteError("cannot prepare \"" + std::string(sql) + "\"", db_, rc);
  }
  if (raw == nullptr) {
    throw std::logic_error("empty SQL statement");
  }
  const auto consumed = static_cast<std::size_t>(tail - sql.data());
  if (!only_whitespace(sql.substr(consumed))) {
    throw std::logic_error("more than one SQL statement in \"" + std::string(sql) + "\"");
  }
}

void Statement::bind_value(int index, std::int64_t value) {
  const int rc = sqlite3_bind_int64(stmt_.get(), index, value);
  if (rc != SQLITE_OK) {
    throw SqliteError("cannot bind parameter " + std::to_string(index), db_, rc);
  }
}

void Statement::bind_value(int index, std::string_view value) {
  const int rc = sqlite3_bind_text64(stmt_.get(), index, value.data(), value.size(),
                                     SQLITE_TRANSIENT, SQLITE_UTF8);
  if (rc != SQLITE_OK) {
    throw SqliteError("cannot bind parameter " + std::to_string(index), db_, rc);
  }
}

void Statement::bind_value(int index, std::nullopt_t) {
  const int rc = sqlite3_bind_null(stmt_.get(), index);
  if (rc != SQLITE_OK) {
    throw SqliteError("cannot bind parameter " + std::to_string(index), db_, rc);
  }
}

void Statement::reset() noexcept {
  sqlite3_reset(stmt_.get());
  sqlite3_clear_bindings(stmt_.get());
}

Statement::Query::~Query() {
  if (statement_ != nullptr) {
    statement_->reset();
  }
}

bool Statement::Query::step() {
  const int rc = sqlite3_step(statement_->stmt_.get());
  if (rc == SQLITE_ROW) {
    return true;
  }
  if (rc == SQLITE_DONE) {
    return false;
  }
  throw SqliteError(sqlite3_sql(statement_->stmt_.get()), statement_->db_, rc);
}

void Statement::Query::run() {
  while (step()) {
  }
}

bool Statement::Query::is_null(int column) const {
  return sqlite3_column_type(statement_->stmt_.get(), column) == SQLITE_NULL;
}

std::int64_t Statement::Query::int64(int column) const {
  return sqlite3_column_int64(statement_->stmt_.get(), column);
}

std::string Statement::Query::text(int column) const {
  sqlite3_stmt* stmt = statement_->stmt_.get();
  const auto* data = sqlite3_column_text(stmt, column);
  if (data == nullptr) {
    return {};
  }
  const int size = sqlite3_column_bytes(stmt, column);
  return {reinterpret_cast<const char*>(data), static_cast<std::size_t>(size)};
}

std::optional<std::int64_t> Statement::Query::optional_int64(int column) const {
  if (is_null(column)) {
    return std::nullopt;
  }
  return int64(column);
}

std::optional<std::string> Statement::Query::optional_text(int column) const {
  if (is_null(column)) {
    return std::nullopt;
  }
  return text(column);
}

Transaction::Transaction(Connection& connection) : connection_(connection) {
  connection_.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
  // Some errors (SQLITE_FULL, SQLITE_IOERR, ...) roll back on their own; then there is
  // nothing left to undo.
  if (!done_ && sqlite3_get_autocommit(connection_.handle()) == 0) {
    sqlite3_exec(connection_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
  }
}

void Transaction::commit() {
  connection_.exec("COMMIT");
  done_ = true;
}

}  // namespace riskwarn::store
