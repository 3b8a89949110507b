#include <gtest/gtest.h>

#include "adapters/weather/qweather_error.hpp"

namespace riskwarn::weather {
namespace {

using K = QWeatherErrorKind;

TEST(QWeatherError, OnlyRateLimitsAndServerErrorsAreRetryable) {
  EXPECT_EQ(classify_qweather_error(400).kind, K::bad_request);
  EXPECT_EQ(classify_qweather_error(401).kind, K::unauthorized);
  EXPECT_EQ(classify_qweather_error(402).kind, K::no_credit);
  EXPECT_EQ(classify_qweather_error(403).kind, K::forbidden);
  EXPECT_EQ(classify_qweather_error(404).kind, K::not_found);
  EXPECT_EQ(classify_qweather_error(429).kind, K::rate_limited);
  EXPECT_EQ(classify_qweather_error(500).kind, K::server_error);
  EXPECT_EQ(classify_qweather_error(503).kind, K::server_error);
  EXPECT_EQ(classify_qweather_error(418).kind, K::unexpected);
  for (int code : {400, 401, 402, 403, 404, 418})
    EXPECT_FALSE(classify_qweather_error(code).retryable) << code;
  for (int code : {429, 500, 503})
    EXPECT_TRUE(classify_qweather_error(code).retryable) << code;
}

TEST(QWeatherError, V2TitleTellsNoCreditFromForbidden) {
  EXPECT_EQ(classify_qweather_error(403, "No Credit").kind, K::no_credit);
  EXPECT_EQ(classify_qweather_error(403, "OVERDUE").kind, K::no_credit);
  EXPECT_EQ(classify_qweather_error(403, "Invalid Host").kind, K::forbidden);
}

TEST(QWeatherError, ErrorOfReadsEitherBodyFormatThenTheHttpStatus) {
  EXPECT_EQ(qweather_error_of(R"({"code":"200","warning":[]})", 200), std::nullopt);
  EXPECT_EQ(qweather_error_of(R"({"code":"204"})", 200), std::nullopt);
  EXPECT_EQ(qweather_error_of(R"({"code":"429"})", 200)->kind, K::rate_limited);
  EXPECT_EQ(qweather_error_of(R"({"error":{"status":401,"title":"Unauthorized"}})", 401)->kind,
            K::unauthorized);
  EXPECT_EQ(qweather_error_of(R"({"error":{"title":"No Credit"}})", 403)->kind, K::no_credit);
  EXPECT_EQ(qweather_error_of("<html>Bad Gateway</html>", 502)->kind, K::server_error);
  EXPECT_EQ(qweather_error_of("", 200), std::nullopt);
}

TEST(QWeatherError, StatusCodeTextIsOneToThreeDigits) {
  EXPECT_EQ(qweather_status_code("204"), 204);
  EXPECT_EQ(qweather_status_code(""), std::nullopt);
  EXPECT_EQ(qweather_status_code("2004"), std::nullopt);
  EXPECT_EQ(qweather_status_code("-1"), std::nullopt);
}

}  // namespace
}  // namespace riskwarn::weather
