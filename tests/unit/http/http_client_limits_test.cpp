#include <chrono>
#include <cstdint>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/zlib/deflate_stream.hpp>
#include <boost/crc.hpp>

#include "adapters/http/curl_error.hpp"
#include "tests/support/fake_http_server.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/unit/http/client_fixture.hpp"

namespace riskwarn::http::test {
namespace {

using riskwarn::test::CannedResponse;
using riskwarn::test::FakeHttpServer;
using riskwarn::test::ReceivedRequest;
using riskwarn::test::TempDir;
using ::testing::HasSubstr;
using ::testing::Not;

void append_little_endian(std::string& out, std::uint32_t value) {
  for (int shift = 0; shift < 32; shift += 8) {
    out.push_back(static_cast<char>((value >> shift) & 0xffu));
  }
}

// text in the gzip format (RFC 1952), compressed with Beast's raw deflate implementation.
std::string gzip(const std::string& text) {
  boost::beast::zlib::deflate_stream deflater;
  deflater.reset(6, 15, 8, boost::beast::zlib::Strategy::normal);
  std::string deflated(deflater.upper_bound(text.size()) + 64, '\0');
  boost::beast::zlib::z_params params;
  params.next_in = text.data();
  params.avail_in = text.size();
  params.next_out = deflated.data();
  params.avail_out = deflated.size();
  boost::beast::error_code error;
  deflater.write(params, boost::beast::zlib::Flush::finish, error);
  EXPECT_EQ(error, boost::beast::zlib::error::end_of_stream);
  deflated.resize(params.total_out);

  std::string out("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff", 10);
  out += deflated;
  boost::crc_32_type crc;
  crc.process_bytes(text.data(), text.size());
  append_little_endian(out, crc.checksum());
  append_little_endian(out, static_cast<std::uint32_t>(text.size()));
  return out;
}

// A port nothing listens on: bound once to learn a free number, then closed.
unsigned short closed_port() {
  boost::asio::io_context io;
  boost::asio::ip::tcp::acceptor acceptor(io, {boost::asio::ip::make_address("127.0.0.1"), 0});
  return acceptor.local_endpoint().port();
}

TEST_F(HttpClientTest, TotalTimeoutFiresOnADelayedServer) {
  FakeHttpServer server([](const ReceivedRequest&) {
    CannedResponse response;
    response.delay = std::chrono::seconds(10);
    return response;
  });
  HttpRequest request = get_request(server.url("/slow?key=secret-api-key"));
  request.total_timeout = std::chrono::milliseconds(300);

  const HttpResult result = fetch(request);

  EXPECT_EQ(result.error, make_error_code(CURLE_OPERATION_TIMEDOUT));
  EXPECT_THAT(result.error_text, HasSubstr(server.url("/slow")));
  EXPECT_THAT(result.error_text, Not(HasSubstr("secret-api-key")));
}

TEST_F(HttpClientTest, RefusedConnectionIsAnErrorNamingTheHost) {
  const std::string url =
      "http://127.0.0.1:" + std::to_string(closed_port()) + "/v1/forecast?key=secret-api-key";

  const HttpResult result = fetch(get_request(url));

  EXPECT_EQ(result.error, make_error_code(CURLE_COULDNT_CONNECT));
  EXPECT_THAT(result.error_text, HasSubstr("127.0.0.1"));
  EXPECT_THAT(result.error_text, Not(HasSubstr("secret-api-key")));
}

TEST_F(HttpClientTest, ResponseAboveTheDeclaredLimitIsAnError) {
  FakeHttpServer server([](const ReceivedRequest&) {
    return CannedResponse{200, {}, std::string(2000, 'a')};
  });
  HttpRequest request = get_request(server.url("/big"));
  request.max_response_bytes = 1000;

  const HttpResult result = fetch(request);

  EXPECT_EQ(result.error, make_error_code(CURLE_FILESIZE_EXCEEDED));
  EXPECT_THAT(result.error_text, HasSubstr("limit of 1000 bytes"));
}

TEST_F(HttpClientTest, ChunkedResponseAboveTheLimitIsAnError) {
  FakeHttpServer server([](const ReceivedRequest&) {
    return CannedResponse{200, {{"Transfer-Encoding", "chunked"}}, std::string(2000, 'a')};
  });
  HttpRequest request = get_request(server.url("/big"));
  request.max_response_bytes = 1000;

  const HttpResult result = fetch(request);

  EXPECT_EQ(result.error, make_error_code(CURLE_FILESIZE_EXCEEDED));
  EXPECT_THAT(result.error_text, HasSubstr("limit of 1000 bytes"));
}

TEST_F(HttpClientTest, ResponseExactlyAtTheLimitIsReturned) {
  FakeHttpServer server([](const ReceivedRequest&) {
    return CannedResponse{200, {{"Transfer-Encoding", "chunked"}}, std::string(1000, 'a')};
  });
  HttpRequest request = get_request(server.url("/big"));
  request.max_response_bytes = 1000;

  const HttpResult result = fetch(request);

  ASSERT_FALSE(result.error) << result.error_text;
  EXPECT_EQ(result.response.body.size(), 1000u);
}

TEST_F(HttpClientTest, GzipResponseIsDecoded) {
  const std::string json = R"({"hourly":{"visibility":[)" + std::string(5000, '9') + "]}}";
  FakeHttpServer server([&](const ReceivedRequest&) {
    return CannedResponse{200, {{"Content-Encoding", "gzip"}}, gzip(json)};
  });

  const HttpResult result = fetch(get_request(server.url("/forecast")));

  ASSERT_FALSE(result.error) << result.error_text;
  EXPECT_EQ(result.response.body, json);
}

TEST_F(HttpClientTest, LimitAppliesToTheDecodedBody) {
  const std::string bomb(1024 * 1024, '0');
  FakeHttpServer server([&](const ReceivedRequest&) {
    return CannedResponse{200, {{"Content-Encoding", "gzip"}}, gzip(bomb)};
  });
  HttpRequest request = get_request(server.url("/forecast"));
  request.max_response_bytes = 64 * 1024;

  const HttpResult result = fetch(request);

  EXPECT_EQ(result.error, make_error_code(CURLE_FILESIZE_EXCEEDED));
}

TEST_F(HttpClientTest, RedirectIsFollowed) {
  FakeHttpServer server([](const ReceivedRequest& request) {
    if (request.target == "/old") {
      return CannedResponse{302, {{"Location", "/new"}}, ""};
    }
    return CannedResponse{200, {{"X-Final", "yes"}}, "moved here"};
  });

  const HttpResult result = fetch(get_request(server.url("/old")));

  ASSERT_FALSE(result.error) << result.error_text;
  EXPECT_EQ(result.response.status, 200);
  EXPECT_EQ(result.response.body, "moved here");
  EXPECT_EQ(result.response.effective_url, server.url("/new"));
  EXPECT_EQ(result.response.header("x-final"), "yes");
  EXPECT_EQ(result.response.header("location"), std::nullopt);
}

TEST_F(HttpClientTest, RedirectIsReturnedWhenFollowingIsOff) {
  FakeHttpServer server([](const ReceivedRequest&) {
    return CannedResponse{302, {{"Location", "/elsewhere"}}, ""};
  });
  HttpRequest request = get_request(server.url("/hook"));
  request.follow_redirects = false;

  const HttpResult result = fetch(request);

  ASSERT_FALSE(result.error) << result.error_text;
  EXPECT_EQ(result.response.status, 302);
  EXPECT_EQ(result.response.header("location"), "/elsewhere");
  EXPECT_EQ(server.requests().size(), 1u);
}

TEST_F(HttpClientTest, RedirectLoopStopsAfterFiveRedirects) {
  FakeHttpServer server([](const ReceivedRequest&) {
    return CannedResponse{301, {{"Location", "/loop"}}, ""};
  });

  const HttpResult result = fetch(get_request(server.url("/loop")));

  EXPECT_EQ(result.error, make_error_code(CURLE_TOO_MANY_REDIRECTS));
  EXPECT_EQ(server.requests().size(), 6u);
}

TEST_F(HttpClientTest, FileUrlIsRefusedByDefault) {
  const TempDir dir;
  const auto path = dir.write("feed.json", R"({"local":true})");

  const HttpResult result = fetch(get_request("file://" + path.string()));

  EXPECT_EQ(result.error, make_error_code(CURLE_UNSUPPORTED_PROTOCOL));
  EXPECT_TRUE(result.response.body.empty());
}

TEST_F(HttpClientTest, FileUrlIsReadWhenAllowed) {
  const TempDir dir;
  const auto path = dir.write("feed.json", R"({"local":true})");
  HttpRequest request = get_request("file://" + path.string());
  request.allow_file_url = true;

  const HttpResult result = fetch(request);

  ASSERT_FALSE(result.error) << result.error_text;
  EXPECT_EQ(result.response.status, 0);
  EXPECT_EQ(result.response.body, R"({"local":true})");
}

TEST_F(HttpClientTest, RedirectToAFileUrlIsRefusedEvenWhenFileUrlsAreAllowed) {
  const TempDir dir;
  const auto path = dir.write("secret.txt", "local secret");
  FakeHttpServer server([&](const ReceivedRequest&) {
    return CannedResponse{302, {{"Location", "file://" + path.string()}}, ""};
  });
  HttpRequest request = get_request(server.url("/feed"));
  request.allow_file_url = true;

  const HttpResult result = fetch(request);

  EXPECT_EQ(result.error, make_error_code(CURLE_UNSUPPORTED_PROTOCOL));
  EXPECT_THAT(result.response.body, Not(HasSubstr("local secret")));
}

}  // namespace
}  // namespace riskwarn::http::test
