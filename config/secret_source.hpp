#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "config/secret.hpp"
#include "rules/result.hpp"

namespace riskwarn::config {

// Reads a secret from a file. Trailing CR/LF are trimmed. Errors name the file and the reason
// (unreadable, empty, too large) and never contain any of its bytes.
Result<Secret> read_secret_file(const std::filesystem::path& path);

// Reads the systemd credential NAME from credentials_directory ($CREDENTIALS_DIRECTORY).
// Errors name the credential, never its content; an empty directory means it is not set.
Result<Secret> read_credential(std::string_view name, const std::string& credentials_directory);

}  // namespace riskwarn::config
