#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace riskwarn::config {

// Text between double quotes, with quotes, backslashes and control characters escaped.
std::string in_quotes(std::string_view text);

// A URL as it may appear in a message, quoted: scheme and host only ("https://hooks.example.cn/…"),
// because user information, paths (robot tokens) and query strings (API keys) can be secrets.
// Text without "://" is not quoted at all: "a value that is not a URL".
std::string url_for_message(std::string_view url);

// The shortest decimal text that reads back as value: 30.0 -> "30", 0.1 -> "0.1".
std::string format_number(double value);

// The items joined by ", ".
std::string join(const std::vector<std::string>& items);

}  // namespace riskwarn::config
