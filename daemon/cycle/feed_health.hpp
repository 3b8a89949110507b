#pragma once

#include <string>

#include "adapters/weather/open_meteo_fetch.hpp"
#include "daemon/store/records.hpp"
#include "rules/time.hpp"

namespace riskwarn::cycle {

// How a poll changed a feed's health for one county.
enum class HealthChange {
  still_healthy,   // it answered, as it did last time
  recovered,       // it answered after failing
  degraded,        // it failed after answering (or for the first time)
  still_degraded,  // it failed again for the same reason
  new_cause,       // it failed again, for another reason than last time
};

// Records an answer at `at` with the validators to send next time; says what changed.
HealthChange record_success(store::FeedState& state, TimePoint at,
                            const weather::Validators& validators);

// Records a failure with its cause (already free of secrets); the validators stay, since the
// cached series they belong to stays too. Says what changed.
HealthChange record_failure(store::FeedState& state, const std::string& cause);

// The validators a state holds.
weather::Validators validators_of(const store::FeedState& state);

}  // namespace riskwarn::cycle
