#pragma once

#include <set>
#include <string>
#include <vector>

#include "rules/alerts/alert.hpp"
#include "rules/match/risk.hpp"
#include "rules/match/rule.hpp"

namespace riskwarn {

// Compares this cycle's risks with the open alerts and returns the changes:
// - a risk with no open alert raises one;
// - a risk whose level or window differs from its open alert updates it (an unchanged alert
//   yields nothing, or a tally back to zero misses);
// - an open alert without a risk counts a miss, and resolves at resolve_after_polls misses.
// Open alerts of counties not in assessed_counties (their feeds failed: the world is unknown,
// not clear) are left untouched. rules gives the roles to tell when an alert resolves.
std::vector<AlertChange> diff_alerts(const std::vector<OpenAlert>& open,
                                     const std::vector<Risk>& risks,
                                     const std::set<std::string>& assessed_counties,
                                     const std::vector<Rule>& rules, int resolve_after_polls);

}  // namespace riskwarn
