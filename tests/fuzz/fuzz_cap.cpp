// Fuzzes the CAP 1.2 parser, the Atom/RSS index parser and the county matching on whatever the
// parser accepts: no crash, no undefined behaviour, and the warnings keep their invariants.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "adapters/weather/cap.hpp"
#include "adapters/weather/cap_index.hpp"
#include "rules/time.hpp"

namespace {

void require(bool condition) {
  if (!condition)
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace riskwarn;
  const std::string_view xml{reinterpret_cast<const char*>(data), size};

  const Result<std::vector<std::string>> index = weather::parse_cap_index(xml);
  if (!index) {
    require(index.error().message.rfind("cap index: ", 0) == 0);
  } else {
    for (const std::string& url : *index)
      require(!url.empty());
  }

  const Result<std::vector<weather::CapAlert>> alerts = weather::parse_cap(xml);
  if (!alerts) {
    require(alerts.error().message.rfind("cap: ", 0) == 0);
    return 0;
  }
  const TimePoint now = parse_iso8601("2026-02-14T08:30:00+08:00").value();
  for (const OfficialWarning& warning :
       weather::cap_warnings_for(*alerts, "130123", 38.15, 114.57, now)) {
    require(warning.source_format == "cap");
    require(warning.level >= Level::blue && warning.level <= Level::red);
    require(!warning.end || now < *warning.end);
  }
  return 0;
}
