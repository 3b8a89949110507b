#include <vector>

#include <gtest/gtest.h>

#include "rules/assess/gale.hpp"
#include "tests/unit/rules/assess_series_builder.hpp"

namespace riskwarn {
namespace {

using test::series_hour;
using test::SeriesBuilder;

constexpr Level N = Level::none;
constexpr Level B = Level::blue;
constexpr Level Y = Level::yellow;
constexpr Level O = Level::orange;
constexpr Level R = Level::red;

GaleThresholds no_lead() {
  GaleThresholds t;
  t.lead = LeadWindows{0, 0, 0, 0};
  return t;
}

TEST(AssessGale, MeanWindLevelsAtTheBeaufortBounds) {
  SeriesBuilder b(9);
  b.set(Variable::wind_speed_ms, {10.7, 10.8, 17.1, 17.2, 24.4, 24.5, 32.6, 32.7, 10.75});
  const HazardAssessment a = assess_gale(b.series, no_lead());
  ASSERT_TRUE(a.evaluated);
  EXPECT_EQ(a.hazard, Hazard::gale);
  EXPECT_EQ(a.intensity, (std::vector<Level>{N, B, B, Y, Y, O, O, R, B}));
  EXPECT_TRUE(a.missing.empty());
}

TEST(AssessGale, GustLevelsAtTheBeaufortBounds) {
  SeriesBuilder b(8);
  b.fill(Variable::wind_speed_ms, 1.0);
  b.set(Variable::wind_gusts_ms, {13.8, 13.9, 20.7, 20.8, 28.4, 28.5, 36.9, 37.0});
  EXPECT_EQ(assess_gale(b.series, no_lead()).intensity,
            (std::vector<Level>{N, B, B, Y, Y, O, O, R}));
}

TEST(AssessGale, LeadWindowsOfTheSignal) {
  // One yellow hour (gust 9级) at hour 30: yellow from 12 h before, blue from 24 h before.
  SeriesBuilder b(40);
  b.fill(Variable::wind_speed_ms, 2.0).fill(Variable::wind_gusts_ms, 4.0);
  b.at(Variable::wind_gusts_ms, 30, 21.0);
  const HazardAssessment a = assess_gale(b.series, GaleThresholds{});
  EXPECT_EQ(to_spans(b.series.times, a.signal),
            (std::vector<Span>{{B, series_hour(6), series_hour(17)},
                               {Y, series_hour(18), series_hour(30)}}));
}

TEST(AssessGale, CountyOverridesOfForcesAndWindows) {
  SeriesBuilder b(10);
  b.fill(Variable::wind_speed_ms, 2.0).fill(Variable::wind_gusts_ms, 4.0);
  b.at(Variable::wind_speed_ms, 8, 9.0);  // 5级
  GaleThresholds t;
  t.blue_mean_force = 5;
  t.lead.blue = 2;
  EXPECT_EQ(to_spans(b.series.times, assess_gale(b.series, t).signal),
            (std::vector<Span>{{B, series_hour(6), series_hour(8)}}));
}

TEST(AssessGale, NullsNeverTriggerAndAreReportedMissing) {
  SeriesBuilder b(4);
  b.set(Variable::wind_speed_ms, {std::nullopt, 11.0, 2.0, std::nullopt});
  b.set(Variable::wind_gusts_ms, {21.0, std::nullopt, std::nullopt, std::nullopt});
  const HazardAssessment a = assess_gale(b.series, no_lead());
  EXPECT_EQ(a.intensity, (std::vector<Level>{Y, B, N, N}));
  EXPECT_EQ(a.missing, (std::vector<TimePoint>{series_hour(0), series_hour(1), series_hour(2),
                                               series_hour(3)}));
}

TEST(AssessGale, GustsAreOptionalAndMeanWindIsRequired) {
  SeriesBuilder with_mean(2);
  with_mean.set(Variable::wind_speed_ms, {2.0, 18.0});
  const HazardAssessment a = assess_gale(with_mean.series, no_lead());
  EXPECT_TRUE(a.evaluated);
  EXPECT_EQ(a.intensity, (std::vector<Level>{N, Y}));
  EXPECT_TRUE(a.missing.empty());

  SeriesBuilder gusts_only(2);
  gusts_only.set(Variable::wind_gusts_ms, {30.0, 30.0});
  const HazardAssessment b = assess_gale(gusts_only.series, no_lead());
  EXPECT_FALSE(b.evaluated);
  EXPECT_TRUE(b.intensity.empty());
  EXPECT_EQ(b.max_level(), N);
}

}  // namespace
}  // namespace riskwarn
