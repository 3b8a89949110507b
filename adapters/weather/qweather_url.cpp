#include "adapters/weather/qweather_url.hpp"

#include "adapters/http/percent_encode.hpp"

#include <array>
#include <charconv>

namespace riskwarn::weather {
namespace {

constexpr std::string_view kV7Path = "/v7/warning/now";
constexpr std::string_view kV1Path = "/weatheralert/v1/current";

// A coordinate with exactly two decimals, independent of the locale: 34.75, -0.50, 113.62.
std::string coordinate(double degrees) {
  std::array<char, 512> buf{};  // room for any finite double in fixed notation
  char* end =
      std::to_chars(buf.data(), buf.data() + buf.size(), degrees, std::chars_format::fixed, 2).ptr;
  std::string text(buf.data(), end);
  return text == "-0.00" ? "0.00" : text;
}

// The URL up to its query, without trailing slashes.
std::string_view path_part(std::string_view url) {
  std::string_view path = url.substr(0, url.find('?'));
  while (path.ends_with('/'))
    path.remove_suffix(1);
  return path;
}

// The query of the URL without its '?', or empty.
std::string_view query_part(std::string_view url) {
  const std::size_t mark = url.find('?');
  return mark == std::string_view::npos ? std::string_view{} : url.substr(mark + 1);
}

std::string with_query(std::string url, std::string_view existing, std::string_view added) {
  url += '?';
  if (!existing.empty()) {
    url += existing;
    url += '&';
  }
  url += added;
  return url;
}

}  // namespace

QWeatherEndpoint qweather_endpoint_of(std::string_view feed_url) {
  return path_part(feed_url).ends_with(kV7Path) ? QWeatherEndpoint::warning_now_v7
                                                : QWeatherEndpoint::weather_alert_v1;
}

std::string qweather_warning_url(std::string_view feed_url, const config::County& county,
                                 std::string_view location_id) {
  const std::string_view path = path_part(feed_url);
  const std::string_view query = query_part(feed_url);
  if (qweather_endpoint_of(feed_url) == QWeatherEndpoint::warning_now_v7) {
    const std::string location =
        location_id.empty() ? coordinate(county.longitude) + "," + coordinate(county.latitude)
                            : http::percent_encode(location_id);
    return with_query(std::string{path}, query, "location=" + location + "&lang=zh");
  }
  std::string url{path};
  if (!path.ends_with(kV1Path))
    url += kV1Path;
  url += "/" + coordinate(county.latitude) + "/" + coordinate(county.longitude);
  return with_query(std::move(url), query, "localTime=true&lang=zh");
}

}  // namespace riskwarn::weather
