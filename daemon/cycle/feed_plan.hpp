#pragma once

#include <vector>

#include "config/config.hpp"

namespace riskwarn::cycle {

// One request a poll makes: a feed and the counties it asks about (several only for a batch).
struct FeedRequest {
  const config::FeedConfig* feed = nullptr;
  std::vector<const config::County*> counties;
};

// The requests that fetch every open-meteo feed of every county, pointing into config. An
// http(s) feed asks for up to its batch_size counties per request, counties of one time zone
// together (the request names one zone, and the answer's times are local to it), in config
// order; a file:// feed is read once per county. Feeds of other kinds are not included.
std::vector<FeedRequest> plan_requests(const config::Config& config);

}  // namespace riskwarn::cycle
