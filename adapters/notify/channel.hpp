#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "rules/time.hpp"

namespace riskwarn::notify {

// One message to one department over one channel, ready to send.
struct OutgoingMessage {
  std::string idempotency_id;  // stable across retries and restarts (webhook-id)
  std::string county_code;
  std::string county_name;
  std::string role;
  std::string department;
  std::string text;          // the human-readable message (Chinese)
  std::string payload_json;  // the versioned JSON document for machine receivers
};

// How a send attempt ended.
// cancelled: the attempt was abandoned before an answer (the daemon is stopping); it is not an
// attempt, and the notification stays pending as it was.
enum class Outcome { delivered, retryable, permanent, cancelled };

// The result of one attempt: the outcome, a detail for the record (status, provider code; never
// a secret), and a server-requested delay before the next attempt.
struct DeliveryResult {
  Outcome outcome = Outcome::retryable;
  std::string detail;
  std::optional<std::chrono::seconds> retry_after;
};

// "delivered", "retryable", "permanent" or "cancelled".
std::string_view to_string(Outcome outcome);

// A delivery channel. send() never throws and calls on_done exactly once, on the io_context
// thread, and never from inside send() itself (completions are posted, as in Asio).
class Channel {
 public:
  virtual ~Channel() = default;
  virtual void send(const OutgoingMessage& message,
                    std::function<void(DeliveryResult)> on_done) = 0;
};

}  // namespace riskwarn::notify
