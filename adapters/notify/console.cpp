#include "adapters/notify/console.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <boost/asio/post.hpp>
#include <cerrno>
#include <system_error>

namespace riskwarn::notify {
namespace {

// Writes all of data to fd; 0 on success, else the errno of the failure.
int write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t written = ::write(fd, data.data(), data.size());
    if (written < 0) {
      if (errno == EINTR)
        continue;
      return errno;
    }
    data.remove_prefix(static_cast<std::size_t>(written));
  }
  return 0;
}

// Appends data to the file at path, creating it (mode 0640) when missing; 0 or an errno.
int append_to_file(const std::string& path, std::string_view data) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
  if (fd < 0)
    return errno;
  const int write_error = write_all(fd, data);
  const int close_error = ::close(fd) == 0 ? 0 : errno;
  return write_error != 0 ? write_error : close_error;
}

std::string error_text(int error) {
  return std::system_category().message(error);
}

}  // namespace

ConsoleChannel::ConsoleChannel(boost::asio::io_context& io, const config::ChannelConfig& config)
    : io_(io), path_(config.path) {}

void ConsoleChannel::send(const OutgoingMessage& message,
                          std::function<void(DeliveryResult)> on_done) {
  const std::string block = format_console_block(message);
  DeliveryResult result;
  if (path_.empty()) {
    const int error = write_all(STDOUT_FILENO, block);
    result = error == 0
                 ? DeliveryResult{Outcome::delivered, "written to stdout", std::nullopt}
                 : DeliveryResult{Outcome::permanent,
                                  "cannot write to stdout: " + error_text(error), std::nullopt};
  } else {
    const int error = append_to_file(path_, block);
    result = error == 0
                 ? DeliveryResult{Outcome::delivered, "appended to " + path_, std::nullopt}
                 : DeliveryResult{Outcome::permanent,
                                  "cannot write " + path_ + ": " + error_text(error), std::nullopt};
  }
  boost::asio::post(
      io_, [on_done = std::move(on_done), result = std::move(result)] { on_done(result); });
}

std::string format_console_block(const OutgoingMessage& message) {
  std::string block = "==== " + message.county_name + " (" + message.county_code + ") · " +
                      message.department + " (" + message.role + ") · " + message.idempotency_id +
                      "\n";
  block += message.text;
  if (!message.text.empty() && message.text.back() != '\n')
    block += '\n';
  block += '\n';
  return block;
}

}  // namespace riskwarn::notify
