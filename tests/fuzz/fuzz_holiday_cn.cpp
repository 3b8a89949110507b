// Fuzzes the holiday-cn JSON importer: no crash, no undefined behaviour, every error names the
// source, and every accepted file gives sorted, distinct days of its notice's year (or the
// December before).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "adapters/calendar/holiday_cn.hpp"

namespace {

void require(bool condition) {
  if (!condition)
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace riskwarn;
  const std::string_view text{reinterpret_cast<const char*>(data), size};
  const auto days = calendar::parse_holiday_cn(text, "fuzz.json");
  if (!days) {
    require(days.error().message.rfind("fuzz.json:", 0) == 0);
    return 0;
  }
  for (std::size_t i = 0; i < days->size(); ++i) {
    const OfficialDay& day = (*days)[i];
    require(day.date.ok() && !day.name.empty());
    require(i == 0 || (*days)[i - 1].date < day.date);
  }
  if (!days->empty()) {
    const auto span = days->back().date.year() - days->front().date.year();
    require(span <= std::chrono::years{1});
  }
  return 0;
}
