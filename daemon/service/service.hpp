#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "adapters/http/http_client.hpp"
#include "config/config.hpp"
#include "daemon/clock.hpp"
#include "daemon/cycle/poll_cycle.hpp"
#include "daemon/dispatch/dispatcher.hpp"
#include "daemon/service/notifier.hpp"
#include "daemon/store/store.hpp"

namespace riskwarn::service {

// How the process was started.
struct ServiceOptions {
  std::string config_path;
  bool once = false;  // one cycle, deliver everything, exit (1 if the cycle could not be recorded)
  std::optional<std::string> log_level;  // the command line's level wins over the config's
  std::string credentials_directory;     // $CREDENTIALS_DIRECTORY
};

// The running daemon: the composition root that wires the store, the HTTP client, the poll
// cycle, the outbox relay, signals, sd_notify and the watchdog on one io_context, and tears
// them down in order.
class Service {
 public:
  Service(ServiceOptions options, std::shared_ptr<const config::Config> config);
  ~Service();

  // Opens the store, announces READY, and runs until SIGTERM/SIGINT (or, with --once, until
  // the cycle's notifications are all delivered or dead). Returns the exit status. Throws only
  // at start-up (e.g. the store cannot be opened).
  int run();

 private:
  void install(std::shared_ptr<const config::Config> config);
  void configure_dispatcher(dispatch::ChannelSet channels);
  void wait_for_signal();
  void on_signal(int signal);
  void reload();
  void start_poll();
  void schedule_poll();
  void on_poll_committed(const std::string& summary);
  void start_watchdog();
  void stop(int exit_status);
  void drain(std::chrono::steady_clock::time_point deadline);

  ServiceOptions options_;
  std::shared_ptr<const config::Config> config_;
  boost::asio::io_context io_;
  SystemClock clock_;
  Notifier notifier_;
  boost::asio::signal_set signals_;
  boost::asio::steady_timer poll_timer_;
  boost::asio::steady_timer watchdog_timer_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<http::HttpClient> http_;
  std::unique_ptr<cycle::FeedPoller> poller_;
  std::unique_ptr<dispatch::Dispatcher> dispatcher_;
  bool polling_ = false;
  bool once_poll_done_ = false;
  bool db_answered_ = false;
  bool stopping_ = false;
  int exit_status_ = 0;
};

}  // namespace riskwarn::service
