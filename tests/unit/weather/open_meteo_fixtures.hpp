#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "adapters/weather/open_meteo.hpp"
#include "rules/observation.hpp"
#include "rules/time.hpp"

namespace riskwarn::weather::test {

inline constexpr std::chrono::seconds kBeijing{8 * 3600};

// The bytes of tests/fixtures/weather/<name>; empty (and a test failure) when unreadable.
inline std::string read_fixture(const std::string& name) {
  const std::string path = std::string{RISKWARN_FIXTURES_DIR} + "/weather/" + name;
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << "cannot read " << path;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// A fixture parsed with the real parser; an empty series (and a test failure) on error.
inline HourlySeries parse_fixture(const std::string& name) {
  Result<HourlySeries> parsed = parse_open_meteo(read_fixture(name));
  EXPECT_TRUE(parsed) << name << ": " << (parsed ? "" : parsed.error().message);
  return parsed ? std::move(parsed).value() : HourlySeries{};
}

// A Beijing local wall time "YYYY-MM-DDTHH:MM" as UTC.
inline TimePoint beijing(const char* text) {
  const auto t = parse_local_minutes(text, kBeijing);
  EXPECT_TRUE(t) << text;
  return t.value_or(TimePoint{});
}

}  // namespace riskwarn::weather::test
