#include "adapters/weather/qweather_error.hpp"

#include <algorithm>
#include <array>
#include <string>

#include <nlohmann/json.hpp>

#include "adapters/weather/response_text.hpp"

namespace riskwarn::weather {
namespace {

using nlohmann::json;

// v2 titles within 403 that mean the account has no credit left.
constexpr std::array<std::string_view, 3> kNoCreditTitles{"NO CREDIT", "OVERDUE", "UNPAID"};

QWeatherErrorClass make(QWeatherErrorKind kind, int code, bool retryable,
                        std::string_view meaning) {
  return QWeatherErrorClass{kind, code, retryable, meaning};
}

std::optional<int> integer_code(const json& value) {
  if (value.is_number_integer())
    return value.get<int>();
  if (value.is_string())
    return qweather_status_code(value.get_ref<const std::string&>());
  return std::nullopt;
}

}  // namespace

std::optional<int> qweather_status_code(std::string_view text) {
  if (text.empty() || text.size() > 3 ||
      !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  int value = 0;
  for (const char c : text)
    value = value * 10 + (c - '0');
  return value;
}

QWeatherErrorClass classify_qweather_error(int code, std::string_view v2_title) {
  using K = QWeatherErrorKind;
  const bool no_credit_title = std::any_of(
      kNoCreditTitles.begin(), kNoCreditTitles.end(),
      [v2_title](std::string_view t) { return text::equals_ignoring_case(v2_title, t); });
  if (code == 402 || (code == 403 && no_credit_title)) {
    return make(K::no_credit, code, false,
                "quota or balance exhausted: add credit or wait for the quota to reset");
  }
  switch (code) {
    case 400:
      return make(K::bad_request, code, false,
                  "bad request: a parameter is wrong or missing, or the location is unknown");
    case 401:
      return make(K::unauthorized, code, false,
                  "authentication failed: check the API key or the JWT credentials");
    case 403:
      return make(K::forbidden, code, false,
                  "forbidden: the key or host may not access this data, or the account is "
                  "restricted");
    case 404:
      return make(K::not_found, code, false, "not found: the data or location does not exist");
    case 429:
      return make(K::rate_limited, code, true, "too many requests per minute (QPM limit)");
    default:
      break;
  }
  if (code >= 500 && code <= 599)
    return make(K::server_error, code, true, "QWeather server error or timeout");
  return make(K::unexpected, code, false, "an error code QWeather does not document");
}

std::optional<QWeatherErrorClass> qweather_error_of(std::string_view body, long http_status) {
  const json root = json::parse(body.begin(), body.end(), nullptr, false);
  if (root.is_object()) {
    if (const auto error = root.find("error"); error != root.end() && error->is_object()) {
      const auto status = error->find("status");
      const auto title = error->find("title");
      const int code = status != error->end() && status->is_number_integer()
                           ? status->get<int>()
                           : static_cast<int>(http_status);
      return classify_qweather_error(
          code, title != error->end() && title->is_string() ? title->get<std::string>() : "");
    }
    if (const auto code = root.find("code"); code != root.end()) {
      const std::optional<int> value = integer_code(*code);
      if (value && (*value == 200 || *value == 204))
        return std::nullopt;
      if (value)
        return classify_qweather_error(*value);
    }
  }
  if (http_status == 200 || http_status == 0)
    return std::nullopt;
  return classify_qweather_error(static_cast<int>(http_status));
}

}  // namespace riskwarn::weather
