#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace riskwarn::cli {

// The command line of riskwarnd.
struct DaemonOptions {
  std::string config_path;
  bool check_config = false;             // validate and exit 0, or print diagnostics and exit 2
  bool once = false;                     // one full cycle, deliver everything, exit
  std::optional<std::string> log_level;  // overrides [daemon] log_level
  bool show_help = false;
  bool show_version = false;
};

// A command-line mistake, already worded for the user.
struct UsageError {
  std::string message;
};

// Parses riskwarnd's arguments (without argv[0]).
std::variant<DaemonOptions, UsageError> parse_daemon_options(const std::vector<std::string>& args);

// The --help text.
std::string daemon_usage();

}  // namespace riskwarn::cli
