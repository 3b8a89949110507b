// A feed's request queue against a fake server: retries of transient failures with backoff and
// Retry-After, no retries of refusals, the deadline, the concurrency limit, and cancellation.
#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "adapters/http/curl_error.hpp"
#include "adapters/http/request_queue.hpp"
#include "tests/support/fake_http_server.hpp"
#include "tests/unit/http/client_fixture.hpp"

namespace riskwarn::http::test {
namespace {

using riskwarn::test::CannedResponse;
using riskwarn::test::FakeHttpServer;
using riskwarn::test::ReceivedRequest;
using std::chrono::milliseconds;
using ::testing::HasSubstr;

// A policy with waits short enough for a test.
RetryPolicy quick_policy(int max_retries) {
  RetryPolicy policy;
  policy.max_retries = max_retries;
  policy.base_delay = milliseconds(10);
  policy.max_delay = milliseconds(5000);
  return policy;
}

// Answers the first `failures` requests with `failure`, then 200 "ok".
FakeHttpServer::Handler failing_first(int failures, CannedResponse failure) {
  auto count = std::make_shared<std::atomic<int>>(0);
  return [count, failures, failure](const ReceivedRequest&) {
    if (count->fetch_add(1) < failures)
      return failure;
    return CannedResponse{200, {}, "ok"};
  };
}

class RequestQueueTest : public HttpClientTest {
 protected:
  std::shared_ptr<RequestQueue> make_queue(std::size_t limit, RetryPolicy policy) {
    return std::make_shared<RequestQueue>(client_, io_, limit, policy);
  }

  HttpResult submit_and_wait(RequestQueue& queue, HttpRequest request) {
    std::optional<HttpResult> result;
    queue.submit(std::move(request), [&](HttpResult r) { result = std::move(r); });
    EXPECT_TRUE(run_until([&] { return result.has_value(); })) << "request did not complete";
    return result.value_or(HttpResult{});
  }
};

TEST_F(RequestQueueTest, RetriesA503UntilItSucceeds) {
  FakeHttpServer server(failing_first(2, CannedResponse{503, {}, "busy"}));
  auto queue = make_queue(4, quick_policy(2));

  const HttpResult result = submit_and_wait(*queue, get_request(server.url("/v1/forecast")));

  ASSERT_FALSE(result.error) << result.error_text;
  EXPECT_EQ(result.response.status, 200);
  EXPECT_EQ(result.attempts, 3);
  EXPECT_EQ(server.requests().size(), 3u);
}

TEST_F(RequestQueueTest, ReportsTheLastFailureWhenRetriesRunOut) {
  FakeHttpServer server(failing_first(10, CannedResponse{502, {}, "bad gateway"}));
  auto queue = make_queue(4, quick_policy(1));

  const HttpResult result = submit_and_wait(*queue, get_request(server.url("/")));

  EXPECT_EQ(result.response.status, 502);
  EXPECT_EQ(result.attempts, 2);
  EXPECT_EQ(server.requests().size(), 2u);
}

TEST_F(RequestQueueTest, HonoursRetryAfterOnA429) {
  FakeHttpServer server(failing_first(1, CannedResponse{429, {{"Retry-After", "1"}}, "slow down"}));
  auto queue = make_queue(4, quick_policy(2));

  const auto started = std::chrono::steady_clock::now();
  const HttpResult result = submit_and_wait(*queue, get_request(server.url("/")));

  EXPECT_EQ(result.response.status, 200);
  EXPECT_EQ(result.attempts, 2);
  // A lower bound only: the retry may not come sooner than the server asked.
  EXPECT_GE(std::chrono::steady_clock::now() - started, milliseconds(1000));
}

TEST_F(RequestQueueTest, GivesUpWhenRetryAfterAsksForMoreThanTheLongestWait) {
  FakeHttpServer server(
      failing_first(1, CannedResponse{503, {{"Retry-After", "3600"}}, "maintenance"}));
  auto queue = make_queue(4, quick_policy(2));

  const HttpResult result = submit_and_wait(*queue, get_request(server.url("/")));

  EXPECT_EQ(result.response.status, 503);
  EXPECT_EQ(result.attempts, 1);
}

TEST_F(RequestQueueTest, DoesNotRetryAClientError) {
  FakeHttpServer server(failing_first(
      10,
      CannedResponse{400, {}, R"({"error":true,"reason":"Cannot initialize WeatherVariable"})"}));
  auto queue = make_queue(4, quick_policy(3));

  const HttpResult result = submit_and_wait(*queue, get_request(server.url("/")));

  EXPECT_EQ(result.response.status, 400);
  EXPECT_EQ(result.attempts, 1);
  EXPECT_EQ(server.requests().size(), 1u);
}

TEST_F(RequestQueueTest, RetriesATimeout) {
  FakeHttpServer server([](const ReceivedRequest&) {
    CannedResponse response;
    response.delay = std::chrono::seconds(5);
    return response;
  });
  auto queue = make_queue(4, quick_policy(1));
  HttpRequest request = get_request(server.url("/"));
  request.total_timeout = milliseconds(200);

  const HttpResult result = submit_and_wait(*queue, request);

  EXPECT_EQ(result.error, make_error_code(CURLE_OPERATION_TIMEDOUT));
  EXPECT_EQ(result.attempts, 2);
}

TEST_F(RequestQueueTest, MakesNoRetryPastTheDeadline) {
  FakeHttpServer server(failing_first(10, CannedResponse{503, {}, "busy"}));
  RetryPolicy policy = quick_policy(5);
  policy.deadline = std::chrono::steady_clock::now();
  auto queue = make_queue(4, policy);

  const HttpResult result = submit_and_wait(*queue, get_request(server.url("/")));

  EXPECT_EQ(result.response.status, 503);
  EXPECT_EQ(result.attempts, 1);
}

TEST_F(RequestQueueTest, KeepsAtMostTheLimitOnTheWire) {
  FakeHttpServer server([](const ReceivedRequest&) {
    CannedResponse response{200, {}, "ok"};
    response.delay = milliseconds(50);
    return response;
  });
  auto queue = make_queue(2, quick_policy(0));
  int completed = 0;
  std::size_t most_in_flight = 0;
  for (int i = 0; i < 6; ++i)
    queue->submit(get_request(server.url("/")), [&](HttpResult) { ++completed; });

  EXPECT_TRUE(run_until([&] {
    most_in_flight = std::max(most_in_flight, client_.in_flight());
    return completed == 6;
  }));

  EXPECT_LE(most_in_flight, 2u);
  EXPECT_GE(most_in_flight, 1u);
  EXPECT_EQ(server.requests().size(), 6u);
}

TEST_F(RequestQueueTest, CancelEndsARequestWaitingToRetry) {
  FakeHttpServer server(failing_first(10, CannedResponse{503, {}, "busy"}));
  RetryPolicy policy = quick_policy(3);
  policy.base_delay = std::chrono::seconds(60);
  policy.max_delay = std::chrono::seconds(120);
  auto queue = make_queue(4, policy);
  std::optional<HttpResult> result;
  queue->submit(get_request(server.url("/forecast?key=secret")),
                [&](HttpResult r) { result = std::move(r); });
  // The first attempt has failed and the retry is waiting on its 60 s timer.
  ASSERT_TRUE(run_until([&] { return server.requests().size() == 1 && queue->in_flight() == 0; }));
  EXPECT_FALSE(result.has_value());

  queue->cancel();

  ASSERT_TRUE(run_until([&] { return result.has_value(); }));
  EXPECT_EQ(result->error, std::make_error_code(std::errc::operation_canceled));
  EXPECT_THAT(result->error_text, HasSubstr("cancelled"));
  EXPECT_THAT(result->error_text, ::testing::Not(HasSubstr("secret")));
  EXPECT_EQ(server.requests().size(), 1u);
}

TEST_F(RequestQueueTest, CallsBackOutsideSubmit) {
  FakeHttpServer server([](const ReceivedRequest&) { return CannedResponse{}; });
  auto queue = make_queue(1, quick_policy(0));
  queue->cancel();
  bool called = false;
  queue->submit(get_request(server.url("/")), [&](HttpResult) { called = true; });
  EXPECT_FALSE(called);
  EXPECT_TRUE(run_until([&] { return called; }));
}

}  // namespace
}  // namespace riskwarn::http::test
