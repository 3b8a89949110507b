#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "rules/assess/official_warning.hpp"
#include "rules/time.hpp"

namespace riskwarn::cycle {

// The last good official warnings of every (feed, county), in memory, so that a failed poll or
// a QWeather 204 (no data) still assesses the county on what was last received.
class WarningCache {
 public:
  // Stores the warnings received at `at`, replacing the previous ones.
  void put(const std::string& feed, const std::string& county,
           std::vector<OfficialWarning> warnings, TimePoint at);

  // Marks the held warnings as confirmed current at `at`, holding none when nothing was held
  // (the feed answered but said nothing new, as a QWeather 204 does).
  void confirm(const std::string& feed, const std::string& county, TimePoint at);

  // The held warnings when they were confirmed no longer than max_age before now.
  std::optional<std::vector<OfficialWarning>> fresh(const std::string& feed,
                                                    const std::string& county, TimePoint now,
                                                    std::chrono::seconds max_age) const;

  // Forgets every entry whose (feed, county) is not in keep (after a reload).
  void retain(const std::set<std::pair<std::string, std::string>>& keep);

 private:
  struct Entry {
    std::vector<OfficialWarning> warnings;
    TimePoint confirmed_at;
  };

  std::map<std::pair<std::string, std::string>, Entry> entries_;
};

}  // namespace riskwarn::cycle
