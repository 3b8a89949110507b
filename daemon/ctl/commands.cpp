#include "daemon/ctl/command.hpp"

namespace riskwarn::ctl {

std::span<const Command> commands() {
  // Each subcommand lives in its own file under daemon/ctl/ and is listed here once.
  static const std::vector<Command> all{};
  return all;
}

}  // namespace riskwarn::ctl
