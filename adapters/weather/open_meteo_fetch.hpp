#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "adapters/http/request_queue.hpp"
#include "config/config.hpp"
#include "rules/observation.hpp"
#include "rules/result.hpp"

namespace riskwarn::weather {

// The conditional-request validators of a feed's last complete response.
struct Validators {
  std::optional<std::string> etag;
  std::optional<std::string> last_modified;

  bool empty() const { return !etag && !last_modified; }
};

// What one Open-Meteo request brought back.
struct OpenMeteoResponse {
  bool not_modified = false;         // HTTP 304: the series the caller holds are still current
  std::vector<HourlySeries> series;  // one per requested county, in order; empty on a 304
  Validators validators;             // the response's ETag and Last-Modified, for the next time
  int attempts = 1;                  // requests sent, retries included
};

// Fetches the forecast of one or more counties that share a time zone from an Open-Meteo feed
// in one request through the feed's queue (which limits concurrency and retries). An http(s)
// feed URL gets the counties' query appended; a file:// URL is read as it is (demo and replay),
// for one county. The response must hold one location per county, in order. `send` is put in
// If-None-Match / If-Modified-Since; give it only when the caller still holds every county's
// series. done is called once on the io_context thread with the response or an Error naming the
// feed, the counties and the cause (never the query string, which may carry a key).
void fetch_open_meteo(http::RequestQueue& queue, const config::FeedConfig& feed,
                      const std::vector<const config::County*>& counties, const Validators& send,
                      std::function<void(Result<OpenMeteoResponse>)> done);

}  // namespace riskwarn::weather
