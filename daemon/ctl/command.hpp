#pragma once

#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace riskwarn::ctl {

// Exit statuses shared by every riskwarnctl subcommand.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;    // the input could not be processed (message on err)
inline constexpr int kExitBadConfig = 2;  // the configuration is invalid
inline constexpr int kExitUsage = 64;     // EX_USAGE: a command-line mistake

// One riskwarnctl subcommand: run() gets the arguments after the subcommand's name, writes its
// result to out and problems to err, and returns an exit status. It never throws.
struct Command {
  std::string_view name;
  std::string_view usage;  // one line: "calendar --from DATE --to DATE [--config PATH] [--json]"
  int (*run)(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
};

// Every subcommand, in the order --help lists them.
std::span<const Command> commands();

}  // namespace riskwarn::ctl
