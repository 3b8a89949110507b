#pragma once

#include "rules/time.hpp"

namespace riskwarn {

// The source of "now" for scheduling, retries and escalation; tests substitute simulated time.
class Clock {
 public:
  virtual ~Clock() = default;
  // The current instant in UTC.
  virtual TimePoint now() const = 0;
};

// The system's real-time clock.
class SystemClock final : public Clock {
 public:
  TimePoint now() const override;
};

// A clock that only moves when told to; for tests.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(TimePoint start) : now_(start) {}
  TimePoint now() const override { return now_; }
  // Moves the clock forward by d.
  void advance(std::chrono::seconds d) { now_ += d; }

 private:
  TimePoint now_;
};

}  // namespace riskwarn
