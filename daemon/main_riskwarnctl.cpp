// riskwarnctl: offline tools (calendar, assess, simulate, ...) over riskwarn's rules and data.
#include <iostream>
#include <string>
#include <vector>

#include "daemon/ctl/command.hpp"
#include "riskwarn/version.hpp"

namespace {

void print_usage(std::ostream& out) {
  out << "usage: riskwarnctl COMMAND [ARGS...]\n\ncommands:\n";
  for (const auto& command : riskwarn::ctl::commands())
    out << "  " << command.usage << "\n";
  out << "  --version\n  --help\n";
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    print_usage(args.empty() ? std::cerr : std::cout);
    return args.empty() ? riskwarn::ctl::kExitUsage : riskwarn::ctl::kExitOk;
  }
  if (args[0] == "--version") {
    std::cout << "riskwarnctl " << riskwarn::kVersion << "\n";
    return riskwarn::ctl::kExitOk;
  }
  for (const auto& command : riskwarn::ctl::commands()) {
    if (command.name == args[0]) {
      return command.run({args.begin() + 1, args.end()}, std::cout, std::cerr);
    }
  }
  std::cerr << "riskwarnctl: unknown command \"" << args[0] << "\"\n";
  print_usage(std::cerr);
  return riskwarn::ctl::kExitUsage;
}
