#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <functional>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>

#include "adapters/notify/channel.hpp"
#include "daemon/clock.hpp"
#include "daemon/dispatch/backoff.hpp"
#include "daemon/store/store.hpp"

namespace riskwarn::dispatch {

// Channels by the name the config gives them. Shared so that a send in flight keeps its channel
// alive across a reload that replaces the set.
using ChannelSet = std::map<std::string, std::shared_ptr<notify::Channel>>;

// The outbox relay: sends due notifications from the store through their channels, records
// every attempt, and schedules retries. Runs on the io_context thread.
class Dispatcher {
 public:
  Dispatcher(boost::asio::io_context& io, store::Store& store, const Clock& clock);

  // Replaces the channels, the retry policy and the county names shown in messages (at start
  // and on reload).
  void configure(ChannelSet channels, RetryPolicy policy,
                 std::map<std::string, std::string> county_names = {});

  // Looks for due notifications now (after a commit, a completed send, or a timer).
  void wake();

  // Calls on_idle whenever nothing is in flight and nothing is due; `drained` is true when no
  // notification is pending at all (every one is delivered or dead).
  void on_idle(std::function<void(bool drained)> handler);

  // Stops scheduling; sends in flight complete and are recorded.
  void stop();

 private:
  void fetch_due();
  void send(const store::PendingNotification& notification);
  void finish(const store::PendingNotification& notification, notify::DeliveryResult result);
  void settle();
  // Keeps a notification out of the relay for the base delay, then looks again.
  void hold(std::int64_t id);

  boost::asio::io_context& io_;
  store::Store& store_;
  const Clock& clock_;
  boost::asio::steady_timer timer_;
  ChannelSet channels_;
  std::map<std::string, std::string> county_names_;
  RetryPolicy policy_;
  std::mt19937_64 random_{std::random_device{}()};
  std::set<std::int64_t> in_flight_;  // being sent, being recorded, or held back
  std::map<std::int64_t, std::unique_ptr<boost::asio::steady_timer>> held_;
  std::function<void(bool)> idle_handler_;
  bool fetching_ = false;
  bool wake_again_ = false;
  bool stopped_ = false;
  std::size_t batch_ = 64;
};

}  // namespace riskwarn::dispatch
