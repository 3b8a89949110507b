#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <utility>

#include <gtest/gtest.h>
#include <boost/asio/io_context.hpp>

#include "adapters/http/http_client.hpp"

namespace riskwarn::http::test {

// A GET request for url with default limits.
inline HttpRequest get_request(std::string url) {
  HttpRequest request;
  request.url = std::move(url);
  return request;
}

// An io_context with an HttpClient on it, and helpers that run the loop on the test thread.
class HttpClientTest : public ::testing::Test {
 protected:
  static constexpr std::chrono::seconds kGenerousTimeout{20};

  // Runs the io_context until done() holds or kGenerousTimeout passes; returns done().
  bool run_until(const std::function<bool()>& done) {
    const auto deadline = std::chrono::steady_clock::now() + kGenerousTimeout;
    while (!done() && std::chrono::steady_clock::now() < deadline) {
      if (io_.stopped()) {
        io_.restart();
      }
      io_.run_one_for(std::chrono::milliseconds(50));
    }
    return done();
  }

  // Runs the io_context for a while, for checks that something does not happen.
  void run_for(std::chrono::milliseconds duration) {
    io_.restart();
    io_.run_for(duration);
  }

  // Performs one request to completion and returns its result.
  HttpResult fetch(HttpRequest request) {
    std::optional<HttpResult> result;
    client_.async_request(std::move(request), [&](HttpResult r) { result = std::move(r); });
    EXPECT_TRUE(run_until([&] { return result.has_value(); })) << "request did not complete";
    return result.value_or(HttpResult{});
  }

  boost::asio::io_context io_;
  HttpClient client_{io_};
};

}  // namespace riskwarn::http::test
