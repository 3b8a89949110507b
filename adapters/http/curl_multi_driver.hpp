#pragma once

#include <functional>
#include <memory>
#include <unordered_map>

#include <curl/curl.h>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

namespace riskwarn::http {

// Drives one curl multi handle from a single-threaded Asio io_context, porting curl's
// docs/examples/multi-uv.c: curl's sockets are adopted into stream_descriptors (assigned on
// first sight, released on CURL_POLL_REMOVE, never closed by Asio), curl's single timer is a
// steady_timer, and curl is only ever called from Asio completions, never from inside its own
// callbacks. Every call must be made on the io_context's thread.
class CurlMultiDriver {
 public:
  // Called once per finished easy handle, outside any curl callback, with curl's result. The
  // handler is expected to remove() the handle.
  using CompletionHandler = std::function<void(CURL* easy, CURLcode result)>;

  // Creates the multi handle; throws std::runtime_error when curl cannot allocate it.
  CurlMultiDriver(boost::asio::io_context& io, CompletionHandler on_complete);

  // Cleans up the multi handle (all easy handles must have been removed) while the descriptors
  // still exist, then releases any descriptor curl did not remove, without closing it.
  ~CurlMultiDriver();

  CurlMultiDriver(const CurlMultiDriver&) = delete;
  CurlMultiDriver& operator=(const CurlMultiDriver&) = delete;

  // Starts driving an easy handle; the transfer begins on the next timer expiry.
  CURLMcode add(CURL* easy);

  // Stops driving an easy handle, finished or not. The caller still owns it.
  void remove(CURL* easy);

 private:
  struct Socket;

  static int on_socket(CURL* easy, curl_socket_t fd, int what, void* driver, void* socket_data);
  static int on_timer(CURLM* multi, long timeout_ms, void* driver);

  void watch(curl_socket_t fd, int what);
  void forget(curl_socket_t fd);
  void arm(const std::shared_ptr<Socket>& socket, int poll_bit);
  void set_timer(long timeout_ms);
  void act(curl_socket_t fd, int event_bitmask);
  void drain_completions();

  boost::asio::io_context& io_;
  CompletionHandler on_complete_;
  boost::asio::steady_timer timer_;
  std::unordered_map<curl_socket_t, std::shared_ptr<Socket>> sockets_;
  CURLM* multi_ = nullptr;
  // Pending Asio handlers hold a weak reference and do nothing once the driver is gone.
  std::shared_ptr<int> lifetime_ = std::make_shared<int>(0);
};

}  // namespace riskwarn::http
