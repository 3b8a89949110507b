#include "config/load.hpp"

#include <exception>

#include "config/default_rules.hpp"
#include "config/file_text.hpp"
#include "config/sections.hpp"

namespace riskwarn::config {
namespace {

constexpr std::size_t kMaxConfigBytes = 16 * 1024 * 1024;

std::optional<toml::table> parse_toml(std::string_view text, const std::string& path,
                                      Reporter& reporter) {
  try {
    return toml::parse(text, std::string_view(path));
  } catch (const toml::parse_error& error) {
    reporter.error(error.source(), "", "invalid TOML: " + std::string(error.description()));
    return std::nullopt;
  }
}

void append(std::vector<Rule>& rules, std::vector<Rule> more) {
  rules.insert(rules.end(), std::make_move_iterator(more.begin()),
               std::make_move_iterator(more.end()));
}

// The compiled-in default rules; problems in them are reported with their embedded path.
std::vector<Rule> read_default_rules(RuleIds& seen, Reporter& reporter) {
  std::vector<Rule> rules;
  for (const EmbeddedFile& file : default_rule_files()) {
    const auto root = parse_toml(file.text, std::string(file.path), reporter);
    if (!root)
      continue;
    TableReader reader(*root, "", reporter);
    if (const toml::array* array = reader.array("rules", Presence::required)) {
      append(rules, read_rules(*array, "rules", seen, reporter));
    }
    reader.report_unknown_keys();
  }
  return rules;
}

void read_root(const toml::table& root, Config& config, RuleIds& rule_ids,
               const LoadContext& context) {
  TableReader reader(root, "", context.reporter);
  if (const toml::table* daemon = reader.subtable("daemon")) {
    config.daemon = read_daemon(*daemon, context);
  }
  if (const toml::table* feeds = reader.subtable("feeds")) {
    config.feeds = read_feeds(*feeds, context);
  }
  if (const toml::table* channels = reader.subtable("channels")) {
    config.channels = read_channels(*channels, context);
  }
  if (const toml::table* calendar = reader.subtable("calendar")) {
    config.calendar = read_calendar(*calendar, context);
  }
  if (const toml::table* thresholds = reader.subtable("thresholds")) {
    read_thresholds(*thresholds, "thresholds", config.national, context.reporter);
  }
  if (const toml::array* counties = reader.array("counties")) {
    const CountyContext references{config.feeds, config.channels, config.national};
    config.counties = read_counties(*counties, references, context);
  }
  if (const toml::array* rules = reader.array("rules")) {
    append(config.rules, read_rules(*rules, "rules", rule_ids, context.reporter));
  }
  reader.report_unknown_keys();
}

}  // namespace

std::string to_string(const Diagnostic& diagnostic) {
  std::string text = diagnostic.path;
  if (diagnostic.line > 0) {
    text += ':' + std::to_string(diagnostic.line) + ':' + std::to_string(diagnostic.column);
  }
  return text + ": " + diagnostic.message;
}

LoadResult parse_config(std::string_view text, const std::string& path,
                        const LoadOptions& options) {
  Reporter reporter(path);
  try {
    // Relative paths in the file are relative to its directory, made absolute so that the
    // daemon's working directory never matters.
    std::error_code ignored;
    const auto absolute = std::filesystem::absolute(path, ignored);
    const LoadContext context{
        reporter, (absolute.empty() ? std::filesystem::path(path) : absolute).parent_path(),
        options};
    Config config;
    config.source_path = path;
    RuleIds rule_ids;
    config.rules = read_default_rules(rule_ids, reporter);
    if (const auto root = parse_toml(text, path, reporter)) {
      read_root(*root, config, rule_ids, context);
    }
    if (!reporter.has_errors())
      return config;
  } catch (const std::exception& error) {
    reporter.error_without_position(std::string("cannot load the config: ") + error.what());
  }
  return reporter.sorted();
}

LoadResult load_config(const std::string& path, const LoadOptions& options) {
  const auto text = read_file_text(path, kMaxConfigBytes);
  if (!text) {
    return std::vector<Diagnostic>{
        Diagnostic{path, 0, 0, "cannot read the config file: " + text.error().message}};
  }
  return parse_config(*text, path, options);
}

}  // namespace riskwarn::config
