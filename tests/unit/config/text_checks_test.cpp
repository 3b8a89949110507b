#include "config/text_checks.hpp"

#include <gtest/gtest.h>

namespace riskwarn::config {
namespace {

TEST(TextChecks, HostPort) {
  for (const char* good :
       {"127.0.0.1:8787", "localhost:80", "[::1]:8787", "0.0.0.0:0", "riskwarn.example.cn:443"}) {
    EXPECT_EQ(host_port_problem(good), std::nullopt) << good;
  }
  for (const char* bad : {"127.0.0.1", ":8787", "127.0.0.1:65536", "127.0.0.1:http", "::1:80",
                          "[::1]", "ex ample:80", "-bad.example:80"}) {
    EXPECT_NE(host_port_problem(bad), std::nullopt) << bad;
  }
}

TEST(TextChecks, HttpUrl) {
  for (const char* good : {"https://api.open-meteo.com/v1/forecast", "http://127.0.0.1:8080",
                           "http://[::1]:9000/hook?x=1", "https://example.cn"}) {
    EXPECT_EQ(http_url_problem(good), std::nullopt) << good;
  }
  for (const char* bad :
       {"ftp://example.cn", "https://", "https://exa mple.cn/", "example.cn",
        "https://user:pw@example.cn/", "http://example.cn:0/", "HTTPS://example.cn"}) {
    EXPECT_NE(http_url_problem(bad), std::nullopt) << bad;
  }
}

TEST(TextChecks, CountyCode) {
  EXPECT_EQ(county_code_problem("410102"), std::nullopt);
  EXPECT_EQ(county_code_problem("110101"), std::nullopt);
  EXPECT_EQ(county_code_problem("820000"), std::nullopt);
  for (const char* bad :
       {"41010", "4101020", "41010a", "１１０１０１", "100101", "830101", "190101", "000000"}) {
    EXPECT_NE(county_code_problem(bad), std::nullopt) << bad;
  }
}

TEST(TextChecks, ZoneName) {
  for (const char* good : {"Asia/Shanghai", "UTC", "Etc/GMT-8", "America/Port-au-Prince"}) {
    EXPECT_EQ(zone_name_problem(good), std::nullopt) << good;
  }
  for (const char* bad : {"", "/etc/passwd", "../x", "Asia/../../x", "Asia//Shanghai", "Asia/"}) {
    EXPECT_NE(zone_name_problem(bad), std::nullopt) << bad;
  }
}

TEST(TextChecks, MobileAndEmail) {
  EXPECT_EQ(mobile_phone_problem(""), std::nullopt);
  EXPECT_EQ(mobile_phone_problem("13800000000"), std::nullopt);
  EXPECT_NE(mobile_phone_problem("12800000000"), std::nullopt);
  EXPECT_NE(mobile_phone_problem("1380000000"), std::nullopt);
  EXPECT_NE(mobile_phone_problem("+8613800000000"), std::nullopt);
  EXPECT_EQ(email_problem(""), std::nullopt);
  EXPECT_EQ(email_problem("duty@zhongmou.gov.cn"), std::nullopt);
  EXPECT_NE(email_problem("duty"), std::nullopt);
  EXPECT_NE(email_problem("duty@localhost"), std::nullopt);
  EXPECT_NE(email_problem("a b@example.cn"), std::nullopt);
}

TEST(TextChecks, StandardWebhooksSecret) {
  EXPECT_TRUE(is_standard_webhooks_secret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
  EXPECT_TRUE(is_standard_webhooks_secret("whsec_dGVzdA=="));
  EXPECT_TRUE(is_standard_webhooks_secret("whsec_dGVzdA"));
  EXPECT_FALSE(is_standard_webhooks_secret("whsec_"));
  EXPECT_FALSE(is_standard_webhooks_secret("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
  EXPECT_FALSE(is_standard_webhooks_secret("whsec_dGVzdA="));
  EXPECT_FALSE(is_standard_webhooks_secret("whsec_a"));
  EXPECT_FALSE(is_standard_webhooks_secret("whsec_not*base64"));
}

}  // namespace
}  // namespace riskwarn::config
