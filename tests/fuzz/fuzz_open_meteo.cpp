// Fuzzes the Open-Meteo parser and the fog assessment on whatever it accepts: no crash, no
// undefined behaviour, and every accepted series keeps the invariants the rules rely on.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "adapters/weather/open_meteo.hpp"
#include "rules/assess/fog.hpp"

namespace {

void require(bool condition) {
  if (!condition)
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace riskwarn;
  const std::string_view body{reinterpret_cast<const char*>(data), size};
  const Result<HourlySeries> parsed = weather::parse_open_meteo(body);
  if (!parsed) {
    require(parsed.error().message.rfind("open-meteo: ", 0) == 0);
    return 0;
  }
  const HourlySeries& series = *parsed;
  require(!series.times.empty());
  for (std::size_t i = 1; i < series.times.size(); ++i) {
    require(series.times[i] - series.times[i - 1] == std::chrono::hours{1});
  }
  for (const auto& column : series.columns) {
    require(!column || column->size() == series.times.size());
  }

  const HazardAssessment fog = assess_fog(series, FogThresholds{});
  require(!fog.evaluated || fog.signal.size() == series.times.size());
  for (const TimePoint t : series.times) {
    if (const auto signal = signal_at(fog, series.times, t)) {
      require(signal->level != Level::none && signal->start <= signal->end);
    }
  }
  return 0;
}
