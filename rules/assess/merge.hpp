#pragma once

#include <optional>
#include <vector>

#include "rules/assess/assessment.hpp"
#include "rules/assess/official_warning.hpp"
#include "rules/time.hpp"

namespace riskwarn {

// One hazard of a county at one instant: the signal to act on and both of its sources.
struct MergedSignal {
  HazardSignal effective;                   // the official signal when it is at least as high
  std::optional<HazardSignal> derived;      // from the forecast, when one is in force
  std::optional<OfficialWarning> official;  // the highest official warning in force

  friend bool operator==(const MergedSignal&, const MergedSignal&) = default;
};

// The warning as a signal with source "official"; its period runs from start to end, or to
// start + 24 h when it has no end (QWeather's rule).
HazardSignal official_signal(const OfficialWarning& warning, Hazard hazard);

// Whether an official warning applies at `now`: in_force() (start may lie ahead), and, when it
// has no end, now is no later than 24 h after its start.
bool official_applies(const OfficialWarning& warning, TimePoint now);

// Derived and official signals merged per hazard, in the order of kAllHazards: for each hazard
// with a derived signal or an applicable official warning, the official one (the highest level,
// then the latest issued) is effective when its level is at least the derived one's; both are
// kept. Warnings of kinds riskwarn does not model are not here: see unmodelled_warnings().
std::vector<MergedSignal> merge_signals(const std::vector<HazardSignal>& derived,
                                        const std::vector<OfficialWarning>& official,
                                        TimePoint now);

// The applicable official warnings of kinds riskwarn does not model ("other"), in input order,
// so that they are shown and logged rather than dropped.
std::vector<OfficialWarning> unmodelled_warnings(const std::vector<OfficialWarning>& official,
                                                 TimePoint now);

}  // namespace riskwarn
