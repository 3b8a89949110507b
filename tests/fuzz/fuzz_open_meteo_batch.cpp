// Fuzzes the Open-Meteo batch parser: no crash, no undefined behaviour, every error is named as
// the parser's, and every accepted location keeps the invariants the rules rely on.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "adapters/weather/open_meteo.hpp"

namespace {

void require(bool condition) {
  if (!condition)
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace riskwarn;
  const std::string_view body{reinterpret_cast<const char*>(data), size};
  const Result<std::vector<HourlySeries>> parsed = weather::parse_open_meteo_batch(body);
  if (!parsed) {
    require(parsed.error().message.rfind("open-meteo: ", 0) == 0);
    return 0;
  }
  require(!parsed->empty());
  for (const HourlySeries& series : *parsed) {
    require(!series.times.empty());
    for (std::size_t i = 1; i < series.times.size(); ++i)
      require(series.times[i] - series.times[i - 1] == std::chrono::hours{1});
    for (const auto& column : series.columns)
      require(!column || column->size() == series.times.size());
  }
  return 0;
}
