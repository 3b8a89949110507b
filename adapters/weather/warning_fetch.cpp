#include "adapters/weather/warning_fetch.hpp"

#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "adapters/weather/cap_index.hpp"
#include "adapters/weather/qweather_auth.hpp"
#include "adapters/weather/qweather_error.hpp"
#include "adapters/weather/qweather_url.hpp"
#include "adapters/weather/response_text.hpp"

namespace riskwarn::weather {
namespace {

bool is_file_url(std::string_view url) {
  return url.starts_with("file://");
}

std::string attempts_note(int attempts) {
  return attempts > 1 ? " (after " + std::to_string(attempts) + " attempts)" : "";
}

// The URL without its query string or fragment, safe to name in a message.
std::string without_query(std::string_view url) {
  return std::string{url.substr(0, url.find_first_of("?#"))};
}

http::HttpRequest feed_request(const config::FeedConfig& feed, std::string url) {
  http::HttpRequest request;
  request.allow_file_url = is_file_url(url);
  request.url = std::move(url);
  request.connect_timeout = feed.connect_timeout;
  request.total_timeout = feed.timeout;
  request.max_response_bytes = feed.max_bytes;
  request.ca_file = feed.ca_file;
  return request;
}

// Why a transfer did not bring back a usable body; nullopt when it did (file:// reports 0).
std::optional<std::string> transfer_failure(const http::HttpResult& got) {
  if (got.error)
    return got.error_text + attempts_note(got.attempts);
  const long status = got.response.status;
  if (status == 0 || status == 200)
    return std::nullopt;
  const std::string_view body = text::trim(got.response.body);
  std::string detail = body.empty() ? "empty body"
                       : text::is_html_page(body)
                           ? "HTML page " + text::html_title(body).value_or("without a title")
                           : "body " + text::quoted(body);
  return "HTTP " + std::to_string(status) + attempts_note(got.attempts) + ": " + detail;
}

// One CAP feed's fetch in progress: the index's documents, answered in any order.
struct CapFetch {
  std::string where;
  std::function<void(Result<CapFeedReply>)> done;
  std::vector<std::vector<CapAlert>> documents;
  std::size_t outstanding = 0;
  std::optional<Error> failure;
  std::size_t skipped = 0;

  void finish_one() {
    if (--outstanding != 0)
      return;
    if (failure) {
      done(std::move(*failure));
      return;
    }
    CapFeedReply reply;
    reply.documents = documents.size();
    reply.skipped = skipped;
    for (auto& alerts : documents)
      reply.alerts.insert(reply.alerts.end(), std::make_move_iterator(alerts.begin()),
                          std::make_move_iterator(alerts.end()));
    done(std::move(reply));
  }
};

void fetch_cap_documents(http::RequestQueue& queue, const config::FeedConfig& feed,
                         std::vector<std::string> links, std::string where,
                         std::function<void(Result<CapFeedReply>)> done) {
  auto fetch = std::make_shared<CapFetch>();
  fetch->where = std::move(where);
  fetch->done = std::move(done);
  if (links.size() > kMaxCapDocuments) {
    fetch->skipped = links.size() - kMaxCapDocuments;
    links.resize(kMaxCapDocuments);
  }
  if (links.empty()) {
    fetch->outstanding = 1;
    fetch->finish_one();
    return;
  }
  fetch->documents.resize(links.size());
  fetch->outstanding = links.size();
  for (std::size_t i = 0; i < links.size(); ++i) {
    const std::string url = resolve_url(feed.url, links[i]);
    queue.submit(feed_request(feed, url),
                 [fetch, i, document = without_query(url)](http::HttpResult got) {
                   const std::string where = fetch->where + ", document " + document;
                   if (auto failure = transfer_failure(got)) {
                     if (!fetch->failure)
                       fetch->failure = Error{where + ": " + *failure};
                   } else if (auto alerts = parse_cap(got.response.body)) {
                     fetch->documents[i] = std::move(alerts).value();
                   } else if (!fetch->failure) {
                     fetch->failure = Error{where + ": " + alerts.error().message};
                   }
                   fetch->finish_one();
                 });
  }
}

}  // namespace

std::string resolve_url(std::string_view base, std::string_view reference) {
  const std::size_t scheme_end = base.find("://");
  const std::size_t colon = reference.find(':');
  if (colon != std::string_view::npos && reference.find_first_of("/?#") > colon)
    return std::string{reference};
  if (scheme_end == std::string_view::npos)
    return std::string{reference};
  if (reference.starts_with("//"))
    return std::string{base.substr(0, scheme_end + 1)} + std::string{reference};
  const std::size_t path_start = base.find('/', scheme_end + 3);
  const std::string_view origin = base.substr(0, path_start);
  if (reference.starts_with('/'))
    return std::string{origin} + std::string{reference};
  if (path_start == std::string_view::npos)
    return std::string{origin} + "/" + std::string{reference};
  const std::string_view path = base.substr(0, base.find_first_of("?#", path_start));
  return std::string{path.substr(0, path.rfind('/') + 1)} + std::string{reference};
}

void fetch_qweather_warnings(http::RequestQueue& queue, const config::FeedConfig& feed,
                             const config::County& county, TimePoint now,
                             std::function<void(Result<QWeatherReply>)> done) {
  http::HttpRequest request = feed_request(feed, qweather_warning_url(feed.url, county));
  const std::string where = "feed \"" + feed.name + "\" for county " + county.code;
  if (feed.api_key)
    request.headers.push_back(qweather_api_key_header(*feed.api_key));
  if (feed.jwt) {
    auto jwt = qweather_jwt(
        QWeatherJwtKey{feed.jwt->key_id, feed.jwt->project_id, feed.jwt->private_key_pem}, now);
    if (!jwt) {
      done(Error{where + ": " + jwt.error().message});
      return;
    }
    request.headers.push_back(qweather_bearer_header(*jwt));
  }
  queue.submit(std::move(request), [where, done = std::move(done)](http::HttpResult got) {
    if (got.error) {
      done(Error{where + ": " + got.error_text + attempts_note(got.attempts)});
      return;
    }
    const long status = got.response.status;
    if (status == 204 && text::trim(got.response.body).empty()) {
      QWeatherReply reply;
      reply.no_data = true;
      done(std::move(reply));
      return;
    }
    if (const auto error = qweather_error_of(got.response.body, status)) {
      done(Error{where + ": qweather: code " + std::to_string(error->code) +
                 attempts_note(got.attempts) + ": " + std::string{error->meaning}});
      return;
    }
    auto reply = parse_qweather(got.response.body);
    if (!reply) {
      done(Error{where + ": " + reply.error().message});
      return;
    }
    done(std::move(reply).value());
  });
}

void fetch_cap_feed(http::RequestQueue& queue, const config::FeedConfig& feed,
                    std::function<void(Result<CapFeedReply>)> done) {
  const std::string where = "feed \"" + feed.name + "\"";
  queue.submit(
      feed_request(feed, feed.url), [queue = queue.shared_from_this(), feed, where,
                                     done = std::move(done)](http::HttpResult got) mutable {
        if (auto failure = transfer_failure(got)) {
          done(Error{where + ": " + *failure});
          return;
        }
        const std::string& body = got.response.body;
        auto alerts = parse_cap(body);
        if (alerts) {
          CapFeedReply reply;
          reply.alerts = std::move(alerts).value();
          done(std::move(reply));
          return;
        }
        if (!is_cap_feed(body)) {
          done(Error{where + ": " + alerts.error().message});
          return;
        }
        auto links = parse_cap_index(body);
        if (!links) {
          done(Error{where + ": " + links.error().message});
          return;
        }
        fetch_cap_documents(*queue, feed, std::move(links).value(), where, std::move(done));
      });
}

}  // namespace riskwarn::weather
