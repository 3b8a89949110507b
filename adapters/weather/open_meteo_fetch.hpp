#pragma once

#include <functional>

#include "adapters/http/http_client.hpp"
#include "config/config.hpp"
#include "rules/observation.hpp"
#include "rules/result.hpp"

namespace riskwarn::weather {

// Fetches and parses one county's forecast from an Open-Meteo feed. An http(s) feed URL gets
// the county's query appended; a file:// URL is read as it is (demo and replay). done is called
// once on the io_context thread with the series or an error naming the feed, the county and
// the cause (never the query string, which may carry a key).
void fetch_open_meteo(http::HttpClient& client, const config::FeedConfig& feed,
                      const config::County& county, std::function<void(Result<HourlySeries>)> done);

}  // namespace riskwarn::weather
