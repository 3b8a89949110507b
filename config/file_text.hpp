#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "rules/result.hpp"

namespace riskwarn::config {

// The whole content of the file at path, at most max_bytes. The error message is the system's
// reason ("No such file or directory") or "larger than N bytes"; it never quotes the content.
Result<std::string> read_file_text(const std::filesystem::path& path, std::size_t max_bytes);

// Why the file at path cannot be opened and read (the system's reason), or "" when it can.
std::string unreadable_reason(const std::filesystem::path& path);

// True when the file at path can be read and its first bytes are prefix.
bool file_starts_with(const std::filesystem::path& path, std::string_view prefix);

// path itself when absolute or base is empty, else base / path.
std::filesystem::path resolve_against(const std::filesystem::path& base,
                                      const std::filesystem::path& path);

}  // namespace riskwarn::config
