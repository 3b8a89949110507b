#include "daemon/service/notifier.hpp"

#include <spdlog/spdlog.h>
#include <systemd/sd-daemon.h>
#include <time.h>

#include <cstdint>
#include <cstdlib>
#include <system_error>

namespace riskwarn::service {
namespace {

// The status line as one protocol field: a newline would start a new assignment.
std::string status_field(std::string_view status) {
  std::string field = "STATUS=";
  for (const char c : status) {
    field += (c == '\n' || c == '\r') ? ' ' : c;
  }
  return field;
}

// CLOCK_MONOTONIC in microseconds, the clock systemd compares MONOTONIC_USEC against.
std::uint64_t monotonic_usec() {
  timespec now{};
  ::clock_gettime(CLOCK_MONOTONIC, &now);
  return static_cast<std::uint64_t>(now.tv_sec) * 1'000'000U +
         static_cast<std::uint64_t>(now.tv_nsec) / 1'000U;
}

}  // namespace

Notifier::Notifier() : enabled_(std::getenv("NOTIFY_SOCKET") != nullptr) {
  std::uint64_t usec = 0;
  if (enabled_ && sd_watchdog_enabled(0, &usec) > 0 && usec > 0) {
    watchdog_interval_ = std::chrono::microseconds(usec / 2);
  }
}

void Notifier::ready(std::string_view status) noexcept {
  send("READY=1\n" + status_field(status));
}

void Notifier::status(std::string_view status) noexcept {
  send(status_field(status));
}

void Notifier::reloading(std::string_view status) noexcept {
  send("RELOADING=1\nMONOTONIC_USEC=" + std::to_string(monotonic_usec()) + "\n" +
       status_field(status));
}

void Notifier::stopping(std::string_view status) noexcept {
  send("STOPPING=1\n" + status_field(status));
}

void Notifier::watchdog() noexcept {
  send("WATCHDOG=1");
}

void Notifier::send(const std::string& message) noexcept {
  if (!enabled_)
    return;
  const int result = sd_notify(0, message.c_str());
  if (result < 0 && !failure_logged_) {
    failure_logged_ = true;
    spdlog::debug("sd_notify failed, further failures are not logged: {}",
                  std::error_code(-result, std::system_category()).message());
  }
}

}  // namespace riskwarn::service
