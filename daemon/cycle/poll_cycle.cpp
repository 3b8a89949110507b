#include "daemon/cycle/poll_cycle.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <string>
#include <utility>
#include <variant>

#include "adapters/weather/open_meteo_fetch.hpp"
#include "config/duration.hpp"
#include "daemon/cycle/county_signals.hpp"
#include "daemon/cycle/feed_health.hpp"
#include "daemon/cycle/feed_plan.hpp"
#include "rules/assess/merge.hpp"
#include "rules/assess/series.hpp"
#include "rules/match/match.hpp"

namespace riskwarn::cycle {
namespace {

using Key = std::pair<std::string, std::string>;  // (feed, county)
using FeedStates = std::map<Key, store::FeedState>;

http::RetryPolicy retry_policy(const config::FeedConfig& feed,
                               std::chrono::steady_clock::time_point deadline) {
  http::RetryPolicy policy;
  policy.max_retries = feed.max_retries;
  policy.base_delay = feed.retry_base_delay;
  policy.deadline = deadline;
  return policy;
}

std::string codes(const std::vector<const config::County*>& counties) {
  std::string text;
  for (const config::County* county : counties)
    text += (text.empty() ? "" : ", ") + county->code;
  return text;
}

// What stands in for a failed request's counties, for the log.
std::string fallback_text(const std::vector<const config::County*>& covered,
                          const std::vector<const config::County*>& uncovered,
                          std::chrono::seconds max_age, const std::string& what) {
  const std::string age = config::format_duration(max_age);
  if (uncovered.empty())
    return "the last good " + what + " stand in until they are " + age + " old";
  if (covered.empty())
    return "no " + what + " younger than " + age + ", so the alerts of " + codes(uncovered) +
           " stay as they are";
  return "the last good " + what + " stand in for " + codes(covered) + "; no " + what +
         " younger than " + age + " for " + codes(uncovered) + ", whose alerts stay as they are";
}

}  // namespace

// One poll in progress, shared by its outstanding requests.
struct FeedPoller::Run {
  std::shared_ptr<const config::Config> config;
  TimePoint now;
  std::function<void(PollResult)> done;
  std::vector<FeedRequest> requests;
  FeedStates states;
  std::set<Key> failed;
  std::map<std::string, std::shared_ptr<http::RequestQueue>> queues;  // by feed name
  std::size_t outstanding = 0;
  bool cancelled = false;
  PollResult result;

  store::FeedState& state(const std::string& feed, const std::string& county) {
    auto [it, inserted] = states.try_emplace({feed, county});
    if (inserted) {
      it->second.feed = feed;
      it->second.county = county;
    }
    return it->second;
  }

  http::RequestQueue& queue(const config::FeedConfig& feed, http::HttpClient& client,
                            boost::asio::io_context& io) {
    auto& slot = queues[feed.name];
    if (!slot) {
      const auto deadline = std::chrono::steady_clock::now() + config->daemon.poll_interval;
      slot = std::make_shared<http::RequestQueue>(client, io, feed.max_concurrent_requests,
                                                  retry_policy(feed, deadline));
    }
    return *slot;
  }
};

FeedPoller::FeedPoller(boost::asio::io_context& io, http::HttpClient& client, store::Store& store)
    : io_(io), client_(client), store_(store) {}

FeedPoller::~FeedPoller() {
  cancel();
}

void FeedPoller::poll(std::shared_ptr<const config::Config> config, TimePoint now,
                      std::function<void(PollResult)> done) {
  auto run = std::make_shared<Run>();
  run->config = std::move(config);
  run->now = now;
  run->done = std::move(done);
  run->requests = plan_requests(*run->config);
  running_ = run;

  std::set<Key> keys;
  for (const FeedRequest& request : run->requests) {
    for (const config::County* county : request.counties)
      keys.emplace(request.feed->name, county->code);
  }
  cache_.retain(keys);
  warnings_.retain(keys);

  store_.run<FeedStates>(
      [keys](store::Database& db) {
        FeedStates states;
        for (const auto& [feed, county] : keys)
          states.emplace(Key{feed, county}, db.feed_state(feed, county));
        return states;
      },
      io_.get_executor(),
      [this, run, lifetime = std::weak_ptr<int>(lifetime_)](Result<FeedStates> states) {
        if (lifetime.expired())
          return;
        if (states) {
          run->states = std::move(states).value();
        } else {
          spdlog::error("poll: cannot read feed_state: {}; sending unconditional requests",
                        states.error().message);
        }
        send_requests(run);
      });
}

void FeedPoller::cancel() {
  if (auto run = running_.lock()) {
    run->cancelled = true;
    for (auto& [name, queue] : run->queues)
      queue->cancel();
  }
}

weather::Validators FeedPoller::validators_to_send(Run& run, const FeedRequest& request) const {
  if (request.feed->kind != config::FeedKind::open_meteo ||
      request.feed->url.starts_with("file://"))
    return {};
  std::optional<weather::Validators> shared;
  for (const config::County* county : request.counties) {
    // Without the series a 304 would confirm, ask for the whole response.
    if (!cache_.contains(request.feed->name, county->code))
      return {};
    const weather::Validators held = validators_of(run.state(request.feed->name, county->code));
    if (held.empty() ||
        (shared && (shared->etag != held.etag || shared->last_modified != held.last_modified))) {
      return {};
    }
    shared = held;
  }
  return shared.value_or(weather::Validators{});
}

void FeedPoller::send_requests(const std::shared_ptr<Run>& run) {
  run->outstanding = run->requests.size();
  if (run->outstanding == 0 || run->cancelled) {
    run->outstanding = 0;
    finish(run);
    return;
  }
  for (std::size_t i = 0; i < run->requests.size(); ++i) {
    ++run->result.requests;
    switch (run->requests[i].feed->kind) {
      case config::FeedKind::open_meteo:
        send_open_meteo(run, i);
        break;
      case config::FeedKind::qweather:
        send_qweather(run, i);
        break;
      case config::FeedKind::cap:
        send_cap(run, i);
        break;
    }
  }
}

// Runs `handle` on the answer of request `index`, or records its failure, then finishes the poll
// after the last answer.
template <typename Reply, typename Handle>
auto FeedPoller::completion(const std::shared_ptr<Run>& run, std::size_t index, Handle handle) {
  return [this, run, index, handle = std::move(handle),
          lifetime = std::weak_ptr<int>(lifetime_)](Result<Reply> got) {
    if (lifetime.expired())
      return;
    const FeedRequest& answered = run->requests[index];
    if (got)
      handle(*run, answered, std::move(got).value());
    else
      on_failure(*run, answered, got.error().message);
    if (--run->outstanding == 0)
      finish(run);
  };
}

void FeedPoller::send_open_meteo(const std::shared_ptr<Run>& run, std::size_t index) {
  const FeedRequest& request = run->requests[index];
  weather::fetch_open_meteo(
      run->queue(*request.feed, client_, io_), *request.feed, request.counties,
      validators_to_send(*run, request),
      completion<weather::OpenMeteoResponse>(
          run, index, [this](Run& r, const FeedRequest& q, weather::OpenMeteoResponse response) {
            on_answer(r, q, std::move(response));
          }));
}

void FeedPoller::send_qweather(const std::shared_ptr<Run>& run, std::size_t index) {
  const FeedRequest& request = run->requests[index];
  weather::fetch_qweather_warnings(
      run->queue(*request.feed, client_, io_), *request.feed, *request.counties.front(), run->now,
      completion<weather::QWeatherReply>(
          run, index, [this](Run& r, const FeedRequest& q, weather::QWeatherReply reply) {
            on_qweather(r, q, std::move(reply));
          }));
}

void FeedPoller::send_cap(const std::shared_ptr<Run>& run, std::size_t index) {
  const FeedRequest& request = run->requests[index];
  weather::fetch_cap_feed(
      run->queue(*request.feed, client_, io_), *request.feed,
      completion<weather::CapFeedReply>(
          run, index, [this](Run& r, const FeedRequest& q, weather::CapFeedReply reply) {
            on_cap(r, q, std::move(reply));
          }));
}

void FeedPoller::on_answer(Run& run, const FeedRequest& request,
                           weather::OpenMeteoResponse response) {
  const std::string& feed = request.feed->name;
  if (response.not_modified) {
    ++run.result.not_modified;
    for (const config::County* county : request.counties) {
      if (!cache_.confirm(feed, county->code, run.now)) {
        on_failure(run, request,
                   "feed \"" + feed + "\" answered 304 Not Modified for county " + county->code +
                       " but no series is held for it");
        return;
      }
    }
  } else {
    for (std::size_t i = 0; i < request.counties.size(); ++i)
      cache_.put(feed, request.counties[i]->code, response.series[i], run.now);
  }
  for (const config::County* county : request.counties) {
    store::FeedState& state = run.state(feed, county->code);
    const int failures = state.consecutive_failures;
    const weather::Validators next = response.not_modified && response.validators.empty()
                                         ? validators_of(state)
                                         : response.validators;
    if (record_success(state, run.now, next) == HealthChange::recovered) {
      spdlog::info("feed \"{}\" for county {} recovered after {} failed poll(s)", feed,
                   county->code, failures);
    }
  }
  spdlog::debug(
      "feed \"{}\" for {}: {} in {} attempt(s)", feed, codes(request.counties),
      response.not_modified ? "not modified" : std::to_string(response.series.size()) + " series",
      response.attempts);
}

void FeedPoller::on_qweather(Run& run, const FeedRequest& request, weather::QWeatherReply reply) {
  const std::string& feed = request.feed->name;
  const std::string& county = request.counties.front()->code;
  if (reply.no_data) {
    // 204 says nothing about what is in force: the last warnings stand.
    warnings_.confirm(feed, county, run.now);
    spdlog::debug("feed \"{}\" for county {}: no warning data (204); keeping the last warnings",
                  feed, county);
  } else {
    spdlog::debug("feed \"{}\" for county {}: {} warning(s)", feed, county, reply.warnings.size());
    warnings_.put(feed, county, std::move(reply.warnings), run.now);
  }
  record_answers(run, request);
}

void FeedPoller::on_cap(Run& run, const FeedRequest& request, weather::CapFeedReply reply) {
  const config::FeedConfig& feed = *request.feed;
  if (reply.skipped > 0) {
    spdlog::warn(
        "feed \"{}\": the index lists {} more CAP documents than the {} read per poll; "
        "the rest are not read",
        feed.name, reply.skipped, weather::kMaxCapDocuments);
  }
  for (const config::County* county : request.counties) {
    warnings_.put(feed.name, county->code,
                  weather::cap_warnings_for(reply.alerts, county->code, county->latitude,
                                            county->longitude, run.now),
                  run.now);
  }
  spdlog::debug("feed \"{}\": {} CAP message(s) from {} document(s)", feed.name,
                reply.alerts.size(), reply.documents);
  record_answers(run, request);
}

void FeedPoller::record_answers(Run& run, const FeedRequest& request) {
  const std::string& feed = request.feed->name;
  for (const config::County* county : request.counties) {
    store::FeedState& state = run.state(feed, county->code);
    const int failures = state.consecutive_failures;
    if (record_success(state, run.now, {}) == HealthChange::recovered) {
      spdlog::info("feed \"{}\" for county {} recovered after {} failed poll(s)", feed,
                   county->code, failures);
    }
  }
}

bool FeedPoller::has_usable_data(const config::FeedConfig& feed, const std::string& county,
                                 TimePoint now) const {
  if (feed.kind == config::FeedKind::open_meteo)
    return cache_.fresh(feed.name, county, now, feed.observation_max_age).has_value();
  return warnings_.fresh(feed.name, county, now, feed.observation_max_age).has_value();
}

void FeedPoller::on_failure(Run& run, const FeedRequest& request, const std::string& cause) {
  const config::FeedConfig& feed = *request.feed;
  ++run.result.feed_failures;
  bool degraded = false;
  bool new_cause = false;
  std::vector<const config::County*> covered;
  std::vector<const config::County*> uncovered;
  for (const config::County* county : request.counties) {
    run.failed.emplace(feed.name, county->code);
    if (!run.cancelled) {
      const HealthChange change = record_failure(run.state(feed.name, county->code), cause);
      degraded = degraded || change == HealthChange::degraded;
      new_cause = new_cause || change == HealthChange::new_cause;
    }
    const bool usable = has_usable_data(feed, county->code, run.now);
    (usable ? covered : uncovered).push_back(county);
  }
  const std::string fallback =
      fallback_text(covered, uncovered, feed.observation_max_age,
                    feed.kind == config::FeedKind::open_meteo ? "observations" : "warnings");
  if (run.cancelled) {
    spdlog::info("{}; stopping: {}", cause, fallback);
  } else if (degraded) {
    spdlog::warn("{}; feed \"{}\" is degraded: {}", cause, feed.name, fallback);
  } else if (new_cause) {
    spdlog::info("{}; feed \"{}\" is still degraded: {}", cause, feed.name, fallback);
  } else {
    spdlog::debug("{}; feed \"{}\" is still degraded: {}", cause, feed.name, fallback);
  }
}

void FeedPoller::finish(const std::shared_ptr<Run>& run) {
  std::vector<store::FeedState> states;
  states.reserve(run->states.size());
  for (auto& [key, state] : run->states)
    states.push_back(std::move(state));
  store_.run<std::monostate>(
      [states = std::move(states)](store::Database& db) {
        db.save_feed_states(states);
        return std::monostate{};
      },
      io_.get_executor(),
      [](Result<std::monostate> saved) {
        if (!saved)
          spdlog::error("poll: cannot record feed health: {}", saved.error().message);
      });
  run->done(assess(*run));
}

void FeedPoller::log_unmodelled(const std::string& county,
                                const std::vector<OfficialWarning>& official, TimePoint now,
                                std::set<std::pair<std::string, std::string>>& in_force) {
  for (const OfficialWarning& warning : unmodelled_warnings(official, now)) {
    if (!in_force.emplace(county, warning.id).second ||
        unmodelled_logged_.contains({county, warning.id})) {
      continue;
    }
    spdlog::info(
        "county {}: official warning {} \"{}\" at {} is in force; riskwarn has no rule "
        "for this kind (other)",
        county, warning.id, warning.type_name, to_string(warning.level));
  }
}

PollResult FeedPoller::assess(Run& run) {
  PollResult result = std::move(run.result);
  const config::Config& config = *run.config;
  std::set<std::pair<std::string, std::string>> unmodelled_in_force;
  for (const config::County& county : config.counties) {
    std::vector<HazardSignal> derived;
    std::vector<OfficialWarning> official;
    bool usable = !county.feeds.empty();
    bool stale = false;
    for (const std::string& name : county.feeds) {
      const config::FeedConfig& feed = config.feeds.at(name);
      stale = stale || run.failed.contains({name, county.code});
      if (feed.kind != config::FeedKind::open_meteo) {
        auto warnings = warnings_.fresh(name, county.code, run.now, feed.observation_max_age);
        if (!warnings) {
          usable = false;
          break;
        }
        official.insert(official.end(), std::make_move_iterator(warnings->begin()),
                        std::make_move_iterator(warnings->end()));
        continue;
      }
      auto observation = cache_.fresh(name, county.code, run.now, feed.observation_max_age);
      if (!observation) {
        usable = false;
        break;
      }
      HourlySeries series = std::move(observation->series);
      if (feed.shift_to_now) {
        // A replay starts at the hour of this process's first poll and then stays put, so a
        // recording plays out once instead of moving its window every hour.
        if (!replay_start_)
          replay_start_ = floor_hour(run.now);
        series = shift_series(std::move(series), *replay_start_);
      }
      const auto found = assess_county(county, series, run.now);
      derived.insert(derived.end(), found.begin(), found.end());
    }
    if (!usable)
      continue;
    result.assessed_counties.insert(county.code);
    if (stale)
      result.stale_counties.insert(county.code);
    log_unmodelled(county.code, official, run.now, unmodelled_in_force);
    std::vector<HazardSignal> signals;
    for (MergedSignal& merged : merge_signals(derived, official, run.now))
      signals.push_back(std::move(merged.effective));
    auto risks = match_rules(county.code, signals, config.rules);
    result.risks.insert(result.risks.end(), std::make_move_iterator(risks.begin()),
                        std::make_move_iterator(risks.end()));
  }
  // Forget the assessed counties' warnings no longer in force, so that one issued again is
  // logged again.
  std::erase_if(unmodelled_logged_, [&](const auto& logged) {
    return result.assessed_counties.contains(logged.first) && !unmodelled_in_force.contains(logged);
  });
  unmodelled_logged_.insert(unmodelled_in_force.begin(), unmodelled_in_force.end());
  return result;
}

}  // namespace riskwarn::cycle
