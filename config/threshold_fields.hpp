#pragma once

// Internal to config/: the config keys of rules/thresholds.hpp, their ranges and order.

#include <span>
#include <string_view>

#include "rules/thresholds.hpp"

namespace riskwarn::config {

// One threshold key: [thresholds.HAZARD] KEY, a field of the hazard's struct. Lead windows are
// lead_blue_h, lead_yellow_h, lead_orange_h and lead_red_h.
struct ThresholdField {
  std::string_view hazard;  // "fog", "snowstorm", "road_icing", "gale", "cold_wave"
  std::string_view key;
  double min;
  double max;
  bool integer;  // an int field: the TOML value must be an integer
  double (*get)(const Thresholds&);
  void (*set)(Thresholds&, double);
};

// Every threshold key, grouped by hazard in kAllHazards order.
std::span<const ThresholdField> threshold_fields();

// Keys of one hazard whose values must ascend in the order listed: each value below the next
// (strictly, or at most equal), ignoring zeros when zero means "not used".
struct ThresholdOrder {
  std::string_view hazard;
  std::span<const std::string_view> ascending;
  bool strict;
  bool zero_means_unused;
};

// Every ordering constraint between threshold keys.
std::span<const ThresholdOrder> threshold_orders();

// The field of hazard named key, or nullptr.
const ThresholdField* find_threshold_field(std::string_view hazard, std::string_view key);

}  // namespace riskwarn::config
