#pragma once

// Internal to config/: typed, range-checked access to one TOML table that remembers which keys
// were asked for, so that every other key is reported as unknown. Includes toml++.

#include <chrono>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "config/reporter.hpp"

namespace riskwarn::config {

enum class Presence { optional, required };

// A value read from the config with where it was written, for later cross-checks.
template <class T>
struct Located {
  T value;
  toml::source_region where;
  std::string path;  // key path, e.g. "counties[0].feeds[1]"
};

// "parent.key", or key alone at the root; keys that are not bare TOML keys are quoted.
std::string child_path(std::string_view parent, std::string_view key);

// "parent[index]".
std::string index_path(std::string_view parent, std::size_t index);

// "a string", "an integer", ...: the TOML type of node, for messages.
std::string_view type_name(const toml::node& node);

class TableReader {
 public:
  TableReader(const toml::table& table, std::string path, Reporter& reporter)
      : table_(table), path_(std::move(path)), reporter_(reporter) {}

  const toml::table& table() const { return table_; }
  const std::string& path() const { return path_; }
  Reporter& reporter() const { return reporter_; }
  std::string path_of(std::string_view key) const { return child_path(path_, key); }

  // The node at key, now an expected key; a missing required key is reported at the table.
  const toml::node* node(std::string_view key, Presence presence = Presence::optional);

  // Typed accessors: nullopt (after reporting why) when absent, of the wrong type or out of
  // range. Numbers accept integers; integers reject floats.
  std::optional<std::string> string(std::string_view key, Presence presence = Presence::optional);
  std::optional<std::string> nonempty_string(std::string_view key,
                                             Presence presence = Presence::optional);
  std::optional<std::int64_t> integer(std::string_view key, std::int64_t min, std::int64_t max,
                                      Presence presence = Presence::optional);
  std::optional<double> number(std::string_view key, double min, double max,
                               Presence presence = Presence::optional);
  std::optional<bool> boolean(std::string_view key, Presence presence = Presence::optional);
  // A duration string ("10m", "1h30m") within [min, max].
  std::optional<std::chrono::seconds> duration(std::string_view key, std::chrono::seconds min,
                                               std::chrono::seconds max,
                                               Presence presence = Presence::optional);
  // The strings of an array; elements of another type and repeated ones are reported and left
  // out. Empty when absent or not an array.
  std::vector<Located<std::string>> strings(std::string_view key,
                                            Presence presence = Presence::optional);
  // The same, and an empty array is reported as one.
  std::vector<Located<std::string>> nonempty_strings(std::string_view key,
                                                     Presence presence = Presence::optional);
  const toml::table* subtable(std::string_view key, Presence presence = Presence::optional);
  const toml::array* array(std::string_view key, Presence presence = Presence::optional);

  // Reports a problem with the value at key (which must be present) at that value.
  void report(std::string_view key, std::string_view message) const;

  // Reports key, when present, with message; the key is not listed as expected.
  void forbid(std::string_view key, std::string_view message);

  // Reports every key of the table that no accessor asked for, listing those that were.
  void report_unknown_keys() const;

 private:
  void report_wrong_type(const toml::node& node, std::string_view key,
                         std::string_view expected) const;

  const toml::table& table_;
  std::string path_;
  Reporter& reporter_;
  std::set<std::string, std::less<>> expected_;
  std::set<std::string, std::less<>> forbidden_;
};

// Nullopt (after reporting) unless node is a table; used for array elements and map values.
const toml::table* as_table_or_report(const toml::node& node, std::string_view path,
                                      Reporter& reporter);

}  // namespace riskwarn::config
