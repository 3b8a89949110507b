#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <boost/asio/io_context.hpp>

#include "adapters/http/http_client.hpp"
#include "adapters/http/request_queue.hpp"
#include "adapters/weather/open_meteo_fetch.hpp"
#include "adapters/weather/warning_fetch.hpp"
#include "config/config.hpp"
#include "daemon/cycle/feed_plan.hpp"
#include "daemon/cycle/observation_cache.hpp"
#include "daemon/cycle/warning_cache.hpp"
#include "daemon/store/store.hpp"
#include "rules/match/risk.hpp"

namespace riskwarn::cycle {

// What one poll learned: the risks of every county that could be assessed, and which counties
// those are (the others keep their alerts untouched).
struct PollResult {
  std::vector<Risk> risks;
  std::set<std::string> assessed_counties;
  std::set<std::string> stale_counties;  // assessed on a failed feed's last good observations
  int requests = 0;                      // feed requests made (retries not counted)
  int not_modified = 0;                  // of them, answered 304 Not Modified
  int feed_failures = 0;                 // of them, failed after any retries
};

// Polls the weather feeds of every county, and keeps what must outlive one poll: the last good
// observations and official warnings of each (feed, county) in memory and, in the store's
// feed_state, each one's health and conditional-request validators.
//
// A poll reads feed_state, sends every request at once (each feed through its own queue, which
// limits its concurrency and retries transient failures within the poll interval), records
// each outcome in feed_state, then assesses every county on its feeds' data no older than
// observation_max_age: fresh data, or the last good data when a feed failed (a QWeather 204
// keeps the last warnings too). Forecast-derived signals and the official warnings in force are
// merged per hazard and the effective signals matched against the rules; warnings of kinds
// riskwarn does not model are logged once each. A county with a feed that has nothing usable
// is not assessed. Failures are logged with the feed, the counties and the cause when a feed's
// health changes, never stop the other requests, and a 304 reuses the cached series. Use on
// the io_context thread only.
class FeedPoller {
 public:
  FeedPoller(boost::asio::io_context& io, http::HttpClient& client, store::Store& store);
  ~FeedPoller();

  FeedPoller(const FeedPoller&) = delete;
  FeedPoller& operator=(const FeedPoller&) = delete;

  // Runs one poll at `now` on config; done is called exactly once, on the io_context, after the
  // poll's feed_state is queued for writing. One poll at a time.
  void poll(std::shared_ptr<const config::Config> config, TimePoint now,
            std::function<void(PollResult)> done);

  // Gives up the retries the running poll is waiting for (at shutdown); requests on the wire
  // finish normally. The poll then completes with what it has.
  void cancel();

  // The last good observations held.
  const ObservationCache& observations() const { return cache_; }

 private:
  struct Run;

  weather::Validators validators_to_send(Run& run, const FeedRequest& request) const;
  void send_requests(const std::shared_ptr<Run>& run);
  template <typename Reply, typename Handle>
  auto completion(const std::shared_ptr<Run>& run, std::size_t index, Handle handle);
  void send_open_meteo(const std::shared_ptr<Run>& run, std::size_t index);
  void send_qweather(const std::shared_ptr<Run>& run, std::size_t index);
  void send_cap(const std::shared_ptr<Run>& run, std::size_t index);
  void on_answer(Run& run, const FeedRequest& request, weather::OpenMeteoResponse response);
  void on_qweather(Run& run, const FeedRequest& request, weather::QWeatherReply reply);
  void on_cap(Run& run, const FeedRequest& request, weather::CapFeedReply reply);
  void record_answers(Run& run, const FeedRequest& request);
  bool has_usable_data(const config::FeedConfig& feed, const std::string& county,
                       TimePoint now) const;
  void log_unmodelled(const std::string& county, const std::vector<OfficialWarning>& official,
                      TimePoint now, std::set<std::pair<std::string, std::string>>& in_force);
  void on_failure(Run& run, const FeedRequest& request, const std::string& cause);
  void finish(const std::shared_ptr<Run>& run);
  PollResult assess(Run& run);

  boost::asio::io_context& io_;
  http::HttpClient& client_;
  store::Store& store_;
  ObservationCache cache_;
  WarningCache warnings_;
  std::set<std::pair<std::string, std::string>> unmodelled_logged_;  // (county, warning id)
  std::optional<TimePoint> replay_start_;  // where shift_to_now feeds begin
  std::weak_ptr<Run> running_;
  std::shared_ptr<int> lifetime_ = std::make_shared<int>(0);
};

}  // namespace riskwarn::cycle
