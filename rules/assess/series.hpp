#pragma once

#include <cstddef>
#include <optional>

#include "rules/observation.hpp"
#include "rules/time.hpp"

namespace riskwarn {

// The value of a column at an hour; nullopt when the column is absent, the value is null, or
// the hour is past the column's end.
std::optional<double> value_at(const Column* column, std::size_t hour);

// The same series moved in time so that its first hour is first_hour; values, the UTC offset
// and the spacing of the hours are kept. An empty series is returned unchanged.
HourlySeries shift_series(HourlySeries series, TimePoint first_hour);

}  // namespace riskwarn
