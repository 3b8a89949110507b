#include "config/file_text.hpp"
#include "config/message_text.hpp"
#include "config/secret_source.hpp"
#include "config/sections.hpp"

namespace riskwarn::config {

std::optional<SecretSetting> read_secret_setting(TableReader& reader, std::string_view stem,
                                                 const LoadContext& context) {
  const std::string file_key = std::string(stem) + "_file";
  const std::string credential_key = std::string(stem) + "_credential";
  reader.forbid(stem, "secrets are not accepted inline; put it in a file and set " + file_key +
                          ", or name a systemd credential with " + credential_key);
  const auto file = reader.nonempty_string(file_key);
  const auto credential = reader.nonempty_string(credential_key);
  if (file && credential) {
    reader.report(credential_key,
                  "set either " + file_key + " or " + credential_key + ", not both");
    return std::nullopt;
  }
  if (file) {
    const auto path = resolve_against(context.base_directory, *file);
    auto secret = read_secret_file(path);
    if (!secret) {
      reader.report(file_key, secret.error().message);
      return std::nullopt;
    }
    return SecretSetting{std::move(*secret), file_key, "secret file " + in_quotes(path.string())};
  }
  if (credential) {
    auto secret = read_credential(*credential, context.options.credentials_directory);
    if (!secret) {
      reader.report(credential_key, secret.error().message);
      return std::nullopt;
    }
    return SecretSetting{std::move(*secret), credential_key,
                         "credential " + in_quotes(*credential)};
  }
  return std::nullopt;
}

}  // namespace riskwarn::config
