#include "tests/unit/config/config_test_support.hpp"

namespace riskwarn::config::test {

ConfigEnvironment::ConfigEnvironment() {
  dir_.write("zoneinfo/Asia/Shanghai", std::string("TZif2") + std::string(40, '\0') + "\nCST-8\n");
  dir_.write("zoneinfo/UTC", std::string("TZif2") + std::string(40, '\0') + "\nUTC0\n");
  dir_.write("zoneinfo/Europe/Berlin",
             std::string("TZif2") + std::string(40, '\0') + "\nCET-1CEST,M3.5.0,M10.5.0/3\n");
  dir_.write("zoneinfo/zone.tab", "# not a zone\n");
  std::filesystem::create_directories(dir_.path() / "credentials");
  options_.zoneinfo_directory = (dir_.path() / "zoneinfo").string();
  options_.credentials_directory = (dir_.path() / "credentials").string();
}

void ConfigEnvironment::add_credential(std::string_view name, std::string_view content) const {
  dir_.write("credentials/" + std::string(name), content);
}

std::string ConfigEnvironment::config_path() const {
  return (dir_.path() / "test.toml").string();
}

LoadResult ConfigEnvironment::parse(std::string_view text) const {
  return parse_config(text, config_path(), options_);
}

std::vector<std::string> ConfigEnvironment::errors(std::string_view text) const {
  const LoadResult result = parse(text);
  std::vector<std::string> lines;
  if (const auto* diagnostics = std::get_if<std::vector<Diagnostic>>(&result)) {
    const std::string prefix = config_path();
    const std::string directory = dir_.path().string();
    for (const Diagnostic& diagnostic : *diagnostics) {
      std::string line = to_string(diagnostic);
      if (line.starts_with(prefix))
        line = "test.toml" + line.substr(prefix.size());
      for (std::size_t at = line.find(directory); at != std::string::npos;
           at = line.find(directory, at)) {
        line.replace(at, directory.size(), "{dir}");
      }
      lines.push_back(line);
    }
  }
  return lines;
}

}  // namespace riskwarn::config::test
