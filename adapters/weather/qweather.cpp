#include "adapters/weather/qweather.hpp"

#include <algorithm>
#include <chrono>
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "adapters/weather/qweather_error.hpp"
#include "adapters/weather/response_text.hpp"
#include "adapters/weather/warning_levels.hpp"
#include "adapters/weather/warning_types.hpp"
#include "rules/time.hpp"

namespace riskwarn::weather {
namespace {

using nlohmann::json;

// QWeather's rule for a warning without an end time (reference weather.md §3.1).
constexpr std::chrono::hours kDefaultValidity{24};

Error failure(std::string what) {
  return Error{"qweather: " + std::move(what)};
}

// A json exception's description without its "[json.exception.parse_error.101] " prefix.
std::string_view description(const json::exception& e) {
  const std::string_view what = e.what();
  const std::size_t end_of_id = what.find("] ");
  return end_of_id == std::string_view::npos ? what : what.substr(end_of_id + 2);
}

Result<json> parse_json(std::string_view body) {
  if (text::trim(body).empty())
    return failure("response body is empty");
  if (text::is_html_page(body)) {
    const auto title = text::html_title(body);
    return failure("response is an HTML page, not JSON (a proxy or login page?)" +
                   (title ? " titled " + text::quoted(*title) : std::string{}));
  }
  try {
    return json::parse(body.begin(), body.end());
  } catch (const json::parse_error& e) {
    return failure("response is not valid JSON (byte " + std::to_string(e.byte) +
                   "): " + text::excerpt(description(e), 200));
  } catch (const json::exception& e) {
    return failure("response is not valid JSON: " + text::excerpt(description(e), 200));
  }
}

// "error 401 (authentication failed ...): detail; not retried ...".
Error api_error(const QWeatherErrorClass& error, std::string_view detail) {
  std::string message = "the API answered error " + std::to_string(error.code) + " (" +
                        std::string{error.meaning} + ")";
  if (!detail.empty())
    message += ": " + text::excerpt(detail, 200);
  message += error.retryable ? "; retryable after a back-off"
                             : "; not retryable: repeating the request will not help";
  return failure(std::move(message));
}

// A string field as text: absent and null are empty, numbers and booleans are written out.
Result<std::string> string_field(const json& object, std::string_view key,
                                 const std::string& path) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null())
    return std::string{};
  if (it->is_string())
    return it->get<std::string>();
  if (it->is_number() || it->is_boolean())
    return it->dump();
  return failure(path + "." + std::string{key} + " must be a string, got " + it->type_name());
}

// A time field: nullopt when absent or empty; an error when present and not ISO 8601.
Result<std::optional<TimePoint>> time_field(const json& object, std::string_view key,
                                            const std::string& path) {
  Result<std::string> value = string_field(object, key, path);
  if (!value)
    return value.error();
  if (text::trim(*value).empty())
    return std::optional<TimePoint>{};
  const std::optional<TimePoint> t = parse_iso8601(text::trim(*value));
  if (!t) {
    return failure(path + "." + std::string{key} + " " + text::quoted(*value) +
                   " is not a time like 2025-12-31T00:15+08:00");
  }
  return t;
}

// The numeric status of a v7 "code" ("200" or 200); nullopt when it is not a number.
std::optional<int> status_code(const json& code) {
  if (code.is_number_integer())
    return code.get<int>();
  if (code.is_string())
    return qweather_status_code(code.get_ref<const std::string&>());
  return std::nullopt;
}

Level resolve_level(std::string_view colour, std::string_view severity, std::string_view title) {
  if (const auto level = level_of_colour(colour))
    return *level;
  if (const auto level = level_of_severity(severity))
    return *level;
  return level_in_title(title).value_or(Level::blue);
}

std::optional<Hazard> resolve_hazard(std::string_view code, std::string_view name,
                                     std::string_view title) {
  for (const TypeLookup lookup : {qweather_type(code), type_named_in(name), type_named_in(title)}) {
    if (lookup.known)
      return lookup.hazard;
  }
  return std::nullopt;
}

// Ids separated by commas or white space.
std::vector<std::string> split_ids(std::string_view text) {
  std::vector<std::string> ids;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = text.find_first_not_of(", \t\r\n", pos);
    if (start == std::string_view::npos)
      break;
    const std::size_t end = std::min(text.find_first_of(", \t\r\n", start), text.size());
    ids.emplace_back(text.substr(start, end - start));
    pos = end;
  }
  return ids;
}

// One warning as read, before cancels and supersessions in the reply are applied.
struct Draft {
  OfficialWarning warning;
  std::vector<std::string> supersedes;
  bool cancel = false;
};

// The fields read from one warning object, in either shape.
struct Fields {
  std::string id, sender, title, type, type_name, colour, severity, status;
  std::optional<TimePoint> issued, start, end;
  std::vector<std::string> supersedes;
};

Result<Draft> to_draft(Fields f, const std::string& path) {
  if (f.id.empty())
    return failure(path + " has no id");
  const std::optional<TimePoint> start = f.start ? f.start : f.issued;
  if (!start)
    return failure(path + " (id " + f.id + ") has no start or publication time");
  Draft draft;
  OfficialWarning& w = draft.warning;
  w.hazard = resolve_hazard(f.type, f.type_name, f.title);
  w.type_name = f.type_name;
  w.type_code = f.type;
  w.level = resolve_level(f.colour, f.severity, f.title);
  w.start = *start;
  w.end = f.end ? *f.end : *start + kDefaultValidity;
  w.issued = f.issued.value_or(*start);
  w.headline = std::move(f.title);
  w.sender = std::move(f.sender);
  w.source_format = "qweather";
  w.id = std::move(f.id);
  draft.supersedes = std::move(f.supersedes);
  draft.cancel = text::equals_ignoring_case(f.status, "cancel");
  return draft;
}

// Reads string fields into the targets, stopping at the first error.
template <class... Pairs>
std::optional<Error> read_strings(const json& object, const std::string& path, Pairs&&... pairs) {
  std::optional<Error> error;
  const auto read = [&](std::string_view key, std::string& target) {
    if (error)
      return;
    Result<std::string> value = string_field(object, key, path);
    if (value)
      target = std::move(value).value();
    else
      error = value.error();
  };
  (read(pairs.first, pairs.second), ...);
  return error;
}

std::optional<Error> read_times(const json& object, const std::string& path,
                                std::initializer_list<std::string_view> keys,
                                std::optional<TimePoint>& target) {
  for (const std::string_view key : keys) {
    Result<std::optional<TimePoint>> t = time_field(object, key, path);
    if (!t)
      return t.error();
    if (*t) {
      target = *t;
      return std::nullopt;
    }
  }
  return std::nullopt;
}

// One entry of the v7 "warning" array.
Result<Draft> read_v7_warning(const json& entry, const std::string& path) {
  if (!entry.is_object())
    return failure(path + " must be an object, got " + entry.type_name());
  Fields f;
  std::string related;
  using P = std::pair<std::string_view, std::string&>;
  if (auto error =
          read_strings(entry, path, P{"id", f.id}, P{"sender", f.sender}, P{"title", f.title},
                       P{"type", f.type}, P{"typeName", f.type_name}, P{"severityColor", f.colour},
                       P{"severity", f.severity}, P{"status", f.status}, P{"related", related})) {
    return *error;
  }
  for (auto [key, target] : {std::pair{"pubTime", &f.issued}, std::pair{"startTime", &f.start},
                             std::pair{"endTime", &f.end}}) {
    if (auto error = read_times(entry, path, {key}, *target))
      return *error;
  }
  f.supersedes = split_ids(related);
  return to_draft(std::move(f), path);
}

// A nested object such as v1 "eventType"; an empty object when absent or null.
Result<const json*> object_field(const json& object, std::string_view key,
                                 const std::string& path) {
  static const json kEmpty = json::object();
  const auto it = object.find(key);
  if (it == object.end() || it->is_null())
    return &kEmpty;
  if (!it->is_object())
    return failure(path + "." + std::string{key} + " must be an object, got " + it->type_name());
  return &*it;
}

// One entry of the v1 "alerts" array.
Result<Draft> read_v1_alert(const json& entry, const std::string& path) {
  if (!entry.is_object())
    return failure(path + " must be an object, got " + entry.type_name());
  Result<const json*> message_type = object_field(entry, "messageType", path);
  Result<const json*> event_type = object_field(entry, "eventType", path);
  Result<const json*> colour = object_field(entry, "color", path);
  for (const auto* r : {&message_type, &event_type, &colour}) {
    if (!*r)
      return r->error();
  }
  Fields f;
  using P = std::pair<std::string_view, std::string&>;
  if (auto error = read_strings(entry, path, P{"id", f.id}, P{"senderName", f.sender},
                                P{"headline", f.title}, P{"severity", f.severity})) {
    return *error;
  }
  if (auto error = read_strings(**event_type, path + ".eventType", P{"code", f.type},
                                P{"name", f.type_name})) {
    return *error;
  }
  if (auto error = read_strings(**colour, path + ".color", P{"code", f.colour}))
    return *error;
  if (auto error = read_strings(**message_type, path + ".messageType", P{"code", f.status}))
    return *error;
  if (auto error = read_times(entry, path, {"issuedTime"}, f.issued))
    return *error;
  if (auto error = read_times(entry, path, {"onsetTime", "effectiveTime"}, f.start))
    return *error;
  if (auto error = read_times(entry, path, {"expireTime", "expiredTime"}, f.end))
    return *error;
  if (const auto it = (*message_type)->find("supersedes");
      it != (*message_type)->end() && !it->is_null()) {
    if (!it->is_array())
      return failure(path + ".messageType.supersedes must be an array, got " + it->type_name());
    for (const json& id : *it) {
      if (!id.is_string())
        return failure(path + ".messageType.supersedes must hold strings");
      f.supersedes.push_back(id.get<std::string>());
    }
  }
  return to_draft(std::move(f), path);
}

// The reply once cancels and supersessions within it are applied.
QWeatherReply assemble(std::vector<Draft> drafts) {
  QWeatherReply reply;
  const auto retire = [&reply](const std::string& id) {
    if (std::find(reply.retired_ids.begin(), reply.retired_ids.end(), id) ==
        reply.retired_ids.end()) {
      reply.retired_ids.push_back(id);
    }
  };
  for (const Draft& draft : drafts) {
    if (draft.cancel)
      retire(draft.warning.id);
    for (const std::string& id : draft.supersedes) {
      if (id != draft.warning.id)
        retire(id);
    }
  }
  for (Draft& draft : drafts) {
    const std::string& id = draft.warning.id;
    const bool retired = std::find(reply.retired_ids.begin(), reply.retired_ids.end(), id) !=
                         reply.retired_ids.end();
    const bool seen = std::any_of(reply.warnings.begin(), reply.warnings.end(),
                                  [&id](const OfficialWarning& w) { return w.id == id; });
    if (!retired && !seen)
      reply.warnings.push_back(std::move(draft.warning));
  }
  return reply;
}

template <class Reader>
Result<QWeatherReply> read_list(const json& list, const std::string& name, Reader read) {
  std::vector<Draft> drafts;
  for (std::size_t i = 0; i < list.size(); ++i) {
    Result<Draft> draft = read(list[i], name + "[" + std::to_string(i) + "]");
    if (!draft)
      return draft.error();
    drafts.push_back(std::move(draft).value());
  }
  return assemble(std::move(drafts));
}

// A /v7/warning/now body: {"code":"200","warning":[...]}.
Result<QWeatherReply> read_v7(const json& root) {
  const json& code = root.at("code");
  const std::optional<int> status = status_code(code);
  if (!status)
    return failure("code " + text::excerpt(code.dump()) + " is not a status code");
  if (*status == 204) {
    QWeatherReply reply;
    reply.no_data = true;
    return reply;
  }
  if (*status != 200)
    return api_error(classify_qweather_error(*status), {});
  const auto list = root.find("warning");
  if (list == root.end())
    return failure("code 200 without a warning array");
  if (!list->is_array())
    return failure("warning must be an array, got " + std::string{list->type_name()});
  return read_list(*list, "warning", read_v7_warning);
}

// A /weatheralert/v1/current body: {"metadata":{"zeroResult":...},"alerts":[...]}.
Result<QWeatherReply> read_v1(const json& root) {
  Result<const json*> metadata = object_field(root, "metadata", "response");
  if (!metadata)
    return metadata.error();
  if (const auto zero = (*metadata)->find("zeroResult");
      zero != (*metadata)->end() && *zero == true) {
    return QWeatherReply{};
  }
  const auto list = root.find("alerts");
  if (list == root.end() || list->is_null())
    return failure("metadata.zeroResult is not true but there is no alerts array");
  if (!list->is_array())
    return failure("alerts must be an array, got " + std::string{list->type_name()});
  return read_list(*list, "alerts", read_v1_alert);
}

// A v2 error body: {"error":{"status":401,"type":...,"title":...,"detail":...}}.
Error read_v2_error(const json& error) {
  if (!error.is_object())
    return failure("the API answered an error: " + text::excerpt(error.dump(), 200));
  const auto status = error.find("status");
  const int code = status != error.end() && status->is_number_integer() ? status->get<int>() : 0;
  const auto text_of = [&error](std::string_view key) {
    const auto it = error.find(key);
    return it != error.end() && it->is_string() ? it->get<std::string>() : std::string{};
  };
  const std::string title = text_of("title");
  std::string detail = title;
  if (const std::string more = text_of("detail"); !more.empty())
    detail += (detail.empty() ? "" : ": ") + more;
  return api_error(classify_qweather_error(code, title), detail);
}

}  // namespace

Result<QWeatherReply> parse_qweather(std::string_view body) {
  Result<json> parsed = parse_json(body);
  if (!parsed)
    return parsed.error();
  const json& root = *parsed;
  if (!root.is_object())
    return failure("response must be a JSON object, got " + std::string{root.type_name()});
  if (const auto error = root.find("error"); error != root.end())
    return read_v2_error(*error);
  if (root.contains("code"))
    return read_v7(root);
  if (root.contains("metadata") || root.contains("alerts"))
    return read_v1(root);
  return failure(
      "response is neither a /v7/warning/now body (code, warning) nor a /weatheralert/v1 body "
      "(metadata, alerts)");
}

}  // namespace riskwarn::weather
