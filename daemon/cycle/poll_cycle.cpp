#include "daemon/cycle/poll_cycle.hpp"

#include <spdlog/spdlog.h>

#include <map>

#include "adapters/weather/open_meteo_fetch.hpp"
#include "daemon/cycle/county_signals.hpp"
#include "rules/assess/series.hpp"
#include "rules/match/match.hpp"

namespace riskwarn::cycle {
namespace {

// The state of one poll, shared by its outstanding fetches.
struct Poll {
  std::shared_ptr<const config::Config> config;
  TimePoint now;
  std::function<void(PollResult)> done;
  std::size_t outstanding = 0;
  std::map<std::string, std::vector<HazardSignal>> signals;  // by county code
  std::set<std::string> failed;
  int feed_failures = 0;

  void finish_one() {
    if (--outstanding > 0)
      return;
    PollResult result;
    result.feed_failures = feed_failures;
    for (const config::County& county : config->counties) {
      if (failed.contains(county.code) || county.feeds.empty())
        continue;
      result.assessed_counties.insert(county.code);
      auto risks = match_rules(county.code, signals[county.code], config->rules);
      result.risks.insert(result.risks.end(), std::make_move_iterator(risks.begin()),
                          std::make_move_iterator(risks.end()));
    }
    done(std::move(result));
  }
};

}  // namespace

void poll_all(http::HttpClient& client, std::shared_ptr<const config::Config> config, TimePoint now,
              std::function<void(PollResult)> done) {
  auto poll = std::make_shared<Poll>();
  poll->config = config;
  poll->now = now;
  poll->done = std::move(done);
  for (const config::County& county : config->counties)
    poll->outstanding += county.feeds.size();
  if (poll->outstanding == 0) {
    poll->outstanding = 1;
    poll->finish_one();
    return;
  }
  for (const config::County& county : config->counties) {
    for (const std::string& feed_name : county.feeds) {
      const config::FeedConfig& feed = config->feeds.at(feed_name);
      weather::fetch_open_meteo(
          client, feed, county, [poll, &county, &feed](Result<HourlySeries> series) {
            if (!series) {
              ++poll->feed_failures;
              poll->failed.insert(county.code);
              spdlog::warn("{}; keeping county {}'s alerts as they are", series.error().message,
                           county.code);
            } else {
              HourlySeries data = std::move(series).value();
              if (feed.shift_to_now)
                data = shift_series(std::move(data), floor_hour(poll->now));
              auto found = assess_county(county, data, poll->now);
              auto& into = poll->signals[county.code];
              into.insert(into.end(), found.begin(), found.end());
              spdlog::debug("feed \"{}\" for county {}: {} hours, {} signal(s)", feed.name,
                            county.code, data.times.size(), found.size());
            }
            poll->finish_one();
          });
    }
  }
}

}  // namespace riskwarn::cycle
