#pragma once

#include <cstddef>
#include <functional>
#include <memory>

#include <boost/asio/io_context.hpp>

#include "adapters/http/http_types.hpp"

namespace riskwarn::http {

// An asynchronous HTTP(S) client: libcurl's multi interface driven by one single-threaded
// io_context (see curl_multi_driver.hpp). Connections are reused across requests. All member
// functions must be called on the io_context's thread.
//
// Every request is hardened: only http and https (file only when the request allows it, and
// never through a redirect), at most 5 redirects, TLS verification always on, a response size
// cap, connect and total timeouts, and no proxy unless the request names one.
class HttpClient {
 public:
  explicit HttpClient(boost::asio::io_context& io);

  // Aborts outstanding transfers; their handlers are not called after destruction.
  ~HttpClient();

  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // Starts a transfer; on_done is called exactly once, posted on the io_context, never from
  // inside this call. A status >= 400 is a response, not an error.
  void async_request(HttpRequest request, std::function<void(HttpResult)> on_done);

  // Aborts every outstanding transfer; each handler gets std::errc::operation_canceled.
  void cancel_all();

  // The number of transfers started and not yet finished or cancelled.
  std::size_t in_flight() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace riskwarn::http
