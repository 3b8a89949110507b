#include "rules/assess/series.hpp"

namespace riskwarn {

HourlySeries shift_series(HourlySeries series, TimePoint first_hour) {
  if (series.times.empty())
    return series;
  const auto offset = first_hour - series.times.front();
  for (TimePoint& t : series.times)
    t += offset;
  return series;
}

}  // namespace riskwarn
