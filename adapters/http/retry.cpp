#include "adapters/http/retry.hpp"

#include <algorithm>
#include <charconv>
#include <string>

#include <curl/curl.h>

#include "adapters/http/curl_error.hpp"

namespace riskwarn::http {
namespace {

constexpr double kJitterLow = 0.8;
constexpr double kJitterSpan = 0.4;

bool is_transient_transport_error(const std::error_code& error) {
  if (error.category() != curl_easy_category())
    return false;
  switch (static_cast<CURLcode>(error.value())) {
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
      return true;
    default:
      return false;
  }
}

std::string_view trim(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos)
    return {};
  const std::size_t last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

}  // namespace

bool is_transient_failure(const HttpResult& result) {
  if (result.error)
    return is_transient_transport_error(result.error);
  const long status = result.response.status;
  return status == 408 || status == 429 || (status >= 500 && status <= 599);
}

std::optional<std::chrono::seconds> retry_after(const HttpResponse& response,
                                                std::chrono::system_clock::time_point now) {
  const std::optional<std::string> header = response.header("retry-after");
  if (!header)
    return std::nullopt;
  const std::string_view value = trim(*header);
  if (value.empty())
    return std::nullopt;
  long long seconds = 0;
  const auto [end, code] = std::from_chars(value.data(), value.data() + value.size(), seconds);
  if (code == std::errc{} && end == value.data() + value.size())
    return seconds < 0 ? std::nullopt : std::optional(std::chrono::seconds{seconds});
  // curl_getdate reads the RFC 9110 date formats; it returns -1 for anything else.
  const time_t at = curl_getdate(std::string(value).c_str(), nullptr);
  if (at == -1)
    return std::nullopt;
  const auto wait = std::chrono::system_clock::from_time_t(at) - now;
  return std::chrono::ceil<std::chrono::seconds>(
      std::max(wait, std::chrono::system_clock::duration::zero()));
}

std::chrono::milliseconds backoff_delay(int retry, std::chrono::milliseconds base,
                                        std::chrono::milliseconds cap, double unit_random) {
  std::chrono::milliseconds delay = base;
  for (int i = 1; i < retry && delay < cap; ++i)
    delay *= 2;
  delay = std::min(delay, cap);
  const double factor = kJitterLow + kJitterSpan * std::clamp(unit_random, 0.0, 1.0);
  return std::chrono::milliseconds{
      static_cast<std::chrono::milliseconds::rep>(static_cast<double>(delay.count()) * factor)};
}

}  // namespace riskwarn::http
