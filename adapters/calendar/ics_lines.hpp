#pragma once

// Internal to adapters/calendar: the lexical level of iCalendar (RFC 5545 §3.1).

#include <string>
#include <string_view>
#include <vector>

#include "rules/result.hpp"

namespace riskwarn::calendar::ics {

// One property parameter: NAME=VALUE[,VALUE...], name upper-cased, quotes removed.
struct Parameter {
  std::string name;
  std::vector<std::string> values;
};

// One unfolded content line: NAME *(;PARAM) : VALUE.
struct ContentLine {
  std::string name;  // upper-cased
  std::vector<Parameter> parameters;
  std::string value;  // as written (TEXT escapes intact)
  int line = 0;       // the first physical line of the folded original, 1-based

  // The first value of the parameter name (upper-case), or nullptr when absent.
  const std::string* parameter(std::string_view name) const;
};

// Splits text into content lines: strips a UTF-8 BOM, accepts CRLF or LF, unfolds continuation
// lines (a leading space or tab) at the byte level, then checks UTF-8 and control characters.
// Blank lines are skipped. Errors are "source_name:LINE: message".
Result<std::vector<ContentLine>> read_content_lines(std::string_view text,
                                                    std::string_view source_name);

}  // namespace riskwarn::calendar::ics
