#pragma once

#include <string>
#include <string_view>

namespace riskwarn::http {

// The URL with only scheme, host, port and path: user info, query string and fragment are
// dropped, since they may carry credentials or API keys. Safe to log.
std::string redact_url(std::string_view url);

// The text with every URL in it (a token containing "://") passed through redact_url.
std::string redact_urls_in_text(std::string_view text);

}  // namespace riskwarn::http
