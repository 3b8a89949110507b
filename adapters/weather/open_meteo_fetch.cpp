#include "adapters/weather/open_meteo_fetch.hpp"

#include <string>

#include "adapters/weather/open_meteo.hpp"

namespace riskwarn::weather {
namespace {

bool is_file_url(const std::string& url) {
  return url.starts_with("file://");
}

std::string request_url(const config::FeedConfig& feed, const config::County& county) {
  if (is_file_url(feed.url))
    return feed.url;
  const char separator = feed.url.find('?') == std::string::npos ? '?' : '&';
  return feed.url + separator +
         open_meteo_query(county.latitude, county.longitude, county.timezone);
}

}  // namespace

void fetch_open_meteo(http::HttpClient& client, const config::FeedConfig& feed,
                      const config::County& county,
                      std::function<void(Result<HourlySeries>)> done) {
  http::HttpRequest request;
  request.url = request_url(feed, county);
  request.connect_timeout = feed.connect_timeout;
  request.total_timeout = feed.timeout;
  request.max_response_bytes = feed.max_bytes;
  request.allow_file_url = is_file_url(feed.url);
  const std::string where = "feed \"" + feed.name + "\" for county " + county.code;
  client.async_request(std::move(request), [where, done = std::move(done)](http::HttpResult got) {
    if (got.error) {
      done(Error{where + ": " + got.error_text});
      return;
    }
    const long status = got.response.status;
    // file:// transfers report status 0; http(s) must answer 200.
    if (status != 0 && status != 200) {
      auto parsed = parse_open_meteo(got.response.body);
      const std::string cause =
          parsed ? std::string("unexpected response") : parsed.error().message;
      done(Error{where + ": HTTP " + std::to_string(status) + ": " + cause});
      return;
    }
    auto parsed = parse_open_meteo(got.response.body);
    if (!parsed) {
      done(Error{where + ": " + parsed.error().message});
      return;
    }
    done(std::move(parsed).value());
  });
}

}  // namespace riskwarn::weather
