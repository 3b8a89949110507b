#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rules/hazard.hpp"
#include "rules/level.hpp"
#include "rules/thresholds.hpp"
#include "rules/time.hpp"

namespace riskwarn {

// A maximal run of consecutive hours at one level; start and end are its first and last hour.
struct Span {
  Level level = Level::none;
  TimePoint start;
  TimePoint end;

  friend bool operator==(const Span&, const Span&) = default;
};

// One hazard assessed over an hourly series. The per-hour vectors are parallel to the series'
// times when evaluated, and empty when the input lacks the variables the hazard's rule reads.
struct HazardAssessment {
  Hazard hazard = Hazard::fog;
  bool evaluated = false;
  std::vector<Level> intensity;    // the physical criterion at each hour (Level::none below all)
  std::vector<Level> signal;       // highest level L whose criterion is met in [t, t + W_L]
  std::vector<TimePoint> missing;  // hours whose needed inputs were null

  // The highest signal level over the series (equal to the highest intensity); none when
  // nothing is met or the hazard was not evaluated.
  Level max_level() const;
};

// A hazard signal in force at one instant, derived from a forecast or issued officially.
// start and end are the first and last hour of the hazardous period it announces.
struct HazardSignal {
  Hazard hazard = Hazard::fog;
  Level level = Level::none;
  TimePoint start;
  TimePoint end;
  std::string source = "derived";  // "derived" or "official"

  friend bool operator==(const HazardSignal&, const HazardSignal&) = default;
};

// The maximal runs of equal levels other than none over consecutive hours, in time order.
// times and levels are parallel; extra entries in the longer one are ignored.
std::vector<Span> to_spans(const std::vector<TimePoint>& times, const std::vector<Level>& levels);

// The signal at each hour i of consecutive hourly intensities: the highest level L such that
// some hour in [i, i + W_L] has intensity >= L. The window is cut off at the end of the data.
// notice has no lead window (only hour i counts); a negative window counts as 0.
std::vector<Level> signal_from_intensity(const std::vector<Level>& intensity,
                                         const LeadWindows& lead);

// The derived signal in force at `now` (source "derived"): the signal level at the hour that
// contains now, over the first run of hours at intensity >= that level from that hour on (a run
// already under way at now keeps its earlier first hour). nullopt when the hazard was not
// evaluated, now is outside the data, or the level is none. times are the series' hours.
std::optional<HazardSignal> signal_at(const HazardAssessment& assessment,
                                      const std::vector<TimePoint>& times, TimePoint now);

}  // namespace riskwarn
