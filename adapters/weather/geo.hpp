#pragma once

#include <string_view>
#include <vector>

#include "rules/result.hpp"

// Point-in-area tests for CAP 1.2 <polygon> and <circle> (WGS 84, degrees). Pure functions.
namespace riskwarn::weather {

struct GeoPoint {
  double latitude = 0;
  double longitude = 0;

  friend bool operator==(const GeoPoint&, const GeoPoint&) = default;
};

// A closed ring: at least 4 points, the first equal to the last.
struct GeoPolygon {
  std::vector<GeoPoint> points;

  friend bool operator==(const GeoPolygon&, const GeoPolygon&) = default;
};

struct GeoCircle {
  GeoPoint centre;
  double radius_km = 0;

  friend bool operator==(const GeoCircle&, const GeoCircle&) = default;
};

// Parses a CAP polygon, space-separated "lat,lon" pairs: "38.30,114.45 38.30,114.72 ...".
// Errors name the pair at fault: not numbers, out of range, fewer than 4 pairs, not closed.
Result<GeoPolygon> parse_cap_polygon(std::string_view text);

// Parses a CAP circle, "lat,lon radius" with the radius in km: "38.15,114.57 12".
Result<GeoCircle> parse_cap_circle(std::string_view text);

// True when the point is inside the polygon or on its boundary (even-odd rule on the plane of
// latitude and longitude, which is exact enough at county scale away from the antimeridian).
bool contains(const GeoPolygon& polygon, GeoPoint point);

// True when the point's great-circle distance from the centre is at most the radius.
bool contains(const GeoCircle& circle, GeoPoint point);

// The great-circle distance between two points in km (haversine, mean Earth radius 6371.0088 km).
double distance_km(GeoPoint a, GeoPoint b);

}  // namespace riskwarn::weather
