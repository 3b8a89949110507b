#include "adapters/weather/geo.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numbers>
#include <optional>
#include <string>

#include "adapters/weather/response_text.hpp"

namespace riskwarn::weather {
namespace {

constexpr double kEarthRadiusKm = 6371.0088;

std::optional<double> parse_number(std::string_view text) {
  double value = 0;
  const char* last = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), last, value);
  if (ec != std::errc{} || ptr != last || !std::isfinite(value))
    return std::nullopt;
  return value;
}

// "lat,lon" as a point, or an error naming the text.
Result<GeoPoint> parse_pair(std::string_view pair) {
  const std::size_t comma = pair.find(',');
  const std::optional<double> lat =
      comma == std::string_view::npos ? std::nullopt : parse_number(pair.substr(0, comma));
  const std::optional<double> lon =
      comma == std::string_view::npos ? std::nullopt : parse_number(pair.substr(comma + 1));
  if (!lat || !lon)
    return Error{text::quoted(pair) + " is not a pair lat,lon"};
  if (*lat < -90 || *lat > 90 || *lon < -180 || *lon > 180)
    return Error{text::quoted(pair) + " is out of range (latitude ±90, longitude ±180)"};
  return GeoPoint{*lat, *lon};
}

// The white-space separated words of text.
std::vector<std::string_view> words(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = text.find_first_not_of(" \t\r\n", pos);
    if (start == std::string_view::npos)
      break;
    const std::size_t end = std::min(text.find_first_of(" \t\r\n", start), text.size());
    out.push_back(text.substr(start, end - start));
    pos = end;
  }
  return out;
}

double radians(double degrees) {
  return degrees * std::numbers::pi / 180.0;
}

// True when p lies on the segment a-b (within a tolerance far below a metre).
bool on_segment(GeoPoint a, GeoPoint b, GeoPoint p) {
  constexpr double kEpsilon = 1e-9;
  const double cross = (b.longitude - a.longitude) * (p.latitude - a.latitude) -
                       (b.latitude - a.latitude) * (p.longitude - a.longitude);
  if (std::fabs(cross) > kEpsilon)
    return false;
  return p.latitude >= std::min(a.latitude, b.latitude) - kEpsilon &&
         p.latitude <= std::max(a.latitude, b.latitude) + kEpsilon &&
         p.longitude >= std::min(a.longitude, b.longitude) - kEpsilon &&
         p.longitude <= std::max(a.longitude, b.longitude) + kEpsilon;
}

}  // namespace

Result<GeoPolygon> parse_cap_polygon(std::string_view text) {
  GeoPolygon polygon;
  const std::vector<std::string_view> pairs = words(text);
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    Result<GeoPoint> point = parse_pair(pairs[i]);
    if (!point)
      return Error{"polygon point " + std::to_string(i + 1) + " " + point.error().message};
    polygon.points.push_back(*point);
  }
  if (polygon.points.size() < 4) {
    return Error{"polygon has " + std::to_string(polygon.points.size()) +
                 " points; CAP needs at least 4 with the first repeated at the end"};
  }
  if (polygon.points.front() != polygon.points.back())
    return Error{"polygon is not closed: its last point differs from its first"};
  return polygon;
}

Result<GeoCircle> parse_cap_circle(std::string_view text) {
  const std::vector<std::string_view> parts = words(text);
  if (parts.size() != 2)
    return Error{"circle " + text::quoted(text) + " is not \"lat,lon radius\""};
  Result<GeoPoint> centre = parse_pair(parts[0]);
  if (!centre)
    return Error{"circle centre " + centre.error().message};
  const std::optional<double> radius = parse_number(parts[1]);
  if (!radius || *radius < 0)
    return Error{"circle radius " + text::quoted(parts[1]) + " is not a distance in km"};
  return GeoCircle{*centre, *radius};
}

bool contains(const GeoPolygon& polygon, GeoPoint point) {
  const std::vector<GeoPoint>& v = polygon.points;
  bool inside = false;
  for (std::size_t i = 0, j = v.size() - 1; i < v.size(); j = i++) {
    if (on_segment(v[j], v[i], point))
      return true;
    const bool crosses = (v[i].latitude > point.latitude) != (v[j].latitude > point.latitude);
    if (crosses) {
      const double longitude_at = v[j].longitude + (point.latitude - v[j].latitude) *
                                                       (v[i].longitude - v[j].longitude) /
                                                       (v[i].latitude - v[j].latitude);
      if (point.longitude < longitude_at)
        inside = !inside;
    }
  }
  return inside;
}

bool contains(const GeoCircle& circle, GeoPoint point) {
  return distance_km(circle.centre, point) <= circle.radius_km;
}

double distance_km(GeoPoint a, GeoPoint b) {
  const double dlat = radians(b.latitude - a.latitude);
  const double dlon = radians(b.longitude - a.longitude);
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(radians(a.latitude)) * std::cos(radians(b.latitude)) *
                       std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

}  // namespace riskwarn::weather
