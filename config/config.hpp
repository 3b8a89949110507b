#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "config/secret.hpp"
#include "rules/calendar/calendar_inputs.hpp"
#include "rules/level.hpp"
#include "rules/match/rule.hpp"
#include "rules/thresholds.hpp"

namespace riskwarn::config {

// [daemon]: process-wide settings.
struct DaemonSettings {
  std::string state_dir = "/var/lib/riskwarn";  // $STATE_DIRECTORY wins when set
  std::string listen = "127.0.0.1:8787";        // HTTP API address
  std::chrono::seconds poll_interval{600};
  std::string log_level = "info";  // trace, debug, info, warn, error, critical, off
  std::string public_url;          // base of ack links; empty disables them
  int resolve_after_polls = 3;     // consecutive polls without the trigger before resolving
  int max_delivery_attempts = 8;   // attempts before a notification is dead
};

enum class FeedKind { open_meteo, qweather, cap };

// QWeather's JWT authentication (Console → Project → Credential): an Ed25519 key.
struct JwtCredentials {
  std::string key_id;      // the credential ID (the JWT's kid)
  std::string project_id;  // the project ID (the JWT's sub)
  Secret private_key_pem;  // PKCS#8 PEM
};

// [feeds.NAME]: one weather source.
struct FeedConfig {
  std::string name;
  FeedKind kind = FeedKind::open_meteo;
  std::string url;  // http(s) base URL, or "file://" + a path (relative paths in the config are
                    // resolved against its directory) for the demo and replays
  std::chrono::milliseconds connect_timeout{10000};
  std::chrono::milliseconds timeout{30000};
  std::size_t max_bytes = 8 * 1024 * 1024;
  bool shift_to_now =
      false;  // file:// only: replay the series from the hour the daemon first polls
  std::optional<Secret> api_key;
  std::optional<JwtCredentials> jwt;                   // qweather only; instead of api_key
  std::string ca_file;                                 // http(s): CA bundle; empty = system's
  int max_retries = 2;                                 // per request and poll, on transient errors
  std::chrono::milliseconds retry_base_delay{2000};    // first backoff; doubled per retry
  std::size_t max_concurrent_requests = 4;             // requests of this feed on the wire at once
  std::size_t batch_size = 50;                         // open-meteo http(s): counties per request
  std::chrono::seconds observation_max_age{6 * 3600};  // how long the last good data stands in
};

enum class ChannelKind { webhook, console };

// [channels.NAME]: one way of delivering messages.
struct ChannelConfig {
  std::string name;
  ChannelKind kind = ChannelKind::webhook;
  std::string url;               // webhook endpoint
  std::optional<Secret> secret;  // webhook: whsec_ signing secret
  std::chrono::milliseconds timeout{15000};
  std::string path;  // console: file to append to; empty is stdout
};

// [calendar]: holiday sources and the dates only a person can supply. Every path in the loaded
// Config that was relative in the file is resolved against the file's directory. The files are
// only checked for readability here; adapters/calendar parses them.
struct CalendarSources {
  std::vector<std::string> holiday_files;  // holiday-cn JSON
  std::vector<std::string> ics_files;      // iCalendar local events
  std::map<int, DateRange> chunyun;        // [calendar.chunyun]: a year's announced 春运 dates
  std::map<int, DateRange> two_sessions;   // [calendar.two_sessions]: CPPCC opening..NPC closing
  std::vector<LocalEvent> events;          // [[calendar.events]], source config, in file order
  InspectionCampaign inspection;           // inspection_days_before_* (0 disables)
};

// A person who receives messages for a department.
struct Contact {
  std::string name;
  std::string phone;
  std::string email;
};

// [counties.departments.ROLE]: the department that carries a role in a county.
struct Department {
  std::string role;
  std::string name;
  std::vector<Contact> contacts;
  std::vector<std::string> channels;    // channel names, in fallback order
  std::vector<std::string> escalation;  // roles to escalate to, in order
};

// [[counties]]: one county-level division and its departments.
struct County {
  std::string code;  // 6-digit administrative code
  std::string name;
  double latitude = 0;
  double longitude = 0;
  std::string timezone = "Asia/Shanghai";
  std::chrono::seconds utc_offset{8 * 3600};  // the zone's fixed offset, read from its TZif file
  std::vector<std::string> feeds;             // feed names polled for this county
  Thresholds thresholds;  // national defaults with this county's overrides applied
  std::map<std::string, Department> departments;  // by role
};

// The whole validated configuration. Immutable once loaded; a reload builds a new one.
struct Config {
  std::string source_path;
  DaemonSettings daemon;
  std::map<std::string, FeedConfig> feeds;
  std::map<std::string, ChannelConfig> channels;
  CalendarSources calendar;
  Thresholds national;
  std::vector<County> counties;
  std::vector<Rule> rules;  // default rules plus the config's own, after county-independent checks
};

}  // namespace riskwarn::config
