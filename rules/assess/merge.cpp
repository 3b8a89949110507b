#include "rules/assess/merge.hpp"

#include <chrono>
#include <utility>

namespace riskwarn {
namespace {

constexpr std::chrono::hours kDefaultValidity{24};

// The highest derived signal of a hazard, or nullptr.
const HazardSignal* highest_derived(const std::vector<HazardSignal>& derived, Hazard hazard) {
  const HazardSignal* highest = nullptr;
  for (const HazardSignal& signal : derived) {
    if (signal.hazard == hazard && (highest == nullptr || signal.level > highest->level))
      highest = &signal;
  }
  return highest;
}

// The applicable official warning of a hazard with the highest level (then the latest issued),
// or nullptr.
const OfficialWarning* highest_official(const std::vector<OfficialWarning>& official, Hazard hazard,
                                        TimePoint now) {
  const OfficialWarning* highest = nullptr;
  for (const OfficialWarning& warning : official) {
    if (warning.hazard != hazard || !official_applies(warning, now))
      continue;
    if (highest == nullptr || warning.level > highest->level ||
        (warning.level == highest->level && warning.issued > highest->issued))
      highest = &warning;
  }
  return highest;
}

}  // namespace

HazardSignal official_signal(const OfficialWarning& warning, Hazard hazard) {
  return HazardSignal{hazard, warning.level, warning.start,
                      warning.end.value_or(warning.start + kDefaultValidity), "official"};
}

bool official_applies(const OfficialWarning& warning, TimePoint now) {
  return in_force(warning, now) && (warning.end || now <= warning.start + kDefaultValidity);
}

std::vector<MergedSignal> merge_signals(const std::vector<HazardSignal>& derived,
                                        const std::vector<OfficialWarning>& official,
                                        TimePoint now) {
  std::vector<MergedSignal> merged;
  for (const Hazard hazard : kAllHazards) {
    const HazardSignal* from_forecast = highest_derived(derived, hazard);
    const OfficialWarning* warning = highest_official(official, hazard, now);
    if (from_forecast == nullptr && warning == nullptr)
      continue;
    MergedSignal signal;
    if (from_forecast != nullptr)
      signal.derived = *from_forecast;
    if (warning != nullptr)
      signal.official = *warning;
    const bool official_wins =
        warning != nullptr && (from_forecast == nullptr || warning->level >= from_forecast->level);
    signal.effective = official_wins ? official_signal(*warning, hazard) : *from_forecast;
    merged.push_back(std::move(signal));
  }
  return merged;
}

std::vector<OfficialWarning> unmodelled_warnings(const std::vector<OfficialWarning>& official,
                                                 TimePoint now) {
  std::vector<OfficialWarning> other;
  for (const OfficialWarning& warning : official) {
    if (!warning.hazard && official_applies(warning, now))
      other.push_back(warning);
  }
  return other;
}

}  // namespace riskwarn
