#pragma once

#include "adapters/http/http_client.hpp"
#include "config/config.hpp"
#include "daemon/clock.hpp"
#include "daemon/dispatch/dispatcher.hpp"

namespace riskwarn {

// Builds one delivery channel for each [channels.NAME] of the config. Throws
// std::invalid_argument naming the channel (never its secret) when one cannot be built.
dispatch::ChannelSet make_channels(const config::Config& config, boost::asio::io_context& io,
                                   http::HttpClient& client, const Clock& clock);

}  // namespace riskwarn
