#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include "adapters/http/http_client.hpp"
#include "adapters/notify/channel.hpp"
#include "adapters/notify/standard_webhooks.hpp"
#include "config/config.hpp"
#include "rules/time.hpp"

namespace riskwarn::notify {

// A plain JSON webhook signed per Standard Webhooks: POSTs message.payload_json byte for byte,
// with Content-Type: application/json, webhook-id (the idempotency id), webhook-timestamp (this
// attempt, Unix seconds) and, when a secret is configured, webhook-signature over those bytes.
// Redirects are not followed: a 3xx is a permanent failure, as the spec asks.
class WebhookChannel : public Channel {
 public:
  using Clock = std::function<TimePoint()>;

  // Uses config.url, config.secret and config.timeout; clock stamps each attempt. Throws
  // std::invalid_argument (naming the channel, never quoting the secret) when the secret is
  // malformed, so a bad config fails at load time rather than on every send.
  WebhookChannel(http::HttpClient& client, const config::ChannelConfig& config, Clock clock);

  // Starts one attempt; on_done gets the classification of classify_http_result.
  void send(const OutgoingMessage& message, std::function<void(DeliveryResult)> on_done) override;

 private:
  http::HttpClient& client_;
  std::string url_;
  std::optional<SigningKey> key_;
  std::chrono::milliseconds timeout_;
  Clock clock_;
};

}  // namespace riskwarn::notify
