#include <chrono>
#include <optional>
#include <vector>

#include <gtest/gtest.h>

#include "rules/assess/fog.hpp"

namespace riskwarn {
namespace {

using std::chrono::hours;

const TimePoint kStart = std::chrono::sys_days{std::chrono::year{2026} / 1 / 10};

TimePoint hour(int h) {
  return kStart + hours{h};
}

// A series with one hour per visibility value and every other fog input set to "foggy":
// RH 95 %, no precipitation, weather code 45. Tests then override single values.
struct FogSeries {
  HourlySeries series;

  explicit FogSeries(const std::vector<std::optional<double>>& visibility) {
    for (std::size_t i = 0; i < visibility.size(); ++i) {
      series.times.push_back(hour(static_cast<int>(i)));
    }
    set(Variable::visibility_m, visibility);
    set(Variable::relative_humidity_pct, Column(visibility.size(), 95.0));
    set(Variable::precipitation_mm, Column(visibility.size(), 0.0));
    set(Variable::weather_code, Column(visibility.size(), 45.0));
  }

  FogSeries& set(Variable v, Column values) {
    series.columns[static_cast<std::size_t>(v)] = std::move(values);
    return *this;
  }
  FogSeries& at(Variable v, std::size_t h, std::optional<double> value) {
    (*series.columns[static_cast<std::size_t>(v)])[h] = value;
    return *this;
  }
  FogSeries& drop(Variable v) {
    series.columns[static_cast<std::size_t>(v)].reset();
    return *this;
  }
};

// Thresholds with no lead time, so the signal equals the intensity.
FogThresholds no_lead() {
  FogThresholds t;
  t.lead = LeadWindows{0, 0, 0, 0};
  return t;
}

TEST(AssessFog, LevelsByVisibilityWithStrictBoundaries) {
  const FogSeries fog({1000, 999.99, 500, 499.99, 200, 199.99, 50, 49.99, 0});
  const HazardAssessment a = assess_fog(fog.series, no_lead());
  ASSERT_TRUE(a.evaluated);
  EXPECT_EQ(a.hazard, Hazard::fog);
  EXPECT_EQ(a.intensity,
            (std::vector<Level>{Level::none, Level::none, Level::none, Level::yellow, Level::yellow,
                                Level::orange, Level::orange, Level::red, Level::red}));
  EXPECT_TRUE(a.missing.empty());
  EXPECT_EQ(a.max_level(), Level::red);
}

TEST(AssessFog, FogBelowEveryLevelIsAFogHourWithoutALevel) {
  const FogSeries fog({950, 1000});
  EXPECT_EQ(is_fog_hour(fog.series, 0, FogThresholds{}), true);
  EXPECT_EQ(is_fog_hour(fog.series, 1, FogThresholds{}), false);
  EXPECT_EQ(assess_fog(fog.series, FogThresholds{}).max_level(), Level::none);
}

TEST(AssessFog, HumidityAtOrAboveMinimumOrFogCode) {
  FogSeries fog({300, 300, 300, 300, 300});
  fog.set(Variable::weather_code, {3, 3, 45, 48, 3});
  fog.set(Variable::relative_humidity_pct, {90, 89.9, 50, 50, 100});
  const HazardAssessment a = assess_fog(fog.series, no_lead());
  EXPECT_EQ(a.intensity, (std::vector<Level>{Level::yellow, Level::none, Level::yellow,
                                             Level::yellow, Level::yellow}));
}

TEST(AssessFog, PrecipitationOrAPrecipitationCodeRulesFogOut) {
  FogSeries fog({300, 300, 300, 300, 300, 300});
  fog.set(Variable::precipitation_mm, {0.09, 0.1, 0, 0, 0, 0});
  fog.set(Variable::weather_code, {45, 45, 51, 75, 99, 48});
  const HazardAssessment a = assess_fog(fog.series, no_lead());
  EXPECT_EQ(a.intensity, (std::vector<Level>{Level::yellow, Level::none, Level::none, Level::none,
                                             Level::none, Level::yellow}));
  EXPECT_TRUE(a.missing.empty());
}

TEST(AssessFog, NullVisibilityIsMissingAndNeverALevel) {
  FogSeries fog({std::nullopt, 40, std::nullopt});
  const HazardAssessment a = assess_fog(fog.series, no_lead());
  EXPECT_EQ(a.intensity, (std::vector<Level>{Level::none, Level::red, Level::none}));
  EXPECT_EQ(a.missing, (std::vector<TimePoint>{hour(0), hour(2)}));
}

TEST(AssessFog, NullHumidityWithFogCodeIsStillFog) {
  FogSeries fog({100, 100});
  fog.at(Variable::relative_humidity_pct, 0, std::nullopt)
      .at(Variable::relative_humidity_pct, 1, std::nullopt);
  fog.at(Variable::weather_code, 1, 3);
  const HazardAssessment a = assess_fog(fog.series, no_lead());
  EXPECT_EQ(a.intensity[0], Level::orange);
  // Code 3 says no fog and RH is unknown: not fog, and nothing undecided.
  EXPECT_EQ(a.intensity[1], Level::none);
  EXPECT_TRUE(a.missing.empty());
}

TEST(AssessFog, NullPrecipitationDecidedByThePresentCode) {
  FogSeries fog({100, 100, 100});
  for (std::size_t h = 0; h < 3; ++h)
    fog.at(Variable::precipitation_mm, h, std::nullopt);
  fog.at(Variable::weather_code, 1, 73).at(Variable::weather_code, 2, 2);
  const HazardAssessment a = assess_fog(fog.series, no_lead());
  EXPECT_EQ(a.intensity, (std::vector<Level>{Level::orange, Level::none, Level::orange}));
  EXPECT_TRUE(a.missing.empty());
}

TEST(AssessFog, UndecidableFogHoursAreMissingNotLevels) {
  FogSeries fog({30, 30, 30, 3000});
  // Hour 0: no humidity source at all. Hour 1: no precipitation source at all.
  fog.at(Variable::relative_humidity_pct, 0, std::nullopt)
      .at(Variable::weather_code, 0, std::nullopt);
  fog.at(Variable::precipitation_mm, 1, std::nullopt).at(Variable::weather_code, 1, std::nullopt);
  // Hour 2: RH unknown, but precipitation rules fog out, so it is decided.
  fog.at(Variable::relative_humidity_pct, 2, std::nullopt)
      .at(Variable::weather_code, 2, std::nullopt);
  fog.at(Variable::precipitation_mm, 2, 1.5);
  // Hour 3: clear visibility decides it whatever else is null.
  fog.at(Variable::relative_humidity_pct, 3, std::nullopt)
      .at(Variable::weather_code, 3, std::nullopt);
  const HazardAssessment a = assess_fog(fog.series, no_lead());
  EXPECT_EQ(a.max_level(), Level::none);
  EXPECT_EQ(a.missing, (std::vector<TimePoint>{hour(0), hour(1)}));
}

TEST(AssessFog, AbsentColumnsCountAsMissingValues) {
  FogSeries fog({30, 30});
  fog.drop(Variable::precipitation_mm).drop(Variable::weather_code);
  const HazardAssessment a = assess_fog(fog.series, no_lead());
  ASSERT_TRUE(a.evaluated);
  EXPECT_EQ(a.max_level(), Level::none);
  EXPECT_EQ(a.missing.size(), 2u);

  FogSeries with_code({30});
  with_code.drop(Variable::precipitation_mm);
  EXPECT_EQ(assess_fog(with_code.series, no_lead()).max_level(), Level::red);
}

TEST(AssessFog, NotEvaluatedWithoutVisibility) {
  FogSeries fog({30, 30});
  fog.drop(Variable::visibility_m);
  const HazardAssessment a = assess_fog(fog.series, FogThresholds{});
  EXPECT_FALSE(a.evaluated);
  EXPECT_EQ(a.hazard, Hazard::fog);
  EXPECT_TRUE(a.intensity.empty());
  EXPECT_TRUE(a.signal.empty());
  EXPECT_EQ(a.max_level(), Level::none);
}

TEST(AssessFog, SignalUsesTheConfiguredLeadWindows) {
  std::vector<std::optional<double>> visibility(10, 5000.0);
  visibility[8] = 40;  // red at hour 8
  FogThresholds thresholds;
  thresholds.lead = LeadWindows{0, 5, 3, 1};
  const HazardAssessment a = assess_fog(FogSeries(visibility).series, thresholds);
  EXPECT_EQ(a.signal, (std::vector<Level>{Level::none, Level::none, Level::none, Level::yellow,
                                          Level::yellow, Level::orange, Level::orange, Level::red,
                                          Level::red, Level::none}));
}

TEST(AssessFog, CountyThresholdsOverrideTheNationalDefaults) {
  FogThresholds thresholds = no_lead();
  thresholds.yellow_visibility_m = 800;
  thresholds.humidity_min_pct = 80;
  FogSeries fog({700});
  fog.set(Variable::relative_humidity_pct, {85}).set(Variable::weather_code, {3});
  EXPECT_EQ(assess_fog(fog.series, thresholds).intensity[0], Level::yellow);
  EXPECT_EQ(assess_fog(fog.series, no_lead()).intensity[0], Level::none);
}

}  // namespace
}  // namespace riskwarn
