#include "adapters/notify/classify.hpp"

#include <gtest/gtest.h>

#include <curl/curl.h>

#include "adapters/http/curl_error.hpp"

namespace riskwarn::notify {
namespace {

using namespace std::chrono_literals;

constexpr std::string_view kUrl = "https://ops:pa55@hooks.example.com/riskwarn/Tk9?token=s3cr3t";
// Wed, 31 Dec 2025 00:00:00 GMT
constexpr TimePoint kNow{std::chrono::sys_days{std::chrono::December / 31 / 2025}};

http::HttpResult response(long status, std::vector<http::Header> headers = {},
                          std::string body = {}) {
  http::HttpResult result;
  result.response.status = status;
  result.response.headers = std::move(headers);
  result.response.body = std::move(body);
  return result;
}

http::HttpResult transport_error(CURLcode code, std::string error_text = {}) {
  http::HttpResult result;
  result.error = http::make_error_code(code);
  result.error_text = std::move(error_text);
  return result;
}

DeliveryResult classify(const http::HttpResult& result) {
  return classify_http_result(result, kUrl, kNow);
}

TEST(Classify, TwoHundredsAreDelivered) {
  for (const long status : {200L, 201L, 202L, 204L}) {
    const auto result = classify(response(status));
    EXPECT_EQ(result.outcome, Outcome::delivered) << status;
    EXPECT_EQ(result.detail, "HTTP " + std::to_string(status));
    EXPECT_FALSE(result.retry_after.has_value());
  }
}

TEST(Classify, ServerErrorsAndThrottlingAreRetryable) {
  for (const long status : {408L, 425L, 429L, 500L, 502L, 503L, 504L, 599L}) {
    const auto result = classify(response(status));
    EXPECT_EQ(result.outcome, Outcome::retryable) << status;
    EXPECT_EQ(result.detail, "HTTP " + std::to_string(status));
    EXPECT_FALSE(result.retry_after.has_value()) << status;
  }
}

TEST(Classify, OtherClientErrorsAndRedirectsArePermanent) {
  for (const long status : {400L, 401L, 403L, 404L, 405L, 410L, 413L, 422L, 301L, 302L, 307L}) {
    const auto result = classify(response(status));
    EXPECT_EQ(result.outcome, Outcome::permanent) << status;
    EXPECT_EQ(result.detail.rfind("HTTP " + std::to_string(status), 0), 0u) << result.detail;
  }
}

TEST(Classify, HonoursRetryAfterInSecondsOnRetryableStatuses) {
  const auto result = classify(response(429, {{"retry-after", "7"}}));
  EXPECT_EQ(result.outcome, Outcome::retryable);
  EXPECT_EQ(result.retry_after, 7s);
  EXPECT_EQ(classify(response(503, {{"retry-after", "120"}})).retry_after, 120s);
}

TEST(Classify, HonoursRetryAfterAsAnHttpDate) {
  const auto result = classify(response(503, {{"retry-after", "Wed, 31 Dec 2025 00:01:30 GMT"}}));
  EXPECT_EQ(result.outcome, Outcome::retryable);
  EXPECT_EQ(result.retry_after, 90s);
}

TEST(Classify, IgnoresRetryAfterOnPermanentFailures) {
  const auto result = classify(response(400, {{"retry-after", "7"}}));
  EXPECT_EQ(result.outcome, Outcome::permanent);
  EXPECT_FALSE(result.retry_after.has_value());
}

TEST(Classify, QuotesTheStartOfAnErrorBodyOnOneLine) {
  EXPECT_EQ(classify(response(400, {}, "  missing field \"text\"\r\n")).detail,
            "HTTP 400: missing field \"text\"");
  // 200 bytes of three-byte characters: the excerpt stops before the character that would not
  // fit whole.
  std::string chinese;
  for (int i = 0; i < 100; ++i)
    chinese += "错";
  const std::string detail = classify(response(500, {}, chinese)).detail;
  EXPECT_EQ(detail, "HTTP 500: " + chinese.substr(0, 159));
}

TEST(Classify, TransportErrorsAreRetryableAndNameOnlyTheHost) {
  const auto refused = classify(transport_error(
      CURLE_COULDNT_CONNECT,
      "POST https://hooks.example.com/riskwarn/Tk9: Couldn't connect to server (Failed to "
      "connect to hooks.example.com port 443 after 1 ms: Connection refused)"));
  EXPECT_EQ(refused.outcome, Outcome::retryable);
  EXPECT_EQ(refused.detail, "cannot connect to hooks.example.com");

  const auto connect_timeout =
      classify(transport_error(CURLE_OPERATION_TIMEDOUT,
                               "POST https://hooks.example.com/riskwarn/Tk9: Timeout was "
                               "reached (Connection timed out after 10001 milliseconds)"));
  EXPECT_EQ(connect_timeout.outcome, Outcome::retryable);
  EXPECT_EQ(connect_timeout.detail, "timeout connecting to hooks.example.com");

  const auto response_timeout =
      classify(transport_error(CURLE_OPERATION_TIMEDOUT,
                               "POST https://hooks.example.com/riskwarn/Tk9: Timeout was "
                               "reached (Operation timed out after 15000 milliseconds with 0 "
                               "bytes received)"));
  EXPECT_EQ(response_timeout.outcome, Outcome::retryable);
  EXPECT_EQ(response_timeout.detail, "timeout waiting for a response from hooks.example.com");

  EXPECT_EQ(classify(transport_error(CURLE_COULDNT_RESOLVE_HOST)).detail,
            "cannot resolve hooks.example.com");
  const auto tls = classify(transport_error(CURLE_PEER_FAILED_VERIFICATION));
  EXPECT_EQ(tls.outcome, Outcome::retryable);
  EXPECT_NE(tls.detail.find("(hooks.example.com)"), std::string::npos) << tls.detail;

  for (const auto& result : {refused, connect_timeout, response_timeout, tls}) {
    for (const std::string_view leak : {"s3cr3t", "token", "pa55", "Tk9", "riskwarn/"})
      EXPECT_EQ(result.detail.find(leak), std::string::npos) << result.detail;
  }
}

TEST(Classify, CancellationIsNotAnAttempt) {
  http::HttpResult result;
  result.error = std::make_error_code(std::errc::operation_canceled);
  EXPECT_EQ(classify(result).outcome, Outcome::cancelled);
}

TEST(Classify, AnUnusableEndpointUrlIsPermanent) {
  EXPECT_EQ(classify(transport_error(CURLE_URL_MALFORMAT)).outcome, Outcome::permanent);
  EXPECT_EQ(classify(transport_error(CURLE_UNSUPPORTED_PROTOCOL)).outcome, Outcome::permanent);
}

TEST(RetryAfter, ParsesDeltaSeconds) {
  EXPECT_EQ(parse_retry_after("0", kNow), 0s);
  EXPECT_EQ(parse_retry_after(" 7 ", kNow), 7s);
  EXPECT_EQ(parse_retry_after("3600", kNow), 3600s);
}

TEST(RetryAfter, CapsLongDelaysAtAnHour) {
  EXPECT_EQ(parse_retry_after("3601", kNow), 3600s);
  EXPECT_EQ(parse_retry_after("99999999999999999999999999", kNow), 3600s);
  EXPECT_EQ(parse_retry_after("Thu, 01 Jan 2026 00:00:00 GMT", kNow), 3600s);
}

TEST(RetryAfter, ParsesImfFixdateAndTreatsThePastAsNow) {
  EXPECT_EQ(parse_retry_after("Wed, 31 Dec 2025 00:10:00 GMT", kNow), 600s);
  EXPECT_EQ(parse_retry_after("Tue, 30 Dec 2025 23:59:00 GMT", kNow), 0s);
}

TEST(RetryAfter, RejectsAnythingElse) {
  for (const std::string_view value :
       {"", "-5", "7s", "1.5", "soon", "Wed, 31 Dec 2025 00:10:00 UTC",
        "Wed, 32 Dec 2025 00:10:00 GMT", "Wednesday, 31-Dec-25 00:10:00 GMT",
        "Wed Dec 31 00:10:00 2025"}) {
    EXPECT_FALSE(parse_retry_after(value, kNow).has_value()) << value;
  }
}

TEST(HostForMessages, KeepsHostAndPortOnly) {
  EXPECT_EQ(host_for_messages(kUrl), "hooks.example.com");
  EXPECT_EQ(host_for_messages("http://127.0.0.1:8080/x?y=z"), "127.0.0.1:8080");
  EXPECT_EQ(host_for_messages("not a url"), "the endpoint");
}

}  // namespace
}  // namespace riskwarn::notify
