#include "daemon/cycle/commit.hpp"

#include <spdlog/spdlog.h>

#include "adapters/notify/webhook_payload.hpp"
#include "daemon/store/idempotency.hpp"
#include "rules/alerts/lifecycle.hpp"
#include "rules/messages/alert_text.hpp"

namespace riskwarn::cycle {
namespace {

OpenAlert to_open_alert(const store::StoredAlert& stored) {
  return OpenAlert{.key = {stored.county, stored.rule_id, stored.instance},
                   .sector = stored.sector,
                   .level = stored.level,
                   .start = stored.start,
                   .end = stored.end,
                   .misses = stored.misses};
}

store::AlertWriteKind write_kind(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::raise:
      return store::AlertWriteKind::raise;
    case ChangeKind::update:
      return store::AlertWriteKind::update;
    case ChangeKind::resolve:
      return store::AlertWriteKind::resolve;
    case ChangeKind::tally:
      break;
  }
  return store::AlertWriteKind::miss;
}

store::AlertWrite to_write(const AlertChange& change) {
  return store::AlertWrite{
      .kind = write_kind(change.kind),
      .county = change.key.county,
      .rule_id = change.key.rule_id,
      .instance = change.key.instance,
      .sector = change.sector,
      .hazard = change.hazard ? std::string(to_string(*change.hazard)) : std::string(),
      .level = change.level,
      .previous_level = change.kind == ChangeKind::update
                            ? std::optional<Level>(change.previous_level)
                            : std::nullopt,
      .start = change.start,
      .end = change.end,
      .misses = change.misses,
  };
}

notify::AlertChange payload_change(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::raise:
      return notify::AlertChange::raised;
    case ChangeKind::resolve:
      return notify::AlertChange::resolved;
    case ChangeKind::update:
    case ChangeKind::tally:
      break;
  }
  return notify::AlertChange::updated;
}

const config::County* find_county(const config::Config& config, const std::string& code) {
  for (const config::County& county : config.counties) {
    if (county.code == code)
      return &county;
  }
  return nullptr;
}

// The changes of one county told to one role, by index into the cycle's changes.
struct Recipients {
  std::string county;
  std::string role;
  std::vector<std::size_t> changes;
};

std::vector<Recipients> group_by_department(const std::vector<AlertChange>& changes) {
  std::vector<Recipients> groups;
  for (std::size_t i = 0; i < changes.size(); ++i) {
    if (!changes[i].notifies())
      continue;
    for (const std::string& role : changes[i].roles) {
      auto found = std::find_if(groups.begin(), groups.end(), [&](const Recipients& g) {
        return g.county == changes[i].key.county && g.role == role;
      });
      if (found == groups.end()) {
        groups.push_back(Recipients{changes[i].key.county, role, {}});
        found = std::prev(groups.end());
      }
      found->changes.push_back(i);
    }
  }
  return groups;
}

}  // namespace

std::string describe(const CommitOutcome& outcome) {
  return std::to_string(outcome.counties_assessed) + " counties assessed, " +
         std::to_string(outcome.raised) + " raised, " + std::to_string(outcome.updated) +
         " updated, " + std::to_string(outcome.resolved) + " resolved, " +
         std::to_string(outcome.notifications) + " notification(s) queued";
}

CommitOutcome commit_poll(store::Database& db, const config::Config& config, const PollResult& poll,
                          TimePoint now) {
  std::vector<OpenAlert> open;
  for (const store::StoredAlert& stored : db.open_alerts())
    open.push_back(to_open_alert(stored));
  const std::vector<AlertChange> changes = diff_alerts(
      open, poll.risks, poll.assessed_counties, config.rules, config.daemon.resolve_after_polls);

  CommitOutcome outcome;
  outcome.counties_assessed = poll.assessed_counties.size();
  store::CycleWrite cycle;
  for (const AlertChange& change : changes) {
    cycle.alerts.push_back(to_write(change));
    outcome.raised += change.kind == ChangeKind::raise;
    outcome.updated += change.kind == ChangeKind::update;
    outcome.resolved += change.kind == ChangeKind::resolve;
  }
  if (cycle.alerts.empty())
    return outcome;

  const auto groups = group_by_department(changes);
  const auto plan = [&](const std::vector<std::int64_t>& alert_ids) {
    std::vector<store::NotificationWrite> writes;
    for (const Recipients& group : groups) {
      const config::County* county = find_county(config, group.county);
      const auto department = county ? county->departments.find(group.role)
                                     : std::map<std::string, config::Department>::const_iterator{};
      if (county == nullptr || department == county->departments.end() ||
          department->second.channels.empty()) {
        spdlog::warn("county {} has no department with a channel for role {}; not notified",
                     group.county, group.role);
        continue;
      }
      const auto offset = county->utc_offset;
      std::vector<AlertChange> told;
      notify::AlertDocument document{
          .id = store::new_idempotency_id(),
          .sent_at = now,
          .county_code = county->code,
          .county_name = county->name,
          .utc_offset = offset,
          .role = group.role,
          .department = department->second.name,
          .alerts = {},
          .text = {},
          .ack_url = {},
      };
      for (std::size_t index : group.changes) {
        const AlertChange& change = changes[index];
        told.push_back(change);
        document.alerts.push_back(notify::PayloadAlert{
            .alert_id = std::to_string(alert_ids[index]),
            .change = payload_change(change.kind),
            .rule = change.key.rule_id,
            .sector = change.sector,
            .hazard = change.hazard,
            .level = change.level,
            .title = alert_title(change),
            .start = change.start,
            .end = change.end,
            .actions = change.actions,
        });
      }
      document.text =
          department_message(Recipient{county->name, department->second.name, offset}, told);
      writes.push_back(store::NotificationWrite{
          .alert_index = group.changes.front(),
          .idempotency_id = document.id,
          .county = county->code,
          .role = group.role,
          .department = department->second.name,
          .channel = department->second.channels.front(),
          .text = document.text,
          .payload_json = notify::build_alert_payload(document),
      });
    }
    return writes;
  };
  const store::CommitSummary summary = db.commit_cycle(cycle, now, plan);
  outcome.notifications = static_cast<int>(summary.notifications.size());
  return outcome;
}

}  // namespace riskwarn::cycle
