#include "tests/support/notify_socket.hpp"

#include <gtest/gtest.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <condition_variable>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <thread>

#include "tests/support/temp_dir.hpp"

namespace riskwarn::test {

struct FakeNotifySocket::State {
  TempDir dir;
  std::string path;
  int socket_fd = -1;
  int stop_fd = -1;
  std::thread receiver;

  mutable std::mutex mutex;
  mutable std::condition_variable arrived;
  std::vector<std::string> messages;

  std::size_t count_locked(std::string_view substring) const {
    return static_cast<std::size_t>(std::count_if(
        messages.begin(), messages.end(),
        [&](const std::string& message) { return message.find(substring) != std::string::npos; }));
  }

  // Collects datagrams until stop_fd is signalled.
  void receive() {
    std::array<char, 65536> buffer{};
    std::array<pollfd, 2> fds{pollfd{socket_fd, POLLIN, 0}, pollfd{stop_fd, POLLIN, 0}};
    for (;;) {
      if (::poll(fds.data(), fds.size(), -1) < 0) {
        if (errno == EINTR)
          continue;
        return;
      }
      if (fds[1].revents != 0)
        return;
      const ssize_t n = ::recv(socket_fd, buffer.data(), buffer.size(), MSG_DONTWAIT);
      if (n < 0)
        continue;
      {
        std::lock_guard lock(mutex);
        messages.emplace_back(buffer.data(), static_cast<std::size_t>(n));
      }
      arrived.notify_all();
    }
  }
};

FakeNotifySocket::FakeNotifySocket() : state_(std::make_unique<State>()) {
  state_->path = (state_->dir.path() / "notify").string();
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  if (state_->path.size() >= sizeof(address.sun_path)) {
    ADD_FAILURE() << "notify socket path too long: " << state_->path;
    return;
  }
  std::memcpy(address.sun_path, state_->path.c_str(), state_->path.size() + 1);

  state_->socket_fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  state_->stop_fd = ::eventfd(0, EFD_CLOEXEC);
  if (state_->socket_fd < 0 || state_->stop_fd < 0 ||
      ::bind(state_->socket_fd, reinterpret_cast<const sockaddr*>(&address), sizeof(address)) !=
          0) {
    ADD_FAILURE() << "cannot bind notify socket " << state_->path << ": " << std::strerror(errno);
    return;
  }
  state_->receiver = std::thread([state = state_.get()] { state->receive(); });
}

FakeNotifySocket::~FakeNotifySocket() {
  if (state_->receiver.joinable()) {
    const std::uint64_t one = 1;
    if (::write(state_->stop_fd, &one, sizeof(one)) != sizeof(one)) {
      ADD_FAILURE() << "cannot stop the notify socket receiver";
    }
    state_->receiver.join();
  }
  if (state_->socket_fd >= 0)
    ::close(state_->socket_fd);
  if (state_->stop_fd >= 0)
    ::close(state_->stop_fd);
}

std::string FakeNotifySocket::path() const {
  return state_->path;
}

std::vector<std::string> FakeNotifySocket::messages() const {
  std::lock_guard lock(state_->mutex);
  return state_->messages;
}

std::size_t FakeNotifySocket::count(std::string_view substring) const {
  std::lock_guard lock(state_->mutex);
  return state_->count_locked(substring);
}

bool FakeNotifySocket::wait_for(std::string_view substring,
                                std::chrono::milliseconds timeout) const {
  return wait_for_count(substring, 1, timeout);
}

bool FakeNotifySocket::wait_for_count(std::string_view substring, std::size_t n,
                                      std::chrono::milliseconds timeout) const {
  std::unique_lock lock(state_->mutex);
  return state_->arrived.wait_for(lock, timeout,
                                  [&] { return state_->count_locked(substring) >= n; });
}

}  // namespace riskwarn::test
