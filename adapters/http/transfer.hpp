#pragma once

#include <functional>
#include <optional>

#include <curl/curl.h>

#include "adapters/http/http_types.hpp"

namespace riskwarn::http {

// One request's curl easy handle with its options, and the response collected so far. The
// object must stay at one address while curl holds the handle (callbacks point at it).
class Transfer {
 public:
  using Completion = std::function<void(HttpResult)>;

  Transfer(HttpRequest request, Completion on_done);
  ~Transfer();

  Transfer(const Transfer&) = delete;
  Transfer& operator=(const Transfer&) = delete;

  // Creates the easy handle and sets every option; returns the failure to report when the
  // request cannot be started.
  std::optional<HttpResult> prepare();

  // The easy handle; valid after a successful prepare().
  CURL* easy() const { return easy_; }

  // The result of a transfer curl finished with this code.
  HttpResult finish(CURLcode code);

  // The result of a transfer aborted before it finished.
  HttpResult cancelled() const;

  // A failure result for this request: the code and what failed, prefixed with the request.
  HttpResult failure(std::error_code error, std::string_view what) const;

  // The caller's completion handler, moved out.
  Completion take_completion() { return std::move(on_done_); }

 private:
  static std::size_t on_body(char* data, std::size_t size, std::size_t count, void* transfer);

  std::optional<HttpResult> set_method_and_body();
  std::optional<HttpResult> set_headers();
  void collect_headers();

  HttpRequest request_;
  Completion on_done_;
  CURL* easy_ = nullptr;
  curl_slist* header_list_ = nullptr;
  char error_buffer_[CURL_ERROR_SIZE] = {};
  HttpResponse response_;
  bool body_too_large_ = false;
};

}  // namespace riskwarn::http
