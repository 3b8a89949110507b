#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace riskwarn::config {

// Checks of single string values. Each returns nullopt when the text is acceptable, or what is
// wrong with it as a message fragment that quotes the text (never use these on secrets).

// "host:port": an IPv4 address, a hostname or a bracketed IPv6 address, and a port 0..65535
// (0 lets the system pick a free port).
std::optional<std::string> host_port_problem(std::string_view text);

// "http://" or "https://" followed by a valid host, an optional port and an optional path.
std::optional<std::string> http_url_problem(std::string_view text);

// Exactly six ASCII digits starting with a province code of GB/T 2260 (11 Beijing … 82 Macao).
std::optional<std::string> county_code_problem(std::string_view text);

// An IANA zone name shape: "Asia/Shanghai", "UTC", "Etc/GMT-8"; no "." or ".." components.
std::optional<std::string> zone_name_problem(std::string_view text);

// Empty, or an 11-digit mainland mobile number: "1" then 3..9 then nine digits.
std::optional<std::string> mobile_phone_problem(std::string_view text);

// Empty, or local@domain with a dotted domain and no spaces.
std::optional<std::string> email_problem(std::string_view text);

// True for names of feeds and channels: letters, digits, "_" and "-", not empty.
bool is_plain_name(std::string_view text);

// True for rule ids and sector names: lowercase letters, digits, "_", "." and "-", starting
// with a letter.
bool is_rule_identifier(std::string_view text);

// True when text is "whsec_" followed by non-empty standard base64 (padding optional), the
// Standard Webhooks secret format.
bool is_standard_webhooks_secret(std::string_view text);

}  // namespace riskwarn::config
