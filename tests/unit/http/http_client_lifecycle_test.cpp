#include <algorithm>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/support/fake_http_server.hpp"
#include "tests/unit/http/client_fixture.hpp"

namespace riskwarn::http::test {
namespace {

using riskwarn::test::CannedResponse;
using riskwarn::test::FakeHttpServer;
using riskwarn::test::ReceivedRequest;

CannedResponse echo_target(const ReceivedRequest& request) {
  return CannedResponse{200, {}, "body of " + request.target};
}

CannedResponse never_in_time(const ReceivedRequest&) {
  CannedResponse response;
  response.delay = std::chrono::seconds(30);
  return response;
}

TEST_F(HttpClientTest, FiftyConcurrentRequestsAllComplete) {
  FakeHttpServer server(echo_target);
  constexpr int kCount = 50;
  std::vector<std::optional<HttpResult>> results(kCount);

  for (int i = 0; i < kCount; ++i) {
    client_.async_request(get_request(server.url("/county/" + std::to_string(i))),
                          [&results, i](HttpResult result) { results[i] = std::move(result); });
  }
  EXPECT_EQ(client_.in_flight(), static_cast<std::size_t>(kCount));

  ASSERT_TRUE(run_until([&] {
    return std::all_of(results.begin(), results.end(), [](const auto& r) { return r.has_value(); });
  }));
  for (int i = 0; i < kCount; ++i) {
    ASSERT_FALSE(results[i]->error) << results[i]->error_text;
    EXPECT_EQ(results[i]->response.body, "body of /county/" + std::to_string(i));
  }
  EXPECT_EQ(client_.in_flight(), 0u);
}

TEST_F(HttpClientTest, DelayedResponseDoesNotHoldUpOthers) {
  FakeHttpServer server([](const ReceivedRequest& request) {
    CannedResponse response{200, {}, request.target};
    if (request.target == "/slow") {
      response.delay = std::chrono::seconds(30);
    }
    return response;
  });
  std::optional<HttpResult> fast;
  client_.async_request(get_request(server.url("/slow")), [](HttpResult) {});
  client_.async_request(get_request(server.url("/fast")),
                        [&](HttpResult result) { fast = result; });

  ASSERT_TRUE(run_until([&] { return fast.has_value(); }));
  EXPECT_EQ(fast->response.body, "/fast");
  EXPECT_EQ(client_.in_flight(), 1u);
  client_.cancel_all();
}

TEST_F(HttpClientTest, HandlerMayStartTheNextRequest) {
  FakeHttpServer server(echo_target);
  std::optional<HttpResult> second;

  client_.async_request(get_request(server.url("/first")), [&](HttpResult first) {
    EXPECT_FALSE(first.error) << first.error_text;
    client_.async_request(get_request(server.url("/second")),
                          [&](HttpResult result) { second = std::move(result); });
  });

  ASSERT_TRUE(run_until([&] { return second.has_value(); }));
  EXPECT_EQ(second->response.body, "body of /second");
}

TEST_F(HttpClientTest, CancelAllCompletesEveryHandlerExactlyOnce) {
  FakeHttpServer server(never_in_time);
  constexpr int kCount = 5;
  std::vector<int> calls(kCount, 0);
  std::vector<std::error_code> errors(kCount);
  for (int i = 0; i < kCount; ++i) {
    client_.async_request(get_request(server.url("/wait")), [&, i](HttpResult result) {
      ++calls[i];
      errors[i] = result.error;
    });
  }
  ASSERT_TRUE(run_until([&] { return server.requests().size() == kCount; }));

  client_.cancel_all();

  EXPECT_EQ(client_.in_flight(), 0u);
  EXPECT_EQ(std::count(calls.begin(), calls.end(), 0), kCount) << "handlers must be posted";
  run_for(std::chrono::milliseconds(300));
  for (int i = 0; i < kCount; ++i) {
    EXPECT_EQ(calls[i], 1);
    EXPECT_EQ(errors[i], std::errc::operation_canceled);
  }
}

TEST_F(HttpClientTest, ClientStaysUsableAfterCancelAll) {
  FakeHttpServer server([](const ReceivedRequest& request) {
    return request.target == "/wait" ? never_in_time(request) : echo_target(request);
  });
  client_.async_request(get_request(server.url("/wait")), [](HttpResult) {});
  ASSERT_TRUE(run_until([&] { return server.requests().size() == 1; }));
  client_.cancel_all();

  const HttpResult result = fetch(get_request(server.url("/after")));

  ASSERT_FALSE(result.error) << result.error_text;
  EXPECT_EQ(result.response.body, "body of /after");
}

TEST(HttpClientLifetimeTest, DestroyingTheClientWithTransfersInFlightCallsNoHandler) {
  FakeHttpServer server(never_in_time);
  boost::asio::io_context io;
  auto client = std::make_unique<HttpClient>(io);
  int calls = 0;
  for (int i = 0; i < 10; ++i) {
    client->async_request(get_request(server.url("/wait")), [&](HttpResult) { ++calls; });
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (server.requests().size() < 10 && std::chrono::steady_clock::now() < deadline) {
    io.run_one_for(std::chrono::milliseconds(50));
  }
  ASSERT_EQ(server.requests().size(), 10u);

  client.reset();
  io.restart();
  io.run_for(std::chrono::milliseconds(300));

  EXPECT_EQ(calls, 0);
}

TEST(HttpClientLifetimeTest, DestroyingTheClientDropsCompletionsAlreadyPosted) {
  FakeHttpServer server(echo_target);
  boost::asio::io_context io;
  auto client = std::make_unique<HttpClient>(io);
  int calls = 0;
  client->async_request(get_request("http://[::1:bad-url"), [&](HttpResult) { ++calls; });
  client->async_request(get_request(server.url("/x")), [&](HttpResult) { ++calls; });
  client->cancel_all();

  client.reset();
  io.run_for(std::chrono::milliseconds(300));

  EXPECT_EQ(calls, 0);
}

}  // namespace
}  // namespace riskwarn::http::test
