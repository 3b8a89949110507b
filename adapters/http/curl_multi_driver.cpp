#include "adapters/http/curl_multi_driver.hpp"

#include <algorithm>
#include <chrono>
#include <stdexcept>

#include <spdlog/spdlog.h>
#include <boost/asio/error.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>

namespace riskwarn::http {

// The state of one socket curl asked us to watch. Asio handlers share ownership, so a handler
// that completes after curl removed the socket finds closed set and leaves curl alone.
struct CurlMultiDriver::Socket {
  Socket(boost::asio::io_context& io, curl_socket_t socket_fd) : descriptor(io), fd(socket_fd) {}

  // Whether a wait for CURL_POLL_IN or CURL_POLL_OUT is queued.
  bool& pending(int poll_bit) { return poll_bit == CURL_POLL_IN ? read_pending : write_pending; }

  boost::asio::posix::stream_descriptor descriptor;
  curl_socket_t fd;
  int wanted = 0;  // CURL_POLL_IN / CURL_POLL_OUT bits
  bool read_pending = false;
  bool write_pending = false;
  bool closed = false;
};

CurlMultiDriver::CurlMultiDriver(boost::asio::io_context& io, CompletionHandler on_complete)
    : io_(io), on_complete_(std::move(on_complete)), timer_(io), multi_(curl_multi_init()) {
  if (multi_ == nullptr) {
    throw std::runtime_error("curl_multi_init failed");
  }
  curl_multi_setopt(multi_, CURLMOPT_SOCKETFUNCTION, &CurlMultiDriver::on_socket);
  curl_multi_setopt(multi_, CURLMOPT_SOCKETDATA, this);
  curl_multi_setopt(multi_, CURLMOPT_TIMERFUNCTION, &CurlMultiDriver::on_timer);
  curl_multi_setopt(multi_, CURLMOPT_TIMERDATA, this);
}

CurlMultiDriver::~CurlMultiDriver() {
  // Socket callbacks may fire during cleanup, so the descriptors must still exist.
  curl_multi_cleanup(multi_);
  for (auto& [fd, socket] : sockets_) {
    socket->closed = true;
    boost::system::error_code ignored;
    socket->descriptor.cancel(ignored);
    socket->descriptor.release();
  }
  sockets_.clear();
  timer_.cancel();
}

CURLMcode CurlMultiDriver::add(CURL* easy) {
  return curl_multi_add_handle(multi_, easy);
}

void CurlMultiDriver::remove(CURL* easy) {
  curl_multi_remove_handle(multi_, easy);
}

int CurlMultiDriver::on_socket(CURL* /*easy*/, curl_socket_t fd, int what, void* driver,
                               void* /*socket_data*/) {
  auto* self = static_cast<CurlMultiDriver*>(driver);
  if (what == CURL_POLL_REMOVE) {
    self->forget(fd);
  } else {
    self->watch(fd, what);
  }
  // Never -1: that would abort every transfer on the multi handle.
  return 0;
}

int CurlMultiDriver::on_timer(CURLM* /*multi*/, long timeout_ms, void* driver) {
  static_cast<CurlMultiDriver*>(driver)->set_timer(timeout_ms);
  return 0;
}

void CurlMultiDriver::watch(curl_socket_t fd, int what) {
  auto& socket = sockets_[fd];
  if (!socket) {
    socket = std::make_shared<Socket>(io_, fd);
    boost::system::error_code error;
    socket->descriptor.assign(fd, error);
    if (error) {
      // The transfer on this socket will end through its own timeout.
      spdlog::error("http: cannot watch curl socket {}: {}", fd, error.message());
      socket->closed = true;
      return;
    }
  }
  socket->wanted = what;
  for (const int poll_bit : {CURL_POLL_IN, CURL_POLL_OUT}) {
    if ((what & poll_bit) != 0) {
      arm(socket, poll_bit);
    }
  }
}

void CurlMultiDriver::forget(curl_socket_t fd) {
  const auto found = sockets_.find(fd);
  if (found == sockets_.end()) {
    return;  // a socket we never watched (e.g. curl's internal admin handle in curl >= 8.13)
  }
  const auto socket = found->second;
  sockets_.erase(found);
  socket->closed = true;
  boost::system::error_code ignored;
  socket->descriptor.cancel(ignored);
  // curl closes the fd itself after this callback; release() only deregisters it from epoll.
  socket->descriptor.release();
}

void CurlMultiDriver::arm(const std::shared_ptr<Socket>& socket, int poll_bit) {
  if (socket->closed || socket->pending(poll_bit)) {
    return;
  }
  socket->pending(poll_bit) = true;
  const bool read = poll_bit == CURL_POLL_IN;
  socket->descriptor.async_wait(
      read ? boost::asio::posix::stream_descriptor::wait_read
           : boost::asio::posix::stream_descriptor::wait_write,
      [this, lifetime = std::weak_ptr<int>(lifetime_), socket, poll_bit,
       read](const boost::system::error_code& error) {
        socket->pending(poll_bit) = false;
        if (lifetime.expired() || socket->closed ||
            error == boost::asio::error::operation_aborted) {
          return;
        }
        if ((socket->wanted & poll_bit) == 0) {
          return;  // curl stopped wanting this direction while the wait was queued
        }
        act(socket->fd, error ? CURL_CSELECT_ERR : read ? CURL_CSELECT_IN : CURL_CSELECT_OUT);
        // Re-arm only if curl still has the socket and still wants this direction.
        if ((socket->wanted & poll_bit) != 0) {
          arm(socket, poll_bit);
        }
      });
}

void CurlMultiDriver::set_timer(long timeout_ms) {
  timer_.cancel();
  if (timeout_ms < 0) {
    return;
  }
  // 0 means "as soon as possible"; waiting 1 ms keeps curl out of its own callback.
  timer_.expires_after(std::chrono::milliseconds(std::max(timeout_ms, 1L)));
  timer_.async_wait(
      [this, lifetime = std::weak_ptr<int>(lifetime_)](const boost::system::error_code& error) {
        if (lifetime.expired() || error == boost::asio::error::operation_aborted) {
          return;
        }
        act(CURL_SOCKET_TIMEOUT, 0);
      });
}

void CurlMultiDriver::act(curl_socket_t fd, int event_bitmask) {
  int running = 0;
  const CURLMcode code = curl_multi_socket_action(multi_, fd, event_bitmask, &running);
  if (code != CURLM_OK) {
    spdlog::error("http: curl_multi_socket_action: {}", curl_multi_strerror(code));
  }
  drain_completions();
}

void CurlMultiDriver::drain_completions() {
  int queued = 0;
  while (CURLMsg* message = curl_multi_info_read(multi_, &queued)) {
    if (message->msg == CURLMSG_DONE) {
      // Copy before the handler removes the handle, which invalidates message.
      CURL* const easy = message->easy_handle;
      const CURLcode result = message->data.result;
      on_complete_(easy, result);
    }
  }
}

}  // namespace riskwarn::http
