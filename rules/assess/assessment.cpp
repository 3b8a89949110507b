#include "rules/assess/assessment.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstddef>

namespace riskwarn {
namespace {

constexpr std::array<Level, 5> kLevelsDescending{Level::red, Level::orange, Level::yellow,
                                                 Level::blue, Level::notice};

std::size_t lead_window_hours(const LeadWindows& lead, Level level) {
  int hours = 0;
  switch (level) {
    case Level::blue:
      hours = lead.blue;
      break;
    case Level::yellow:
      hours = lead.yellow;
      break;
    case Level::orange:
      hours = lead.orange;
      break;
    case Level::red:
      hours = lead.red;
      break;
    case Level::none:
    case Level::notice:
      hours = 0;
      break;
  }
  return static_cast<std::size_t>(std::max(hours, 0));
}

}  // namespace

Level HazardAssessment::max_level() const {
  const auto highest = std::max_element(signal.begin(), signal.end());
  return highest == signal.end() ? Level::none : *highest;
}

std::vector<Span> to_spans(const std::vector<TimePoint>& times, const std::vector<Level>& levels) {
  std::vector<Span> spans;
  const std::size_t count = std::min(times.size(), levels.size());
  for (std::size_t i = 0; i < count; ++i) {
    if (levels[i] == Level::none)
      continue;
    if (i > 0 && levels[i - 1] == levels[i]) {
      spans.back().end = times[i];
    } else {
      spans.push_back(Span{levels[i], times[i], times[i]});
    }
  }
  return spans;
}

std::vector<Level> signal_from_intensity(const std::vector<Level>& intensity,
                                         const LeadWindows& lead) {
  const std::size_t count = intensity.size();
  std::vector<Level> signal(count, Level::none);
  for (const Level level : kLevelsDescending) {
    const std::size_t window = lead_window_hours(lead, level);
    // Scanning backwards, `next` is the first hour at or after i whose intensity reaches level.
    std::size_t next = count;
    for (std::size_t i = count; i-- > 0;) {
      if (intensity[i] >= level)
        next = i;
      if (signal[i] == Level::none && next < count && next - i <= window)
        signal[i] = level;
    }
  }
  return signal;
}

std::optional<HazardSignal> signal_at(const HazardAssessment& assessment,
                                      const std::vector<TimePoint>& times, TimePoint now) {
  const std::size_t count =
      std::min({times.size(), assessment.signal.size(), assessment.intensity.size()});
  if (!assessment.evaluated || count == 0)
    return std::nullopt;

  const auto after_now = std::upper_bound(times.begin(), times.begin() + count, now);
  if (after_now == times.begin())
    return std::nullopt;
  const auto hour = static_cast<std::size_t>(after_now - times.begin()) - 1;
  if (now >= times[hour] + std::chrono::hours{1})
    return std::nullopt;

  const Level level = assessment.signal[hour];
  if (level == Level::none)
    return std::nullopt;

  // The signal guarantees an hour at or after `hour` whose intensity reaches the level.
  std::size_t first = hour;
  while (first < count && assessment.intensity[first] < level)
    ++first;
  if (first == count)
    return std::nullopt;
  while (first > 0 && assessment.intensity[first - 1] >= level)
    --first;
  std::size_t last = first;
  while (last + 1 < count && assessment.intensity[last + 1] >= level)
    ++last;

  return HazardSignal{assessment.hazard, level, times[first], times[last], "derived"};
}

}  // namespace riskwarn
