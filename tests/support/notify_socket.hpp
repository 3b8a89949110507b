#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace riskwarn::test {

// A stand-in for systemd's notification socket: an AF_UNIX datagram socket bound to a fresh
// temporary path, with a thread that collects every datagram sent to it. Point NOTIFY_SOCKET at
// path() and assert on messages().
class FakeNotifySocket {
 public:
  FakeNotifySocket();
  ~FakeNotifySocket();
  FakeNotifySocket(const FakeNotifySocket&) = delete;
  FakeNotifySocket& operator=(const FakeNotifySocket&) = delete;

  // The socket's file system path, the value for NOTIFY_SOCKET.
  std::string path() const;

  // Every datagram received so far, in arrival order.
  std::vector<std::string> messages() const;

  // How many datagrams received so far contain substring.
  std::size_t count(std::string_view substring) const;

  // Waits until a datagram containing substring has arrived; false after timeout.
  bool wait_for(std::string_view substring, std::chrono::milliseconds timeout) const;

  // Waits until at least n datagrams containing substring have arrived; false after timeout.
  bool wait_for_count(std::string_view substring, std::size_t n,
                      std::chrono::milliseconds timeout) const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace riskwarn::test
