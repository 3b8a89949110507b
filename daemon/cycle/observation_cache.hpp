#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "rules/observation.hpp"

namespace riskwarn::cycle {

// A series from the cache, with when its feed last confirmed it.
struct CachedObservation {
  HourlySeries series;
  TimePoint confirmed_at;
};

// The last good series of every (feed, county), in memory, so that a failed poll can still be
// assessed on what was last received and a 304 can reuse what the server says is unchanged.
// Series are held compactly (8 bytes per value, missing as NaN) and rebuilt on demand.
class ObservationCache {
 public:
  // Stores a series just received at `at`, replacing the previous one. Its times must be
  // consecutive hours, as every parsed series's are.
  void put(const std::string& feed, const std::string& county, const HourlySeries& series,
           TimePoint at);

  // Marks the held series as confirmed current at `at` (the feed answered 304); false when
  // none is held.
  bool confirm(const std::string& feed, const std::string& county, TimePoint at);

  // True when a series is held for (feed, county), however old.
  bool contains(const std::string& feed, const std::string& county) const;

  // The held series when it was confirmed no longer than max_age before now.
  std::optional<CachedObservation> fresh(const std::string& feed, const std::string& county,
                                         TimePoint now, std::chrono::seconds max_age) const;

  // Forgets every entry whose (feed, county) is not in keep (after a reload).
  void retain(const std::set<std::pair<std::string, std::string>>& keep);

  // The number of series held.
  std::size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    TimePoint first_hour;
    std::size_t hours = 0;
    std::chrono::seconds utc_offset{0};
    std::array<std::vector<double>, kVariableCount> columns;  // empty: not supplied
    std::array<bool, kVariableCount> supplied{};
    TimePoint confirmed_at;
  };

  std::map<std::pair<std::string, std::string>, Entry, std::less<>> entries_;
};

}  // namespace riskwarn::cycle
