#pragma once

#include <string>
#include <string_view>

namespace riskwarn::http {

// Percent-encodes every byte but the RFC 3986 unreserved characters (A–Z a–z 0–9 - . _ ~), for
// a query value or a path segment.
std::string percent_encode(std::string_view text);

}  // namespace riskwarn::http
