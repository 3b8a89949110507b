#pragma once

#include <chrono>
#include <map>
#include <string>

#include "config/config.hpp"
#include "daemon/cycle/poll_cycle.hpp"
#include "daemon/store/database.hpp"

namespace riskwarn::cycle {

// What a committed cycle changed.
struct CommitOutcome {
  int raised = 0;
  int updated = 0;
  int resolved = 0;
  int notifications = 0;
  std::size_t counties_assessed = 0;
};

// A one-line summary for the log and systemd's STATUS=.
std::string describe(const CommitOutcome& outcome);

// Runs on the database thread: diffs the poll's risks against the open alerts, plans one
// message per department with changed alerts (on the department's first channel), and commits
// the alert changes and their outbox rows in one transaction. Throws on a store failure, which
// the store's thread boundary turns into an Error.
CommitOutcome commit_poll(store::Database& db, const config::Config& config, const PollResult& poll,
                          TimePoint now);

}  // namespace riskwarn::cycle
