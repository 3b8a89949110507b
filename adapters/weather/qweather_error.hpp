#pragma once

#include <optional>
#include <string_view>

namespace riskwarn::weather {

// What kind of failure a QWeather error code reports.
enum class QWeatherErrorKind {
  bad_request,   // 400: a wrong or missing parameter, an unknown location, data not available
  unauthorized,  // 401: the API key or JWT was rejected
  no_credit,     // 402 (v1), or v2 403 NO CREDIT / OVERDUE / UNPAID: quota or balance exhausted
  forbidden,     // 403: no permission (host, security restriction, suspended account)
  not_found,     // 404: the data or the location does not exist
  rate_limited,  // 429: too many requests per minute
  server_error,  // 5xx: QWeather failed or timed out
  unexpected,    // any other code
};

// A classified QWeather error.
struct QWeatherErrorClass {
  QWeatherErrorKind kind = QWeatherErrorKind::unexpected;
  int code = 0;              // the v1 body code or the v2/HTTP status
  bool retryable = false;    // the same request may succeed later with nothing changed
  std::string_view meaning;  // what the code means and what to do, in English
};

// The value of a QWeather status code written as text ("401"); nullopt unless 1 to 3 digits.
std::optional<int> qweather_status_code(std::string_view text);

// Classifies a QWeather error code: the v1 body "code" (e.g. 401) or the v2 HTTP status, with
// the v2 error.title when there is one (it tells NO CREDIT from FORBIDDEN within 403). Only 429
// and 5xx are retryable; QWeather asks clients to stop repeating other failing requests.
QWeatherErrorClass classify_qweather_error(int code, std::string_view v2_title = {});

// The error a QWeather response reports: from the body (a v1 code other than 200 and 204, or a
// v2 {"error":{...}} object), else from an HTTP status other than 200; nullopt for a success.
std::optional<QWeatherErrorClass> qweather_error_of(std::string_view body, long http_status);

}  // namespace riskwarn::weather
