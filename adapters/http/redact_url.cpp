#include "adapters/http/redact_url.hpp"

#include <cctype>

namespace riskwarn::http {
namespace {

constexpr std::string_view kSchemeSeparator = "://";

bool is_scheme_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '+' || c == '-' || c == '.';
}

bool ends_url_token(char c) {
  return std::isspace(static_cast<unsigned char>(c)) != 0 || c == '"' || c == '\'' || c == '<' ||
         c == '>' || c == '`';
}

}  // namespace

std::string redact_url(std::string_view url) {
  std::string redacted;
  std::string_view rest = url;
  const auto separator = url.find(kSchemeSeparator);
  // "://" only starts the authority when nothing path- or query-like comes before it.
  if (separator != std::string_view::npos && separator < url.find_first_of("/?#")) {
    const auto authority_begin = separator + kSchemeSeparator.size();
    redacted.append(url.substr(0, authority_begin));
    rest = url.substr(authority_begin);
    // User info ends at the last '@' before the path; a stray '@' in a query without a path
    // only makes the host wrong, never leaks the query.
    const auto user_info_end = rest.substr(0, rest.find('/')).rfind('@');
    if (user_info_end != std::string_view::npos) {
      rest.remove_prefix(user_info_end + 1);
    }
  }
  redacted.append(rest.substr(0, rest.find_first_of("?#")));
  return redacted;
}

std::string redact_urls_in_text(std::string_view text) {
  std::string result;
  std::size_t copied = 0;
  std::size_t search_from = 0;
  while (true) {
    const auto separator = text.find(kSchemeSeparator, search_from);
    if (separator == std::string_view::npos) {
      break;
    }
    auto begin = separator;
    while (begin > copied && is_scheme_char(text[begin - 1])) {
      --begin;
    }
    auto end = separator + kSchemeSeparator.size();
    while (end < text.size() && !ends_url_token(text[end])) {
      ++end;
    }
    result.append(text.substr(copied, begin - copied));
    result.append(redact_url(text.substr(begin, end - begin)));
    copied = end;
    search_from = end;
  }
  result.append(text.substr(copied));
  return result;
}

}  // namespace riskwarn::http
