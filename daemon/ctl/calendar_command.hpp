#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "daemon/ctl/command.hpp"

namespace riskwarn::ctl {

// riskwarnctl calendar --from DATE --to DATE [--config PATH] [--json]: every calendar period
// overlapping the inclusive range, as a table or as {"periods":[{"id","name","start","end",
// "source"}]}. Exit 0, 64 for a command-line mistake (including a range outside 1901–2100),
// 2 for an invalid configuration or calendar file.
int run_calendar(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// The calendar subcommand, for the table in commands.cpp.
Command calendar_command();

}  // namespace riskwarn::ctl
