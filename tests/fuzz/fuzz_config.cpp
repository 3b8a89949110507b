// Fuzzes the config loader: any bytes give a Config or diagnostics, never a crash or a throw.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <variant>

#include "config/load.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const riskwarn::config::LoadOptions options;
  const auto result = riskwarn::config::parse_config(text, "fuzz.toml", options);
  if (const auto* diagnostics = std::get_if<std::vector<riskwarn::config::Diagnostic>>(&result)) {
    for (const auto& diagnostic : *diagnostics) {
      if (riskwarn::config::to_string(diagnostic).empty())
        __builtin_trap();
    }
  }
  return 0;
}
