#include "config/file_text.hpp"

#include <array>
#include <cerrno>
#include <cstdio>
#include <memory>
#include <system_error>

namespace riskwarn::config {
namespace {

struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

std::string system_reason(int error) {
  return std::generic_category().message(error);
}

}  // namespace

Result<std::string> read_file_text(const std::filesystem::path& path, std::size_t max_bytes) {
  errno = 0;
  const File file{std::fopen(path.c_str(), "rb")};
  if (!file)
    return Error{system_reason(errno)};
  std::string text;
  std::array<char, 4096> buffer;
  while (true) {
    const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), file.get());
    if (text.size() + n > max_bytes) {
      return Error{"larger than " + std::to_string(max_bytes) + " bytes"};
    }
    text.append(buffer.data(), n);
    if (n < buffer.size())
      break;
  }
  if (std::ferror(file.get()))
    return Error{system_reason(errno)};
  return text;
}

std::string unreadable_reason(const std::filesystem::path& path) {
  errno = 0;
  const File file{std::fopen(path.c_str(), "rb")};
  if (!file)
    return system_reason(errno);
  std::fgetc(file.get());
  if (std::ferror(file.get()))
    return system_reason(errno);
  return {};
}

bool file_starts_with(const std::filesystem::path& path, std::string_view prefix) {
  const File file{std::fopen(path.c_str(), "rb")};
  if (!file)
    return false;
  std::string head(prefix.size(), '\0');
  return std::fread(head.data(), 1, head.size(), file.get()) == head.size() && head == prefix;
}

std::filesystem::path resolve_against(const std::filesystem::path& base,
                                      const std::filesystem::path& path) {
  if (path.is_absolute() || base.empty())
    return path;
  return (base / path).lexically_normal();
}

}  // namespace riskwarn::config
