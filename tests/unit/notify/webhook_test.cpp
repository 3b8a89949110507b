#include "adapters/notify/webhook.hpp"

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <optional>
#include <stdexcept>

#include "adapters/http/http_client.hpp"
#include "tests/support/fake_http_server.hpp"

namespace riskwarn::notify {
namespace {

using namespace std::chrono_literals;
using test::CannedResponse;
using test::FakeHttpServer;
using test::ReceivedRequest;

constexpr std::string_view kSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
constexpr TimePoint kAttemptTime{std::chrono::seconds{1767124800}};
// Deliberately not in nlohmann's compact form: the bytes sent must be the bytes given.
constexpr std::string_view kPayload =
    R"({"schema": "riskwarn.alert.v1", "text": "大雾橙色预警：请加强道路巡查。"})";

OutgoingMessage fog_message() {
  OutgoingMessage message;
  message.idempotency_id = "ntf_410102_traffic_police_42";
  message.county_code = "410102";
  message.county_name = "中原区";
  message.role = "traffic_police";
  message.department = "中原区公安局交警大队";
  message.text = "大雾橙色预警：请加强道路巡查。";
  message.payload_json = std::string(kPayload);
  return message;
}

config::ChannelConfig webhook_to(std::string url, bool with_secret = true) {
  config::ChannelConfig config;
  config.name = "county_hook";
  config.kind = config::ChannelKind::webhook;
  config.url = std::move(url);
  if (with_secret)
    config.secret = config::Secret(std::string(kSecret));
  config.timeout = 5s;
  return config;
}

class WebhookChannelTest : public ::testing::Test {
 protected:
  // Sends one message and runs the io_context until the attempt completes (or 20 s pass).
  DeliveryResult send(WebhookChannel& channel, const OutgoingMessage& message) {
    std::optional<DeliveryResult> result;
    int calls = 0;
    channel.send(message, [&](DeliveryResult r) {
      ++calls;
      result = std::move(r);
    });
    EXPECT_FALSE(result.has_value()) << "completed inside send()";
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    while (!result && std::chrono::steady_clock::now() < deadline) {
      if (io_.stopped())
        io_.restart();
      io_.run_one_for(100ms);
    }
    EXPECT_EQ(calls, 1);
    return result.value_or(DeliveryResult{Outcome::retryable, "no completion", std::nullopt});
  }

  WebhookChannel channel_for(const config::ChannelConfig& config) {
    return WebhookChannel(client_, config, [this] { return now_; });
  }

  boost::asio::io_context io_;
  http::HttpClient client_{io_};
  TimePoint now_ = kAttemptTime;
};

TEST_F(WebhookChannelTest, PostsThePayloadSignedPerStandardWebhooks) {
  FakeHttpServer server([](const ReceivedRequest&) { return CannedResponse{204, {}, {}}; });
  auto channel = channel_for(webhook_to(server.url("/hooks/riskwarn")));

  const auto result = send(channel, fog_message());

  EXPECT_EQ(result.outcome, Outcome::delivered);
  EXPECT_EQ(result.detail, "HTTP 204");
  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 1u);
  const ReceivedRequest& got = requests[0];
  EXPECT_EQ(got.method, "POST");
  EXPECT_EQ(got.target, "/hooks/riskwarn");
  EXPECT_EQ(got.body, kPayload);
  EXPECT_EQ(got.headers.at("content-type"), "application/json");
  EXPECT_EQ(got.headers.at("webhook-id"), "ntf_410102_traffic_police_42");
  EXPECT_EQ(got.headers.at("webhook-timestamp"), "1767124800");
  EXPECT_EQ(got.headers.at("user-agent").rfind("riskwarn/", 0), 0u) << got.headers.at("user-agent");
  ASSERT_TRUE(got.headers.contains("webhook-signature"));
  EXPECT_EQ(verify_v1(config::Secret(std::string(kSecret)), got.headers.at("webhook-id"),
                      got.headers.at("webhook-timestamp"), got.body,
                      got.headers.at("webhook-signature"), kAttemptTime),
            Verification::valid);
}

TEST_F(WebhookChannelTest, StampsEachAttemptAndKeepsTheId) {
  FakeHttpServer server([](const ReceivedRequest&) { return CannedResponse{503, {}, {}}; });
  auto channel = channel_for(webhook_to(server.url("/hook")));

  EXPECT_EQ(send(channel, fog_message()).outcome, Outcome::retryable);
  now_ = kAttemptTime + 5min;
  EXPECT_EQ(send(channel, fog_message()).outcome, Outcome::retryable);

  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].headers.at("webhook-id"), requests[1].headers.at("webhook-id"));
  EXPECT_EQ(requests[0].headers.at("webhook-timestamp"), "1767124800");
  EXPECT_EQ(requests[1].headers.at("webhook-timestamp"), "1767125100");
  EXPECT_EQ(verify_v1(config::Secret(std::string(kSecret)), requests[1].headers.at("webhook-id"),
                      requests[1].headers.at("webhook-timestamp"), requests[1].body,
                      requests[1].headers.at("webhook-signature"), now_),
            Verification::valid);
}

TEST_F(WebhookChannelTest, SendsNoSignatureWithoutASecret) {
  FakeHttpServer server([](const ReceivedRequest&) { return CannedResponse{200, {}, "ok"}; });
  auto channel = channel_for(webhook_to(server.url("/hook"), false));

  EXPECT_EQ(send(channel, fog_message()).outcome, Outcome::delivered);
  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_FALSE(requests[0].headers.contains("webhook-signature"));
  EXPECT_EQ(requests[0].headers.at("webhook-id"), "ntf_410102_traffic_police_42");
}

TEST_F(WebhookChannelTest, ServerErrorIsRetryable) {
  FakeHttpServer server([](const ReceivedRequest&) { return CannedResponse{500, {}, {}}; });
  auto channel = channel_for(webhook_to(server.url("/hook")));

  const auto result = send(channel, fog_message());
  EXPECT_EQ(result.outcome, Outcome::retryable);
  EXPECT_EQ(result.detail, "HTTP 500");
}

TEST_F(WebhookChannelTest, BadRequestIsPermanent) {
  FakeHttpServer server([](const ReceivedRequest&) {
    return CannedResponse{400, {}, "unknown schema"};
  });
  auto channel = channel_for(webhook_to(server.url("/hook")));

  const auto result = send(channel, fog_message());
  EXPECT_EQ(result.outcome, Outcome::permanent);
  EXPECT_EQ(result.detail, "HTTP 400: unknown schema");
}

TEST_F(WebhookChannelTest, RedirectIsPermanentAndNotFollowed) {
  FakeHttpServer server([](const ReceivedRequest& request) {
    if (request.target == "/moved")
      return CannedResponse{200, {}, {}};
    return CannedResponse{302, {{"Location", "/moved"}}, {}};
  });
  auto channel = channel_for(webhook_to(server.url("/hook")));

  const auto result = send(channel, fog_message());
  EXPECT_EQ(result.outcome, Outcome::permanent);
  EXPECT_EQ(result.detail, "HTTP 302 (redirects are not followed)");
  EXPECT_EQ(server.requests().size(), 1u);
}

TEST_F(WebhookChannelTest, TooManyRequestsIsRetryableAfterTheServersDelay) {
  FakeHttpServer server([](const ReceivedRequest&) {
    return CannedResponse{429, {{"Retry-After", "7"}}, {}};
  });
  auto channel = channel_for(webhook_to(server.url("/hook")));

  const auto result = send(channel, fog_message());
  EXPECT_EQ(result.outcome, Outcome::retryable);
  EXPECT_EQ(result.retry_after, 7s);
}

TEST_F(WebhookChannelTest, ConnectionRefusedIsRetryable) {
  unsigned short closed_port = 0;
  {
    boost::asio::ip::tcp::acceptor probe(
        io_, boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), 0));
    closed_port = probe.local_endpoint().port();
  }
  const std::string host = "127.0.0.1:" + std::to_string(closed_port);
  auto channel = channel_for(webhook_to("http://" + host + "/hook?key=s3cr3t"));

  const auto result = send(channel, fog_message());
  EXPECT_EQ(result.outcome, Outcome::retryable);
  EXPECT_EQ(result.detail, "cannot connect to " + host);
}

TEST_F(WebhookChannelTest, SlowReceiverTimesOutAsRetryable) {
  FakeHttpServer server([](const ReceivedRequest&) { return CannedResponse{200, {}, {}, 10s}; });
  auto config = webhook_to(server.url("/hook"));
  config.timeout = 500ms;
  auto channel = channel_for(config);

  const auto result = send(channel, fog_message());
  EXPECT_EQ(result.outcome, Outcome::retryable);
  EXPECT_EQ(result.detail.rfind("timeout", 0), 0u) << result.detail;
}

TEST_F(WebhookChannelTest, MalformedSecretFailsAtConstructionWithoutQuotingIt) {
  auto config = webhook_to("http://127.0.0.1:9/hook");
  config.secret = config::Secret("whsec_this is not base64");
  try {
    channel_for(config);
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("county_hook"), std::string::npos) << message;
    EXPECT_EQ(message.find("this is not base64"), std::string::npos) << message;
  }
}

}  // namespace
}  // namespace riskwarn::notify
