#include "adapters/weather/open_meteo_fetch.hpp"

#include <string>
#include <utility>

#include "adapters/weather/open_meteo.hpp"
#include "adapters/weather/response_text.hpp"

namespace riskwarn::weather {
namespace {

bool is_file_url(const std::string& url) {
  return url.starts_with("file://");
}

std::string request_url(const config::FeedConfig& feed,
                        const std::vector<const config::County*>& counties) {
  if (is_file_url(feed.url))
    return feed.url;
  std::vector<Coordinates> places;
  places.reserve(counties.size());
  for (const config::County* county : counties)
    places.push_back({county->latitude, county->longitude});
  const char separator = feed.url.find('?') == std::string::npos ? '?' : '&';
  return feed.url + separator + open_meteo_query(places, counties.front()->timezone);
}

// "feed "NAME" for county C" or "... for counties C1, C2".
std::string describe(const config::FeedConfig& feed,
                     const std::vector<const config::County*>& counties) {
  std::string codes;
  for (const config::County* county : counties)
    codes += (codes.empty() ? "" : ", ") + county->code;
  return "feed \"" + feed.name + "\" for count" + (counties.size() == 1 ? "y " : "ies ") + codes;
}

std::string attempts_note(int attempts) {
  return attempts > 1 ? " (after " + std::to_string(attempts) + " attempts)" : "";
}

// What an error response's body says: the API's reason, an HTML page's title, or an excerpt.
std::string error_body(std::string_view body) {
  const std::string_view trimmed = text::trim(body);
  if (trimmed.empty())
    return "empty body";
  if (trimmed.front() != '{' && trimmed.front() != '[' && trimmed.front() != '<')
    return "body " + text::quoted(trimmed);
  auto parsed = parse_open_meteo_batch(body);
  return parsed ? std::string("unexpected response") : parsed.error().message;
}

// Why a status other than 200 and 304 is a failure, with what the body says.
std::string status_failure(const http::HttpResult& got) {
  const long status = got.response.status;
  std::string text = "HTTP " + std::to_string(status) + attempts_note(got.attempts) + ": " +
                     error_body(got.response.body);
  if (status >= 400 && status < 500 && status != 408 && status != 429)
    text += " (the request was refused; check the feed's configuration; not retried)";
  return text;
}

Validators response_validators(const http::HttpResponse& response) {
  return {response.header("etag"), response.header("last-modified")};
}

}  // namespace

void fetch_open_meteo(http::RequestQueue& queue, const config::FeedConfig& feed,
                      const std::vector<const config::County*>& counties, const Validators& send,
                      std::function<void(Result<OpenMeteoResponse>)> done) {
  http::HttpRequest request;
  request.url = request_url(feed, counties);
  request.connect_timeout = feed.connect_timeout;
  request.total_timeout = feed.timeout;
  request.max_response_bytes = feed.max_bytes;
  request.allow_file_url = is_file_url(feed.url);
  request.ca_file = feed.ca_file;
  if (send.etag)
    request.headers.push_back({"If-None-Match", *send.etag});
  if (send.last_modified)
    request.headers.push_back({"If-Modified-Since", *send.last_modified});
  const bool conditional = !send.empty();
  const std::size_t expected = counties.size();
  queue.submit(std::move(request), [where = describe(feed, counties), conditional, expected,
                                    done = std::move(done)](http::HttpResult got) {
    if (got.error) {
      done(Error{where + ": " + got.error_text + attempts_note(got.attempts)});
      return;
    }
    const long status = got.response.status;
    OpenMeteoResponse response;
    response.attempts = got.attempts;
    response.validators = response_validators(got.response);
    if (status == 304 && conditional) {
      response.not_modified = true;
      done(std::move(response));
      return;
    }
    // file:// transfers report status 0; http(s) must answer 200.
    if (status != 0 && status != 200) {
      done(Error{where + ": " + status_failure(got)});
      return;
    }
    auto parsed = parse_open_meteo_batch(got.response.body);
    if (!parsed) {
      done(Error{where + ": " + parsed.error().message});
      return;
    }
    if (parsed->size() != expected) {
      done(Error{where + ": open-meteo: response has " + std::to_string(parsed->size()) +
                 " location(s) for " + std::to_string(expected) + " requested"});
      return;
    }
    response.series = std::move(parsed).value();
    done(std::move(response));
  });
}

}  // namespace riskwarn::weather
