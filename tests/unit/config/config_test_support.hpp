#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "config/load.hpp"
#include "tests/support/temp_dir.hpp"

namespace riskwarn::config::test {

inline constexpr std::string_view kWebhookSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

// A scratch directory with a fake zoneinfo tree (Asia/Shanghai, UTC) and a credentials
// directory, so that loading needs nothing from the machine.
class ConfigEnvironment {
 public:
  ConfigEnvironment();

  const riskwarn::test::TempDir& dir() const { return dir_; }
  const LoadOptions& options() const { return options_; }
  LoadOptions& options() { return options_; }

  // Writes a credential file named name.
  void add_credential(std::string_view name, std::string_view content) const;

  // Parses text as "test.toml" under the scratch directory.
  LoadResult parse(std::string_view text) const;

  // The formatted diagnostics of text ("PATH:LINE:COL: message" with PATH = "test.toml" and
  // the scratch directory written "{dir}"), or an empty list when it loads.
  std::vector<std::string> errors(std::string_view text) const;

  // The path the texts are parsed as.
  std::string config_path() const;

 private:
  riskwarn::test::TempDir dir_;
  LoadOptions options_;
};

}  // namespace riskwarn::config::test
