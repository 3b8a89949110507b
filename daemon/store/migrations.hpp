#pragma once

#include <filesystem>
#include <span>
#include <string_view>
#include <vector>

#include "daemon/store/sqlite.hpp"

namespace riskwarn::store {

// One schema step: the SQL that takes the database from version - 1 to version.
struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

// The schema's history, compiled in from daemon/store/migrations/NNNN_<name>.sql (see
// embed_migrations.cmake), oldest first. To change the schema, add the next NNNN file; never edit
// or reorder a migration that has shipped, because databases in the field already ran it.
const std::vector<Migration>& embedded_migrations();

// Every migration, oldest first; all_migrations()[i].version == i + 1.
std::span<const Migration> all_migrations();

// The newest schema version this binary knows.
int latest_schema_version();

// Reads PRAGMA user_version and applies each missing step in its own BEGIN IMMEDIATE
// transaction that also sets user_version. Returns the resulting version. Throws
// std::runtime_error naming path and both versions when the database is newer than this
// binary, and when the file holds tables but no schema version (not a riskwarn database).
int migrate(Connection& connection, const std::filesystem::path& path);

}  // namespace riskwarn::store
