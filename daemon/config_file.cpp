#include "daemon/config_file.hpp"

#include <cstdlib>
#include <variant>
#include <vector>

#include "config/load.hpp"

namespace riskwarn {

std::string credentials_directory() {
  const char* dir = std::getenv("CREDENTIALS_DIRECTORY");
  return dir != nullptr ? dir : "";
}

std::optional<config::Config> load_config_or_report(const std::string& path, std::ostream& err) {
  auto loaded = config::load_config(path, config::LoadOptions{credentials_directory()});
  if (const auto* diagnostics = std::get_if<std::vector<config::Diagnostic>>(&loaded)) {
    for (const config::Diagnostic& diagnostic : *diagnostics)
      err << config::to_string(diagnostic) << "\n";
    return std::nullopt;
  }
  return std::get<config::Config>(std::move(loaded));
}

}  // namespace riskwarn
