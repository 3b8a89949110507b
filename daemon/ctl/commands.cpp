#include "daemon/ctl/command.hpp"

#include "daemon/ctl/assess_command.hpp"
#include "daemon/ctl/calendar_command.hpp"

namespace riskwarn::ctl {

std::span<const Command> commands() {
  // Each subcommand lives in its own file under daemon/ctl/ and is listed here once.
  static const std::vector<Command> all{
      calendar_command(),
      assess_command(),
  };
  return all;
}

}  // namespace riskwarn::ctl
