#pragma once

#include <chrono>
#include <optional>
#include <random>

namespace riskwarn::dispatch {

// When to try a failed notification again.
struct RetryPolicy {
  int max_attempts = 8;
  std::chrono::seconds base_delay{10};
  std::chrono::seconds max_delay{600};
};

// The delay before attempt number `attempts + 1` after `attempts` failed ones: exponential from
// base_delay with ±20 % jitter, capped at max_delay, and never shorter than the server's
// Retry-After.
std::chrono::seconds retry_delay(const RetryPolicy& policy, int attempts,
                                 std::optional<std::chrono::seconds> retry_after,
                                 std::mt19937_64& random);

}  // namespace riskwarn::dispatch
