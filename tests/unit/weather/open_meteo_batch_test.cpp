// Several counties in one Open-Meteo request: the comma-list query, the JSON array answer, and
// the fetch with conditional GET against a fake server.
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <boost/asio/io_context.hpp>

#include "adapters/http/http_client.hpp"
#include "adapters/http/request_queue.hpp"
#include "adapters/weather/open_meteo.hpp"
#include "adapters/weather/open_meteo_fetch.hpp"
#include "tests/support/fake_http_server.hpp"
#include "tests/unit/weather/open_meteo_fixtures.hpp"

namespace riskwarn::weather {
namespace {

using riskwarn::test::CannedResponse;
using riskwarn::test::FakeHttpServer;
using riskwarn::test::ReceivedRequest;
using test::read_fixture;
using ::testing::HasSubstr;

// A location object with `hours` hours from 2025-12-30T00:00 and the given visibilities.
std::string location(const std::vector<std::string>& visibility) {
  std::string times;
  std::string values;
  for (std::size_t i = 0; i < visibility.size(); ++i) {
    times += (i ? "," : "") + std::string("\"2025-12-30T") + (i < 10 ? "0" : "") +
             std::to_string(i) + ":00\"";
    values += (i ? "," : "") + visibility[i];
  }
  return R"({"utc_offset_seconds":28800,"hourly_units":{"time":"iso8601","visibility":"m"},)"
         R"("hourly":{"time":[)" +
         times + R"(],"visibility":[)" + values + "]}}";
}

double visibility_at(const HourlySeries& series, std::size_t hour) {
  return series.column(Variable::visibility_m)->at(hour).value_or(-1);
}

TEST(OpenMeteoBatch, ReadsAnArrayOfLocationsInOrder) {
  const auto parsed = parse_open_meteo_batch("[" + location({"100", "200"}) + "," +
                                             location({"300", "null"}) + "]");
  ASSERT_TRUE(parsed) << parsed.error().message;
  ASSERT_EQ(parsed->size(), 2u);
  EXPECT_EQ(visibility_at((*parsed)[0], 0), 100);
  EXPECT_EQ(visibility_at((*parsed)[1], 0), 300);
  EXPECT_EQ((*parsed)[1].column(Variable::visibility_m)->at(1), std::nullopt);
}

TEST(OpenMeteoBatch, ReadsOneObjectAsOneLocation) {
  const auto parsed = parse_open_meteo_batch(read_fixture("openmeteo_fog_ok.json"));
  ASSERT_TRUE(parsed) << parsed.error().message;
  ASSERT_EQ(parsed->size(), 1u);
  EXPECT_EQ((*parsed)[0].times.size(), 48u);
}

TEST(OpenMeteoBatch, NamesTheLocationThatIsWrong) {
  const auto parsed =
      parse_open_meteo_batch("[" + location({"100"}) + "," + location({"100", "\"fog\""}) + "]");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().message,
            "open-meteo: location 1: hourly.visibility[1] must be a number or null, got string");
}

TEST(OpenMeteoBatch, RejectsWhatIsNotAListOfLocations) {
  EXPECT_EQ(parse_open_meteo_batch("[]").error().message,
            "open-meteo: response is an empty array of locations");
  EXPECT_EQ(parse_open_meteo_batch("[" + location({"1"}) + ",42]").error().message,
            "open-meteo: location 1 must be an object, got number");
  EXPECT_EQ(parse_open_meteo_batch("\"text\"").error().message,
            "open-meteo: response must be a JSON array of locations or one location object, got "
            "string");
  EXPECT_EQ(parse_open_meteo_batch(read_fixture("openmeteo_error.json")).ok(), false);
}

TEST(OpenMeteoBatch, ReportsTheApiErrorOfABatch) {
  const auto parsed =
      parse_open_meteo_batch(R"({"error":true,"reason":"Latitude must be in range"})");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().message,
            "open-meteo: the API returned an error: Latitude must be in range");
}

TEST(OpenMeteoBatchQuery, ListsCoordinatesInOrder) {
  const std::vector<Coordinates> places{{34.75, 113.62}, {34.72, 113.97}, {-1.5, 0}};
  EXPECT_EQ(open_meteo_query(places, "Asia/Shanghai"),
            "latitude=34.75,34.72,-1.5&longitude=113.62,113.97,0&hourly=visibility,precipitation,"
            "rain,showers,snowfall,temperature_2m,relative_humidity_2m,dew_point_2m,weather_code,"
            "soil_temperature_0cm,wind_speed_10m,wind_gusts_10m&timezone=Asia%2FShanghai"
            "&wind_speed_unit=ms&forecast_days=3&past_days=2");
}

class OpenMeteoFetch : public ::testing::Test {
 protected:
  OpenMeteoFetch() {
    for (const auto& [code, latitude] : {std::pair{"410102", 34.75}, std::pair{"410122", 34.72}}) {
      config::County county;
      county.code = code;
      county.latitude = latitude;
      county.longitude = 113.6;
      counties_.push_back(county);
    }
    feed_.name = "openmeteo";
  }

  Result<OpenMeteoResponse> fetch(const std::vector<const config::County*>& counties,
                                  const Validators& send = {}) {
    std::optional<Result<OpenMeteoResponse>> got;
    fetch_open_meteo(*queue_, feed_, counties, send,
                     [&](Result<OpenMeteoResponse> r) { got = std::move(r); });
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (!got && std::chrono::steady_clock::now() < deadline)
      io_.run_one_for(std::chrono::milliseconds(50));
    EXPECT_TRUE(got.has_value()) << "the fetch did not complete";
    return got.value_or(Error{"not completed"});
  }

  std::vector<const config::County*> both() { return {&counties_[0], &counties_[1]}; }

  boost::asio::io_context io_;
  http::HttpClient client_{io_};
  std::shared_ptr<http::RequestQueue> queue_ =
      std::make_shared<http::RequestQueue>(client_, io_, 4, http::RetryPolicy{0});
  config::FeedConfig feed_;
  std::vector<config::County> counties_;
};

TEST_F(OpenMeteoFetch, AsksForSeveralCountiesInOneRequest) {
  FakeHttpServer server([](const ReceivedRequest&) {
    return CannedResponse{200,
                          {{"ETag", "\"v7\""}, {"Last-Modified", "Tue, 30 Dec 2025 00:00:00 GMT"}},
                          "[" + location({"100"}) + "," + location({"900"}) + "]"};
  });
  feed_.url = server.url("/v1/forecast");

  const auto got = fetch(both());

  ASSERT_TRUE(got) << got.error().message;
  ASSERT_EQ(got->series.size(), 2u);
  EXPECT_EQ(visibility_at(got->series[1], 0), 900);
  EXPECT_FALSE(got->not_modified);
  EXPECT_EQ(got->validators.etag, "\"v7\"");
  EXPECT_EQ(got->validators.last_modified, "Tue, 30 Dec 2025 00:00:00 GMT");
  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_THAT(requests[0].target, HasSubstr("latitude=34.75,34.72&longitude=113.6,113.6&"));
  EXPECT_EQ(requests[0].headers.count("if-none-match"), 0u);
}

TEST_F(OpenMeteoFetch, SendsValidatorsAndReportsNotModified) {
  FakeHttpServer server([](const ReceivedRequest& request) {
    const auto tag = request.headers.find("if-none-match");
    if (tag != request.headers.end() && tag->second == "\"v7\"")
      return CannedResponse{304, {{"ETag", "\"v7\""}}, ""};
    return CannedResponse{200, {}, location({"100"})};
  });
  feed_.url = server.url("/v1/forecast");

  const auto got = fetch({&counties_[0]}, Validators{"\"v7\"", "Tue, 30 Dec 2025 00:00:00 GMT"});

  ASSERT_TRUE(got) << got.error().message;
  EXPECT_TRUE(got->not_modified);
  EXPECT_TRUE(got->series.empty());
  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].headers.at("if-modified-since"), "Tue, 30 Dec 2025 00:00:00 GMT");
}

TEST_F(OpenMeteoFetch, AFewerLocationsAnswerIsAnError) {
  FakeHttpServer server([](const ReceivedRequest&) {
    return CannedResponse{200, {}, "[" + location({"1"}) + "]"};
  });
  feed_.url = server.url("/v1/forecast");

  const auto got = fetch(both());

  ASSERT_FALSE(got);
  EXPECT_EQ(got.error().message,
            "feed \"openmeteo\" for counties 410102, 410122: open-meteo: response has 1 "
            "location(s) for 2 requested");
}

TEST_F(OpenMeteoFetch, AnApiErrorNamesStatusReasonAndThatItIsNotRetried) {
  FakeHttpServer server([](const ReceivedRequest&) {
    return CannedResponse{
        400, {}, R"({"error":true,"reason":"Cannot initialize WeatherVariable"})"};
  });
  feed_.url = server.url("/v1/forecast?apikey=secret-key");

  const auto got = fetch({&counties_[0]});

  ASSERT_FALSE(got);
  EXPECT_EQ(got.error().message,
            "feed \"openmeteo\" for county 410102: HTTP 400: open-meteo: the API returned an "
            "error: Cannot initialize WeatherVariable (the request was refused; check the feed's "
            "configuration; not retried)");
}

TEST_F(OpenMeteoFetch, A304WithoutValidatorsIsAnError) {
  FakeHttpServer server([](const ReceivedRequest&) { return CannedResponse{304, {}, ""}; });
  feed_.url = server.url("/v1/forecast");

  const auto got = fetch({&counties_[0]});

  ASSERT_FALSE(got);
  EXPECT_THAT(got.error().message, HasSubstr("HTTP 304"));
}

}  // namespace
}  // namespace riskwarn::weather
