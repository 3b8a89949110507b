#pragma once

#include <string_view>
#include <vector>

namespace riskwarn::config {

// A file compiled into the binary: its source path (for messages) and its text.
struct EmbeddedFile {
  std::string_view path;
  std::string_view text;
};

// The default sector rule files from rules/defaults/, in name order.
const std::vector<EmbeddedFile>& default_rule_files();

}  // namespace riskwarn::config
