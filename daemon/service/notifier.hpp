#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace riskwarn::service {

// Tells the service manager about the daemon's lifecycle through sd_notify(3). Without
// $NOTIFY_SOCKET (not started by systemd, or Type= other than notify) every call is a no-op.
// Send failures are ignored, as systemd expects, and logged once at debug level.
// Not thread-safe: use it from the io thread.
class Notifier {
 public:
  // Reads $NOTIFY_SOCKET and the watchdog settings ($WATCHDOG_USEC, $WATCHDOG_PID) once.
  Notifier();

  // Start-up finished: "READY=1" and the status line.
  void ready(std::string_view status) noexcept;
  // What the daemon is doing, shown by `systemctl status`.
  void status(std::string_view status) noexcept;
  // A reload began: "RELOADING=1", the CLOCK_MONOTONIC time in µs, and the status line.
  // Call ready() when the reload is done, whether it succeeded or not.
  void reloading(std::string_view status) noexcept;
  // Shutdown began: "STOPPING=1" and the status line.
  void stopping(std::string_view status) noexcept;
  // Keeps the watchdog from firing; send it every watchdog_interval().
  void watchdog() noexcept;

  // How often to ping (half of $WATCHDOG_USEC), or nothing when the watchdog is not enabled for
  // this process.
  std::optional<std::chrono::microseconds> watchdog_interval() const noexcept {
    return watchdog_interval_;
  }

 private:
  // Sends one notification when enabled; failures are ignored.
  void send(const std::string& message) noexcept;

  bool enabled_ = false;
  bool failure_logged_ = false;
  std::optional<std::chrono::microseconds> watchdog_interval_;
};

}  // namespace riskwarn::service
