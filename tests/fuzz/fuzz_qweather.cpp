// Fuzzes the QWeather warning parser (both response shapes and both error formats) and the
// error classifier: no crash, no undefined behaviour, and every accepted reply keeps the
// invariants the hazard merge relies on.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "adapters/weather/qweather.hpp"
#include "adapters/weather/qweather_error.hpp"

namespace {

void require(bool condition) {
  if (!condition)
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace riskwarn;
  const std::string_view body{reinterpret_cast<const char*>(data), size};
  (void)weather::qweather_error_of(body, 200);
  const Result<weather::QWeatherReply> parsed = weather::parse_qweather(body);
  if (!parsed) {
    require(parsed.error().message.rfind("qweather: ", 0) == 0);
    return 0;
  }
  require(!parsed->no_data || parsed->warnings.empty());
  for (const OfficialWarning& warning : parsed->warnings) {
    require(!warning.id.empty());
    require(warning.source_format == "qweather");
    require(warning.level >= Level::blue && warning.level <= Level::red);
    require(warning.end.has_value());
    for (const std::string& retired : parsed->retired_ids)
      require(retired != warning.id);
  }
  return 0;
}
