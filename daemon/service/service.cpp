#include "daemon/service/service.hpp"

#include <spdlog/spdlog.h>

#include <csignal>
#include <cstdlib>
#include <filesystem>

#include "config/load.hpp"
#include "daemon/channels.hpp"
#include "daemon/cycle/commit.hpp"
#include "daemon/cycle/poll_cycle.hpp"
#include "daemon/logging.hpp"

namespace riskwarn::service {
namespace {

// systemd's $STATE_DIRECTORY (the first entry) wins over the config's state_dir.
std::filesystem::path state_directory(const config::Config& config) {
  if (const char* env = std::getenv("STATE_DIRECTORY"); env != nullptr && *env != '\0') {
    const std::string all(env);
    return all.substr(0, all.find(':'));
  }
  return config.daemon.state_dir;
}

// How long SIGTERM waits for requests in flight, well inside systemd's TimeoutStopSec=20s.
constexpr std::chrono::seconds kDrainDeadline{10};

dispatch::RetryPolicy retry_policy(const config::Config& config) {
  dispatch::RetryPolicy policy;
  policy.max_attempts = config.daemon.max_delivery_attempts;
  return policy;
}

std::map<std::string, std::string> county_names(const config::Config& config) {
  std::map<std::string, std::string> names;
  for (const config::County& county : config.counties)
    names[county.code] = county.name;
  return names;
}

}  // namespace

Service::Service(ServiceOptions options, std::shared_ptr<const config::Config> config)
    : options_(std::move(options)),
      signals_(io_, SIGTERM, SIGINT, SIGHUP),
      poll_timer_(io_),
      watchdog_timer_(io_) {
  install(std::move(config));
}

Service::~Service() {
  dispatcher_.reset();
  poller_.reset();
  http_.reset();
  store_.reset();
}

void Service::install(std::shared_ptr<const config::Config> config) {
  config_ = std::move(config);
  set_log_level(options_.log_level.value_or(config_->daemon.log_level));
}

void Service::configure_dispatcher(dispatch::ChannelSet channels) {
  dispatcher_->configure(std::move(channels), retry_policy(*config_), county_names(*config_));
}

int Service::run() {
  const auto state_dir = state_directory(*config_);
  store_ = store::Store::open(state_dir);
  http_ = std::make_unique<http::HttpClient>(io_);
  poller_ = std::make_unique<cycle::FeedPoller>(io_, *http_, *store_);
  dispatcher_ = std::make_unique<dispatch::Dispatcher>(io_, *store_, clock_);
  configure_dispatcher(make_channels(*config_, io_, *http_, clock_));
  dispatcher_->on_idle([this](bool drained) {
    if (options_.once && once_poll_done_ && drained)
      stop(exit_status_);
  });
  spdlog::info("riskwarnd started: {} counties, {} feeds, {} channels, state in {}",
               config_->counties.size(), config_->feeds.size(), config_->channels.size(),
               state_dir.string());

  wait_for_signal();
  notifier_.ready("polling " + std::to_string(config_->counties.size()) + " counties");
  start_watchdog();
  start_poll();
  dispatcher_->wake();
  io_.run();
  return exit_status_;
}

void Service::wait_for_signal() {
  signals_.async_wait([this](boost::system::error_code ec, int signal) {
    if (ec)
      return;
    on_signal(signal);
  });
}

void Service::on_signal(int signal) {
  if (signal == SIGHUP) {
    reload();
    wait_for_signal();
    return;
  }
  spdlog::info("received {}; stopping", signal == SIGTERM ? "SIGTERM" : "SIGINT");
  stop(0);
}

void Service::reload() {
  notifier_.reloading("reloading " + options_.config_path);
  auto loaded = config::load_config(options_.config_path,
                                    config::LoadOptions{options_.credentials_directory});
  if (auto* diagnostics = std::get_if<std::vector<config::Diagnostic>>(&loaded)) {
    for (const auto& diagnostic : *diagnostics) {
      spdlog::error("reload: {}", config::to_string(diagnostic));
    }
    spdlog::error("reload failed with {} error(s); still running the previous configuration",
                  diagnostics->size());
    notifier_.ready("reload failed (" + std::to_string(diagnostics->size()) +
                    " errors); running the previous configuration");
    return;
  }
  auto fresh = std::make_shared<const config::Config>(std::get<config::Config>(std::move(loaded)));
  dispatch::ChannelSet channels;
  try {
    channels = make_channels(*fresh, io_, *http_, clock_);
  } catch (const std::exception& error) {
    spdlog::error("reload failed: {}; still running the previous configuration", error.what());
    notifier_.ready("reload failed; running the previous configuration");
    return;
  }
  if (state_directory(*fresh) != state_directory(*config_)) {
    spdlog::warn("reload: state_dir changed; it takes effect at the next restart");
  }
  install(std::move(fresh));
  configure_dispatcher(std::move(channels));
  spdlog::info("configuration reloaded from {}", options_.config_path);
  notifier_.ready("configuration reloaded; polling " + std::to_string(config_->counties.size()) +
                  " counties");
  dispatcher_->wake();
}

void Service::start_poll() {
  if (stopping_ || polling_)
    return;
  polling_ = true;
  const TimePoint now = clock_.now();
  auto config = config_;
  poller_->poll(config, now, [this, config, now](cycle::PollResult poll) {
    if (poll.feed_failures > 0) {
      spdlog::warn(
          "poll: {} of {} feed request(s) failed; {} county(ies) assessed on their last "
          "good observations",
          poll.feed_failures, poll.requests, poll.stale_counties.size());
    }
    store_->run<cycle::CommitOutcome>(
        [config, poll = std::move(poll), now](store::Database& db) {
          return cycle::commit_poll(db, *config, poll, now);
        },
        io_.get_executor(),
        [this](Result<cycle::CommitOutcome> outcome) {
          if (!outcome) {
            spdlog::error("poll: cannot record the cycle: {}", outcome.error().message);
            if (options_.once)
              exit_status_ = 1;
            on_poll_committed("last poll could not be recorded");
            return;
          }
          on_poll_committed(cycle::describe(*outcome));
        });
  });
}

void Service::on_poll_committed(const std::string& summary) {
  polling_ = false;
  spdlog::info("poll: {}", summary);
  notifier_.status(summary);
  if (options_.once)
    once_poll_done_ = true;
  dispatcher_->wake();
  if (!options_.once)
    schedule_poll();
}

void Service::schedule_poll() {
  if (stopping_)
    return;
  poll_timer_.expires_after(config_->daemon.poll_interval);
  poll_timer_.async_wait([this](boost::system::error_code ec) {
    if (!ec)
      start_poll();
  });
}

void Service::start_watchdog() {
  const auto interval = notifier_.watchdog_interval();
  if (!interval || stopping_)
    return;
  // Ping systemd only when both the loop (this timer) and the database thread answer.
  if (db_answered_)
    notifier_.watchdog();
  db_answered_ = false;
  store_->run<bool>(
      [](store::Database& db) {
        db.ping();
        return true;
      },
      io_.get_executor(), [this](Result<bool> pong) { db_answered_ = pong.ok(); });
  watchdog_timer_.expires_after(*interval);
  watchdog_timer_.async_wait([this](boost::system::error_code ec) {
    if (!ec)
      start_watchdog();
  });
}

void Service::stop(int exit_status) {
  if (stopping_)
    return;
  stopping_ = true;
  exit_status_ = exit_status;
  notifier_.stopping("stopping");
  boost::system::error_code ignored;
  signals_.cancel(ignored);
  poll_timer_.cancel();
  watchdog_timer_.cancel();
  dispatcher_->stop();
  poller_->cancel();
  drain(std::chrono::steady_clock::now() + kDrainDeadline);
}

void Service::drain(std::chrono::steady_clock::time_point deadline) {
  if (http_->in_flight() == 0)
    return;
  if (std::chrono::steady_clock::now() >= deadline) {
    // Sends still in flight are abandoned; their notifications stay pending in the outbox and
    // go out again after the restart (at-least-once, with the same idempotency id).
    spdlog::warn("stopping: abandoning {} request(s) still in flight", http_->in_flight());
    http_->cancel_all();
    return;
  }
  poll_timer_.expires_after(std::chrono::milliseconds{50});
  poll_timer_.async_wait([this, deadline](boost::system::error_code) { drain(deadline); });
}

}  // namespace riskwarn::service
