#pragma once

#include <vector>

#include "config/config.hpp"

namespace riskwarn::cycle {

// One request a poll makes: a feed and the counties it asks about (several only for a batch).
struct FeedRequest {
  const config::FeedConfig* feed = nullptr;
  std::vector<const config::County*> counties;
};

// The requests that fetch every feed of every county, pointing into config, in config order.
// An open-meteo http(s) feed asks for up to its batch_size counties per request, counties of one
// time zone together (the request names one zone, and the answer's times are local to it); an
// open-meteo file:// feed is read once per county. A qweather feed is asked once per county; a
// cap feed once for all its counties (its messages name the areas they cover).
std::vector<FeedRequest> plan_requests(const config::Config& config);

}  // namespace riskwarn::cycle
