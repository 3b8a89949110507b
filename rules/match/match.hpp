#pragma once

#include <string_view>
#include <vector>

#include "rules/assess/assessment.hpp"
#include "rules/match/risk.hpp"
#include "rules/match/rule.hpp"

namespace riskwarn {

// The risks of one county: every rule whose hazard has a signal at or above the rule's minimum
// level. Each risk carries the signal's level and window. Pure; order follows the rules.
std::vector<Risk> match_rules(std::string_view county, const std::vector<HazardSignal>& signals,
                              const std::vector<Rule>& rules);

}  // namespace riskwarn
