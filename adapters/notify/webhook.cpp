#include "adapters/notify/webhook.hpp"

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>

#include "adapters/notify/classify.hpp"

namespace riskwarn::notify {
namespace {

constexpr std::chrono::milliseconds kMaxConnectTimeout{10000};

std::optional<SigningKey> signing_key(const config::ChannelConfig& config) {
  if (!config.secret || config.secret->empty())
    return std::nullopt;
  auto key = SigningKey::from_secret(*config.secret);
  if (!key)
    throw std::invalid_argument("channel " + config.name + ": " + key.error().message);
  return std::move(key).value();
}

}  // namespace

WebhookChannel::WebhookChannel(http::HttpClient& client, const config::ChannelConfig& config,
                               Clock clock)
    : client_(client),
      url_(config.url),
      key_(signing_key(config)),
      timeout_(config.timeout),
      clock_(std::move(clock)) {}

void WebhookChannel::send(const OutgoingMessage& message,
                          std::function<void(DeliveryResult)> on_done) {
  const std::int64_t timestamp = clock_().time_since_epoch().count();

  http::HttpRequest request;
  request.method = "POST";
  request.url = url_;
  request.body = message.payload_json;
  request.connect_timeout = std::min(timeout_, kMaxConnectTimeout);
  request.total_timeout = timeout_;
  request.follow_redirects = false;  // Standard Webhooks: a 3xx is a failed delivery
  request.headers = {
      {"Content-Type", "application/json"},
      {"webhook-id", message.idempotency_id},
      {"webhook-timestamp", std::to_string(timestamp)},
  };
  if (key_) {
    request.headers.push_back(
        {"webhook-signature", sign_v1(*key_, message.idempotency_id, timestamp, request.body)});
  }

  // The handler owns what it needs, so it stays valid if the channel goes away first.
  client_.async_request(
      std::move(request),
      [url = url_, clock = clock_, on_done = std::move(on_done)](http::HttpResult result) {
        on_done(classify_http_result(result, url, clock()));
      });
}

}  // namespace riskwarn::notify
