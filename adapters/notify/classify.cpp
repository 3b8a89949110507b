#include "adapters/notify/classify.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <memory>
#include <string>

#include "adapters/http/curl_error.hpp"

namespace riskwarn::notify {
namespace {

using std::chrono::seconds;

constexpr std::size_t kBodyExcerptBytes = 160;

DeliveryResult delivered(std::string detail) {
  return {Outcome::delivered, std::move(detail), std::nullopt};
}
DeliveryResult retryable(std::string detail, std::optional<seconds> retry_after = std::nullopt) {
  return {Outcome::retryable, std::move(detail), retry_after};
}
DeliveryResult permanent(std::string detail) {
  return {Outcome::permanent, std::move(detail), std::nullopt};
}

bool is_curl(const std::error_code& error, CURLcode code) {
  return error == http::make_error_code(code);
}

std::string_view trim(std::string_view text) {
  const auto space = [](char c) { return c == ' ' || c == '\t'; };
  while (!text.empty() && space(text.front()))
    text.remove_prefix(1);
  while (!text.empty() && space(text.back()))
    text.remove_suffix(1);
  return text;
}

bool read_digits(std::string_view text, std::size_t pos, std::size_t len, int& out) {
  const std::string_view digits = text.substr(pos, len);
  if (digits.size() != len ||
      !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return false;
  }
  return std::from_chars(digits.data(), digits.data() + len, out).ec == std::errc{};
}

// Parses an IMF-fixdate, "Sun, 06 Nov 1994 08:49:37 GMT" (RFC 9110 §5.6.7).
std::optional<TimePoint> parse_imf_fixdate(std::string_view text) {
  static constexpr std::array<std::string_view, 7> kDays{"Mon", "Tue", "Wed", "Thu",
                                                         "Fri", "Sat", "Sun"};
  static constexpr std::array<std::string_view, 12> kMonths{
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  if (text.size() != 29 || text.substr(3, 2) != ", " || text[7] != ' ' || text[11] != ' ' ||
      text[16] != ' ' || text[19] != ':' || text[22] != ':' || text.substr(25) != " GMT") {
    return std::nullopt;
  }
  if (std::find(kDays.begin(), kDays.end(), text.substr(0, 3)) == kDays.end())
    return std::nullopt;
  const auto month = std::find(kMonths.begin(), kMonths.end(), text.substr(8, 3));
  int day = 0, year = 0, hour = 0, minute = 0, second = 0;
  if (month == kMonths.end() || !read_digits(text, 5, 2, day) || !read_digits(text, 12, 4, year) ||
      !read_digits(text, 17, 2, hour) || !read_digits(text, 20, 2, minute) ||
      !read_digits(text, 23, 2, second)) {
    return std::nullopt;
  }
  const std::chrono::year_month_day date{
      std::chrono::year{year},
      std::chrono::month{static_cast<unsigned>(month - kMonths.begin() + 1)},
      std::chrono::day{static_cast<unsigned>(day)}};
  if (!date.ok() || hour > 23 || minute > 59 || second > 60)
    return std::nullopt;
  return std::chrono::sys_days{date} + std::chrono::hours{hour} + std::chrono::minutes{minute} +
         seconds{second};
}

// At most kBodyExcerptBytes of the body on one line, cut at a UTF-8 character boundary.
std::string body_excerpt(std::string_view body) {
  const auto is_control = [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; };
  while (!body.empty() && (body.front() == ' ' || is_control(body.front())))
    body.remove_prefix(1);
  if (body.size() > kBodyExcerptBytes) {
    std::size_t cut = kBodyExcerptBytes;
    while (cut > 0 && (static_cast<unsigned char>(body[cut]) & 0xC0) == 0x80)
      --cut;
    body = body.substr(0, cut);
  }
  std::string excerpt(body);
  std::replace_if(excerpt.begin(), excerpt.end(), is_control, ' ');
  excerpt.erase(excerpt.find_last_not_of(' ') + 1);
  return excerpt;
}

std::string status_detail(long status, std::string_view body) {
  std::string detail = "HTTP " + std::to_string(status);
  if (status >= 300 && status < 400)
    detail += " (redirects are not followed)";
  const std::string excerpt = body_excerpt(body);
  if (!excerpt.empty())
    detail += ": " + excerpt;
  return detail;
}

bool is_retryable_status(long status) {
  return status == 408 || status == 425 || status == 429 || (status >= 500 && status < 600);
}

// Curl's connect-phase timeouts say "Connection timed out" or "Resolving timed out".
bool timed_out_connecting(std::string_view error_text) {
  return error_text.find("Connection timed out") != std::string_view::npos ||
         error_text.find("Resolving timed out") != std::string_view::npos;
}

DeliveryResult classify_transport_error(const http::HttpResult& result, const std::string& host) {
  const std::error_code& error = result.error;
  if (is_curl(error, CURLE_OPERATION_TIMEDOUT)) {
    return retryable(timed_out_connecting(result.error_text)
                         ? "timeout connecting to " + host
                         : "timeout waiting for a response from " + host);
  }
  if (is_curl(error, CURLE_COULDNT_RESOLVE_HOST))
    return retryable("cannot resolve " + host);
  if (is_curl(error, CURLE_COULDNT_CONNECT))
    return retryable("cannot connect to " + host);
  if (is_curl(error, CURLE_FILESIZE_EXCEEDED))
    return retryable("response from " + host + " is too large");
  if (is_curl(error, CURLE_URL_MALFORMAT) || is_curl(error, CURLE_UNSUPPORTED_PROTOCOL))
    return permanent("invalid endpoint URL: " + error.message());
  if (error == std::errc::invalid_argument)
    return permanent("invalid request to " + host);
  if (error == std::errc::operation_canceled)
    return {Outcome::cancelled, "cancelled before " + host + " answered", std::nullopt};
  return retryable(error.message() + " (" + host + ")");
}

struct CurlUrlFree {
  void operator()(CURLU* url) const { curl_url_cleanup(url); }
};
struct CurlStringFree {
  void operator()(char* text) const { curl_free(text); }
};

std::optional<std::string> url_part(CURLU* url, CURLUPart part) {
  char* raw = nullptr;
  if (curl_url_get(url, part, &raw, 0) != CURLUE_OK || raw == nullptr)
    return std::nullopt;
  const std::unique_ptr<char, CurlStringFree> owned(raw);
  return std::string(owned.get());
}

}  // namespace

std::string host_for_messages(std::string_view url) {
  const std::unique_ptr<CURLU, CurlUrlFree> parsed(curl_url());
  if (!parsed ||
      curl_url_set(parsed.get(), CURLUPART_URL, std::string(url).c_str(), 0) != CURLUE_OK)
    return "the endpoint";
  auto host = url_part(parsed.get(), CURLUPART_HOST);
  if (!host || host->empty())
    return "the endpoint";
  if (const auto port = url_part(parsed.get(), CURLUPART_PORT))
    return *host + ":" + *port;
  return *host;
}

std::optional<seconds> parse_retry_after(std::string_view value, TimePoint now) {
  value = trim(value);
  if (value.empty())
    return std::nullopt;
  if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    std::uint64_t delay = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), delay);
    if (ec == std::errc::result_out_of_range ||
        delay > static_cast<std::uint64_t>(kMaxRetryAfter.count())) {
      return kMaxRetryAfter;
    }
    return seconds{static_cast<seconds::rep>(delay)};
  }
  const auto date = parse_imf_fixdate(value);
  if (!date)
    return std::nullopt;
  return std::clamp(*date - now, seconds{0}, kMaxRetryAfter);
}

DeliveryResult classify_http_result(const http::HttpResult& result, std::string_view request_url,
                                    TimePoint now) {
  if (result.error)
    return classify_transport_error(result, host_for_messages(request_url));
  const long status = result.response.status;
  if (status < 100 || status > 599)
    return retryable("invalid HTTP status " + std::to_string(status) + " from " +
                     host_for_messages(request_url));
  if (status >= 200 && status < 300)
    return delivered("HTTP " + std::to_string(status));
  std::string detail = status_detail(status, result.response.body);
  if (is_retryable_status(status)) {
    std::optional<seconds> retry_after;
    if (const auto header = result.response.header("retry-after"))
      retry_after = parse_retry_after(*header, now);
    return retryable(std::move(detail), retry_after);
  }
  return permanent(std::move(detail));
}

}  // namespace riskwarn::notify
