#include "config/secret_source.hpp"

#include <algorithm>

#include "config/file_text.hpp"
#include "config/message_text.hpp"

namespace riskwarn::config {
namespace {

constexpr std::size_t kMaxSecretBytes = 64 * 1024;

void trim_line_ends(std::string& text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
    text.pop_back();
}

// systemd credential names are file names: no "/", not "." or "..", no control characters.
bool is_credential_name(std::string_view name) {
  return !name.empty() && name.size() <= 255 && name != "." && name != ".." &&
         std::none_of(name.begin(), name.end(),
                      [](char c) { return c == '/' || static_cast<unsigned char>(c) < 0x20; });
}

}  // namespace

Result<Secret> read_secret_file(const std::filesystem::path& path) {
  auto text = read_file_text(path, kMaxSecretBytes);
  const std::string name = in_quotes(path.string());
  if (!text)
    return Error{"cannot read secret file " + name + ": " + text.error().message};
  std::string value = std::move(text).value();
  trim_line_ends(value);
  if (value.empty())
    return Error{"secret file " + name + " is empty"};
  return Secret(std::move(value));
}

Result<Secret> read_credential(std::string_view name, const std::string& credentials_directory) {
  const std::string label = "credential " + in_quotes(name);
  if (!is_credential_name(name))
    return Error{in_quotes(name) + " is not a credential name"};
  if (credentials_directory.empty()) {
    return Error{label + " cannot be read: $CREDENTIALS_DIRECTORY is not set"};
  }
  auto text = read_file_text(std::filesystem::path(credentials_directory) / name, kMaxSecretBytes);
  if (!text)
    return Error{"cannot read " + label + ": " + text.error().message};
  std::string value = std::move(text).value();
  trim_line_ends(value);
  if (value.empty())
    return Error{label + " is empty"};
  return Secret(std::move(value));
}

}  // namespace riskwarn::config
