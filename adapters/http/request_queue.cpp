#include "adapters/http/request_queue.hpp"

#include <algorithm>
#include <string>
#include <utility>

#include <boost/asio/post.hpp>

#include "adapters/http/redact_url.hpp"
#include "adapters/http/retry.hpp"

namespace riskwarn::http {
namespace {

bool honours_retry_after(long status) {
  return status == 429 || status == 503;
}

}  // namespace

RequestQueue::RequestQueue(HttpClient& client, boost::asio::io_context& io,
                           std::size_t max_in_flight, RetryPolicy policy)
    : client_(client),
      io_(io),
      max_in_flight_(std::max<std::size_t>(1, max_in_flight)),
      policy_(policy) {}

void RequestQueue::submit(HttpRequest request, Completion done) {
  auto job = std::make_shared<Job>(Job{std::move(request), std::move(done), 0});
  if (cancelled_) {
    complete_cancelled(std::move(job));
    return;
  }
  queued_.push_back(std::move(job));
  // Start from the loop, so that done is never called from inside submit.
  boost::asio::post(io_, [self = shared_from_this()] { self->pump(); });
}

void RequestQueue::cancel() {
  cancelled_ = true;
  for (auto& job : std::exchange(queued_, {}))
    complete_cancelled(std::move(job));
  // Each timer's handler completes its job with operation_aborted.
  for (auto& [id, timer] : waiting_)
    timer->cancel();
}

void RequestQueue::pump() {
  while (!cancelled_ && in_flight_ < max_in_flight_ && !queued_.empty()) {
    auto job = std::move(queued_.front());
    queued_.pop_front();
    send(std::move(job));
  }
}

void RequestQueue::send(std::shared_ptr<Job> job) {
  ++in_flight_;
  ++job->attempts;
  client_.async_request(job->request, [self = shared_from_this(), job](HttpResult result) {
    --self->in_flight_;
    self->on_attempt(job, std::move(result));
    self->pump();
  });
}

void RequestQueue::on_attempt(std::shared_ptr<Job> job, HttpResult result) {
  const int retry = job->attempts;  // the number the next retry would have
  if (cancelled_ || !is_transient_failure(result) || retry > policy_.max_retries) {
    complete(std::move(job), std::move(result));
    return;
  }
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::chrono::milliseconds wait =
      backoff_delay(retry, policy_.base_delay, policy_.max_delay, unit(random_));
  if (!result.error && honours_retry_after(result.response.status)) {
    if (const auto asked = retry_after(result.response, std::chrono::system_clock::now())) {
      wait = std::max<std::chrono::milliseconds>(wait, *asked);
    }
  }
  const auto remaining = policy_.deadline - std::chrono::steady_clock::now();
  if (wait > policy_.max_delay || wait >= remaining) {
    complete(std::move(job), std::move(result));
    return;
  }
  wait_then_requeue(std::move(job), wait);
}

void RequestQueue::wait_then_requeue(std::shared_ptr<Job> job, std::chrono::milliseconds wait) {
  const std::uint64_t id = next_wait_id_++;
  auto& timer = waiting_[id] = std::make_unique<boost::asio::steady_timer>(io_, wait);
  timer->async_wait([self = shared_from_this(), job, id](boost::system::error_code ec) {
    self->waiting_.erase(id);
    if (ec || self->cancelled_) {
      self->complete_cancelled(job);
      return;
    }
    self->queued_.push_back(job);
    self->pump();
  });
}

void RequestQueue::complete(std::shared_ptr<Job> job, HttpResult result) {
  result.attempts = job->attempts;
  // Called from a completion already running on the loop, never from submit().
  job->done(std::move(result));
}

void RequestQueue::complete_cancelled(std::shared_ptr<Job> job) {
  HttpResult result;
  result.error = std::make_error_code(std::errc::operation_canceled);
  result.error_text = job->request.method + " " + redact_url(job->request.url) + ": cancelled";
  result.attempts = job->attempts;
  boost::asio::post(io_, [job = std::move(job), result = std::move(result)]() mutable {
    job->done(std::move(result));
  });
}

}  // namespace riskwarn::http
