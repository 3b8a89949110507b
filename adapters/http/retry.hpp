#pragma once

#include <chrono>
#include <optional>

#include "adapters/http/http_types.hpp"

namespace riskwarn::http {

// True when an attempt failed in a way that may pass: a timeout, a refused or reset connection,
// a name that did not resolve, or an HTTP 408, 429 or 5xx answer. A body over the size cap, a
// redirect loop, a TLS verification failure, a cancelled request and any other status are not.
bool is_transient_failure(const HttpResult& result);

// The wait a response's Retry-After header asks for: delta-seconds or an HTTP-date (measured
// from now; a date in the past is zero). Nullopt when the header is absent or unreadable.
std::optional<std::chrono::seconds> retry_after(const HttpResponse& response,
                                                std::chrono::system_clock::time_point now);

// The wait before retry number `retry` (1 for the first): base doubled per retry, capped at
// cap, then scaled by a jitter factor in [0.8, 1.2) chosen by unit_random in [0, 1).
std::chrono::milliseconds backoff_delay(int retry, std::chrono::milliseconds base,
                                        std::chrono::milliseconds cap, double unit_random);

}  // namespace riskwarn::http
