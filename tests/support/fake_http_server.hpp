#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

namespace riskwarn::test {

// A request as the fake server received it.
struct ReceivedRequest {
  std::string method;
  std::string target;
  std::map<std::string, std::string> headers;  // lowercase names
  std::string body;
};

// What the fake server answers. A "Transfer-Encoding: chunked" header makes it send the body
// chunked; otherwise Content-Length is set from the body.
struct CannedResponse {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::chrono::milliseconds delay{0};  // before answering; other connections keep being served
  bool close_without_response = false;
};

// An HTTP/1.1 server on 127.0.0.1:<ephemeral port> serving from its own thread, with keep-alive
// and concurrent connections. The handler runs on the server thread and must not throw.
class FakeHttpServer {
 public:
  using Handler = std::function<CannedResponse(const ReceivedRequest&)>;

  // Listens on 127.0.0.1:0 and starts serving.
  explicit FakeHttpServer(Handler handler);

  // Stops serving, drops open connections and joins the thread.
  ~FakeHttpServer();

  FakeHttpServer(const FakeHttpServer&) = delete;
  FakeHttpServer& operator=(const FakeHttpServer&) = delete;

  // The port the server listens on.
  unsigned short port() const { return port_; }

  // "http://127.0.0.1:PORT" followed by path.
  std::string url(std::string_view path = "/") const;

  // A copy of every request received so far, in arrival order.
  std::vector<ReceivedRequest> requests() const;

  // True once at least count requests have arrived; false if timeout passes first.
  bool wait_for_requests(std::size_t count, std::chrono::milliseconds timeout) const;

 private:
  class Connection;

  void accept();
  CannedResponse handle(ReceivedRequest request);

  Handler handler_;
  boost::asio::io_context io_;
  boost::asio::ip::tcp::acceptor acceptor_;
  unsigned short port_ = 0;
  mutable std::mutex mutex_;
  mutable std::condition_variable arrived_;
  std::vector<ReceivedRequest> requests_;
  std::thread thread_;
};

}  // namespace riskwarn::test
