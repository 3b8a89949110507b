#include "config/message_text.hpp"

#include <array>
#include <charconv>
#include <cstdio>

namespace riskwarn::config {

std::string in_quotes(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      std::array<char, 8> escape{};
      std::snprintf(escape.data(), escape.size(), "\\u%04X", static_cast<unsigned char>(c));
      out += escape.data();
    } else {
      out += c;
    }
  }
  out += '"';
  return out;
}

std::string format_number(double value) {
  std::array<char, 32> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  return std::string(buffer.data(), result.ptr);
}

std::string join(const std::vector<std::string>& items) {
  std::string joined;
  for (const std::string& item : items) {
    if (!joined.empty())
      joined += ", ";
    joined += item;
  }
  return joined;
}

std::string url_for_message(std::string_view url) {
  const std::size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos)
    return "a value that is not a URL";
  const std::string_view rest = url.substr(scheme_end + 3);
  std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
  if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos)
    authority.remove_prefix(at + 1);
  const bool more =
      scheme_end + 3 + authority.size() < url.size() || rest.find('@') < rest.find_first_of("/?#");
  return in_quotes(std::string(url.substr(0, scheme_end + 3)) + std::string(authority) +
                   (more ? "/…" : ""));
}

}  // namespace riskwarn::config
