#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <vector>

#include "rules/observation.hpp"

namespace riskwarn::test {

// 2026-01-10T00:00 at UTC+8, the first hour of every synthetic series.
inline const TimePoint kSeriesStart =
    std::chrono::sys_days{std::chrono::year{2026} / 1 / 10} - std::chrono::hours{8};

// The n-th hour of a synthetic series.
inline TimePoint series_hour(int n) {
  return kSeriesStart + std::chrono::hours{n};
}

// A synthetic hourly series at UTC+8 with the columns a test sets.
struct SeriesBuilder {
  HourlySeries series;

  explicit SeriesBuilder(std::size_t hours) {
    series.utc_offset = std::chrono::hours{8};
    for (std::size_t i = 0; i < hours; ++i)
      series.times.push_back(series_hour(static_cast<int>(i)));
  }

  // Sets a whole column (shorter columns are padded with the last value, or null when empty).
  SeriesBuilder& set(Variable v, Column values) {
    values.resize(series.times.size(), values.empty() ? std::nullopt : values.back());
    series.columns[static_cast<std::size_t>(v)] = std::move(values);
    return *this;
  }
  // Sets one column to the same value at every hour.
  SeriesBuilder& fill(Variable v, std::optional<double> value) {
    return set(v, Column(series.times.size(), value));
  }
  // Sets one value of a column already set.
  SeriesBuilder& at(Variable v, std::size_t hour, std::optional<double> value) {
    (*series.columns[static_cast<std::size_t>(v)])[hour] = value;
    return *this;
  }
};

}  // namespace riskwarn::test
