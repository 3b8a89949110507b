#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace riskwarn::test {

// A fresh directory under the system temp dir, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

  // Writes text to a file under the directory and returns its full path.
  std::filesystem::path write(std::string_view name, std::string_view text) const;

 private:
  std::filesystem::path path_;
};

// The text of a file; fails the current test when it cannot be read.
std::string read_file(const std::filesystem::path& path);

// The path of a fixture under tests/fixtures.
std::filesystem::path fixture(std::string_view relative);

}  // namespace riskwarn::test
