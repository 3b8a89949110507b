#pragma once

#include <compare>
#include <optional>
#include <string>
#include <vector>

#include "rules/hazard.hpp"
#include "rules/level.hpp"
#include "rules/time.hpp"

namespace riskwarn {

// The identity of an alert: one county, one rule, one hazard or period instance.
struct AlertKey {
  std::string county;
  std::string rule_id;
  std::string instance;  // the hazard name for weather triggers

  auto operator<=>(const AlertKey&) const = default;
};

// An alert that is open in the store.
struct OpenAlert {
  AlertKey key;
  std::string sector;
  Level level = Level::none;
  TimePoint start{};
  TimePoint end{};
  int misses = 0;  // consecutive assessed polls without the trigger
};

// What happened to an alert in one cycle. raise, update and resolve are told to people;
// tally only records the count of consecutive polls without the trigger.
enum class ChangeKind { raise, update, resolve, tally };

// "raise", "update", "resolve" or "tally".
const char* to_string(ChangeKind kind);

// One alert change, with everything needed to record it and to tell the roles about it.
struct AlertChange {
  ChangeKind kind = ChangeKind::raise;
  AlertKey key;
  std::string sector;
  std::optional<Hazard> hazard;
  Level level = Level::none;           // the new level (the last level for resolve)
  Level previous_level = Level::none;  // none for raise
  TimePoint start{};
  TimePoint end{};
  int misses = 0;
  std::vector<std::string> roles;    // empty for tally
  std::vector<std::string> actions;  // empty for tally and resolve

  // True for the changes people are told about.
  bool notifies() const { return kind != ChangeKind::tally; }
};

}  // namespace riskwarn
