#include "tests/support/fake_http_server.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

namespace riskwarn::test {
namespace {

namespace http = boost::beast::http;
using boost::asio::ip::tcp;

constexpr std::uint64_t kRequestBodyLimit = 64 * 1024 * 1024;

std::string lowercase(boost::beast::string_view text) {
  std::string result(text.data(), text.size());
  std::transform(result.begin(), result.end(), result.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return result;
}

}  // namespace

// One accepted connection: read a request, ask the server for the answer, optionally wait,
// write it, and read the next one while the connection is kept alive.
class FakeHttpServer::Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(FakeHttpServer& server, tcp::socket socket)
      : server_(server), socket_(std::move(socket)), delay_(socket_.get_executor()) {}

  void read_request() {
    parser_.emplace();
    parser_->body_limit(kRequestBodyLimit);
    http::async_read(socket_, buffer_, *parser_,
                     [self = shared_from_this()](boost::beast::error_code error, std::size_t) {
                       self->on_request(error);
                     });
  }

 private:
  void on_request(boost::beast::error_code error) {
    if (error) {
      close();
      return;
    }
    const auto& request = parser_->get();
    ReceivedRequest received;
    received.method = std::string(request.method_string());
    received.target = std::string(request.target());
    for (const auto& field : request) {
      received.headers[lowercase(field.name_string())] = std::string(field.value());
    }
    received.body = request.body();
    const unsigned version = request.version();
    const bool keep_alive = request.keep_alive();

    canned_ = server_.handle(std::move(received));
    build_response(version, keep_alive);
    if (canned_.delay.count() > 0) {
      delay_.expires_after(canned_.delay);
      delay_.async_wait([self = shared_from_this()](boost::beast::error_code wait_error) {
        if (!wait_error) {
          self->respond();
        }
      });
    } else {
      respond();
    }
  }

  void build_response(unsigned version, bool keep_alive) {
    response_ = {};
    response_.result(static_cast<unsigned>(canned_.status));
    response_.version(version);
    response_.keep_alive(keep_alive);
    bool chunked = false;
    for (const auto& [name, value] : canned_.headers) {
      if (lowercase(name) == "transfer-encoding" && lowercase(value) == "chunked") {
        chunked = true;
      } else {
        response_.set(name, value);
      }
    }
    response_.body() = canned_.body;
    if (chunked) {
      response_.chunked(true);
    } else {
      response_.prepare_payload();
    }
  }

  void respond() {
    if (canned_.close_without_response) {
      close();
      return;
    }
    http::async_write(socket_, response_,
                      [self = shared_from_this()](boost::beast::error_code error, std::size_t) {
                        if (error || self->response_.need_eof()) {
                          self->close();
                        } else {
                          self->read_request();
                        }
                      });
  }

  void close() {
    boost::beast::error_code ignored;
    socket_.shutdown(tcp::socket::shutdown_both, ignored);
    socket_.close(ignored);
  }

  FakeHttpServer& server_;
  tcp::socket socket_;
  boost::asio::steady_timer delay_;
  boost::beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  CannedResponse canned_;
  http::response<http::string_body> response_;
};

FakeHttpServer::FakeHttpServer(Handler handler)
    : handler_(std::move(handler)),
      acceptor_(io_, tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), 0)),
      port_(acceptor_.local_endpoint().port()) {
  accept();
  thread_ = std::thread([this] { io_.run(); });
}

FakeHttpServer::~FakeHttpServer() {
  io_.stop();
  thread_.join();
}

std::string FakeHttpServer::url(std::string_view path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + std::string(path);
}

std::vector<ReceivedRequest> FakeHttpServer::requests() const {
  const std::lock_guard lock(mutex_);
  return requests_;
}

bool FakeHttpServer::wait_for_requests(std::size_t count, std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  return arrived_.wait_for(lock, timeout, [&] { return requests_.size() >= count; });
}

void FakeHttpServer::accept() {
  acceptor_.async_accept([this](boost::beast::error_code error, tcp::socket socket) {
    if (error) {
      return;  // the acceptor is closing
    }
    std::make_shared<Connection>(*this, std::move(socket))->read_request();
    accept();
  });
}

CannedResponse FakeHttpServer::handle(ReceivedRequest request) {
  {
    const std::lock_guard lock(mutex_);
    requests_.push_back(request);
  }
  arrived_.notify_all();
  return handler_(request);
}

}  // namespace riskwarn::test
