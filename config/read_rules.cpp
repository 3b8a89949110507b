#include "config/known_roles.hpp"
#include "config/message_text.hpp"
#include "config/sections.hpp"
#include "config/text_checks.hpp"
#include "rules/hazard.hpp"
#include "rules/level.hpp"

namespace riskwarn::config {
namespace {

// "line 12" within the same file, "rules/defaults/x.toml:12:1" across files.
std::string where_defined(const toml::source_region& first, const toml::source_region& here) {
  const bool same_file = first.path && here.path && *first.path == *here.path;
  if (same_file)
    return "line " + std::to_string(first.begin.line);
  return (first.path ? *first.path : std::string("?")) + ":" + std::to_string(first.begin.line) +
         ":" + std::to_string(first.begin.column);
}

std::optional<std::string> read_rule_id(TableReader& reader, RuleIds& seen) {
  auto id = reader.nonempty_string("id", Presence::required);
  if (!id)
    return std::nullopt;
  const toml::source_region& where = reader.table().get("id")->source();
  if (!is_rule_identifier(*id)) {
    reader.report("id", in_quotes(*id) +
                            " is not a rule id (lowercase letters, digits, \"_\", \".\" and \"-\", "
                            "starting with a letter)");
    return std::nullopt;
  }
  if (const auto first = seen.find(*id); first != seen.end()) {
    reader.report("id", "duplicate rule id " + in_quotes(*id) + " (first defined at " +
                            where_defined(first->second, where) + ")");
    return std::nullopt;
  }
  seen.emplace(*id, where);
  return id;
}

std::optional<Level> read_min_level(TableReader& reader) {
  const auto text = reader.string("min_level", Presence::required);
  if (!text)
    return std::nullopt;
  const auto level = parse_level(*text);
  if (!level || *level < Level::blue) {
    reader.report("min_level", in_quotes(*text) +
                                   " is not a warning level; expected one of: blue, yellow, "
                                   "orange, red");
    return std::nullopt;
  }
  return level;
}

Rule read_rule(const toml::table& table, const std::string& path, RuleIds& seen,
               Reporter& reporter) {
  TableReader reader(table, path, reporter);
  Rule rule;
  if (auto id = read_rule_id(reader, seen))
    rule.id = std::move(*id);
  if (auto sector = reader.nonempty_string("sector", Presence::required)) {
    if (is_rule_identifier(*sector)) {
      rule.sector = std::move(*sector);
    } else {
      reader.report("sector", in_quotes(*sector) +
                                  " is not a sector name (lowercase letters, "
                                  "digits, \"_\", \".\" and \"-\", starting with a letter)");
    }
  }
  if (const auto hazard_text = reader.string("hazard", Presence::required)) {
    if (const auto hazard = parse_hazard(*hazard_text)) {
      rule.hazard = *hazard;
    } else {
      reader.report("hazard", "unknown hazard " + in_quotes(*hazard_text) +
                                  "; expected one of: fog, snowstorm, road_icing, gale, cold_wave");
    }
  }
  if (const auto level = read_min_level(reader))
    rule.min_level = *level;
  for (auto& role : reader.nonempty_strings("roles", Presence::required)) {
    if (!is_known_role(role.value)) {
      reporter.error(role.where, role.path,
                     "unknown role " + in_quotes(role.value) +
                         "; known roles: " + std::string(known_role_names()));
      continue;
    }
    rule.roles.push_back(std::move(role.value));
  }
  for (auto& action : reader.nonempty_strings("actions", Presence::required)) {
    if (action.value.empty()) {
      reporter.error(action.where, action.path, "must not be empty");
      continue;
    }
    rule.actions.push_back(std::move(action.value));
  }
  reader.report_unknown_keys();
  return rule;
}

}  // namespace

std::vector<Rule> read_rules(const toml::array& array, const std::string& path, RuleIds& seen,
                             Reporter& reporter) {
  std::vector<Rule> rules;
  for (std::size_t i = 0; i < array.size(); ++i) {
    const std::string rule_path = index_path(path, i);
    const toml::table* table = as_table_or_report(*array.get(i), rule_path, reporter);
    if (!table)
      continue;
    rules.push_back(read_rule(*table, rule_path, seen, reporter));
  }
  return rules;
}

}  // namespace riskwarn::config
