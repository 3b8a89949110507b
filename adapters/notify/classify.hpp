#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "adapters/http/http_types.hpp"
#include "adapters/notify/channel.hpp"
#include "rules/time.hpp"

namespace riskwarn::notify {

// The longest server-requested delay honoured; a longer Retry-After is cut to this.
inline constexpr std::chrono::seconds kMaxRetryAfter{3600};

// Classifies an HTTP attempt the way Alertmanager's notify.Retrier does:
// - transport error or timeout: retryable (a malformed or unsupported URL: permanent);
// - 2xx: delivered;
// - 408, 425, 429 and 5xx: retryable, with Retry-After (capped at kMaxRetryAfter);
// - anything else (3xx, other 4xx): permanent.
// The detail names the status or the failure and the endpoint's host only ("HTTP 503",
// "timeout connecting to hooks.example.com"), never a path, query string or credential.
// now resolves a Retry-After given as an HTTP-date.
DeliveryResult classify_http_result(const http::HttpResult& result, std::string_view request_url,
                                    TimePoint now);

// The delay a Retry-After value asks for: delta-seconds or an IMF-fixdate HTTP-date ("Wed, 21
// Oct 2015 07:28:00 GMT"; a date in the past is zero), capped at kMaxRetryAfter; nullopt when
// the value is neither.
std::optional<std::chrono::seconds> parse_retry_after(std::string_view value, TimePoint now);

// The host (and port, when given) of a URL, for messages; "the endpoint" when it has none.
std::string host_for_messages(std::string_view url);

}  // namespace riskwarn::notify
