#include "config/text_checks.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <charconv>

#include "config/message_text.hpp"

namespace riskwarn::config {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_lower(char c) {
  return c >= 'a' && c <= 'z';
}
bool is_alpha(char c) {
  return is_lower(c) || (c >= 'A' && c <= 'Z');
}
bool is_alnum(char c) {
  return is_alpha(c) || is_digit(c);
}

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), is_digit);
}

bool is_ip_address(std::string_view text, int family) {
  const std::string copy(text);
  std::array<unsigned char, 16> buffer{};
  return inet_pton(family, copy.c_str(), buffer.data()) == 1;
}

// RFC 1123 hostname: dot-separated labels of letters, digits and inner hyphens.
bool is_hostname(std::string_view text) {
  if (text.empty() || text.size() > 253)
    return false;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = text.find('.', start);
    const std::string_view label =
        text.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') {
      return false;
    }
    if (!std::all_of(label.begin(), label.end(), [](char c) { return is_alnum(c) || c == '-'; })) {
      return false;
    }
    if (dot == std::string_view::npos)
      return true;
    start = dot + 1;
  }
}

// A host as written in a URL or listen address: hostname, IPv4, or [IPv6].
bool is_host(std::string_view host) {
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    return is_ip_address(host.substr(1, host.size() - 2), AF_INET6);
  }
  return is_ip_address(host, AF_INET) || is_hostname(host);
}

std::optional<int> parse_port(std::string_view text) {
  if (!all_digits(text) || text.size() > 5)
    return std::nullopt;
  int port = 0;
  std::from_chars(text.data(), text.data() + text.size(), port);
  if (port > 65535)
    return std::nullopt;
  return port;
}

// Splits "host:port" at the last colon outside brackets.
std::optional<std::pair<std::string_view, std::string_view>> split_host_port(
    std::string_view text) {
  const std::size_t colon = text.rfind(':');
  if (colon == std::string_view::npos)
    return std::nullopt;
  const std::size_t bracket = text.rfind(']');
  if (bracket != std::string_view::npos && bracket > colon)
    return std::nullopt;
  return std::pair{text.substr(0, colon), text.substr(colon + 1)};
}

// GB/T 2260 province-level codes.
constexpr std::array<int, 34> kProvinceCodes{11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34,
                                             35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
                                             53, 54, 61, 62, 63, 64, 65, 71, 81, 82};

bool is_base64_char(char c) {
  return is_alnum(c) || c == '+' || c == '/';
}

}  // namespace

std::optional<std::string> host_port_problem(std::string_view text) {
  const auto parts = split_host_port(text);
  if (!parts)
    return in_quotes(text) + " is not host:port";
  if (!is_host(parts->first))
    return in_quotes(text) + " has no valid host before the port";
  if (!parse_port(parts->second))
    return in_quotes(text) + " has no valid port (0..65535)";
  return std::nullopt;
}

std::optional<std::string> http_url_problem(std::string_view text) {
  std::string_view rest;
  if (text.starts_with("https://")) {
    rest = text.substr(8);
  } else if (text.starts_with("http://")) {
    rest = text.substr(7);
  } else {
    return url_for_message(text) + " is not an http:// or https:// URL";
  }
  if (std::any_of(text.begin(), text.end(),
                  [](char c) { return static_cast<unsigned char>(c) <= ' ' || c == 0x7f; })) {
    return url_for_message(text) + " contains spaces or control characters";
  }
  const std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
  if (authority.find('@') != std::string_view::npos) {
    return url_for_message(text) + " must not carry user information (use a secret file)";
  }
  std::string_view host = authority;
  if (const auto parts = split_host_port(authority)) {
    const auto port = parse_port(parts->second);
    if (!port || *port == 0)
      return url_for_message(text) + " has no valid port (1..65535)";
    host = parts->first;
  }
  if (!is_host(host))
    return url_for_message(text) + " has no valid host";
  return std::nullopt;
}

std::optional<std::string> county_code_problem(std::string_view text) {
  if (text.size() != 6 || !all_digits(text)) {
    return in_quotes(text) + " is not a 6-digit administrative code";
  }
  const int province = (text[0] - '0') * 10 + (text[1] - '0');
  if (std::find(kProvinceCodes.begin(), kProvinceCodes.end(), province) == kProvinceCodes.end()) {
    return in_quotes(text) + " does not start with a province code (11..15, 21..23, 31..37, " +
           "41..46, 50..54, 61..65, 71, 81, 82)";
  }
  return std::nullopt;
}

std::optional<std::string> zone_name_problem(std::string_view text) {
  const auto bad = [&] { return in_quotes(text) + " is not a time zone name"; };
  if (text.empty() || text.size() > 64)
    return bad();
  std::size_t start = 0;
  while (true) {
    const std::size_t slash = text.find('/', start);
    const std::string_view part = text.substr(
        start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    if (part.empty() || part.front() == '.' || part.front() == '-')
      return bad();
    if (!std::all_of(part.begin(), part.end(), [](char c) {
          return is_alnum(c) || c == '_' || c == '-' || c == '+' || c == '.';
        })) {
      return bad();
    }
    if (slash == std::string_view::npos)
      return std::nullopt;
    start = slash + 1;
  }
}

std::optional<std::string> mobile_phone_problem(std::string_view text) {
  if (text.empty())
    return std::nullopt;
  if (text.size() == 11 && all_digits(text) && text[0] == '1' && text[1] >= '3') {
    return std::nullopt;
  }
  return in_quotes(text) + " is not an 11-digit mainland mobile number";
}

std::optional<std::string> email_problem(std::string_view text) {
  if (text.empty())
    return std::nullopt;
  const std::size_t at = text.find('@');
  const bool valid =
      at != std::string_view::npos && at > 0 && text.find('@', at + 1) == std::string_view::npos &&
      std::none_of(text.begin(), text.end(),
                   [](char c) { return static_cast<unsigned char>(c) <= ' ' || c == 0x7f; }) &&
      is_hostname(text.substr(at + 1)) && text.find('.', at) != std::string_view::npos;
  if (valid)
    return std::nullopt;
  return in_quotes(text) + " is not an email address";
}

bool is_plain_name(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(),
                                      [](char c) { return is_alnum(c) || c == '_' || c == '-'; });
}

bool is_rule_identifier(std::string_view text) {
  return !text.empty() && is_lower(text.front()) &&
         std::all_of(text.begin(), text.end(), [](char c) {
           return is_lower(c) || is_digit(c) || c == '_' || c == '.' || c == '-';
         });
}

bool is_standard_webhooks_secret(std::string_view text) {
  constexpr std::string_view kPrefix = "whsec_";
  if (!text.starts_with(kPrefix))
    return false;
  std::string_view body = text.substr(kPrefix.size());
  std::size_t padding = 0;
  while (!body.empty() && body.back() == '=') {
    body.remove_suffix(1);
    ++padding;
  }
  if (body.empty() || padding > 2)
    return false;
  if (padding > 0 && (body.size() + padding) % 4 != 0)
    return false;
  if (body.size() % 4 == 1)
    return false;  // no base64 encoding ends with a lone character
  return std::all_of(body.begin(), body.end(), is_base64_char);
}

}  // namespace riskwarn::config
