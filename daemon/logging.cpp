#include "daemon/logging.hpp"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/sinks/systemd_sink.h>
#include <spdlog/spdlog.h>

#include <cstdlib>
#include <memory>
#include <string>

namespace riskwarn {

void setup_logging(std::string_view level) {
  try {
    std::shared_ptr<spdlog::logger> logger;
    if (std::getenv("JOURNAL_STREAM") != nullptr) {
      logger = std::make_shared<spdlog::logger>(
          "riskwarnd", std::make_shared<spdlog::sinks::systemd_sink_mt>("riskwarnd"));
    } else {
      logger = std::make_shared<spdlog::logger>(
          "riskwarnd", std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
      logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e%z %^%l%$ %v");
    }
    spdlog::set_default_logger(logger);
    set_log_level(level);
  } catch (...) {
    // Logging must never stop the daemon; spdlog's default stderr logger stays in place.
  }
}

void set_log_level(std::string_view level) {
  try {
    spdlog::set_level(spdlog::level::from_str(std::string(level)));
    spdlog::flush_on(spdlog::level::info);
  } catch (...) {
  }
}

}  // namespace riskwarn
