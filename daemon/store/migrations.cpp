#include "daemon/store/migrations.hpp"

#include <stdexcept>
#include <string>

namespace riskwarn::store {

namespace {

int user_version(Connection& connection) {
  Statement statement(connection, "PRAGMA user_version");
  auto query = statement.query();
  query.step();
  return static_cast<int>(query.int64(0));
}

bool has_schema_objects(Connection& connection) {
  Statement statement(connection, "SELECT count(*) FROM sqlite_schema");
  auto query = statement.query();
  query.step();
  return query.int64(0) > 0;
}

void apply(Connection& connection, const Migration& migration) {
  Transaction transaction(connection);
  connection.exec(migration.sql);
  connection.exec("PRAGMA user_version = " + std::to_string(migration.version));
  transaction.commit();
}

}  // namespace

std::span<const Migration> all_migrations() {
  return embedded_migrations();
}

int latest_schema_version() {
  return embedded_migrations().back().version;
}

int migrate(Connection& connection, const std::filesystem::path& path) {
  const int found = user_version(connection);
  const int latest = latest_schema_version();
  if (found > latest) {
    throw std::runtime_error("database " + path.string() + " has schema version " +
                             std::to_string(found) + " but this riskwarn build supports up to " +
                             std::to_string(latest) +
                             "; it was written by a newer riskwarn: upgrade riskwarn or point "
                             "state_dir at another directory");
  }
  if (found == 0 && has_schema_objects(connection)) {
    throw std::runtime_error("database " + path.string() +
                             " holds tables but no riskwarn schema version; it is not a "
                             "riskwarn database");
  }
  for (const Migration& migration : embedded_migrations()) {
    if (migration.version <= found) {
      continue;
    }
    try {
      apply(connection, migration);
    } catch (const std::exception& e) {
      throw std::runtime_error("database " + path.string() + ": migration to schema version " +
                               std::to_string(migration.version) + " (" +
                               std::string(migration.name) + ") failed: " + e.what());
    }
  }
  return user_version(connection);
}

}  // namespace riskwarn::store
