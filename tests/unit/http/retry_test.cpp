// Which failures are worth repeating, how long to wait, and what Retry-After asks for.
#include <chrono>
#include <system_error>

#include <gtest/gtest.h>

#include "adapters/http/curl_error.hpp"
#include "adapters/http/retry.hpp"

namespace riskwarn::http {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

HttpResult with_status(long status) {
  HttpResult result;
  result.response.status = status;
  return result;
}

HttpResult with_error(std::error_code error) {
  HttpResult result;
  result.error = error;
  return result;
}

HttpResponse with_retry_after(std::string value) {
  HttpResponse response;
  response.headers.push_back({"retry-after", std::move(value)});
  return response;
}

TEST(IsTransientFailure, RetriesBusyAndBrokenServers) {
  for (const long status : {408L, 429L, 500L, 502L, 503L, 504L})
    EXPECT_TRUE(is_transient_failure(with_status(status))) << status;
}

TEST(IsTransientFailure, DoesNotRetrySuccessOrRefusals) {
  for (const long status : {200L, 304L, 400L, 401L, 403L, 404L})
    EXPECT_FALSE(is_transient_failure(with_status(status))) << status;
}

TEST(IsTransientFailure, RetriesTimeoutsAndConnectionFailures) {
  for (const CURLcode code : {CURLE_OPERATION_TIMEDOUT, CURLE_COULDNT_CONNECT, CURLE_RECV_ERROR,
                              CURLE_GOT_NOTHING, CURLE_COULDNT_RESOLVE_HOST})
    EXPECT_TRUE(is_transient_failure(with_error(make_error_code(code)))) << code;
}

TEST(IsTransientFailure, DoesNotRetryWhatWouldFailAgain) {
  for (const CURLcode code : {CURLE_FILESIZE_EXCEEDED, CURLE_TOO_MANY_REDIRECTS,
                              CURLE_PEER_FAILED_VERIFICATION, CURLE_UNSUPPORTED_PROTOCOL})
    EXPECT_FALSE(is_transient_failure(with_error(make_error_code(code)))) << code;
  EXPECT_FALSE(
      is_transient_failure(with_error(std::make_error_code(std::errc::operation_canceled))));
}

TEST(RetryAfter, ReadsDeltaSeconds) {
  const auto now = std::chrono::system_clock::now();
  EXPECT_EQ(retry_after(with_retry_after("120"), now), seconds(120));
  EXPECT_EQ(retry_after(with_retry_after(" 0 "), now), seconds(0));
}

TEST(RetryAfter, ReadsAnHttpDateFromNow) {
  // Sun, 06 Nov 1994 08:49:37 GMT is 784111777 seconds after the epoch.
  const auto now = std::chrono::system_clock::from_time_t(784111777 - 90);
  EXPECT_EQ(retry_after(with_retry_after("Sun, 06 Nov 1994 08:49:37 GMT"), now), seconds(90));
}

TEST(RetryAfter, ADateInThePastIsNoWait) {
  const auto now = std::chrono::system_clock::from_time_t(784111777 + 3600);
  EXPECT_EQ(retry_after(with_retry_after("Sun, 06 Nov 1994 08:49:37 GMT"), now), seconds(0));
}

TEST(RetryAfter, AbsentOrUnreadableIsNothing) {
  const auto now = std::chrono::system_clock::now();
  EXPECT_EQ(retry_after(HttpResponse{}, now), std::nullopt);
  EXPECT_EQ(retry_after(with_retry_after("soon"), now), std::nullopt);
  EXPECT_EQ(retry_after(with_retry_after("-5"), now), std::nullopt);
  EXPECT_EQ(retry_after(with_retry_after(""), now), std::nullopt);
}

TEST(BackoffDelay, DoublesFromTheBaseWithoutJitterAtTheMiddle) {
  // unit_random 0.5 gives the factor 1.0.
  EXPECT_EQ(backoff_delay(1, milliseconds(2000), milliseconds(60000), 0.5), milliseconds(2000));
  EXPECT_EQ(backoff_delay(2, milliseconds(2000), milliseconds(60000), 0.5), milliseconds(4000));
  EXPECT_EQ(backoff_delay(3, milliseconds(2000), milliseconds(60000), 0.5), milliseconds(8000));
}

TEST(BackoffDelay, StopsAtTheCap) {
  EXPECT_EQ(backoff_delay(10, milliseconds(2000), milliseconds(60000), 0.5), milliseconds(60000));
  EXPECT_EQ(backoff_delay(1000, milliseconds(2000), milliseconds(60000), 0.5), milliseconds(60000));
}

TEST(BackoffDelay, JitterStaysWithinTwentyPercent) {
  EXPECT_EQ(backoff_delay(1, milliseconds(1000), milliseconds(60000), 0.0), milliseconds(800));
  EXPECT_EQ(backoff_delay(1, milliseconds(1000), milliseconds(60000), 0.999), milliseconds(1199));
  EXPECT_EQ(backoff_delay(1, milliseconds(1000), milliseconds(60000), 7.0), milliseconds(1200));
}

}  // namespace
}  // namespace riskwarn::http
