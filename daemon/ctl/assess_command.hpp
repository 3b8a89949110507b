#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "daemon/ctl/command.hpp"

namespace riskwarn::ctl {

// riskwarnctl assess --config PATH --county CODE --input FILE --format open-meteo|qweather|cap
// [--at TIME] [--json]: assesses a recorded feed response for one configured county with its
// thresholds. An Open-Meteo forecast gives every hazard's intensity and signal spans, maximum
// level and missing hours, as a table or as {"county","hazards":[{"hazard","evaluated",
// "max_level","intensity":[{"level","start","end"}],"signal":[...],"missing":[TIME...]}]};
// a QWeather or CAP response gives the official warnings, {"county","warnings":[...]}. --at
// adds "at":{"time","signals":[...]}, the signals in force at TIME (ISO 8601 with offset).
// Exit 0, 1 when the input cannot be read or parsed, 2 for an invalid configuration, 64 for a
// command-line mistake or an unknown county.
int run_assess(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// The assess subcommand, for the table in commands.cpp.
Command assess_command();

}  // namespace riskwarn::ctl
