#pragma once

// Helpers shared by the feed integration tests: fake Open-Meteo servers whose behaviour a test
// can switch between polls (answering batched requests with one location per coordinate), and
// a fixture that runs the FeedPoller with a real HttpClient and a real store.

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include <boost/asio/io_context.hpp>

#include "adapters/http/http_client.hpp"
#include "config/config.hpp"
#include "daemon/cycle/poll_cycle.hpp"
#include "daemon/store/store.hpp"
#include "tests/support/fake_http_server.hpp"
#include "tests/support/temp_dir.hpp"

namespace riskwarn::test {

// The number of locations a request asks for: one more than the commas in its latitude list.
std::size_t locations_asked(const ReceivedRequest& request);

// 200 with `location` for a one-location request, an array of copies of it otherwise.
CannedResponse forecast_answer(const ReceivedRequest& request, const std::string& location);

// A handler that forecasts fog from now on (the fixture's hour 20 is the current hour).
FakeHttpServer::Handler fog_forecast();

// A FakeHttpServer whose handler can be replaced while it runs.
class SwitchableServer {
 public:
  explicit SwitchableServer(FakeHttpServer::Handler handler);

  // Answers every later request with handler.
  void answer_with(FakeHttpServer::Handler handler);

  FakeHttpServer& server() { return server_; }

 private:
  struct Shared {
    std::mutex mutex;
    FakeHttpServer::Handler handler;
  };
  std::shared_ptr<Shared> shared_;
  FakeHttpServer server_;
};

// A county of a test config.
struct CountyLine {
  std::string code;
  double latitude = 0;
  std::string timezone;
  std::string feed;
};

// Feed "bad" serves county 410102 and feed "good" county 410103; both start forecasting fog.
class FeedPollerFixture : public ::testing::Test {
 protected:
  // The config, with bad_settings in [feeds.bad] ("max_retries = 0" when empty) and more
  // counties; nullptr (after reporting the errors) when it does not load.
  std::shared_ptr<const config::Config> load(const std::string& bad_settings = "",
                                             const std::vector<CountyLine>& more = {});

  // Runs one poll at now to completion, feed_state written.
  cycle::PollResult poll(cycle::FeedPoller& poller,
                         const std::shared_ptr<const config::Config>& config, TimePoint now);

  // The stored feed_state of (feed, county).
  store::FeedState feed_state(const std::string& feed, const std::string& county);

  SwitchableServer bad_{fog_forecast()};
  SwitchableServer good_{fog_forecast()};
  TempDir dir_;
  boost::asio::io_context io_;
  std::unique_ptr<store::Store> store_ = store::Store::open(dir_.path() / "state");
  http::HttpClient client_{io_};
  TimePoint now_ =
      std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
};

// "RULE|LEVEL" of every risk of county in a poll.
std::vector<std::string> rules_of(const cycle::PollResult& poll, const std::string& county);

}  // namespace riskwarn::test
