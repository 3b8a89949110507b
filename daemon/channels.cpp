#include "daemon/channels.hpp"

#include "adapters/notify/console.hpp"
#include "adapters/notify/webhook.hpp"

namespace riskwarn {

dispatch::ChannelSet make_channels(const config::Config& config, boost::asio::io_context& io,
                                   http::HttpClient& client, const Clock& clock) {
  dispatch::ChannelSet channels;
  for (const auto& [name, channel] : config.channels) {
    switch (channel.kind) {
      case config::ChannelKind::webhook:
        channels[name] = std::make_shared<notify::WebhookChannel>(client, channel,
                                                                  [&clock] { return clock.now(); });
        break;
      case config::ChannelKind::console:
        channels[name] = std::make_shared<notify::ConsoleChannel>(io, channel);
        break;
    }
  }
  return channels;
}

}  // namespace riskwarn
