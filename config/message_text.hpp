#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace riskwarn::config {

// Text between double quotes, with quotes, backslashes and control characters escaped.
std::string in_quotes(std::string_view text);

// The shortest decimal text that reads back as value: 30.0 -> "30", 0.1 -> "0.1".
std::string format_number(double value);

// The items joined by ", ".
std::string join(const std::vector<std::string>& items);

}  // namespace riskwarn::config
