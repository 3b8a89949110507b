#include "rules/match/match.hpp"

#include <string>

namespace riskwarn {

std::vector<Risk> match_rules(std::string_view county, const std::vector<HazardSignal>& signals,
                              const std::vector<Rule>& rules) {
  std::vector<Risk> risks;
  for (const Rule& rule : rules) {
    for (const HazardSignal& signal : signals) {
      if (signal.hazard != rule.hazard || signal.level < rule.min_level)
        continue;
      risks.push_back(Risk{
          .county = std::string(county),
          .rule_id = rule.id,
          .sector = rule.sector,
          .hazard = signal.hazard,
          .level = signal.level,
          .start = signal.start,
          .end = signal.end,
          .source = signal.source,
          .roles = rule.roles,
          .actions = rule.actions,
      });
    }
  }
  return risks;
}

}  // namespace riskwarn
