#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <random>

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include "adapters/http/http_client.hpp"

namespace riskwarn::http {

// How a RequestQueue repeats a request that failed transiently (see is_transient_failure).
struct RetryPolicy {
  int max_retries = 2;                          // sends at most 1 + max_retries times
  std::chrono::milliseconds base_delay{2000};   // the first wait; doubled for each retry
  std::chrono::milliseconds max_delay{300000};  // the longest wait, Retry-After included
  // No retry is made that would start after this instant (e.g. the next poll).
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
};

// One feed's requests through a shared HttpClient: at most max_in_flight at a time, the rest
// waiting in order; each retried with exponential backoff and jitter, waiting at least what a
// 429's or 503's Retry-After asks. A retry whose wait would exceed max_delay or end after the
// deadline is not made: the last result is reported as it is. Waits are steady_timers on the
// io_context, so a backing-off request blocks nothing. Create with std::make_shared; every
// member function must be called on the io_context's thread.
class RequestQueue : public std::enable_shared_from_this<RequestQueue> {
 public:
  using Completion = std::function<void(HttpResult)>;

  RequestQueue(HttpClient& client, boost::asio::io_context& io, std::size_t max_in_flight,
               RetryPolicy policy);

  RequestQueue(const RequestQueue&) = delete;
  RequestQueue& operator=(const RequestQueue&) = delete;

  // Queues a request; done is called exactly once, on the io_context, never from inside this
  // call, with the final attempt's result (HttpResult::attempts says how many were made).
  void submit(HttpRequest request, Completion done);

  // Gives up on every request that is queued or waiting to retry: each completes with
  // std::errc::operation_canceled. Requests on the wire finish normally but are not retried.
  void cancel();

  // The number of this queue's requests on the wire now.
  std::size_t in_flight() const { return in_flight_; }

 private:
  struct Job {
    HttpRequest request;
    Completion done;
    int attempts = 0;
  };

  void pump();
  void send(std::shared_ptr<Job> job);
  void on_attempt(std::shared_ptr<Job> job, HttpResult result);
  void wait_then_requeue(std::shared_ptr<Job> job, std::chrono::milliseconds wait);
  void complete(std::shared_ptr<Job> job, HttpResult result);
  void complete_cancelled(std::shared_ptr<Job> job);

  HttpClient& client_;
  boost::asio::io_context& io_;
  std::size_t max_in_flight_;
  RetryPolicy policy_;
  std::size_t in_flight_ = 0;
  bool cancelled_ = false;
  std::deque<std::shared_ptr<Job>> queued_;
  std::map<std::uint64_t, std::unique_ptr<boost::asio::steady_timer>> waiting_;
  std::uint64_t next_wait_id_ = 0;
  std::minstd_rand random_{std::random_device{}()};
};

}  // namespace riskwarn::http
