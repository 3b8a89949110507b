#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "rules/time.hpp"

namespace riskwarn::weather::test {

// The bytes of tests/fixtures/<folder>/<name>; empty (and a test failure) when unreadable.
inline std::string read_official_fixture(const std::string& folder, const std::string& name) {
  const std::string path = std::string{RISKWARN_FIXTURES_DIR} + "/" + folder + "/" + name;
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << "cannot read " << path;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// An ISO 8601 time with offset as UTC; a test failure when it does not parse.
inline TimePoint at(const char* text) {
  const auto t = parse_iso8601(text);
  EXPECT_TRUE(t) << text;
  return t.value_or(TimePoint{});
}

// text with every occurrence of from replaced by to; a test failure when from is absent.
inline std::string replaced(std::string text, const std::string& from, const std::string& to) {
  EXPECT_NE(text.find(from), std::string::npos) << "fixture lacks: " << from;
  for (std::size_t pos = text.find(from); pos != std::string::npos;
       pos = text.find(from, pos + to.size())) {
    text.replace(pos, from.size(), to);
  }
  return text;
}

}  // namespace riskwarn::weather::test
