// One poll of every county-level division of China (2,844) through the FeedPoller against a
// local fake Open-Meteo server: HTTP on the curl multi + Asio loop, batching, parsing, feed_state
// in a real SQLite store, the observation cache, assessment and matching. Then a second poll
// that the server answers 304 Not Modified. Prints wall time, requests and peak RSS.
//
// Run from a release build: ./build/release/tests/bench/bench_feed_poll [batch_size]
#include <sys/resource.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include <boost/asio/io_context.hpp>

#include "adapters/http/http_client.hpp"
#include "config/load.hpp"
#include "daemon/cycle/poll_cycle.hpp"
#include "daemon/store/store.hpp"
#include "rules/time.hpp"
#include "tests/support/fake_http_server.hpp"
#include "tests/support/temp_dir.hpp"

namespace {

using namespace riskwarn;
using namespace std::chrono_literals;

constexpr std::size_t kCounties = 2844;
constexpr std::size_t kHours = 120;  // past_days=2 + forecast_days=3

// One location of a forecast with every variable riskwarn asks for, starting at first (UTC).
std::string location_json(TimePoint first) {
  const char* variables[] = {"visibility",
                             "precipitation",
                             "rain",
                             "showers",
                             "snowfall",
                             "temperature_2m",
                             "relative_humidity_2m",
                             "dew_point_2m",
                             "weather_code",
                             "soil_temperature_0cm",
                             "wind_speed_10m",
                             "wind_gusts_10m"};
  const char* units[] = {"m", "mm", "mm",       "mm", "cm",  "°C",
                         "%", "°C", "wmo code", "°C", "m/s", "m/s"};
  std::string json = R"({"latitude":34.75,"longitude":113.625,"utc_offset_seconds":28800,)"
                     R"("timezone":"Asia/Shanghai","hourly_units":{"time":"iso8601")";
  for (std::size_t v = 0; v < std::size(variables); ++v)
    json += std::string(",\"") + variables[v] + "\":\"" + units[v] + "\"";
  json += R"(},"hourly":{"time":[)";
  for (std::size_t h = 0; h < kHours; ++h) {
    json += (h ? ",\"" : "\"") +
            format_local_minutes(first + std::chrono::hours{h}, 8h).substr(0, 16) + "\"";
  }
  json += "]";
  for (std::size_t v = 0; v < std::size(variables); ++v) {
    json += std::string(",\"") + variables[v] + "\":[";
    for (std::size_t h = 0; h < kHours; ++h)
      json += (h ? "," : "") + std::to_string(v == 0 ? 300 + 97 * (h % 40) : (h % 7) * 0.5);
    json += "]";
  }
  return json + "}}";
}

std::size_t locations_asked(const std::string& target) {
  const std::size_t start = target.find("latitude=");
  const std::string list = target.substr(start, target.find('&', start) - start);
  return 1 + static_cast<std::size_t>(std::count(list.begin(), list.end(), ','));
}

std::string config_text(const test::TempDir& dir, const std::string& url, std::size_t batch) {
  std::string text = "[daemon]\nstate_dir = \"" + (dir.path() / "state").string() +
                     "\"\n[feeds.om]\nkind = \"open-meteo\"\nurl = \"" + url +
                     "\"\nbatch_size = " + std::to_string(batch) + "\n";
  for (std::size_t i = 0; i < kCounties; ++i) {
    text += "[[counties]]\ncode = \"" + std::to_string(410001 + i) + "\"\nname = \"县" +
            std::to_string(i) + "\"\nlatitude = " + std::to_string(20 + 0.01 * i) +
            "\nlongitude = 113.62\nfeeds = [\"om\"]\n";
  }
  return text;
}

long peak_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t batch = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 50;
  const TimePoint now =
      std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  const std::string location = location_json(floor_hour(now) - 48h);

  std::mutex mutex;
  std::map<std::size_t, std::string> bodies;  // by number of locations
  test::FakeHttpServer server([&](const test::ReceivedRequest& request) {
    if (request.headers.count("if-none-match") != 0)
      return test::CannedResponse{304, {{"ETag", "\"v1\""}}, ""};
    const std::size_t count = locations_asked(request.target);
    std::lock_guard lock(mutex);
    std::string& body = bodies[count];
    if (body.empty()) {
      body = count == 1 ? location : "[";
      for (std::size_t i = 0; count > 1 && i < count; ++i)
        body += (i ? "," : "") + location;
      if (count > 1)
        body += "]";
    }
    return test::CannedResponse{200, {{"ETag", "\"v1\""}}, body};
  });

  test::TempDir dir;
  const auto path = dir.write("riskwarn.toml", config_text(dir, server.url("/v1/forecast"), batch));
  auto loaded = config::load_config(path.string(), config::LoadOptions{});
  if (auto* errors = std::get_if<std::vector<config::Diagnostic>>(&loaded)) {
    for (const auto& error : *errors)
      std::cerr << config::to_string(error) << "\n";
    return 1;
  }
  auto config = std::make_shared<const config::Config>(std::get<config::Config>(std::move(loaded)));

  boost::asio::io_context io;
  auto store = store::Store::open(dir.path() / "state");
  http::HttpClient client(io);
  cycle::FeedPoller poller(io, client, *store);

  std::cout << "counties " << kCounties << ", " << kHours << " hours, batch_size " << batch
            << ", max_concurrent_requests 4\n";
  for (const char* label : {"cold poll (200)", "second poll (304)"}) {
    std::optional<cycle::PollResult> result;
    const auto started = std::chrono::steady_clock::now();
    poller.poll(config, now, [&](cycle::PollResult r) { result = std::move(r); });
    while (!result)
      io.run_one();
    (void)store->run_sync<int>([](store::Database&) { return 0; });  // feed_state written
    const auto wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - started);
    std::cout << label << ": " << wall.count() << " s wall, " << result->requests << " requests, "
              << result->not_modified << " not modified, " << result->feed_failures << " failed, "
              << result->assessed_counties.size() << " counties assessed, " << result->risks.size()
              << " risks; peak RSS " << peak_rss_kib() / 1024 << " MiB\n";
  }
  std::cout << "observations cached: " << poller.observations().size() << "\n";
  return 0;
}
