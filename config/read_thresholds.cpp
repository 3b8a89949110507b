#include "config/message_text.hpp"
#include "config/sections.hpp"
#include "config/threshold_fields.hpp"
#include "rules/hazard.hpp"

namespace riskwarn::config {
namespace {

// The keys one thresholds table set ("fog.red_visibility_m"), with where each was written.
using SetKeys = std::map<std::string, Located<double>, std::less<>>;

std::string qualified(std::string_view hazard, std::string_view key) {
  return std::string(hazard) + "." + std::string(key);
}

void read_hazard(const toml::table& table, std::string_view hazard, const std::string& path,
                 Thresholds& thresholds, SetKeys& set, Reporter& reporter) {
  TableReader reader(table, path, reporter);
  for (const ThresholdField& field : threshold_fields()) {
    if (field.hazard != hazard)
      continue;
    std::optional<double> value;
    if (field.integer) {
      const auto whole = reader.integer(field.key, static_cast<std::int64_t>(field.min),
                                        static_cast<std::int64_t>(field.max));
      if (whole)
        value = static_cast<double>(*whole);
    } else {
      value = reader.number(field.key, field.min, field.max);
    }
    if (!value)
      continue;
    field.set(thresholds, *value);
    set.emplace(qualified(hazard, field.key),
                Located<double>{*value, table.get(field.key)->source(), reader.path_of(field.key)});
  }
  reader.report_unknown_keys();
}

// Reports a broken ascending order at whichever of the two keys this table set; pairs it set
// neither of were already checked where they were set (or are the valid national defaults).
void check_pair(const ThresholdOrder& order, std::string_view low_key, double low,
                std::string_view high_key, double high, const SetKeys& set, Reporter& reporter) {
  if (order.strict ? low < high : low <= high)
    return;
  const std::string_view or_equal = order.strict ? "" : " or equal to";
  if (const auto it = set.find(qualified(order.hazard, low_key)); it != set.end()) {
    reporter.error(it->second.where, it->second.path,
                   format_number(low) + " must be less than" + std::string(or_equal) + " " +
                       std::string(high_key) + " (" + format_number(high) + ")");
  } else if (const auto it = set.find(qualified(order.hazard, high_key)); it != set.end()) {
    reporter.error(it->second.where, it->second.path,
                   format_number(high) + " must be greater than" + std::string(or_equal) + " " +
                       std::string(low_key) + " (" + format_number(low) + ")");
  }
}

void check_orders(const Thresholds& thresholds, const SetKeys& set, Reporter& reporter) {
  for (const ThresholdOrder& order : threshold_orders()) {
    std::vector<std::pair<std::string_view, double>> chain;
    for (const std::string_view key : order.ascending) {
      const double value = find_threshold_field(order.hazard, key)->get(thresholds);
      if (order.zero_means_unused && value == 0)
        continue;
      chain.emplace_back(key, value);
    }
    for (std::size_t i = 1; i < chain.size(); ++i) {
      check_pair(order, chain[i - 1].first, chain[i - 1].second, chain[i].first, chain[i].second,
                 set, reporter);
    }
  }
}

}  // namespace

void read_thresholds(const toml::table& table, const std::string& path, Thresholds& thresholds,
                     Reporter& reporter) {
  TableReader reader(table, path, reporter);
  SetKeys set;
  for (const Hazard hazard : kAllHazards) {
    const std::string_view name = to_string(hazard);
    if (const toml::table* hazard_table = reader.subtable(name)) {
      read_hazard(*hazard_table, name, reader.path_of(name), thresholds, set, reporter);
    }
  }
  reader.report_unknown_keys();
  check_orders(thresholds, set, reporter);
}

}  // namespace riskwarn::config
