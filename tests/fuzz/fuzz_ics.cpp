// Fuzzes the iCalendar importer: no crash, no undefined behaviour, no runaway expansion, every
// error is "fuzz.ics:..." and every accepted file gives at most max_events well-formed events
// that meet the window, sorted.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "adapters/calendar/ics.hpp"

namespace {

void require(bool condition) {
  if (!condition)
    std::abort();
}

riskwarn::calendar::IcsOptions fuzz_options() {
  using namespace riskwarn;
  calendar::IcsOptions options;
  options.expand_window =
      DateRange{std::chrono::year{2026} / 1 / 1, std::chrono::year{2027} / 12 / 31};
  options.max_events = 500;
  // No zoneinfo reads: only the built-in zones and the file's own VTIMEZONEs resolve.
  options.zone_offset = [](std::string_view) -> Result<std::chrono::seconds> {
    return Error{"not looked up while fuzzing"};
  };
  return options;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace riskwarn;
  static const calendar::IcsOptions options = fuzz_options();
  const std::string_view text{reinterpret_cast<const char*>(data), size};
  const auto events = calendar::parse_ics(text, "fuzz.ics", options);
  if (!events) {
    require(events.error().message.rfind("fuzz.ics:", 0) == 0);
    return 0;
  }
  require(events->size() <= options.max_events);
  for (std::size_t i = 0; i < events->size(); ++i) {
    const LocalEvent& event = (*events)[i];
    require(event.dates.first.ok() && event.dates.last.ok());
    require(event.dates.first <= event.dates.last);
    require(event.dates.last >= options.expand_window.first &&
            event.dates.first <= options.expand_window.last);
    require(!event.uid.empty() && event.source == PeriodSource::ics);
    require(event.kind == "local_event" || event.kind == "local_two_sessions");
    require(i == 0 || (*events)[i - 1].dates.first <= event.dates.first);
  }
  return 0;
}
