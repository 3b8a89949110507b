#include <gtest/gtest.h>

#include "adapters/http/redact_url.hpp"

namespace riskwarn::http {
namespace {

TEST(RedactUrlTest, DropsTheQueryStringAndKeepsSchemeHostPortAndPath) {
  EXPECT_EQ(redact_url("https://devapi.qweather.com:8443/v7/weather/24h?location=101180101&key=k1"),
            "https://devapi.qweather.com:8443/v7/weather/24h");
}

TEST(RedactUrlTest, DropsTheFragment) {
  EXPECT_EQ(redact_url("https://example.org/feed#token=abc"), "https://example.org/feed");
}

TEST(RedactUrlTest, DropsUserInfo) {
  EXPECT_EQ(redact_url("https://alert:hunter2@example.org/hook"), "https://example.org/hook");
}

TEST(RedactUrlTest, DropsAQueryStraightAfterTheHost) {
  EXPECT_EQ(redact_url("https://oapi.dingtalk.com?access_token=abc@def"), "https://def");
  EXPECT_EQ(redact_url("https://oapi.dingtalk.com?access_token=abc"), "https://oapi.dingtalk.com");
}

TEST(RedactUrlTest, LeavesAUrlWithoutSecretsUnchanged) {
  EXPECT_EQ(redact_url("http://127.0.0.1:8080/v1/forecast"), "http://127.0.0.1:8080/v1/forecast");
  EXPECT_EQ(redact_url("file:///var/lib/riskwarn/feed.json"), "file:///var/lib/riskwarn/feed.json");
}

TEST(RedactUrlTest, ASchemeSeparatorInsideTheQueryIsNotMistakenForTheAuthority) {
  EXPECT_EQ(redact_url("/cb?next=https://x.example/?key=secret"), "/cb");
}

TEST(RedactUrlsInTextTest, RedactsEveryUrlInAMessage) {
  EXPECT_EQ(redact_urls_in_text(
                "Redirect to 'https://a.example/p?key=1' from http://u:pw@b.example/q?t=2 failed"),
            "Redirect to 'https://a.example/p' from http://b.example/q failed");
}

TEST(RedactUrlsInTextTest, LeavesTextWithoutUrlsUnchanged) {
  EXPECT_EQ(redact_urls_in_text("Failed to connect to 127.0.0.1 port 9: Connection refused"),
            "Failed to connect to 127.0.0.1 port 9: Connection refused");
}

}  // namespace
}  // namespace riskwarn::http
