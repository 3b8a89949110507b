#include "daemon/cycle/feed_plan.hpp"

#include <algorithm>
#include <map>
#include <string>

namespace riskwarn::cycle {
namespace {

bool uses(const config::County& county, const std::string& feed) {
  return std::find(county.feeds.begin(), county.feeds.end(), feed) != county.feeds.end();
}

// The counties of one feed split by time zone, each zone in the order it first appears.
std::vector<std::vector<const config::County*>> by_time_zone(
    const std::vector<const config::County*>& counties) {
  std::vector<std::vector<const config::County*>> zones;
  std::map<std::string, std::size_t> index;
  for (const config::County* county : counties) {
    const auto [it, inserted] = index.try_emplace(county->timezone, zones.size());
    if (inserted)
      zones.emplace_back();
    zones[it->second].push_back(county);
  }
  return zones;
}

}  // namespace

std::vector<FeedRequest> plan_requests(const config::Config& config) {
  std::vector<FeedRequest> requests;
  for (const auto& [name, feed] : config.feeds) {
    std::vector<const config::County*> counties;
    for (const config::County& county : config.counties) {
      if (uses(county, name))
        counties.push_back(&county);
    }
    if (counties.empty())
      continue;
    if (feed.kind == config::FeedKind::cap) {
      requests.push_back({&feed, std::move(counties)});
      continue;
    }
    const bool batched =
        feed.kind == config::FeedKind::open_meteo && !feed.url.starts_with("file://");
    const std::size_t batch = batched ? std::max<std::size_t>(1, feed.batch_size) : 1;
    for (const auto& zone : by_time_zone(counties)) {
      for (std::size_t first = 0; first < zone.size(); first += batch) {
        const std::size_t last = std::min(zone.size(), first + batch);
        requests.push_back({&feed,
                            {zone.begin() + static_cast<std::ptrdiff_t>(first),
                             zone.begin() + static_cast<std::ptrdiff_t>(last)}});
      }
    }
  }
  return requests;
}

}  // namespace riskwarn::cycle
