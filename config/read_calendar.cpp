#include "config/file_text.hpp"
#include "config/message_text.hpp"
#include "config/sections.hpp"

namespace riskwarn::config {
namespace {

// The paths listed at key, resolved against the config's directory; unreadable ones reported.
std::vector<std::string> read_source_files(TableReader& reader, std::string_view key,
                                           const LoadContext& context) {
  std::vector<std::string> paths;
  for (const auto& item : reader.strings(key)) {
    const auto path = resolve_against(context.base_directory, item.value);
    if (const std::string reason = unreadable_reason(path); !reason.empty()) {
      context.reporter.error(item.where, item.path,
                             "cannot read " + in_quotes(path.string()) + ": " + reason);
      continue;
    }
    paths.push_back(path.string());
  }
  return paths;
}

}  // namespace

CalendarSources read_calendar(const toml::table& table, const LoadContext& context) {
  TableReader reader(table, "calendar", context.reporter);
  CalendarSources sources;
  sources.holiday_files = read_source_files(reader, "holiday_files", context);
  sources.ics_files = read_source_files(reader, "ics_files", context);
  reader.report_unknown_keys();
  return sources;
}

}  // namespace riskwarn::config
