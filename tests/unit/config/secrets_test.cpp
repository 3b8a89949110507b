// Secrets come from files or $CREDENTIALS_DIRECTORY and never show up in a diagnostic.
#include <gtest/gtest.h>

#include "tests/unit/config/config_test_support.hpp"

namespace riskwarn::config {
namespace {

constexpr std::string_view kWrongFormatSecret = "s3cr3t-Zq7w-not-a-webhook-secret";

std::string webhook_with(std::string_view secret_line) {
  return "[channels.hook]\nkind = \"webhook\"\nurl = \"https://duty.example.cn/hook\"\n" +
         std::string(secret_line) + "\n";
}

const ChannelConfig& hook_of(const LoadResult& result) {
  return std::get<Config>(result).channels.at("hook");
}

TEST(Secrets, FileIsReadRelativeToTheConfigWithItsTrailingNewlineTrimmed) {
  const test::ConfigEnvironment environment;
  environment.dir().write("keys/hook.key", std::string(test::kWebhookSecret) + "\r\n");
  const LoadResult result = environment.parse(webhook_with("secret_file = \"keys/hook.key\""));
  ASSERT_TRUE(std::holds_alternative<Config>(result)) << environment.errors("")[0];
  ASSERT_TRUE(hook_of(result).secret.has_value());
  EXPECT_EQ(hook_of(result).secret->reveal(), test::kWebhookSecret);
}

TEST(Secrets, CredentialIsReadFromTheCredentialsDirectory) {
  const test::ConfigEnvironment environment;
  environment.add_credential("hook", std::string(test::kWebhookSecret) + "\n");
  const LoadResult result = environment.parse(webhook_with("secret_credential = \"hook\""));
  ASSERT_TRUE(std::holds_alternative<Config>(result));
  EXPECT_EQ(hook_of(result).secret->reveal(), test::kWebhookSecret);
}

TEST(Secrets, FeedApiKeyFromAFile) {
  const test::ConfigEnvironment environment;
  environment.dir().write("qweather.key", "abc123\n");
  const LoadResult result = environment.parse(
      "[feeds.qw]\nkind = \"qweather\"\nurl = \"https://devapi.qweather.com/v7/warning/now\"\n"
      "api_key_file = \"qweather.key\"\n");
  ASSERT_TRUE(std::holds_alternative<Config>(result));
  EXPECT_EQ(std::get<Config>(result).feeds.at("qw").api_key->reveal(), "abc123");
}

TEST(Secrets, CredentialWithoutCredentialsDirectory) {
  test::ConfigEnvironment environment;
  environment.options().credentials_directory.clear();
  EXPECT_EQ(environment.errors(webhook_with("secret_credential = \"hook\"")),
            std::vector<std::string>{
                "test.toml:4:21: channels.hook.secret_credential: credential \"hook\" cannot be "
                "read: $CREDENTIALS_DIRECTORY is not set"});
}

TEST(Secrets, MissingCredential) {
  const test::ConfigEnvironment environment;
  EXPECT_EQ(environment.errors(webhook_with("secret_credential = \"hook\"")),
            std::vector<std::string>{"test.toml:4:21: channels.hook.secret_credential: cannot "
                                     "read credential \"hook\": No such file or directory"});
}

TEST(Secrets, CredentialNameCannotLeaveTheDirectory) {
  const test::ConfigEnvironment environment;
  EXPECT_EQ(environment.errors(webhook_with("secret_credential = \"../test.toml\"")),
            std::vector<std::string>{"test.toml:4:21: channels.hook.secret_credential: "
                                     "\"../test.toml\" is not a credential name"});
}

TEST(Secrets, WrongFormatNamesTheFileButNotTheContent) {
  const test::ConfigEnvironment environment;
  environment.dir().write("hook.key", std::string(kWrongFormatSecret) + "\n");
  const auto errors = environment.errors(webhook_with("secret_file = \"hook.key\""));
  EXPECT_EQ(errors, std::vector<std::string>{
                        "test.toml:4:15: channels.hook.secret_file: the secret file "
                        "\"{dir}/hook.key\" is not a Standard Webhooks secret (\"whsec_\" "
                        "followed by base64)"});
}

TEST(Secrets, WrongFormatNamesTheCredentialButNotTheContent) {
  const test::ConfigEnvironment environment;
  environment.add_credential("hook", "whsec_not*base64!");
  EXPECT_EQ(environment.errors(webhook_with("secret_credential = \"hook\"")),
            std::vector<std::string>{
                "test.toml:4:21: channels.hook.secret_credential: the credential \"hook\" is not "
                "a Standard Webhooks secret (\"whsec_\" followed by base64)"});
}

TEST(Secrets, ContentNeverAppearsInAnyDiagnostic) {
  const test::ConfigEnvironment environment;
  environment.dir().write("hook.key", kWrongFormatSecret);
  environment.add_credential("key", kWrongFormatSecret);
  environment.dir().write("api.key", kWrongFormatSecret);
  // The same secret read as a webhook secret from a file and from a credential (wrong format
  // both times) and as an API key, next to errors that quote values.
  const std::string text =
      "[feeds.qw]\nkind = \"qweather\"\nurl = \"https://example.cn/\"\n"
      "api_key_file = \"api.key\"\napi_key_credential = \"key\"\nshift_to_now = true\n"
      "[channels.hook]\nkind = \"webhook\"\nurl = \"https://duty.example.cn/hook\"\n"
      "secret_file = \"hook.key\"\ntimeout = \"forever\"\n"
      "[channels.second]\nkind = \"webhook\"\nurl = \"https://duty.example.cn/2\"\n"
      "secret_credential = \"key\"\n";
  const LoadResult result = environment.parse(text);
  ASSERT_TRUE(std::holds_alternative<std::vector<Diagnostic>>(result));
  const auto& diagnostics = std::get<std::vector<Diagnostic>>(result);
  EXPECT_EQ(diagnostics.size(), 5u);
  for (const Diagnostic& diagnostic : diagnostics) {
    EXPECT_EQ(to_string(diagnostic).find(kWrongFormatSecret), std::string::npos)
        << to_string(diagnostic);
    EXPECT_EQ(to_string(diagnostic).find("s3cr3t"), std::string::npos) << to_string(diagnostic);
  }
}

}  // namespace
}  // namespace riskwarn::config
