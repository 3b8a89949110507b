#pragma once

#include <functional>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "adapters/http/http_client.hpp"
#include "config/config.hpp"
#include "rules/match/risk.hpp"

namespace riskwarn::cycle {

// What one poll learned: the risks of every county whose feeds all answered, and which
// counties those are (the others keep their alerts untouched).
struct PollResult {
  std::vector<Risk> risks;
  std::set<std::string> assessed_counties;
  int feed_failures = 0;
};

// Polls every feed of every county concurrently, assesses and matches, and reports once.
// Feed errors are logged with the feed, county and cause; they never stop the other feeds.
// Runs on the io_context thread; done is called exactly once.
void poll_all(http::HttpClient& client, std::shared_ptr<const config::Config> config, TimePoint now,
              std::function<void(PollResult)> done);

}  // namespace riskwarn::cycle
