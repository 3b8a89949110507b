// riskwarnd: the seasonal risk early-warning daemon.
#include <spdlog/spdlog.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "daemon/cli/options.hpp"
#include "daemon/config_file.hpp"
#include "daemon/logging.hpp"
#include "daemon/service/service.hpp"
#include "riskwarn/version.hpp"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitBadConfig = 2;
constexpr int kExitUsage = 64;  // EX_USAGE

int run(const riskwarn::cli::DaemonOptions& options) {
  auto loaded = riskwarn::load_config_or_report(options.config_path, std::cerr);
  if (!loaded)
    return kExitBadConfig;
  if (options.check_config) {
    std::fprintf(stdout, "%s: configuration is valid\n", options.config_path.c_str());
    return kExitOk;
  }
  auto config = std::make_shared<const riskwarn::config::Config>(std::move(*loaded));
  riskwarn::setup_logging(options.log_level.value_or(config->daemon.log_level));
  riskwarn::service::Service service(
      riskwarn::service::ServiceOptions{.config_path = options.config_path,
                                        .once = options.once,
                                        .log_level = options.log_level,
                                        .credentials_directory = riskwarn::credentials_directory()},
      std::move(config));
  return service.run();
}

}  // namespace

int main(int argc, char** argv) {
  // curl is used with CURLOPT_NOSIGNAL; a peer closing a socket must not kill the daemon.
  std::signal(SIGPIPE, SIG_IGN);
  const std::vector<std::string> args(argv + 1, argv + argc);
  const auto parsed = riskwarn::cli::parse_daemon_options(args);
  if (const auto* error = std::get_if<riskwarn::cli::UsageError>(&parsed)) {
    std::fprintf(stderr, "riskwarnd: %s\n%s", error->message.c_str(),
                 riskwarn::cli::daemon_usage().c_str());
    return kExitUsage;
  }
  const auto& options = std::get<riskwarn::cli::DaemonOptions>(parsed);
  if (options.show_help) {
    std::fputs(riskwarn::cli::daemon_usage().c_str(), stdout);
    return kExitOk;
  }
  if (options.show_version) {
    std::printf("riskwarnd %s\n", riskwarn::kVersion);
    return kExitOk;
  }
  try {
    return run(options);
  } catch (const std::exception& error) {
    spdlog::critical("riskwarnd: {}", error.what());
    return kExitFailure;
  }
}
