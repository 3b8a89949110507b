#include "config/reporter.hpp"

#include <algorithm>
#include <tuple>

namespace riskwarn::config {

void Reporter::error(const toml::source_region& where, std::string_view key_path,
                     std::string_view message) {
  Diagnostic diagnostic;
  diagnostic.path = where.path ? *where.path : default_path_;
  diagnostic.line = static_cast<int>(where.begin.line);
  diagnostic.column = static_cast<int>(where.begin.column);
  diagnostic.message =
      key_path.empty() ? std::string(message) : std::string(key_path) + ": " + std::string(message);
  diagnostics_.push_back(std::move(diagnostic));
}

void Reporter::error_without_position(std::string_view message) {
  diagnostics_.push_back(Diagnostic{default_path_, 0, 0, std::string(message)});
}

std::vector<Diagnostic> Reporter::sorted() const {
  std::vector<std::string> files;
  for (const Diagnostic& diagnostic : diagnostics_) {
    if (std::find(files.begin(), files.end(), diagnostic.path) == files.end()) {
      files.push_back(diagnostic.path);
    }
  }
  const auto file_rank = [&files](const Diagnostic& diagnostic) {
    return std::find(files.begin(), files.end(), diagnostic.path) - files.begin();
  };
  std::vector<Diagnostic> result = diagnostics_;
  std::stable_sort(result.begin(), result.end(),
                   [&file_rank](const Diagnostic& a, const Diagnostic& b) {
                     return std::tuple(file_rank(a), a.line, a.column) <
                            std::tuple(file_rank(b), b.line, b.column);
                   });
  return result;
}

}  // namespace riskwarn::config
