#pragma once

#include <cstddef>
#include <optional>

#include "rules/observation.hpp"
#include "rules/time.hpp"

namespace riskwarn {

// The value of a column at an hour; nullopt when the column is absent, the value is null, or
// the hour is past the column's end.
// Inline: every hazard rule calls it for every hour of every county.
inline std::optional<double> value_at(const Column* column, std::size_t hour) {
  if (column == nullptr || hour >= column->size())
    return std::nullopt;
  return (*column)[hour];
}

// The value of a column at an hour as a pointer into the column, or nullptr where value_at
// gives nullopt. For hot loops: it avoids copying optionals through memory.
inline const double* value_ptr(const Column* column, std::size_t hour) {
  if (column == nullptr || hour >= column->size() || !(*column)[hour])
    return nullptr;
  return &*(*column)[hour];
}

// The same series moved in time so that its first hour is first_hour; values, the UTC offset
// and the spacing of the hours are kept. An empty series is returned unchanged.
HourlySeries shift_series(HourlySeries series, TimePoint first_hour);

}  // namespace riskwarn
