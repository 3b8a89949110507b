#include "adapters/calendar/ics_lines.hpp"

#include <cstdio>
#include <optional>

namespace riskwarn::calendar::ics {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

struct Unfolded {
  std::string text;
  int line = 0;
};

Error error_at(std::string_view source_name, int line, std::string_view message) {
  return Error{std::string(source_name) + ":" + std::to_string(line) + ": " + std::string(message)};
}

char upper(char c) {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

std::string upper(std::string_view text) {
  std::string result(text);
  for (char& c : result)
    c = upper(c);
  return result;
}

bool is_name_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

// Where text stops being well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF),
// or npos when all of it is.
std::size_t invalid_utf8_at(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      low = lead == 0xE0 ? 0xA0 : 0x80;
      high = lead == 0xED ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      low = lead == 0xF0 ? 0x90 : 0x80;
      high = lead == 0xF4 ? 0x8F : 0xBF;
    } else {
      return i;
    }
    if (i + length > text.size())
      return i;
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      const unsigned char min = k == 1 ? low : 0x80;
      const unsigned char max = k == 1 ? high : 0xBF;
      if (next < min || next > max)
        return i;
    }
    i += length;
  }
  return std::string_view::npos;
}

// The first control character other than HTAB, which RFC 5545 does not allow in a line.
std::optional<unsigned char> control_character(std::string_view text) {
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte < 0x20 && byte != '\t') || byte == 0x7F)
      return byte;
  }
  return std::nullopt;
}

// The physical lines of text joined into logical lines (RFC 5545 §3.1), before any decoding.
Result<std::vector<Unfolded>> unfold(std::string_view text, std::string_view source_name) {
  std::vector<Unfolded> lines;
  int number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos)
      end = text.size();
    std::string_view physical = text.substr(start, end - start);
    start = end + 1;
    ++number;
    if (!physical.empty() && physical.back() == '\r')
      physical.remove_suffix(1);
    if (!physical.empty() && (physical.front() == ' ' || physical.front() == '\t')) {
      if (lines.empty())
        return error_at(source_name, number, "a continuation line with no line before it");
      lines.back().text.append(physical.substr(1));
      continue;
    }
    lines.push_back({std::string(physical), number});
  }
  return lines;
}

// NAME *(";" PARAM) ":" VALUE, with quoted parameter values that may hold ":;,".
Result<ContentLine> parse_line(const Unfolded& unfolded, std::string_view source_name) {
  const std::string_view text = unfolded.text;
  const auto fail = [&](std::string_view message) {
    return error_at(source_name, unfolded.line, message);
  };
  ContentLine line;
  line.line = unfolded.line;
  std::size_t i = 0;
  while (i < text.size() && is_name_char(text[i]))
    ++i;
  if (i == 0)
    return fail("expected a property name (letters, digits and '-') at the start of the line");
  line.name = upper(text.substr(0, i));
  while (i < text.size() && text[i] == ';') {
    ++i;
    const std::size_t name_start = i;
    while (i < text.size() && is_name_char(text[i]))
      ++i;
    if (i == name_start || i >= text.size() || text[i] != '=')
      return fail("malformed parameter of " + line.name + ": expected NAME=VALUE");
    Parameter parameter{upper(text.substr(name_start, i - name_start)), {}};
    do {
      ++i;  // past '=' or ','
      if (i < text.size() && text[i] == '"') {
        const std::size_t close = text.find('"', i + 1);
        if (close == std::string_view::npos)
          return fail("unterminated quoted value of parameter " + parameter.name);
        parameter.values.emplace_back(text.substr(i + 1, close - i - 1));
        i = close + 1;
      } else {
        const std::size_t value_start = i;
        while (i < text.size() && text[i] != ';' && text[i] != ':' && text[i] != ',' &&
               text[i] != '"')
          ++i;
        parameter.values.emplace_back(text.substr(value_start, i - value_start));
      }
    } while (i < text.size() && text[i] == ',');
    line.parameters.push_back(std::move(parameter));
  }
  if (i >= text.size() || text[i] != ':')
    return fail("expected ':' before the value of " + line.name);
  line.value = std::string(text.substr(i + 1));
  return line;
}

}  // namespace

const std::string* ContentLine::parameter(std::string_view wanted) const {
  for (const Parameter& candidate : parameters) {
    if (candidate.name == wanted && !candidate.values.empty())
      return &candidate.values.front();
  }
  return nullptr;
}

Result<std::vector<ContentLine>> read_content_lines(std::string_view text,
                                                    std::string_view source_name) {
  if (text.starts_with(kBom))
    text.remove_prefix(kBom.size());
  auto unfolded = unfold(text, source_name);
  if (!unfolded)
    return unfolded.error();
  std::vector<ContentLine> lines;
  for (const Unfolded& logical : *unfolded) {
    if (logical.text.empty())
      continue;
    if (const std::size_t bad = invalid_utf8_at(logical.text); bad != std::string_view::npos) {
      return error_at(source_name, logical.line,
                      "invalid UTF-8 at byte " + std::to_string(bad + 1) + " of the line");
    }
    if (const auto control = control_character(logical.text)) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "%02X", static_cast<unsigned>(*control));
      return error_at(source_name, logical.line,
                      std::string("control character U+00") + hex + " in the line");
    }
    auto line = parse_line(logical, source_name);
    if (!line)
      return line.error();
    lines.push_back(std::move(line).value());
  }
  return lines;
}

}  // namespace riskwarn::calendar::ics
