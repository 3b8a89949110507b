#pragma once

#include <boost/asio/io_context.hpp>
#include <string>

#include "adapters/notify/channel.hpp"
#include "config/config.hpp"

namespace riskwarn::notify {

// Prints each message as a block (county, department, text) to stdout, or appends it to the
// file config.path. For the demo, dry runs and a duty room that watches a terminal or a log.
class ConsoleChannel : public Channel {
 public:
  // Completions are posted to io.
  ConsoleChannel(boost::asio::io_context& io, const config::ChannelConfig& config);

  // Writes the block in one append; delivered, or permanent with the OS error when the file
  // cannot be opened or written.
  void send(const OutgoingMessage& message, std::function<void(DeliveryResult)> on_done) override;

 private:
  boost::asio::io_context& io_;
  std::string path_;  // empty: stdout
};

// The block written for a message: a header line naming county and department, the text, and a
// blank line.
std::string format_console_block(const OutgoingMessage& message);

}  // namespace riskwarn::notify
