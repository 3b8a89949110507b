#pragma once

#include <string_view>

namespace riskwarn {

// Sets up the process-wide spdlog logger: the systemd journal when started by systemd
// ($JOURNAL_STREAM is set), stderr otherwise. Never throws.
void setup_logging(std::string_view level);

// Changes the level of the process-wide logger (e.g. after a reload). Never throws.
void set_log_level(std::string_view level);

}  // namespace riskwarn
