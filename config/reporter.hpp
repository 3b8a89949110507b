#pragma once

// Internal to config/: collects diagnostics while a config is read. Includes toml++.

#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "config/load.hpp"

namespace riskwarn::config {

// Collects every problem found while loading, then hands them out in source order.
class Reporter {
 public:
  // default_path names the source when a toml++ region carries none.
  explicit Reporter(std::string default_path) : default_path_(std::move(default_path)) {}

  // Records "key_path: message" at the start of where (just message when key_path is empty).
  void error(const toml::source_region& where, std::string_view key_path, std::string_view message);

  // Records a problem with no position, e.g. a config file that cannot be read.
  void error_without_position(std::string_view message);

  bool has_errors() const { return !diagnostics_.empty(); }

  // The diagnostics grouped by file in order of first appearance, then by line and column.
  std::vector<Diagnostic> sorted() const;

 private:
  std::string default_path_;
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace riskwarn::config
