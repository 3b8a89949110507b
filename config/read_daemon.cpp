#include <algorithm>
#include <array>

#include "config/file_text.hpp"
#include "config/message_text.hpp"
#include "config/sections.hpp"
#include "config/text_checks.hpp"

namespace riskwarn::config {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

constexpr std::array<std::string_view, 7> kLogLevels{"trace", "debug",    "info", "warn",
                                                     "error", "critical", "off"};

}  // namespace

DaemonSettings read_daemon(const toml::table& table, const LoadContext& context) {
  TableReader reader(table, "daemon", context.reporter);
  DaemonSettings settings;
  if (auto state_dir = reader.nonempty_string("state_dir")) {
    settings.state_dir = resolve_against(context.base_directory, *state_dir).string();
  }
  if (auto listen = reader.string("listen")) {
    if (const auto problem = host_port_problem(*listen)) {
      reader.report("listen", *problem);
    } else {
      settings.listen = *listen;
    }
  }
  if (const auto interval = reader.duration("poll_interval", minutes(1), hours(24))) {
    settings.poll_interval = *interval;
  }
  if (auto level = reader.string("log_level")) {
    if (std::find(kLogLevels.begin(), kLogLevels.end(), *level) == kLogLevels.end()) {
      reader.report("log_level", "unknown log level " + in_quotes(*level) +
                                     "; expected one of: trace, debug, info, warn, error, "
                                     "critical, off");
    } else {
      settings.log_level = *level;
    }
  }
  if (auto public_url = reader.string("public_url")) {
    if (const auto problem = public_url->empty() ? std::nullopt : http_url_problem(*public_url)) {
      reader.report("public_url", *problem);
    } else {
      settings.public_url = *public_url;
    }
  }
  if (const auto polls = reader.integer("resolve_after_polls", 1, 100)) {
    settings.resolve_after_polls = static_cast<int>(*polls);
  }
  if (const auto attempts = reader.integer("max_delivery_attempts", 1, 100)) {
    settings.max_delivery_attempts = static_cast<int>(*attempts);
  }
  reader.report_unknown_keys();
  return settings;
}

}  // namespace riskwarn::config
