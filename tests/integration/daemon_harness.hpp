#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "rules/time.hpp"
#include "tests/support/temp_dir.hpp"

namespace riskwarn::test {

// The recorded Open-Meteo fog fixture with its timeline moved so that its hour `index` is the
// current hour in Asia/Shanghai: a feed that forecasts the fixture's fog from now on.
std::string fog_forecast_aligned_to_now(int index);

// Runs one SQL query on a database file and returns the first column of every row as text.
std::vector<std::string> query_column(const std::filesystem::path& db, const std::string& sql);

}  // namespace riskwarn::test
