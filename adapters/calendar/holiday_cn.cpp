#include "adapters/calendar/holiday_cn.hpp"

#include <algorithm>
#include <cstddef>
#include <map>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace riskwarn::calendar {
namespace {

using nlohmann::json;

constexpr int kFirstYear = 1901;
constexpr int kLastYear = 2100;
constexpr std::size_t kMaxQuoted = 40;

Error failure(std::string_view source_name, std::string_view what) {
  return Error{std::string(source_name) + ": " + std::string(what)};
}

// A JSON value for a message, shortened.
std::string quoted(const json& value) {
  std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
  if (text.size() > kMaxQuoted)
    text = text.substr(0, kMaxQuoted) + "...";
  return text;
}

// "line L, column C" of the 1-based byte offset where a syntax error was found.
std::string position_of(std::string_view text, std::size_t byte) {
  const std::size_t end = std::min(byte == 0 ? 0 : byte - 1, text.size());
  const std::string_view before = text.substr(0, end);
  const auto line = 1 + std::count(before.begin(), before.end(), '\n');
  const std::size_t line_start = before.rfind('\n');
  const std::size_t column = end - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1;
  return std::to_string(line) + ":" + std::to_string(column);
}

// What a json exception says after its "[json.exception.x.N] ... column C: " prefix.
std::string_view syntax_problem(const json::exception& e) {
  std::string_view what = e.what();
  if (const std::size_t column = what.find("column "); column != std::string_view::npos) {
    if (const std::size_t colon = what.find(": ", column); colon != std::string_view::npos)
      return what.substr(colon + 2);
  }
  const std::size_t end_of_id = what.find("] ");
  return end_of_id == std::string_view::npos ? what : what.substr(end_of_id + 2);
}

// The member key of object at path, with its expected JSON type, or an error.
Result<const json*> member(const json& object, std::string_view path, const char* key,
                           json::value_t type, std::string_view type_name,
                           std::string_view source_name) {
  const auto found = object.find(key);
  const std::string where = std::string(path) + (path.empty() ? "" : ".") + key;
  if (found == object.end())
    return failure(source_name, where + ": missing");
  const bool integer_wanted = type == json::value_t::number_integer;
  const bool matches = integer_wanted ? found->is_number_integer() : found->type() == type;
  if (!matches) {
    return failure(source_name,
                   where + ": expected " + std::string(type_name) + ", got " + quoted(*found));
  }
  return &*found;
}

// One element of "days" at path; its date must belong to the notice's year.
Result<OfficialDay> parse_day(const json& item, const std::string& path, int year,
                              std::string_view source_name) {
  if (!item.is_object())
    return failure(source_name, path + ": expected an object, got " + quoted(item));
  const auto name = member(item, path, "name", json::value_t::string, "a string", source_name);
  if (!name)
    return name.error();
  const auto date = member(item, path, "date", json::value_t::string, "a string", source_name);
  if (!date)
    return date.error();
  const auto off =
      member(item, path, "isOffDay", json::value_t::boolean, "true or false", source_name);
  if (!off)
    return off.error();
  const std::string& name_text = (*name)->get_ref<const std::string&>();
  if (name_text.empty())
    return failure(source_name, path + ".name: must not be empty");
  const std::string& date_text = (*date)->get_ref<const std::string&>();
  const std::optional<Date> parsed = parse_date(date_text);
  if (!parsed) {
    return failure(source_name, path + ".date: " + quoted(**date) + " is not a date (YYYY-MM-DD)");
  }
  const bool in_year = parsed->year() == std::chrono::year{year};
  const bool in_previous_december =
      parsed->year() == std::chrono::year{year - 1} && parsed->month() == std::chrono::December;
  if (!in_year && !in_previous_december) {
    return failure(source_name, path + ".date: " + date_text + " is outside the " +
                                    std::to_string(year) + " notice (its year and December " +
                                    std::to_string(year - 1) + ")");
  }
  return OfficialDay{*parsed, name_text, (*off)->get<bool>()};
}

}  // namespace

Result<std::vector<OfficialDay>> parse_holiday_cn(std::string_view text,
                                                  std::string_view source_name) {
  json root;
  try {
    root = json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    return Error{std::string(source_name) + ":" + position_of(text, e.byte) +
                 ": invalid JSON: " + std::string(syntax_problem(e))};
  } catch (const json::exception& e) {  // a number too large for a double
    return failure(source_name, "invalid JSON: " + std::string(syntax_problem(e)));
  }
  if (!root.is_object())
    return failure(source_name, "expected a holiday-cn object, got " + quoted(root));
  const auto year =
      member(root, "", "year", json::value_t::number_integer, "an integer", source_name);
  if (!year)
    return year.error();
  const auto year_value = (*year)->get<std::int64_t>();
  if (year_value < kFirstYear || year_value > kLastYear) {
    return failure(source_name, "year: " + std::to_string(year_value) + " is out of range " +
                                    std::to_string(kFirstYear) + ".." + std::to_string(kLastYear));
  }
  const auto papers = member(root, "", "papers", json::value_t::array, "an array", source_name);
  if (!papers)
    return papers.error();
  for (std::size_t i = 0; i < (*papers)->size(); ++i) {
    if (!(**papers)[i].is_string()) {
      return failure(source_name, "papers[" + std::to_string(i) + "]: expected a string, got " +
                                      quoted((**papers)[i]));
    }
  }
  const auto days = member(root, "", "days", json::value_t::array, "an array", source_name);
  if (!days)
    return days.error();

  std::vector<OfficialDay> result;
  std::map<Date, std::size_t> index_of_date;
  for (std::size_t i = 0; i < (*days)->size(); ++i) {
    const std::string path = "days[" + std::to_string(i) + "]";
    Result<OfficialDay> day =
        parse_day((**days)[i], path, static_cast<int>(year_value), source_name);
    if (!day)
      return day.error();
    const auto [earlier, inserted] = index_of_date.emplace(day->date, i);
    if (!inserted) {
      return failure(source_name, path + ".date: " + format_date(day->date) +
                                      " is listed twice (also days[" +
                                      std::to_string(earlier->second) + "])");
    }
    result.push_back(std::move(day).value());
  }
  std::sort(result.begin(), result.end(),
            [](const OfficialDay& a, const OfficialDay& b) { return a.date < b.date; });
  return result;
}

}  // namespace riskwarn::calendar
