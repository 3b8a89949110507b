#include "daemon/dispatch/dispatcher.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <vector>

namespace riskwarn::dispatch {

Dispatcher::Dispatcher(boost::asio::io_context& io, store::Store& store, const Clock& clock)
    : io_(io), store_(store), clock_(clock), timer_(io) {}

void Dispatcher::configure(ChannelSet channels, RetryPolicy policy,
                           std::map<std::string, std::string> county_names) {
  channels_ = std::move(channels);
  policy_ = policy;
  county_names_ = std::move(county_names);
}

void Dispatcher::on_idle(std::function<void(bool drained)> handler) {
  idle_handler_ = std::move(handler);
}

void Dispatcher::stop() {
  stopped_ = true;
  timer_.cancel();
  for (auto& [id, timer] : held_)
    timer->cancel();
}

void Dispatcher::wake() {
  if (stopped_)
    return;
  if (fetching_) {
    wake_again_ = true;
    return;
  }
  fetch_due();
}

void Dispatcher::fetch_due() {
  fetching_ = true;
  wake_again_ = false;
  const TimePoint now = clock_.now();
  const int limit = static_cast<int>(batch_);
  store_.run<std::vector<store::PendingNotification>>(
      [now, limit](store::Database& db) { return db.due_notifications(now, limit); },
      io_.get_executor(),
      [this](Result<std::vector<store::PendingNotification>> due) {
        fetching_ = false;
        if (!due) {
          spdlog::error("outbox: cannot read due notifications: {}", due.error().message);
        } else if (!stopped_) {
          for (const auto& notification : *due) {
            if (!in_flight_.contains(notification.id))
              send(notification);
          }
        }
        if (wake_again_ && !stopped_) {
          fetch_due();
          return;
        }
        settle();
      });
}

void Dispatcher::send(const store::PendingNotification& notification) {
  in_flight_.insert(notification.id);
  const auto found = channels_.find(notification.channel);
  if (found == channels_.end()) {
    // The channel was renamed or removed by a reload: keep the notification pending (a later
    // reload may bring the channel back) and look again after the base delay.
    spdlog::error("notification {} names channel \"{}\", which is not configured; it stays pending",
                  notification.idempotency_id, notification.channel);
    hold(notification.id);
    return;
  }
  const notify::OutgoingMessage message{
      .idempotency_id = notification.idempotency_id,
      .county_code = notification.county,
      .county_name = county_names_.contains(notification.county)
                         ? county_names_.at(notification.county)
                         : notification.county,
      .role = notification.role,
      .department = notification.department,
      .text = notification.text,
      .payload_json = notification.payload_json,
  };
  std::shared_ptr<notify::Channel> channel = found->second;
  channel->send(message, [this, channel, notification](notify::DeliveryResult result) {
    finish(notification, std::move(result));
  });
}

void Dispatcher::hold(std::int64_t id) {
  auto& timer = held_[id];
  timer = std::make_unique<boost::asio::steady_timer>(io_, policy_.base_delay);
  timer->async_wait([this, id](boost::system::error_code) {
    held_.erase(id);
    in_flight_.erase(id);
    wake();
  });
}

void Dispatcher::finish(const store::PendingNotification& notification,
                        notify::DeliveryResult result) {
  if (result.outcome == notify::Outcome::cancelled) {
    // Abandoned at shutdown: not an attempt. The row stays pending and is sent after the restart.
    in_flight_.erase(notification.id);
    return;
  }
  const TimePoint now = clock_.now();
  const int attempt = notification.attempts + 1;
  store::AttemptRecord record{
      .at = now,
      .outcome = std::string(notify::to_string(result.outcome)),
      .detail = result.detail,
      .next_attempt_at = std::nullopt,
      .dead = false,
  };
  if (result.outcome == notify::Outcome::permanent ||
      (result.outcome == notify::Outcome::retryable && attempt >= policy_.max_attempts)) {
    record.dead = true;
    spdlog::error("notification {} to {} via {} is dead after {} attempt(s): {}",
                  notification.idempotency_id, notification.role, notification.channel, attempt,
                  result.detail);
  } else if (result.outcome == notify::Outcome::retryable) {
    const auto delay = retry_delay(policy_, attempt, result.retry_after, random_);
    record.next_attempt_at = now + delay;
    spdlog::warn("notification {} to {} via {} failed (attempt {}): {}; retrying in {} s",
                 notification.idempotency_id, notification.role, notification.channel, attempt,
                 result.detail, delay.count());
  } else {
    spdlog::info("notification {} delivered to {} via {}", notification.idempotency_id,
                 notification.role, notification.channel);
  }
  const std::int64_t id = notification.id;
  store_.run<bool>(
      [id, record](store::Database& db) {
        db.record_attempt(id, record);
        return true;
      },
      io_.get_executor(),
      [this, id](Result<bool> recorded) {
        if (!recorded) {
          spdlog::error("outbox: cannot record attempt of notification {}: {}", id,
                        recorded.error().message);
        }
        in_flight_.erase(id);
        wake();
      });
}

void Dispatcher::settle() {
  if (!in_flight_.empty() || fetching_)
    return;
  store_.run<std::pair<std::optional<TimePoint>, int>>(
      [](store::Database& db) { return std::make_pair(db.next_due_at(), db.pending_count()); },
      io_.get_executor(),
      [this](Result<std::pair<std::optional<TimePoint>, int>> next) {
        if (!next || stopped_ || !in_flight_.empty() || fetching_)
          return;
        const auto [due_at, pending] = *next;
        if (due_at) {
          const auto wait = std::max(*due_at - clock_.now(), std::chrono::seconds{0});
          timer_.expires_after(wait);
          timer_.async_wait([this](boost::system::error_code ec) {
            if (!ec)
              wake();
          });
        }
        if (idle_handler_)
          idle_handler_(pending == 0);
      });
}

}  // namespace riskwarn::dispatch
