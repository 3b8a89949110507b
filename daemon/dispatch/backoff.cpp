#include "daemon/dispatch/backoff.hpp"

#include <algorithm>

namespace riskwarn::dispatch {

std::chrono::seconds retry_delay(const RetryPolicy& policy, int attempts,
                                 std::optional<std::chrono::seconds> retry_after,
                                 std::mt19937_64& random) {
  const int doublings = std::clamp(attempts - 1, 0, 20);
  const double exponential =
      static_cast<double>(policy.base_delay.count()) * static_cast<double>(1LL << doublings);
  std::uniform_real_distribution<double> jitter(0.8, 1.2);
  const double jittered =
      std::min(exponential * jitter(random), static_cast<double>(policy.max_delay.count()));
  auto delay = std::chrono::seconds{static_cast<long long>(jittered + 0.5)};
  delay = std::max(delay, std::chrono::seconds{1});
  if (retry_after)
    delay = std::max(delay, *retry_after);
  return delay;
}

}  // namespace riskwarn::dispatch
