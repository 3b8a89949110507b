#include "daemon/cli/options.hpp"

#include <array>
#include <string_view>

namespace riskwarn::cli {
namespace {
constexpr std::array<std::string_view, 7> kLogLevels{"trace", "debug",    "info", "warn",
                                                     "error", "critical", "off"};

bool is_log_level(std::string_view level) {
  for (std::string_view known : kLogLevels) {
    if (known == level)
      return true;
  }
  return false;
}
}  // namespace

std::string daemon_usage() {
  return "usage: riskwarnd --config PATH [--check-config] [--once] [--log-level LEVEL]\n"
         "\n"
         "  --config PATH      the TOML configuration file\n"
         "  --check-config     validate the configuration and exit (0 valid, 2 invalid)\n"
         "  --once             run one full cycle (poll, assess, match, persist, deliver) and "
         "exit\n"
         "  --log-level LEVEL  trace, debug, info, warn, error, critical or off\n"
         "  --version          print the version and exit\n"
         "  --help             print this help and exit\n";
}

std::variant<DaemonOptions, UsageError> parse_daemon_options(const std::vector<std::string>& args) {
  DaemonOptions options;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    auto next_value = [&]() -> std::optional<std::string> {
      if (i + 1 >= args.size())
        return std::nullopt;
      return args[++i];
    };
    if (arg == "--config") {
      auto path = next_value();
      if (!path)
        return UsageError{"--config needs a path"};
      options.config_path = *path;
    } else if (arg.starts_with("--config=")) {
      options.config_path = arg.substr(9);
    } else if (arg == "--check-config") {
      options.check_config = true;
    } else if (arg == "--once") {
      options.once = true;
    } else if (arg == "--log-level" || arg.starts_with("--log-level=")) {
      std::optional<std::string> level =
          arg == "--log-level" ? next_value() : std::optional<std::string>(arg.substr(12));
      if (!level)
        return UsageError{"--log-level needs a level"};
      if (!is_log_level(*level)) {
        return UsageError{"unknown log level \"" + *level +
                          "\"; use trace, debug, info, warn, error, critical or off"};
      }
      options.log_level = *level;
    } else if (arg == "--help" || arg == "-h") {
      options.show_help = true;
    } else if (arg == "--version") {
      options.show_version = true;
    } else {
      return UsageError{"unknown argument \"" + arg + "\""};
    }
  }
  if (!options.show_help && !options.show_version && options.config_path.empty()) {
    return UsageError{"--config PATH is required"};
  }
  if (options.check_config && options.once) {
    return UsageError{"--check-config and --once cannot be combined"};
  }
  return options;
}

}  // namespace riskwarn::cli
