#include <gtest/gtest.h>

#include "adapters/weather/geo.hpp"

namespace riskwarn::weather {
namespace {

GeoPolygon box() {
  Result<GeoPolygon> polygon =
      parse_cap_polygon("38.30,114.45 38.30,114.72 38.07,114.72 38.07,114.45 38.30,114.45");
  EXPECT_TRUE(polygon) << (polygon ? "" : polygon.error().message);
  return polygon ? *polygon : GeoPolygon{};
}

TEST(Geo, PolygonContainsPointsInsideAndOnItsEdgeOnly) {
  EXPECT_TRUE(contains(box(), {38.15, 114.57}));
  EXPECT_TRUE(contains(box(), {38.30, 114.60})) << "on the northern edge";
  EXPECT_TRUE(contains(box(), {38.07, 114.45})) << "a corner";
  EXPECT_FALSE(contains(box(), {38.31, 114.57}));
  EXPECT_FALSE(contains(box(), {38.15, 114.44}));
}

TEST(Geo, ConcavePolygonExcludesItsNotch) {
  // A U shape: the notch between the arms is outside.
  const Result<GeoPolygon> u = parse_cap_polygon("0,0 0,3 3,3 3,2 1,2 1,1 3,1 3,0 0,0");
  ASSERT_TRUE(u) << u.error().message;
  EXPECT_TRUE(contains(*u, {0.5, 1.5}));
  EXPECT_TRUE(contains(*u, {2, 2.5}));
  EXPECT_FALSE(contains(*u, {2, 1.5}));
}

TEST(Geo, MalformedPolygonsNameTheProblem) {
  EXPECT_EQ(parse_cap_polygon("1,1 1,2 2,2").error().message,
            "polygon has 3 points; CAP needs at least 4 with the first repeated at the end");
  EXPECT_EQ(parse_cap_polygon("1,1 1,2 2,2 2,1").error().message,
            "polygon is not closed: its last point differs from its first");
  EXPECT_EQ(parse_cap_polygon("1,1 1;2 2,2 1,1").error().message,
            "polygon point 2 \"1;2\" is not a pair lat,lon");
  EXPECT_EQ(parse_cap_polygon("1,1 91,2 2,2 1,1").error().message,
            "polygon point 2 \"91,2\" is out of range (latitude ±90, longitude ±180)");
}

TEST(Geo, CircleContainsPointsWithinItsRadius) {
  const Result<GeoCircle> circle = parse_cap_circle(" 38.15,114.57  12 ");
  ASSERT_TRUE(circle) << circle.error().message;
  EXPECT_EQ(*circle, (GeoCircle{{38.15, 114.57}, 12}));
  EXPECT_TRUE(contains(*circle, {38.20, 114.60}));
  EXPECT_TRUE(contains(*circle, {38.15 + 0.107, 114.57})) << "about 11.9 km north";
  EXPECT_FALSE(contains(*circle, {38.15 + 0.109, 114.57})) << "about 12.1 km north";
  EXPECT_TRUE(contains(GeoCircle{{38.15, 114.57}, 0}, {38.15, 114.57}));
}

TEST(Geo, MalformedCirclesNameTheProblem) {
  EXPECT_EQ(parse_cap_circle("38.15,114.57").error().message,
            "circle \"38.15,114.57\" is not \"lat,lon radius\"");
  EXPECT_EQ(parse_cap_circle("38.15,114.57 -1").error().message,
            "circle radius \"-1\" is not a distance in km");
  EXPECT_EQ(parse_cap_circle("x,114.57 3").error().message,
            "circle centre \"x,114.57\" is not a pair lat,lon");
}

TEST(Geo, DistanceIsTheGreatCircle) {
  EXPECT_NEAR(distance_km({0, 0}, {1, 0}), 111.195, 0.01);
  EXPECT_NEAR(distance_km({0, 179.5}, {0, -179.5}), 111.195, 0.01) << "across the antimeridian";
  EXPECT_NEAR(distance_km({39.9042, 116.4074}, {31.2304, 121.4737}), 1067.3, 1.0);
}

}  // namespace
}  // namespace riskwarn::weather
