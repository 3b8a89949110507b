#pragma once

#include <string>
#include <variant>
#include <vector>

#include "config/config.hpp"

namespace riskwarn::config {

// One validation problem, formatted "PATH:LINE:COL: message" by to_string().
struct Diagnostic {
  std::string path;
  int line = 0;
  int column = 0;
  std::string message;
};

// "PATH:LINE:COL: message" (":LINE:COL" omitted when unknown).
std::string to_string(const Diagnostic& diagnostic);

// What loading depends on outside the file, passed in so tests need no environment.
struct LoadOptions {
  std::string credentials_directory;                       // $CREDENTIALS_DIRECTORY; "" when unset
  std::string zoneinfo_directory = "/usr/share/zoneinfo";  // where county time zones must exist
};

// The loaded config, or every problem found in it (never only the first).
using LoadResult = std::variant<Config, std::vector<Diagnostic>>;

// Reads, parses and validates the TOML file at path. Never throws.
LoadResult load_config(const std::string& path, const LoadOptions& options);

// Parses and validates TOML text as if it came from path (used by the fuzz target). Never throws.
LoadResult parse_config(std::string_view text, const std::string& path, const LoadOptions& options);

}  // namespace riskwarn::config
