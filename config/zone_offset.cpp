#include "config/zone_offset.hpp"

#include <fstream>
#include <iterator>

namespace riskwarn::config {
namespace {

// Skips the zone abbreviation at the start of tz: letters, or a quoted <...> form.
std::size_t skip_abbreviation(std::string_view tz) {
  if (!tz.empty() && tz[0] == '<') {
    const std::size_t close = tz.find('>');
    return close == std::string_view::npos ? std::string_view::npos : close + 1;
  }
  std::size_t i = 0;
  while (i < tz.size() && ((tz[i] >= 'A' && tz[i] <= 'Z') || (tz[i] >= 'a' && tz[i] <= 'z')))
    ++i;
  return i >= 3 ? i : std::string_view::npos;
}

}  // namespace

Result<std::chrono::seconds> parse_posix_tz_offset(std::string_view tz) {
  const std::size_t start = skip_abbreviation(tz);
  if (start == std::string_view::npos || start >= tz.size()) {
    return Error{"unrecognised TZ rule \"" + std::string(tz) + "\""};
  }
  std::string_view rest = tz.substr(start);
  int sign = 1;
  if (rest[0] == '+' || rest[0] == '-') {
    sign = rest[0] == '-' ? -1 : 1;
    rest.remove_prefix(1);
  }
  int fields[3] = {0, 0, 0};
  int field = 0;
  std::size_t i = 0;
  for (; i < rest.size() && field < 3; ++i) {
    const char c = rest[i];
    if (c >= '0' && c <= '9') {
      fields[field] = fields[field] * 10 + (c - '0');
      if (fields[field] > 167)
        return Error{"TZ offset out of range in \"" + std::string(tz) + "\""};
    } else if (c == ':') {
      ++field;
    } else {
      break;
    }
  }
  if (i < rest.size()) {
    return Error{"time zone rule \"" + std::string(tz) +
                 "\" has daylight saving time; only fixed-offset zones are supported"};
  }
  // POSIX offsets are west-positive: "CST-8" is eight hours east of UTC.
  const long seconds = fields[0] * 3600L + fields[1] * 60L + fields[2];
  return std::chrono::seconds{-sign * seconds};
}

Result<std::chrono::seconds> fixed_utc_offset(std::string_view zone,
                                              const std::string& zoneinfo_root) {
  const std::string name(zone);
  if (name.empty() || name.find("..") != std::string::npos || name.front() == '/') {
    return Error{"invalid time zone name \"" + name + "\""};
  }
  const std::string path = zoneinfo_root + "/" + name;
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return Error{"unknown time zone \"" + name + "\" (no " + path + ")"};
  const std::string data{std::istreambuf_iterator<char>(in), {}};
  if (data.size() < 8 || data.compare(0, 4, "TZif") != 0 || data.back() != '\n') {
    return Error{"time zone file " + path + " is not a TZif file with a footer"};
  }
  const std::size_t open = data.rfind('\n', data.size() - 2);
  if (open == std::string::npos)
    return Error{"time zone file " + path + " has no TZ footer"};
  const std::string footer = data.substr(open + 1, data.size() - open - 2);
  auto offset = parse_posix_tz_offset(footer);
  if (!offset)
    return Error{"time zone \"" + name + "\": " + offset.error().message};
  return offset;
}

}  // namespace riskwarn::config
