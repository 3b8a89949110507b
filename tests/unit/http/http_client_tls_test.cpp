// TLS verification is always on: a server whose certificate no trusted CA signed is refused,
// and the same server is accepted once the request names its CA file (a feed's ca_file). The
// server is `openssl s_server` with a self-signed certificate made for the test.
#include <chrono>
#include <string>
#include <thread>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <boost/asio/ip/tcp.hpp>

#include "adapters/http/curl_error.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/unit/http/client_fixture.hpp"

namespace riskwarn::http::test {
namespace {

using riskwarn::test::Process;
using riskwarn::test::TempDir;
using namespace std::chrono_literals;

constexpr const char* kOpenssl = "/usr/bin/openssl";

// A port that was free a moment ago.
unsigned short free_port() {
  boost::asio::io_context io;
  boost::asio::ip::tcp::acceptor acceptor(io, {boost::asio::ip::make_address("127.0.0.1"), 0});
  return acceptor.local_endpoint().port();
}

class HttpClientTls : public HttpClientTest {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(kOpenssl))
      GTEST_SKIP() << kOpenssl << " is not installed";
    const auto made = riskwarn::test::run(
        kOpenssl,
        {"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-days", "2",
         "-keyout", key_.string(), "-out", cert_.string()},
        {}, 30s);
    ASSERT_EQ(made.exit_status, 0) << made.stderr_text;
    port_ = free_port();
    server_ = std::make_unique<Process>(
        kOpenssl,
        std::vector<std::string>{"s_server", "-accept", "127.0.0.1:" + std::to_string(port_),
                                 "-cert", cert_.string(), "-key", key_.string(), "-www"});
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    while (server_->stdout_text().find("ACCEPT") == std::string::npos &&
           std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(20ms);
    }
    ASSERT_NE(server_->stdout_text().find("ACCEPT"), std::string::npos) << server_->stderr_text();
  }

  std::string url() const { return "https://127.0.0.1:" + std::to_string(port_) + "/"; }

  TempDir dir_;
  std::filesystem::path key_ = dir_.path() / "key.pem";
  std::filesystem::path cert_ = dir_.path() / "cert.pem";
  unsigned short port_ = 0;
  std::unique_ptr<Process> server_;
};

TEST_F(HttpClientTls, RefusesACertificateNoTrustedCaSigned) {
  const HttpResult result = fetch(get_request(url()));

  EXPECT_EQ(result.error, make_error_code(CURLE_PEER_FAILED_VERIFICATION)) << result.error_text;
  EXPECT_THAT(result.error_text, ::testing::HasSubstr(url()));
}

TEST_F(HttpClientTls, AcceptsItWithTheFeedsCaFile) {
  HttpRequest request = get_request(url());
  request.ca_file = cert_.string();

  const HttpResult result = fetch(request);

  ASSERT_FALSE(result.error) << result.error_text;
  EXPECT_EQ(result.response.status, 200);
}

}  // namespace
}  // namespace riskwarn::http::test
