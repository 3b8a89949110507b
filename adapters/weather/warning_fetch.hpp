#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/http/request_queue.hpp"
#include "adapters/weather/cap.hpp"
#include "adapters/weather/qweather.hpp"
#include "config/config.hpp"
#include "rules/result.hpp"

// Fetching official warnings: QWeather per county, CAP 1.2 per feed.
namespace riskwarn::weather {

// The most CAP documents one poll fetches from an index (the first ones listed).
inline constexpr std::size_t kMaxCapDocuments = 50;

// What one CAP feed brought back.
struct CapFeedReply {
  std::vector<CapAlert> alerts;  // every message read this poll: the chain
  std::size_t documents = 0;     // CAP documents fetched from an index (0: the feed embeds them)
  std::size_t skipped = 0;       // documents listed beyond kMaxCapDocuments, not fetched
};

// The reference resolved against the absolute URL base (RFC 3986 without dot-segment removal):
// an absolute URL as it is, "//host/..." with base's scheme, "/path" on base's origin, anything
// else relative to base's directory.
std::string resolve_url(std::string_view base, std::string_view reference);

// Fetches one county's warnings from a QWeather feed through the feed's queue, with the feed's
// api_key in the X-QW-Api-Key header, or a JWT signed for `now` as a bearer token. done is called
// once with the reply (a 204 as no_data) or an Error naming the feed, the county and the
// cause (never the key or the query string).
void fetch_qweather_warnings(http::RequestQueue& queue, const config::FeedConfig& feed,
                             const config::County& county, TimePoint now,
                             std::function<void(Result<QWeatherReply>)> done);

// Fetches a CAP feed through its queue: a CAP document or a feed embedding alerts is parsed as
// it is; an Atom or RSS index of links has each listed document fetched (relative links
// resolved against the feed URL, at most kMaxCapDocuments) and parsed. done is called once on
// the io_context thread with every message read, or an Error naming the feed, the document
// and the cause when any of them failed (a chain with a gap could keep a cancelled warning).
void fetch_cap_feed(http::RequestQueue& queue, const config::FeedConfig& feed,
                    std::function<void(Result<CapFeedReply>)> done);

}  // namespace riskwarn::weather
