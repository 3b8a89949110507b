#include "rules/alerts/lifecycle.hpp"

#include <map>

namespace riskwarn {

const char* to_string(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::raise:
      return "raise";
    case ChangeKind::update:
      return "update";
    case ChangeKind::resolve:
      return "resolve";
    case ChangeKind::tally:
      return "tally";
  }
  return "raise";
}

namespace {

AlertKey key_of(const Risk& risk) {
  return AlertKey{risk.county, risk.rule_id, std::string(to_string(risk.hazard))};
}

AlertChange change_from_risk(ChangeKind kind, const Risk& risk, Level previous) {
  return AlertChange{
      .kind = kind,
      .key = key_of(risk),
      .sector = risk.sector,
      .hazard = risk.hazard,
      .level = risk.level,
      .previous_level = previous,
      .start = risk.start,
      .end = risk.end,
      .misses = 0,
      .roles = risk.roles,
      .actions = risk.actions,
  };
}

std::vector<std::string> roles_of_rule(const std::vector<Rule>& rules, const std::string& id) {
  for (const Rule& rule : rules) {
    if (rule.id == id)
      return rule.roles;
  }
  return {};
}

}  // namespace

std::vector<AlertChange> diff_alerts(const std::vector<OpenAlert>& open,
                                     const std::vector<Risk>& risks,
                                     const std::set<std::string>& assessed_counties,
                                     const std::vector<Rule>& rules, int resolve_after_polls) {
  std::map<AlertKey, const OpenAlert*> open_by_key;
  for (const OpenAlert& alert : open)
    open_by_key.emplace(alert.key, &alert);

  std::vector<AlertChange> changes;
  std::set<AlertKey> seen;
  for (const Risk& risk : risks) {
    const AlertKey key = key_of(risk);
    if (!seen.insert(key).second)
      continue;
    const auto found = open_by_key.find(key);
    if (found == open_by_key.end()) {
      changes.push_back(change_from_risk(ChangeKind::raise, risk, Level::none));
      continue;
    }
    const OpenAlert& alert = *found->second;
    if (alert.level != risk.level || alert.start != risk.start || alert.end != risk.end) {
      changes.push_back(change_from_risk(ChangeKind::update, risk, alert.level));
    } else if (alert.misses != 0) {
      AlertChange tally = change_from_risk(ChangeKind::tally, risk, alert.level);
      tally.roles.clear();
      tally.actions.clear();
      changes.push_back(std::move(tally));
    }
  }

  for (const OpenAlert& alert : open) {
    if (seen.contains(alert.key) || !assessed_counties.contains(alert.key.county))
      continue;
    const int misses = alert.misses + 1;
    const bool resolves = misses >= resolve_after_polls;
    changes.push_back(AlertChange{
        .kind = resolves ? ChangeKind::resolve : ChangeKind::tally,
        .key = alert.key,
        .sector = alert.sector,
        .hazard = parse_hazard(alert.key.instance),
        .level = alert.level,
        .previous_level = alert.level,
        .start = alert.start,
        .end = alert.end,
        .misses = misses,
        .roles = resolves ? roles_of_rule(rules, alert.key.rule_id) : std::vector<std::string>{},
        .actions = {},
    });
  }
  return changes;
}

}  // namespace riskwarn
