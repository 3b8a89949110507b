#include "daemon/cycle/feed_health.hpp"

namespace riskwarn::cycle {

HealthChange record_success(store::FeedState& state, TimePoint at,
                            const weather::Validators& validators) {
  const bool was_failing = state.consecutive_failures > 0;
  state.etag = validators.etag;
  state.last_modified = validators.last_modified;
  state.last_success_at = at;
  state.consecutive_failures = 0;
  return was_failing ? HealthChange::recovered : HealthChange::still_healthy;
}

HealthChange record_failure(store::FeedState& state, const std::string& cause) {
  const bool was_failing = state.consecutive_failures > 0;
  const bool same_cause = state.last_error == cause;
  ++state.consecutive_failures;
  state.last_error = cause;
  if (!was_failing)
    return HealthChange::degraded;
  return same_cause ? HealthChange::still_degraded : HealthChange::new_cause;
}

weather::Validators validators_of(const store::FeedState& state) {
  return {state.etag, state.last_modified};
}

}  // namespace riskwarn::cycle
