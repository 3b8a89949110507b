#include "adapters/http/http_client.hpp"

#include <stdexcept>
#include <unordered_map>
#include <utility>

#include <curl/curl.h>
#include <boost/asio/post.hpp>

#include "adapters/http/curl_error.hpp"
#include "adapters/http/curl_multi_driver.hpp"
#include "adapters/http/transfer.hpp"

namespace riskwarn::http {
namespace {

// curl_global_init once per process, before the first handle; never cleaned up.
void ensure_curl_initialised() {
  static const CURLcode code = curl_global_init(CURL_GLOBAL_DEFAULT);
  if (code != CURLE_OK) {
    throw std::runtime_error(std::string("curl_global_init failed: ") + curl_easy_strerror(code));
  }
}

}  // namespace

class HttpClient::Impl {
 public:
  explicit Impl(boost::asio::io_context& io)
      : io_(io), driver_(io, [this](CURL* easy, CURLcode code) { on_complete(easy, code); }) {}

  ~Impl() {
    // Easy handles leave the multi handle before the driver cleans it up.
    for (auto& [easy, transfer] : transfers_) {
      driver_.remove(easy);
    }
    transfers_.clear();
  }

  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;

  void start(HttpRequest request, Transfer::Completion on_done) {
    auto transfer = std::make_unique<Transfer>(std::move(request), std::move(on_done));
    if (auto failed = transfer->prepare()) {
      post_completion(transfer->take_completion(), std::move(*failed));
      return;
    }
    CURL* const easy = transfer->easy();
    if (const CURLMcode code = driver_.add(easy); code != CURLM_OK) {
      post_completion(transfer->take_completion(),
                      transfer->failure(make_error_code(code), curl_multi_strerror(code)));
      return;
    }
    transfers_.emplace(easy, std::move(transfer));
  }

  void cancel_all() {
    auto cancelled = std::exchange(transfers_, {});
    for (auto& [easy, transfer] : cancelled) {
      driver_.remove(easy);
      post_completion(transfer->take_completion(), transfer->cancelled());
    }
  }

  std::size_t in_flight() const { return transfers_.size(); }

 private:
  void on_complete(CURL* easy, CURLcode code) {
    const auto found = transfers_.find(easy);
    if (found == transfers_.end()) {
      return;
    }
    auto transfer = std::move(found->second);
    transfers_.erase(found);
    driver_.remove(easy);
    post_completion(transfer->take_completion(), transfer->finish(code));
  }

  // Runs the handler later from the io_context, unless the client is gone by then.
  void post_completion(Transfer::Completion handler, HttpResult result) {
    boost::asio::post(io_, [lifetime = std::weak_ptr<int>(lifetime_), handler = std::move(handler),
                            result = std::move(result)]() mutable {
      if (!lifetime.expired()) {
        handler(std::move(result));
      }
    });
  }

  boost::asio::io_context& io_;
  std::shared_ptr<int> lifetime_ = std::make_shared<int>(0);
  CurlMultiDriver driver_;
  std::unordered_map<CURL*, std::unique_ptr<Transfer>> transfers_;
};

HttpClient::HttpClient(boost::asio::io_context& io) {
  ensure_curl_initialised();
  impl_ = std::make_unique<Impl>(io);
}

HttpClient::~HttpClient() = default;

void HttpClient::async_request(HttpRequest request, std::function<void(HttpResult)> on_done) {
  impl_->start(std::move(request), std::move(on_done));
}

void HttpClient::cancel_all() {
  impl_->cancel_all();
}

std::size_t HttpClient::in_flight() const {
  return impl_->in_flight();
}

}  // namespace riskwarn::http
