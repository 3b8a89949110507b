#pragma once

// Internal to config/: readers of the config's top-level sections. Each reports every problem
// it finds to the Reporter and returns what it could read. Includes toml++.

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <toml++/toml.h>

#include "config/config.hpp"
#include "config/load.hpp"
#include "config/reporter.hpp"
#include "config/table_reader.hpp"

namespace riskwarn::config {

// What every section reader needs besides its table.
struct LoadContext {
  Reporter& reporter;
  std::filesystem::path base_directory;  // relative paths in the config are relative to this
  const LoadOptions& options;
};

// A secret configured by "<stem>_file" (a path) or "<stem>_credential" (a systemd credential
// name), not both; an inline "<stem>" is reported. origin says where it came from for messages
// about its format, e.g. `secret file "/etc/riskwarn/hook.key"`; it never holds secret bytes.
struct SecretSetting {
  Secret secret;
  std::string key;     // the key that named it, e.g. "secret_file"
  std::string origin;  // e.g. `secret file "/etc/x"` or `credential "hook"`
};
std::optional<SecretSetting> read_secret_setting(TableReader& reader, std::string_view stem,
                                                 const LoadContext& context);

// [daemon].
DaemonSettings read_daemon(const toml::table& table, const LoadContext& context);

// [feeds.NAME] tables, by name.
std::map<std::string, FeedConfig> read_feeds(const toml::table& table, const LoadContext& context);

// [channels.NAME] tables, by name.
std::map<std::string, ChannelConfig> read_channels(const toml::table& table,
                                                   const LoadContext& context);

// [calendar].
CalendarSources read_calendar(const toml::table& table, const LoadContext& context);

// Applies a [thresholds] table (national, or a county's overrides) at path onto thresholds and
// records the keys it set. Then reports ordering problems that involve one of those keys.
void read_thresholds(const toml::table& table, const std::string& path, Thresholds& thresholds,
                     Reporter& reporter);

// Rule ids seen so far and where each was defined.
using RuleIds = std::map<std::string, toml::source_region, std::less<>>;

// A [[rules]] array at path ("rules"); ids must be new to seen, and are added to it.
std::vector<Rule> read_rules(const toml::array& array, const std::string& path, RuleIds& seen,
                             Reporter& reporter);

// What county validation checks references against.
struct CountyContext {
  const std::map<std::string, FeedConfig>& feeds;
  const std::map<std::string, ChannelConfig>& channels;
  const Thresholds& national;
};

// The [[counties]] array.
std::vector<County> read_counties(const toml::array& array, const CountyContext& references,
                                  const LoadContext& context);

// [counties.departments.ROLE] tables of the county at county_path, by role.
std::map<std::string, Department> read_departments(const toml::table& table,
                                                   const std::string& county_path,
                                                   const CountyContext& references,
                                                   Reporter& reporter);

}  // namespace riskwarn::config
