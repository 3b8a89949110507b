#include "adapters/weather/response_text.hpp"

namespace riskwarn::weather::text {
namespace {

// The length of the well-formed UTF-8 sequence at the start of text, or 0 when it is not one.
std::size_t utf8_sequence_length(std::string_view text) {
  const auto lead = static_cast<unsigned char>(text[0]);
  const std::size_t length = lead < 0x80                   ? 1
                             : lead >= 0xC2 && lead < 0xE0 ? 2
                             : lead >= 0xE0 && lead < 0xF0 ? 3
                             : lead >= 0xF0 && lead < 0xF5 ? 4
                                                           : 0;
  if (length == 0 || length > text.size())
    return 0;
  for (std::size_t i = 1; i < length; ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
      return 0;
  }
  // Overlong forms, UTF-16 surrogates and code points above U+10FFFF.
  const auto second = length > 1 ? static_cast<unsigned char>(text[1]) : 0;
  if ((lead == 0xE0 && second < 0xA0) || (lead == 0xED && second >= 0xA0) ||
      (lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second >= 0x90)) {
    return 0;
  }
  return length;
}

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

}  // namespace

std::string excerpt(std::string_view text, std::size_t max_bytes) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size() && out.size() < max_bytes) {
    const std::size_t length = utf8_sequence_length(text.substr(i));
    const auto byte = static_cast<unsigned char>(text[i]);
    if (length == 0 || byte < 0x20 || byte == 0x7F) {
      out += '?';
      ++i;
    } else {
      out += text.substr(i, length);
      i += length;
    }
  }
  if (i < text.size())
    out += "...";
  return out;
}

std::string quoted(std::string_view text, std::size_t max_bytes) {
  return "\"" + excerpt(text, max_bytes) + "\"";
}

std::string_view trim(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  const std::size_t first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos)
    return {};
  return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size())
    return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i]))
      return false;
  }
  return true;
}

std::size_t find_ignoring_case(std::string_view haystack, std::string_view needle,
                               std::size_t from) {
  for (std::size_t i = from; i + needle.size() <= haystack.size(); ++i) {
    std::size_t k = 0;
    while (k < needle.size() && lower(haystack[i + k]) == needle[k])
      ++k;
    if (k == needle.size())
      return i;
  }
  return std::string_view::npos;
}

bool is_html_page(std::string_view body) {
  const std::string_view start = trim(body);
  return find_ignoring_case(start.substr(0, 14), "<!doctype html") == 0 ||
         find_ignoring_case(start.substr(0, 5), "<html") == 0;
}

std::optional<std::string> html_title(std::string_view body) {
  const std::size_t tag = find_ignoring_case(body, "<title");
  const std::size_t open = tag == std::string_view::npos ? tag : body.find('>', tag);
  const std::size_t close =
      open == std::string_view::npos ? open : find_ignoring_case(body, "</title", open);
  if (close == std::string_view::npos)
    return std::nullopt;
  return excerpt(trim(body.substr(open + 1, close - open - 1)));
}

}  // namespace riskwarn::weather::text
