#include "daemon/ctl/calendar_command.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "adapters/calendar/calendar_inputs_loader.hpp"
#include "daemon/config_file.hpp"
#include "rules/calendar/calendar_inputs.hpp"
#include "rules/calendar/date.hpp"
#include "rules/calendar/lunar.hpp"
#include "rules/calendar/periods.hpp"

namespace riskwarn::ctl {
namespace {

constexpr std::string_view kUsage = "calendar --from DATE --to DATE [--config PATH] [--json]";

struct CalendarOptions {
  DateRange range;
  std::optional<std::string> config_path;
  bool json = false;
  bool help = false;
};

struct UsageError {
  std::string message;
};

std::variant<Date, UsageError> parse_date_option(std::string_view option, const std::string& text) {
  if (const auto date = parse_date(text))
    return *date;
  return UsageError{std::string{option} + ": \"" + text + "\" is not a date; use YYYY-MM-DD"};
}

std::variant<CalendarOptions, UsageError> parse_options(const std::vector<std::string>& args) {
  CalendarOptions options;
  std::optional<std::string> from;
  std::optional<std::string> to;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    const auto value = [&]() -> std::optional<std::string> {
      if (i + 1 >= args.size() || args[i + 1].starts_with("--"))
        return std::nullopt;
      return args[++i];
    };
    if (arg == "--from" || arg == "--to") {
      auto& text = arg == "--from" ? from : to;
      text = value();
      if (!text)
        return UsageError{arg + " needs a date (YYYY-MM-DD)"};
    } else if (arg == "--config") {
      options.config_path = value();
      if (!options.config_path)
        return UsageError{"--config needs a path"};
    } else if (arg == "--json") {
      options.json = true;
    } else if (arg == "--help" || arg == "-h") {
      options.help = true;
      return options;
    } else {
      return UsageError{"unknown argument \"" + arg + "\""};
    }
  }
  if (!from || !to)
    return UsageError{"--from DATE and --to DATE are required"};
  const auto first = parse_date_option("--from", *from);
  if (const auto* error = std::get_if<UsageError>(&first))
    return *error;
  const auto last = parse_date_option("--to", *to);
  if (const auto* error = std::get_if<UsageError>(&last))
    return *error;
  options.range = {std::get<Date>(first), std::get<Date>(last)};
  if (options.range.last < options.range.first)
    return UsageError{"--from " + *from + " is after --to " + *to};
  const auto in_table = [](Date date) {
    const int year = static_cast<int>(date.year());
    return year >= kFirstLunarYear && year <= kLastLunarYear;
  };
  if (!in_table(options.range.first) || !in_table(options.range.last)) {
    return UsageError{"dates must lie in the years " + std::to_string(kFirstLunarYear) + "–" +
                      std::to_string(kLastLunarYear) + ", the range of the lunar table"};
  }
  return options;
}

// The calendar inputs of the configuration at path (its holiday and ICS files read, recurrences
// expanded over range), or nullopt once every problem is written to err.
std::optional<CalendarInputs> load_inputs(const std::string& path, DateRange range,
                                          std::ostream& err) {
  const auto config = load_config_or_report(path, err);
  if (!config)
    return std::nullopt;
  auto inputs = calendar::load_calendar_inputs(*config, range);
  if (!inputs) {
    err << inputs.error().message << "\n";
    return std::nullopt;
  }
  return std::move(inputs).value();
}

void write_json(const std::vector<Period>& periods, std::ostream& out) {
  auto list = nlohmann::ordered_json::array();
  for (const auto& period : periods) {
    list.push_back({{"id", period.id},
                    {"name", period.name},
                    {"start", format_date(period.dates.first)},
                    {"end", format_date(period.dates.last)},
                    {"source", to_string(period.source)}});
  }
  out << nlohmann::ordered_json{{"periods", std::move(list)}}.dump() << "\n";
}

// Terminal columns text takes: 2 for each East Asian wide character (Chinese), 1 otherwise.
std::size_t display_width(std::string_view utf8) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    const auto lead = static_cast<unsigned char>(utf8[i]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
    char32_t code = length == 1 ? lead : lead & (0x7f >> length);
    for (std::size_t k = 1; k < length && i + k < utf8.size(); ++k)
      code = (code << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3f);
    const bool wide = (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) ||
                      (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) ||
                      (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) ||
                      (code >= 0xffe0 && code <= 0xffe6) || code >= 0x20000;
    width += wide ? 2 : 1;
    i += length;
  }
  return width;
}

std::string padded(std::string_view text, std::size_t width) {
  const std::size_t used = display_width(text);
  return std::string{text} + std::string(width > used ? width - used : 0, ' ');
}

void write_table(const std::vector<Period>& periods, DateRange range, std::ostream& out) {
  if (periods.empty()) {
    out << "no calendar periods between " << format_date(range.first) << " and "
        << format_date(range.last) << "\n";
    return;
  }
  std::size_t name_width = display_width("NAME");
  std::size_t source_width = display_width("SOURCE");
  for (const auto& period : periods) {
    name_width = std::max(name_width, display_width(period.name));
    source_width = std::max(source_width, to_string(period.source).size());
  }
  out << "START       END         " << padded("NAME", name_width) << "  "
      << padded("SOURCE", source_width) << "  ID\n";
  for (const auto& period : periods) {
    out << format_date(period.dates.first) << "  " << format_date(period.dates.last) << "  "
        << padded(period.name, name_width) << "  " << padded(to_string(period.source), source_width)
        << "  " << period.id << "\n";
  }
}

}  // namespace

int run_calendar(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const auto parsed = parse_options(args);
  if (const auto* error = std::get_if<UsageError>(&parsed)) {
    err << "riskwarnctl calendar: " << error->message << "\nusage: riskwarnctl " << kUsage << "\n";
    return kExitUsage;
  }
  const auto& options = std::get<CalendarOptions>(parsed);
  if (options.help) {
    out << "usage: riskwarnctl " << kUsage
        << "\n\nLists every calendar period overlapping the inclusive range (1901–2100).\n"
           "  --from DATE    first day, YYYY-MM-DD\n"
           "  --to DATE      last day, YYYY-MM-DD\n"
           "  --config PATH  take holiday files, local events and configured dates from the "
           "[calendar] section\n"
           "  --json         print {\"periods\":[{\"id\",\"name\",\"start\",\"end\",\"source\"}]}"
           "\n";
    return kExitOk;
  }
  CalendarInputs inputs;
  if (options.config_path) {
    auto loaded = load_inputs(*options.config_path, options.range, err);
    if (!loaded)
      return kExitBadConfig;
    inputs = std::move(*loaded);
  }
  const auto periods = periods_overlapping(options.range, inputs);
  if (!periods) {
    err << "riskwarnctl calendar: " << periods.error().message << "\n";
    return kExitFailure;
  }
  if (options.json)
    write_json(*periods, out);
  else
    write_table(*periods, options.range, out);
  return kExitOk;
}

Command calendar_command() {
  return Command{"calendar", kUsage, &run_calendar};
}

}  // namespace riskwarn::ctl
