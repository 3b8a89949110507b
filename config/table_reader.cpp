#include "config/table_reader.hpp"

#include <algorithm>

#include "config/duration.hpp"
#include "config/message_text.hpp"

namespace riskwarn::config {
namespace {

bool is_bare_key(std::string_view key) {
  return !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
  });
}

}  // namespace

std::string child_path(std::string_view parent, std::string_view key) {
  const std::string written = is_bare_key(key) ? std::string(key) : in_quotes(key);
  if (parent.empty())
    return written;
  return std::string(parent) + "." + written;
}

std::string index_path(std::string_view parent, std::size_t index) {
  return std::string(parent) + "[" + std::to_string(index) + "]";
}

std::string_view type_name(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::table:
      return "a table";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a floating-point number";
    case toml::node_type::boolean:
      return "a boolean";
    case toml::node_type::date:
      return "a date";
    case toml::node_type::time:
      return "a time";
    case toml::node_type::date_time:
      return "a date-time";
    case toml::node_type::none:
      break;
  }
  return "nothing";
}

const toml::node* TableReader::node(std::string_view key, Presence presence) {
  expected_.emplace(key);
  const toml::node* found = table_.get(key);
  if (!found && presence == Presence::required) {
    reporter_.error(table_.source(), path_, "missing required key " + in_quotes(key));
  }
  return found;
}

void TableReader::report_wrong_type(const toml::node& node, std::string_view key,
                                    std::string_view expected) const {
  reporter_.error(node.source(), path_of(key),
                  "expected " + std::string(expected) + ", got " + std::string(type_name(node)));
}

std::optional<std::string> TableReader::string(std::string_view key, Presence presence) {
  const toml::node* found = node(key, presence);
  if (!found)
    return std::nullopt;
  if (const auto* value = found->as_string())
    return value->get();
  report_wrong_type(*found, key, "a string");
  return std::nullopt;
}

std::optional<std::string> TableReader::nonempty_string(std::string_view key, Presence presence) {
  auto value = string(key, presence);
  if (value && value->empty()) {
    report(key, "must not be empty");
    return std::nullopt;
  }
  return value;
}

std::optional<std::int64_t> TableReader::integer(std::string_view key, std::int64_t min,
                                                 std::int64_t max, Presence presence) {
  const toml::node* found = node(key, presence);
  if (!found)
    return std::nullopt;
  const auto* value = found->as_integer();
  if (!value) {
    report_wrong_type(*found, key, "an integer");
    return std::nullopt;
  }
  if (value->get() < min || value->get() > max) {
    reporter_.error(found->source(), path_of(key),
                    std::to_string(value->get()) + " is out of range " + std::to_string(min) +
                        ".." + std::to_string(max));
    return std::nullopt;
  }
  return value->get();
}

std::optional<double> TableReader::number(std::string_view key, double min, double max,
                                          Presence presence) {
  const toml::node* found = node(key, presence);
  if (!found)
    return std::nullopt;
  double number = 0;
  if (const auto* real = found->as_floating_point()) {
    number = real->get();
  } else if (const auto* whole = found->as_integer()) {
    number = static_cast<double>(whole->get());
  } else {
    report_wrong_type(*found, key, "a number");
    return std::nullopt;
  }
  if (!(number >= min && number <= max)) {
    reporter_.error(found->source(), path_of(key),
                    format_number(number) + " is out of range " + format_number(min) + ".." +
                        format_number(max));
    return std::nullopt;
  }
  return number;
}

std::optional<bool> TableReader::boolean(std::string_view key, Presence presence) {
  const toml::node* found = node(key, presence);
  if (!found)
    return std::nullopt;
  if (const auto* value = found->as_boolean())
    return value->get();
  report_wrong_type(*found, key, "a boolean");
  return std::nullopt;
}

std::optional<std::chrono::seconds> TableReader::duration(std::string_view key,
                                                          std::chrono::seconds min,
                                                          std::chrono::seconds max,
                                                          Presence presence) {
  const auto text = string(key, presence);
  if (!text)
    return std::nullopt;
  const toml::source_region& where = table_.get(key)->source();
  const auto value = parse_duration(*text);
  if (!value) {
    reporter_.error(
        where, path_of(key),
        in_quotes(*text) + " is not a duration (write e.g. \"90s\", \"10m\", \"1h30m\")");
    return std::nullopt;
  }
  if (*value < min || *value > max) {
    reporter_.error(where, path_of(key),
                    in_quotes(*text) + " is out of range " + format_duration(min) + ".." +
                        format_duration(max));
    return std::nullopt;
  }
  return value;
}

std::vector<Located<std::string>> TableReader::strings(std::string_view key, Presence presence) {
  const toml::array* items = array(key, presence);
  if (!items)
    return {};
  const std::string path = path_of(key);
  std::vector<Located<std::string>> values;
  for (std::size_t i = 0; i < items->size(); ++i) {
    const toml::node& item = *items->get(i);
    const std::string item_path = index_path(path, i);
    const auto* text = item.as_string();
    if (!text) {
      reporter_.error(item.source(), item_path,
                      "expected a string, got " + std::string(type_name(item)));
      continue;
    }
    const bool repeated = std::any_of(values.begin(), values.end(), [&](const auto& earlier) {
      return earlier.value == text->get();
    });
    if (repeated) {
      reporter_.error(item.source(), item_path, in_quotes(text->get()) + " is listed twice");
      continue;
    }
    values.push_back({text->get(), item.source(), item_path});
  }
  return values;
}

std::vector<Located<std::string>> TableReader::nonempty_strings(std::string_view key,
                                                                Presence presence) {
  auto values = strings(key, presence);
  const toml::node* found = table_.get(key);
  if (found && found->is_array() && found->as_array()->empty())
    report(key, "must not be empty");
  return values;
}

const toml::table* TableReader::subtable(std::string_view key, Presence presence) {
  const toml::node* found = node(key, presence);
  if (!found)
    return nullptr;
  if (const auto* value = found->as_table())
    return value;
  report_wrong_type(*found, key, "a table");
  return nullptr;
}

const toml::array* TableReader::array(std::string_view key, Presence presence) {
  const toml::node* found = node(key, presence);
  if (!found)
    return nullptr;
  if (const auto* value = found->as_array())
    return value;
  report_wrong_type(*found, key, "an array");
  return nullptr;
}

void TableReader::report(std::string_view key, std::string_view message) const {
  reporter_.error(table_.get(key)->source(), path_of(key), message);
}

void TableReader::forbid(std::string_view key, std::string_view message) {
  forbidden_.emplace(key);
  if (const auto found = table_.find(key); found != table_.end()) {
    reporter_.error(found->first.source(), path_of(key), message);
  }
}

void TableReader::report_unknown_keys() const {
  std::vector<std::string> expected(expected_.begin(), expected_.end());
  for (const auto& [key, value] : table_) {
    if (expected_.contains(key.str()) || forbidden_.contains(key.str()))
      continue;
    reporter_.error(key.source(), path_of(key.str()),
                    expected.empty() ? std::string("unknown key")
                                     : "unknown key; expected one of: " + join(expected));
  }
}

const toml::table* as_table_or_report(const toml::node& node, std::string_view path,
                                      Reporter& reporter) {
  if (const auto* table = node.as_table())
    return table;
  reporter.error(node.source(), path, "expected a table, got " + std::string(type_name(node)));
  return nullptr;
}

}  // namespace riskwarn::config
