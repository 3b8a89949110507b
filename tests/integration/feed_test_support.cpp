#include "tests/integration/feed_test_support.hpp"

#include <algorithm>
#include <chrono>
#include <optional>

#include "config/load.hpp"
#include "tests/integration/daemon_harness.hpp"

namespace riskwarn::test {
namespace {

using namespace std::chrono_literals;

std::string county_tables(const std::vector<CountyLine>& counties) {
  std::string text;
  for (const CountyLine& c : counties) {
    text += "[[counties]]\ncode = \"" + c.code + "\"\nname = \"县" + c.code +
            "\"\nlatitude = " + std::to_string(c.latitude) + "\nlongitude = 113.62\ntimezone = \"" +
            c.timezone + "\"\nfeeds = [\"" + c.feed + "\"]\n";
  }
  return text;
}

}  // namespace

std::size_t locations_asked(const ReceivedRequest& request) {
  const std::size_t start = request.target.find("latitude=");
  if (start == std::string::npos)
    return 1;
  const std::size_t end = request.target.find('&', start);
  const std::string list = request.target.substr(start, end - start);
  return 1 + static_cast<std::size_t>(std::count(list.begin(), list.end(), ','));
}

CannedResponse forecast_answer(const ReceivedRequest& request, const std::string& location) {
  const std::size_t count = locations_asked(request);
  if (count == 1)
    return CannedResponse{200, {{"Content-Type", "application/json"}}, location};
  std::string body = "[";
  for (std::size_t i = 0; i < count; ++i)
    body += (i ? "," : "") + location;
  return CannedResponse{200, {{"Content-Type", "application/json"}}, body + "]"};
}

FakeHttpServer::Handler fog_forecast() {
  return [fog = fog_forecast_aligned_to_now(20)](const ReceivedRequest& request) {
    return forecast_answer(request, fog);
  };
}

SwitchableServer::SwitchableServer(FakeHttpServer::Handler handler)
    : shared_(std::make_shared<Shared>()), server_([shared = shared_](const ReceivedRequest& r) {
        std::lock_guard lock(shared->mutex);
        return shared->handler(r);
      }) {
  answer_with(std::move(handler));
}

void SwitchableServer::answer_with(FakeHttpServer::Handler handler) {
  std::lock_guard lock(shared_->mutex);
  shared_->handler = std::move(handler);
}

std::shared_ptr<const config::Config> FeedPollerFixture::load(const std::string& bad_settings,
                                                              const std::vector<CountyLine>& more) {
  std::vector<CountyLine> counties{{"410102", 34.75, "Asia/Shanghai", "bad"},
                                   {"410103", 34.72, "Asia/Shanghai", "good"}};
  counties.insert(counties.end(), more.begin(), more.end());
  const std::string text = "[daemon]\nstate_dir = \"" + (dir_.path() / "state").string() +
                           "\"\n[feeds.bad]\nkind = \"open-meteo\"\nurl = \"" +
                           bad_.server().url("/v1/forecast") + "\"\ntimeout = \"1s\"\n" +
                           (bad_settings.empty() ? "max_retries = 0\n" : bad_settings) +
                           "[feeds.good]\nkind = \"open-meteo\"\nurl = \"" +
                           good_.server().url("/v1/forecast") + "\"\n" + county_tables(counties);
  const auto path = dir_.write("riskwarn.toml", text);
  auto loaded = config::load_config(path.string(), config::LoadOptions{});
  if (auto* errors = std::get_if<std::vector<config::Diagnostic>>(&loaded)) {
    for (const auto& error : *errors)
      ADD_FAILURE() << config::to_string(error);
    return nullptr;
  }
  return std::make_shared<const config::Config>(std::get<config::Config>(std::move(loaded)));
}

cycle::PollResult FeedPollerFixture::poll(cycle::FeedPoller& poller,
                                          const std::shared_ptr<const config::Config>& config,
                                          TimePoint now) {
  std::optional<cycle::PollResult> result;
  poller.poll(config, now, [&](cycle::PollResult r) { result = std::move(r); });
  const auto deadline = std::chrono::steady_clock::now() + 30s;
  while (!result && std::chrono::steady_clock::now() < deadline)
    io_.run_one_for(50ms);
  EXPECT_TRUE(result.has_value()) << "the poll did not complete";
  // The store runs tasks in order: once this answers, the poll's feed_state is written.
  EXPECT_TRUE(store_->run_sync<int>([](store::Database&) { return 0; }));
  return result.value_or(cycle::PollResult{});
}

store::FeedState FeedPollerFixture::feed_state(const std::string& feed, const std::string& county) {
  auto state = store_->run_sync<store::FeedState>(
      [&](store::Database& db) { return db.feed_state(feed, county); });
  EXPECT_TRUE(state);
  return state ? *state : store::FeedState{};
}

std::vector<std::string> rules_of(const cycle::PollResult& poll, const std::string& county) {
  std::vector<std::string> rules;
  for (const Risk& risk : poll.risks) {
    if (risk.county == county)
      rules.push_back(risk.rule_id + "|" + std::string(to_string(risk.level)));
  }
  return rules;
}

}  // namespace riskwarn::test
