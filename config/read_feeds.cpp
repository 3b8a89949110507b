#include "config/file_text.hpp"
#include "config/message_text.hpp"
#include "config/sections.hpp"
#include "config/text_checks.hpp"

namespace riskwarn::config {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

constexpr std::int64_t kMinBytes = 1024;
constexpr std::int64_t kMaxBytes = 64 * 1024 * 1024;
constexpr std::string_view kFileScheme = "file://";

std::optional<FeedKind> parse_feed_kind(std::string_view text) {
  if (text == "open-meteo")
    return FeedKind::open_meteo;
  if (text == "qweather")
    return FeedKind::qweather;
  if (text == "cap")
    return FeedKind::cap;
  return std::nullopt;
}

// The feed's url: http(s) as written, or file:// with a path resolved against the config's
// directory. Nullopt after reporting when it is neither.
std::optional<std::string> read_feed_url(TableReader& reader, const LoadContext& context) {
  const auto url = reader.nonempty_string("url", Presence::required);
  if (!url)
    return std::nullopt;
  if (url->starts_with(kFileScheme)) {
    const std::string_view path = std::string_view(*url).substr(kFileScheme.size());
    if (path.empty()) {
      reader.report("url", in_quotes(*url) + " names no file");
      return std::nullopt;
    }
    return std::string(kFileScheme) + resolve_against(context.base_directory, path).string();
  }
  if (!url->starts_with("http://") && !url->starts_with("https://")) {
    reader.report("url", in_quotes(*url) + " is not an http://, https:// or file:// URL");
    return std::nullopt;
  }
  if (const auto problem = http_url_problem(*url)) {
    reader.report("url", *problem);
    return std::nullopt;
  }
  return url;
}

FeedConfig read_feed(const std::string& name, const toml::table& table, const std::string& path,
                     const LoadContext& context) {
  TableReader reader(table, path, context.reporter);
  FeedConfig feed;
  feed.name = name;
  if (const auto kind = reader.string("kind", Presence::required)) {
    if (const auto parsed = parse_feed_kind(*kind)) {
      feed.kind = *parsed;
    } else {
      reader.report("kind", "unknown feed kind " + in_quotes(*kind) +
                                "; expected one of: open-meteo, qweather, cap");
    }
  }
  if (auto url = read_feed_url(reader, context))
    feed.url = std::move(*url);
  if (const auto timeout = reader.duration("timeout", seconds(1), minutes(5))) {
    feed.timeout = *timeout;
  }
  if (const auto timeout = reader.duration("connect_timeout", seconds(1), minutes(5))) {
    feed.connect_timeout = *timeout;
  }
  if (const auto max_bytes = reader.integer("max_bytes", kMinBytes, kMaxBytes)) {
    feed.max_bytes = static_cast<std::size_t>(*max_bytes);
  }
  if (const auto shift = reader.boolean("shift_to_now")) {
    if (*shift && !feed.url.starts_with(kFileScheme)) {
      reader.report("shift_to_now", "only allowed with a file:// url");
    }
    feed.shift_to_now = *shift;
  }
  if (auto key = read_secret_setting(reader, "api_key", context)) {
    feed.api_key = std::move(key->secret);
  }
  const bool over_network = !feed.url.empty() && !feed.url.starts_with(kFileScheme);
  if (feed.kind == FeedKind::qweather && over_network && !feed.api_key &&
      !table.contains("api_key_file") && !table.contains("api_key_credential")) {
    context.reporter.error(table.source(), path,
                           "a qweather feed over http(s) needs api_key_file or "
                           "api_key_credential");
  }
  reader.report_unknown_keys();
  return feed;
}

}  // namespace

std::map<std::string, FeedConfig> read_feeds(const toml::table& table, const LoadContext& context) {
  std::map<std::string, FeedConfig> feeds;
  for (const auto& [key, node] : table) {
    const std::string name(key.str());
    const std::string path = child_path("feeds", name);
    if (!is_plain_name(name)) {
      context.reporter.error(key.source(), path,
                             "a feed name may contain only letters, digits, \"_\" and \"-\"");
      continue;
    }
    if (const toml::table* feed = as_table_or_report(node, path, context.reporter)) {
      feeds.emplace(name, read_feed(name, *feed, path, context));
    }
  }
  return feeds;
}

}  // namespace riskwarn::config
