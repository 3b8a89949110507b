#pragma once

#include <optional>
#include <ostream>
#include <string>

#include "config/config.hpp"

namespace riskwarn {

// systemd's $CREDENTIALS_DIRECTORY, or "" when it is not set.
std::string credentials_directory();

// Loads the configuration at path with secrets from credentials_directory(), or writes every
// diagnostic to err as "PATH:LINE:COL: message" and returns nullopt. Never throws.
std::optional<config::Config> load_config_or_report(const std::string& path, std::ostream& err);

}  // namespace riskwarn
