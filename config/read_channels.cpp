#include "config/file_text.hpp"
#include "config/message_text.hpp"
#include "config/sections.hpp"
#include "config/text_checks.hpp"

namespace riskwarn::config {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

std::optional<ChannelKind> parse_channel_kind(std::string_view text) {
  if (text == "webhook")
    return ChannelKind::webhook;
  if (text == "console")
    return ChannelKind::console;
  return std::nullopt;
}

void read_webhook(TableReader& reader, ChannelConfig& channel, const LoadContext& context) {
  if (auto url = reader.nonempty_string("url", Presence::required)) {
    if (const auto problem = http_url_problem(*url)) {
      reader.report("url", *problem);
    } else {
      channel.url = std::move(*url);
    }
  }
  if (auto secret = read_secret_setting(reader, "secret", context)) {
    if (is_standard_webhooks_secret(secret->secret.reveal())) {
      channel.secret = std::move(secret->secret);
    } else {
      reader.report(secret->key, "the " + secret->origin +
                                     " is not a Standard Webhooks secret (\"whsec_\" followed by "
                                     "base64)");
    }
  }
  if (const auto timeout = reader.duration("timeout", seconds(1), minutes(5))) {
    channel.timeout = *timeout;
  }
}

void read_console(TableReader& reader, ChannelConfig& channel, const LoadContext& context) {
  if (const auto path = reader.string("path"); path && !path->empty()) {
    channel.path = resolve_against(context.base_directory, *path).string();
  }
}

ChannelConfig read_channel(const std::string& name, const toml::table& table,
                           const std::string& path, const LoadContext& context) {
  TableReader reader(table, path, context.reporter);
  ChannelConfig channel;
  channel.name = name;
  const auto kind_text = reader.string("kind", Presence::required);
  const auto kind = kind_text ? parse_channel_kind(*kind_text) : std::nullopt;
  if (kind_text && !kind) {
    reader.report("kind", "unknown channel kind " + in_quotes(*kind_text) +
                              "; expected one of: webhook, console");
  }
  if (kind) {
    channel.kind = *kind;
    if (*kind == ChannelKind::webhook)
      read_webhook(reader, channel, context);
    if (*kind == ChannelKind::console)
      read_console(reader, channel, context);
    reader.report_unknown_keys();  // only meaningful once the kind's keys are known
  }
  return channel;
}

}  // namespace

std::map<std::string, ChannelConfig> read_channels(const toml::table& table,
                                                   const LoadContext& context) {
  std::map<std::string, ChannelConfig> channels;
  for (const auto& [key, node] : table) {
    const std::string name(key.str());
    const std::string path = child_path("channels", name);
    if (!is_plain_name(name)) {
      context.reporter.error(key.source(), path,
                             "a channel name may contain only letters, digits, \"_\" and \"-\"");
      continue;
    }
    if (const toml::table* channel = as_table_or_report(node, path, context.reporter)) {
      channels.emplace(name, read_channel(name, *channel, path, context));
    }
  }
  return channels;
}

}  // namespace riskwarn::config
