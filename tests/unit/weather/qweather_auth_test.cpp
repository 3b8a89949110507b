#include <chrono>
#include <string>

#include <gtest/gtest.h>

#include "adapters/weather/qweather_auth.hpp"

namespace riskwarn::weather {
namespace {

// The RFC 8032 §7.1 test 1 key as PKCS#8 PEM: test data, not a credential.
constexpr const char* kEd25519Pem =
    "-----BEGIN PRIVATE KEY-----\n"
    "MC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g\n"
    "-----END PRIVATE KEY-----\n";

// A P-256 key, to show that a key of another algorithm is refused.
constexpr const char* kEcPem =
    "-----BEGIN PRIVATE KEY-----\n"
    "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgItiR37hpp8IWlmU5\n"
    "XaEI1CQf+iyrfhJs2hnPunVRZW6hRANCAATN00p9L+knFIqDAoPKGLcJjqqWONBz\n"
    "IJCHJEUljmdA3JUcN+oWsMsybhpNfal3evNyXG1CB85WbIPw5TJtd/4z\n"
    "-----END PRIVATE KEY-----\n";

QWeatherJwtKey key_with(const char* pem) {
  return QWeatherJwtKey{"KID123", "PROJ456", config::Secret{pem}};
}

TimePoint now() {
  return TimePoint{std::chrono::seconds{1767139200}};  // 2025-12-31T00:00:00Z
}

TEST(QWeatherAuth, JwtMatchesAnIndependentlyComputedToken) {
  // Computed with Python's cryptography package: header {"alg":"EdDSA","kid":"KID123"},
  // payload {"exp":now+900,"iat":now-30,"sub":"PROJ456"}, Ed25519 over "header.payload".
  const Result<std::string> jwt = qweather_jwt(key_with(kEd25519Pem), now());
  ASSERT_TRUE(jwt) << jwt.error().message;
  EXPECT_EQ(*jwt,
            "eyJhbGciOiJFZERTQSIsImtpZCI6IktJRDEyMyJ9."
            "eyJleHAiOjE3NjcxNDAxMDAsImlhdCI6MTc2NzEzOTE3MCwic3ViIjoiUFJPSjQ1NiJ9."
            "d6_jugcMASEa0O2U9GYZ-UdSUH25AvM6Xjb8B8WT6nSycsni--"
            "NDoxjxet9LpoVHJqbU5TFoHgg7D6BAf4bbDg");
}

TEST(QWeatherAuth, RefusesKeysThatAreNotEd25519WithoutQuotingThem) {
  const Result<std::string> ec = qweather_jwt(key_with(kEcPem), now());
  ASSERT_FALSE(ec);
  EXPECT_EQ(ec.error().message,
            "qweather: JWT: the private key is not an Ed25519 key; QWeather signs with EdDSA "
            "(Ed25519)");
  const Result<std::string> garbage = qweather_jwt(key_with("not a key"), now());
  ASSERT_FALSE(garbage);
  EXPECT_EQ(garbage.error().message.find("not a key"), std::string::npos);
  EXPECT_FALSE(qweather_jwt(key_with(""), now()));
}

TEST(QWeatherAuth, RefusesMissingIdsAndLifetimesQWeatherRejects) {
  QWeatherJwtKey key = key_with(kEd25519Pem);
  key.key_id.clear();
  EXPECT_FALSE(qweather_jwt(key, now()));
  EXPECT_FALSE(qweather_jwt(key_with(kEd25519Pem), now(), std::chrono::hours{25}));
  EXPECT_FALSE(qweather_jwt(key_with(kEd25519Pem), now(), std::chrono::seconds{0}));
}

TEST(QWeatherAuth, HeadersCarryTheTokenOrTheKey) {
  const http::Header bearer = qweather_bearer_header("a.b.c");
  EXPECT_EQ(bearer.name, "Authorization");
  EXPECT_EQ(bearer.value, "Bearer a.b.c");
  const http::Header key = qweather_api_key_header(config::Secret{"k3y"});
  EXPECT_EQ(key.name, "X-QW-Api-Key");
  EXPECT_EQ(key.value, "k3y");
}

}  // namespace
}  // namespace riskwarn::weather
