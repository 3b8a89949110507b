#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

// Helpers that turn bytes of a feed response into safe, short text for error messages.
namespace riskwarn::weather::text {

// Text from a response made safe and short for a message: at most about max_bytes, control
// characters and bytes that are not well-formed UTF-8 replaced by '?', "..." when cut.
std::string excerpt(std::string_view text, std::size_t max_bytes = 64);

// The text in double quotes, as an excerpt.
std::string quoted(std::string_view text, std::size_t max_bytes = 64);

// The text without leading and trailing ASCII white space.
std::string_view trim(std::string_view text);

// True when two ASCII strings are equal ignoring the case of letters.
bool equals_ignoring_case(std::string_view a, std::string_view b);

// The position of needle (lower-case ASCII) in haystack ignoring case; npos when absent.
std::size_t find_ignoring_case(std::string_view haystack, std::string_view needle,
                               std::size_t from = 0);

// True when the body is an HTML page (a proxy's or server's error page): it starts, after white
// space, with "<!DOCTYPE html" or "<html".
bool is_html_page(std::string_view body);

// The text of the page's <title> as an excerpt; nullopt when it has none.
std::optional<std::string> html_title(std::string_view body);

}  // namespace riskwarn::weather::text
