#include "config/file_text.hpp"
#include "config/message_text.hpp"
#include "config/sections.hpp"
#include "config/text_checks.hpp"

namespace riskwarn::config {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

constexpr std::int64_t kMinBytes = 1024;
constexpr std::int64_t kMaxBytes = 64 * 1024 * 1024;
constexpr std::string_view kFileScheme = "file://";
constexpr std::int64_t kMaxRetries = 10;
constexpr std::int64_t kMaxConcurrentRequests = 64;
constexpr std::int64_t kMaxBatchSize = 1000;

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
    reader.report("url", url_for_message(*url) + " is not an http://, https:// or file:// URL");
    return std::nullopt;
  }
  if (const auto problem = http_url_problem(*url)) {
    reader.report("url", *problem);
    return std::nullopt;
  }
  return url;
}

// ca_file: a readable CA bundle, for an https:// url only.
void read_ca_file(TableReader& reader, const LoadContext& context, FeedConfig& feed) {
  const auto ca_file = reader.nonempty_string("ca_file");
  if (!ca_file)
    return;
  if (!feed.url.starts_with("https://")) {
    reader.report("ca_file", "only used with an https:// url");
    return;
  }
  const auto path = resolve_against(context.base_directory, *ca_file);
  if (const std::string reason = unreadable_reason(path); !reason.empty()) {
    reader.report("ca_file", "cannot read " + in_quotes(path.string()) + ": " + reason);
    return;
  }
  feed.ca_file = path.string();
}

// How the feed's requests are made: TLS trust, retries, concurrency, batching, and how long
// its last good observations stand in for a failed poll.
void read_request_settings(TableReader& reader, const LoadContext& context, FeedConfig& feed) {
  read_ca_file(reader, context, feed);
  if (const auto retries = reader.integer("max_retries", 0, kMaxRetries))
    feed.max_retries = static_cast<int>(*retries);
  if (const auto delay = reader.duration("retry_base_delay", seconds(1), minutes(1)))
    feed.retry_base_delay = *delay;
  if (const auto limit = reader.integer("max_concurrent_requests", 1, kMaxConcurrentRequests))
    feed.max_concurrent_requests = static_cast<std::size_t>(*limit);
  if (const auto batch = reader.integer("batch_size", 1, kMaxBatchSize)) {
    if (feed.kind != FeedKind::open_meteo) {
      reader.report("batch_size", "only open-meteo feeds are batched");
    } else if (feed.url.starts_with(kFileScheme)) {
      reader.report("batch_size", "a file:// feed is never batched");
    }
    feed.batch_size = static_cast<std::size_t>(*batch);
  }
  if (const auto age = reader.duration("observation_max_age", minutes(10), hours(48)))
    feed.observation_max_age = *age;
}

// QWeather's JWT settings: jwt_key_id, jwt_project_id and jwt_private_key_file or
// jwt_private_key_credential, all or none, for a qweather feed, instead of an API key.
void read_jwt(TableReader& reader, const toml::table& table, const LoadContext& context,
              FeedConfig& feed) {
  auto key_id = reader.nonempty_string("jwt_key_id");
  auto project_id = reader.nonempty_string("jwt_project_id");
  auto private_key = read_secret_setting(reader, "jwt_private_key", context);
  const bool any = key_id || project_id || private_key || table.contains("jwt_private_key_file") ||
                   table.contains("jwt_private_key_credential");
  if (!any)
    return;
  if (feed.kind != FeedKind::qweather) {
    reader.report(key_id       ? "jwt_key_id"
                  : project_id ? "jwt_project_id"
                               : "jwt_private_key_file",
                  "JWT authentication is only for qweather feeds");
    return;
  }
  if (feed.api_key || table.contains("api_key_file") || table.contains("api_key_credential")) {
    reader.report(key_id ? "jwt_key_id" : "jwt_project_id",
                  "use either an API key or the jwt_* settings, not both");
    return;
  }
  const bool key_setting = private_key || table.contains("jwt_private_key_file") ||
                           table.contains("jwt_private_key_credential");
  if (!key_id || !project_id || !key_setting) {
    reader.report(key_id       ? "jwt_key_id"
                  : project_id ? "jwt_project_id"
                               : "jwt_private_key_file",
                  "JWT authentication needs jwt_key_id, jwt_project_id and "
                  "jwt_private_key_file or jwt_private_key_credential");
    return;
  }
  if (!private_key)
    return;  // why it could not be read is already reported
  feed.jwt =
      JwtCredentials{std::move(*key_id), std::move(*project_id), std::move(private_key->secret)};
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
  read_jwt(reader, table, context, feed);
  read_request_settings(reader, context, feed);
  const bool over_network = !feed.url.empty() && !feed.url.starts_with(kFileScheme);
  const bool has_key =
      feed.api_key || table.contains("api_key_file") || table.contains("api_key_credential");
  const bool has_jwt = feed.jwt || table.contains("jwt_key_id");
  if (feed.kind == FeedKind::qweather && over_network && !has_key && !has_jwt) {
    context.reporter.error(table.source(), path,
                           "a qweather feed over http(s) needs api_key_file or "
                           "api_key_credential, or the jwt_* settings");
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
