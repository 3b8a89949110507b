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
                          std::chrono::seconds max_age) {
  const std::string age = config::format_duration(max_age);
  if (uncovered.empty())
    return "the last good observations stand in until they are " + age + " old";
  if (covered.empty())
    return "no observations younger than " + age + ", so the alerts of " + codes(uncovered) +
           " stay as they are";
  return "the last good observations stand in for " + codes(covered) +
         "; no observations younger than " + age + " for " + codes(uncovered) +
         ", whose alerts stay as they are";
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

  for (const auto& [name, feed] : run->config->feeds) {
    if (feed.kind != config::FeedKind::open_meteo && unsupported_logged_.insert(name).second) {
      spdlog::warn("feed \"{}\": this build reads only open-meteo feeds; the feed is not polled",
                   name);
    }
  }
  std::set<Key> keys;
  for (const FeedRequest& request : run->requests) {
    for (const config::County* county : request.counties)
      keys.emplace(request.feed->name, county->code);
  }
  cache_.retain(keys);

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
  if (request.feed->url.starts_with("file://"))
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
    const FeedRequest& request = run->requests[i];
    ++run->result.requests;
    weather::fetch_open_meteo(run->queue(*request.feed, client_, io_), *request.feed,
                              request.counties, validators_to_send(*run, request),
                              [this, run, i, lifetime = std::weak_ptr<int>(lifetime_)](
                                  Result<weather::OpenMeteoResponse> got) {
                                if (lifetime.expired())
                                  return;
                                const FeedRequest& answered = run->requests[i];
                                if (got)
                                  on_answer(*run, answered, std::move(got).value());
                                else
                                  on_failure(*run, answered, got.error().message);
                                if (--run->outstanding == 0)
                                  finish(run);
                              });
  }
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
    const bool usable =
        cache_.fresh(feed.name, county->code, run.now, feed.observation_max_age).has_value();
    (usable ? covered : uncovered).push_back(county);
  }
  const std::string fallback = fallback_text(covered, uncovered, feed.observation_max_age);
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

PollResult FeedPoller::assess(Run& run) {
  PollResult result = std::move(run.result);
  const config::Config& config = *run.config;
  for (const config::County& county : config.counties) {
    std::vector<HazardSignal> signals;
    bool polled = false;
    bool usable = true;
    bool stale = false;
    for (const std::string& name : county.feeds) {
      const config::FeedConfig& feed = config.feeds.at(name);
      if (feed.kind != config::FeedKind::open_meteo)
        continue;
      polled = true;
      auto observation = cache_.fresh(name, county.code, run.now, feed.observation_max_age);
      if (!observation) {
        usable = false;
        break;
      }
      stale = stale || run.failed.contains({name, county.code});
      HourlySeries series = std::move(observation->series);
      if (feed.shift_to_now) {
        // A replay starts at the hour of this process's first poll and then stays put, so a
        // recording plays out once instead of moving its window every hour.
        if (!replay_start_)
          replay_start_ = floor_hour(run.now);
        series = shift_series(std::move(series), *replay_start_);
      }
      const auto found = assess_county(county, series, run.now);
      signals.insert(signals.end(), found.begin(), found.end());
    }
    if (!polled || !usable)
      continue;
    result.assessed_counties.insert(county.code);
    if (stale)
      result.stale_counties.insert(county.code);
    auto risks = match_rules(county.code, signals, config.rules);
    result.risks.insert(result.risks.end(), std::make_move_iterator(risks.begin()),
                        std::make_move_iterator(risks.end()));
  }
  return result;
}

}  // namespace riskwarn::cycle
