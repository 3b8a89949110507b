#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "adapters/http/curl_error.hpp"
#include "riskwarn/version.hpp"
#include "tests/support/fake_http_server.hpp"
#include "tests/unit/http/client_fixture.hpp"

namespace riskwarn::http::test {
namespace {

using riskwarn::test::CannedResponse;
using riskwarn::test::FakeHttpServer;
using riskwarn::test::ReceivedRequest;
using ::testing::HasSubstr;
using ::testing::StartsWith;

TEST_F(HttpClientTest, GetReturnsStatusBodyAndLowercaseHeaders) {
  FakeHttpServer server([](const ReceivedRequest&) {
    return CannedResponse{
        200, {{"Content-Type", "application/json"}, {"X-Feed", "open-meteo"}}, R"({"hourly":{}})"};
  });

  const HttpResult result = fetch(get_request(server.url("/v1/forecast?latitude=34.7")));

  ASSERT_FALSE(result.error) << result.error_text;
  EXPECT_EQ(result.response.status, 200);
  EXPECT_EQ(result.response.body, R"({"hourly":{}})");
  EXPECT_EQ(result.response.header("content-type"), "application/json");
  EXPECT_EQ(result.response.header("x-feed"), "open-meteo");
  EXPECT_EQ(result.response.header("x-absent"), std::nullopt);
  EXPECT_EQ(result.response.effective_url, server.url("/v1/forecast?latitude=34.7"));
}

TEST_F(HttpClientTest, GetSendsTargetUserAgentAndAcceptEncoding) {
  FakeHttpServer server([](const ReceivedRequest&) { return CannedResponse{}; });

  const HttpResult result = fetch(get_request(server.url("/v1/forecast?latitude=34.7")));

  ASSERT_FALSE(result.error) << result.error_text;
  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].method, "GET");
  EXPECT_EQ(requests[0].target, "/v1/forecast?latitude=34.7");
  EXPECT_EQ(requests[0].headers.at("user-agent"),
            std::string("riskwarn/") + riskwarn::kVersion + " (+https://github.com/riskwarn)");
  EXPECT_THAT(requests[0].headers.at("accept-encoding"), HasSubstr("gzip"));
}

TEST_F(HttpClientTest, PostDeliversBodyAndCustomHeadersIntact) {
  FakeHttpServer server([](const ReceivedRequest&) { return CannedResponse{202, {}, "queued"}; });
  const std::string body = std::string(R"({"text":"大雾橙色预警","n":1})") + std::string(3, '\0') +
                           std::string(100 * 1024, 'x');
  HttpRequest request = get_request(server.url("/hook"));
  request.method = "POST";
  request.body = body;
  request.headers = {{"Content-Type", "application/json; charset=utf-8"},
                     {"webhook-id", "msg_2844"},
                     {"X-Empty", ""}};

  const HttpResult result = fetch(request);

  ASSERT_FALSE(result.error) << result.error_text;
  EXPECT_EQ(result.response.status, 202);
  EXPECT_EQ(result.response.body, "queued");
  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].method, "POST");
  EXPECT_EQ(requests[0].body, body);
  EXPECT_EQ(requests[0].headers.at("content-type"), "application/json; charset=utf-8");
  EXPECT_EQ(requests[0].headers.at("webhook-id"), "msg_2844");
  EXPECT_EQ(requests[0].headers.at("x-empty"), "");
  EXPECT_EQ(requests[0].headers.count("expect"), 0u);
}

TEST_F(HttpClientTest, OtherMethodsAreSentAsGiven) {
  FakeHttpServer server([](const ReceivedRequest&) { return CannedResponse{204, {}, ""}; });
  HttpRequest put = get_request(server.url("/item"));
  put.method = "PUT";
  put.body = "payload";
  HttpRequest remove = get_request(server.url("/item"));
  remove.method = "DELETE";

  const HttpResult put_result = fetch(put);
  const HttpResult delete_result = fetch(remove);

  ASSERT_FALSE(put_result.error) << put_result.error_text;
  ASSERT_FALSE(delete_result.error) << delete_result.error_text;
  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].method, "PUT");
  EXPECT_EQ(requests[0].body, "payload");
  EXPECT_EQ(requests[1].method, "DELETE");
  EXPECT_EQ(requests[1].body, "");
}

TEST_F(HttpClientTest, LargeResponseArrivesWhole) {
  std::string body(6 * 1024 * 1024, '\0');
  for (std::size_t i = 0; i < body.size(); ++i) {
    body[i] = static_cast<char>('a' + i % 26);
  }
  FakeHttpServer server([&](const ReceivedRequest&) { return CannedResponse{200, {}, body}; });

  const HttpResult result = fetch(get_request(server.url("/national.json")));

  ASSERT_FALSE(result.error) << result.error_text;
  EXPECT_TRUE(result.response.body == body) << "received " << result.response.body.size();
}

TEST_F(HttpClientTest, ErrorStatusesAreResponsesNotTransportErrors) {
  FakeHttpServer server([](const ReceivedRequest& request) {
    if (request.target == "/missing") {
      return CannedResponse{404, {}, "no such county"};
    }
    return CannedResponse{500, {{"Retry-After", "30"}}, "overloaded"};
  });

  const HttpResult not_found = fetch(get_request(server.url("/missing")));
  const HttpResult server_error = fetch(get_request(server.url("/broken")));

  EXPECT_FALSE(not_found.error);
  EXPECT_EQ(not_found.response.status, 404);
  EXPECT_EQ(not_found.response.body, "no such county");
  EXPECT_FALSE(server_error.error);
  EXPECT_EQ(server_error.response.status, 500);
  EXPECT_EQ(server_error.response.body, "overloaded");
  EXPECT_EQ(server_error.response.header("retry-after"), "30");
}

TEST_F(HttpClientTest, ConnectionClosedWithoutResponseIsAnError) {
  FakeHttpServer server([](const ReceivedRequest&) {
    CannedResponse response;
    response.close_without_response = true;
    return response;
  });

  const HttpResult result = fetch(get_request(server.url("/feed")));

  EXPECT_EQ(result.error, make_error_code(CURLE_GOT_NOTHING));
  EXPECT_THAT(result.error_text, StartsWith("GET " + server.url("/feed") + ": "));
}

TEST_F(HttpClientTest, InvalidHeaderIsReportedThroughTheHandler) {
  FakeHttpServer server([](const ReceivedRequest&) { return CannedResponse{}; });
  HttpRequest request = get_request(server.url("/hook"));
  request.headers = {{"X-Injected", "a\r\nHost: evil"}};
  bool called = false;
  HttpResult result;

  client_.async_request(request, [&](HttpResult r) {
    called = true;
    result = std::move(r);
  });

  EXPECT_FALSE(called) << "the handler must be posted, not called inline";
  ASSERT_TRUE(run_until([&] { return called; }));
  EXPECT_EQ(result.error, std::errc::invalid_argument);
  EXPECT_THAT(result.error_text, HasSubstr("X-Injected"));
  EXPECT_TRUE(server.requests().empty());
}

TEST_F(HttpClientTest, NamedProxyReceivesTheRequest) {
  FakeHttpServer proxy([](const ReceivedRequest&) { return CannedResponse{200, {}, "via proxy"}; });
  HttpRequest request = get_request("http://feeds.example.invalid/v1/forecast");
  request.proxy = proxy.url("");

  const HttpResult result = fetch(request);

  ASSERT_FALSE(result.error) << result.error_text;
  EXPECT_EQ(result.response.body, "via proxy");
  const auto requests = proxy.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].target, "http://feeds.example.invalid/v1/forecast");
}

TEST_F(HttpClientTest, ProxyEnvironmentIsIgnoredWhenNoProxyIsNamed) {
  FakeHttpServer proxy([](const ReceivedRequest&) { return CannedResponse{200, {}, "via proxy"}; });
  FakeHttpServer origin([](const ReceivedRequest&) { return CannedResponse{200, {}, "direct"}; });
  ::setenv("http_proxy", proxy.url("").c_str(), 1);

  const HttpResult result = fetch(get_request(origin.url("/feed")));

  ::unsetenv("http_proxy");
  ASSERT_FALSE(result.error) << result.error_text;
  EXPECT_EQ(result.response.body, "direct");
  EXPECT_TRUE(proxy.requests().empty());
}

}  // namespace
}  // namespace riskwarn::http::test
