#include "adapters/calendar/calendar_inputs_loader.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "adapters/calendar/holiday_cn.hpp"
#include "adapters/calendar/ics.hpp"
#include "config/file_text.hpp"

namespace riskwarn::calendar {
namespace {

constexpr std::size_t kMaxHolidayFileBytes = 1024 * 1024;

std::string_view meaning(const OfficialDay& day) {
  return day.off ? "a day off" : "a working day";
}

// Adds the days of one holiday file; a date another file gives a different meaning is an error.
std::optional<Error> merge_official_days(const std::string& path, std::vector<OfficialDay> days,
                                         std::map<Date, std::pair<OfficialDay, std::string>>& all) {
  for (OfficialDay& day : days) {
    const auto [earlier, inserted] = all.try_emplace(day.date, day, path);
    if (!inserted && earlier->second.first.off != day.off) {
      return Error{path + ": " + format_date(day.date) + " is " + std::string(meaning(day)) +
                   " here but " + std::string(meaning(earlier->second.first)) + " in " +
                   earlier->second.second};
    }
  }
  return std::nullopt;
}

// Adds the events of one ICS file; a uid another file used for a different event is an error.
std::optional<Error> merge_local_events(const std::string& path, std::vector<LocalEvent> events,
                                        std::map<std::string, std::string>& file_of_uid,
                                        std::vector<LocalEvent>& all) {
  for (LocalEvent& event : events) {
    const auto [earlier, inserted] = file_of_uid.try_emplace(event.uid, path);
    if (!inserted) {
      const auto same = std::find(all.begin(), all.end(), event);
      if (same != all.end())
        continue;
      return Error{path + ": event " + event.uid + " is also in " + earlier->second +
                   " with other dates or name"};
    }
    all.push_back(std::move(event));
  }
  return std::nullopt;
}

}  // namespace

Result<CalendarInputs> load_calendar_inputs(const config::Config& config, DateRange expand_window) {
  const config::CalendarSources& sources = config.calendar;
  CalendarInputs inputs;
  std::map<Date, std::pair<OfficialDay, std::string>> official;
  for (const std::string& path : sources.holiday_files) {
    const auto text = config::read_file_text(path, kMaxHolidayFileBytes);
    if (!text)
      return Error{path + ": cannot read the holiday file: " + text.error().message};
    auto days = parse_holiday_cn(*text, path);
    if (!days)
      return days.error();
    if (auto problem = merge_official_days(path, std::move(days).value(), official))
      return *problem;
  }
  for (auto& [date, day_and_path] : official)
    inputs.official_days.push_back(std::move(day_and_path.first));

  IcsOptions options;
  options.expand_window = expand_window;
  std::map<std::string, std::string> file_of_uid;
  for (const std::string& path : sources.ics_files) {
    const auto text = config::read_file_text(path, options.max_bytes);
    if (!text)
      return Error{path + ": cannot read the ICS file: " + text.error().message};
    auto events = parse_ics(*text, path, options);
    if (!events)
      return events.error();
    if (auto problem =
            merge_local_events(path, std::move(events).value(), file_of_uid, inputs.local_events))
      return *problem;
  }
  inputs.local_events.insert(inputs.local_events.end(), sources.events.begin(),
                             sources.events.end());
  std::sort(inputs.local_events.begin(), inputs.local_events.end(),
            [](const LocalEvent& a, const LocalEvent& b) {
              return std::tie(a.dates.first, a.uid) < std::tie(b.dates.first, b.uid);
            });
  inputs.chunyun_official = sources.chunyun;
  inputs.two_sessions = sources.two_sessions;
  inputs.inspection = sources.inspection;
  return inputs;
}

}  // namespace riskwarn::calendar
