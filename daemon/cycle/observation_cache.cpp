#include "daemon/cycle/observation_cache.hpp"

#include <cmath>
#include <limits>

namespace riskwarn::cycle {
namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

}  // namespace

void ObservationCache::put(const std::string& feed, const std::string& county,
                           const HourlySeries& series, TimePoint at) {
  Entry entry;
  entry.first_hour = series.times.empty() ? TimePoint{} : series.times.front();
  entry.hours = series.times.size();
  entry.utc_offset = series.utc_offset;
  entry.confirmed_at = at;
  for (std::size_t v = 0; v < kVariableCount; ++v) {
    const auto& column = series.columns[v];
    if (!column)
      continue;
    entry.supplied[v] = true;
    entry.columns[v].reserve(column->size());
    // Parsed values are finite, so NaN is free to stand for a missing one.
    for (const std::optional<double>& value : *column)
      entry.columns[v].push_back(value.value_or(kMissing));
  }
  entries_.insert_or_assign({feed, county}, std::move(entry));
}

bool ObservationCache::confirm(const std::string& feed, const std::string& county, TimePoint at) {
  const auto found = entries_.find(std::pair{feed, county});
  if (found == entries_.end())
    return false;
  found->second.confirmed_at = at;
  return true;
}

bool ObservationCache::contains(const std::string& feed, const std::string& county) const {
  return entries_.contains(std::pair{feed, county});
}

std::optional<CachedObservation> ObservationCache::fresh(const std::string& feed,
                                                         const std::string& county, TimePoint now,
                                                         std::chrono::seconds max_age) const {
  const auto found = entries_.find(std::pair{feed, county});
  if (found == entries_.end() || now - found->second.confirmed_at > max_age)
    return std::nullopt;
  const Entry& entry = found->second;
  CachedObservation observation;
  observation.confirmed_at = entry.confirmed_at;
  HourlySeries& series = observation.series;
  series.utc_offset = entry.utc_offset;
  series.times.reserve(entry.hours);
  for (std::size_t h = 0; h < entry.hours; ++h)
    series.times.push_back(entry.first_hour + std::chrono::hours{h});
  for (std::size_t v = 0; v < kVariableCount; ++v) {
    if (!entry.supplied[v])
      continue;
    Column& column = series.columns[v].emplace();
    column.reserve(entry.columns[v].size());
    for (const double value : entry.columns[v])
      column.push_back(std::isnan(value) ? std::nullopt : std::optional<double>(value));
  }
  return observation;
}

void ObservationCache::retain(const std::set<std::pair<std::string, std::string>>& keep) {
  std::erase_if(entries_, [&](const auto& item) { return !keep.contains(item.first); });
}

}  // namespace riskwarn::cycle
