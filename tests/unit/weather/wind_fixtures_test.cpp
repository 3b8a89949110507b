// 大风, 寒潮 and the other hazards on openmeteo_wind.json, parsed with the real parser: every
// statement of tests/fixtures/weather/EXPECTED.md §4.
#include <cmath>
#include <cstddef>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "rules/assess/assess_all.hpp"
#include "rules/assess/beaufort.hpp"
#include "rules/assess/cold_wave.hpp"
#include "rules/assess/gale.hpp"
#include "tests/unit/weather/open_meteo_fixtures.hpp"

namespace riskwarn::weather {
namespace {

using test::beijing;
using test::parse_fixture;

Span span(Level level, const char* first, const char* last) {
  return Span{level, beijing(first), beijing(last)};
}

class WindHazards : public ::testing::Test {
 protected:
  // The value of a variable at a Beijing hour.
  double at(Variable v, const char* local) const {
    for (std::size_t i = 0; i < series.times.size(); ++i) {
      if (series.times[i] == beijing(local))
        return (*series.column(v))[i].value();
    }
    ADD_FAILURE() << local << " is not in the series";
    return 0;
  }
  std::size_t index_of(const char* local) const {
    for (std::size_t i = 0; i < series.times.size(); ++i) {
      if (series.times[i] == beijing(local))
        return i;
    }
    ADD_FAILURE() << local << " is not in the series";
    return 0;
  }

  HourlySeries series = parse_fixture("openmeteo_wind.json");
  HazardAssessment gale = assess_gale(series, GaleThresholds{});
  HazardAssessment cold = assess_cold_wave(series, ColdWaveThresholds{});
};

TEST_F(WindHazards, SeventyTwoHoursWithoutNulls) {
  ASSERT_EQ(series.times.size(), 72u);
  EXPECT_EQ(series.times.front(), beijing("2026-01-19T00:00"));
  EXPECT_EQ(series.times.back(), beijing("2026-01-21T23:00"));
  EXPECT_TRUE(gale.missing.empty());
  EXPECT_TRUE(cold.missing.empty());
}

TEST_F(WindHazards, PeakValues) {
  EXPECT_EQ(at(Variable::wind_speed_ms, "2026-01-20T07:00"), 14.6);
  EXPECT_EQ(beaufort_force(at(Variable::wind_speed_ms, "2026-01-20T07:00")), 7);
  EXPECT_EQ(at(Variable::wind_gusts_ms, "2026-01-20T07:00"), 22.9);
  EXPECT_EQ(beaufort_force(at(Variable::wind_gusts_ms, "2026-01-20T07:00")), 9);
  double max_mean = 0;
  double max_gust = 0;
  for (std::size_t i = 0; i < series.times.size(); ++i) {
    max_mean = std::max(max_mean, (*series.column(Variable::wind_speed_ms))[i].value());
    max_gust = std::max(max_gust, (*series.column(Variable::wind_gusts_ms))[i].value());
  }
  EXPECT_EQ(max_mean, 14.6);
  EXPECT_EQ(max_gust, 22.9);
}

TEST_F(WindHazards, GaleIntensity) {
  ASSERT_TRUE(gale.evaluated);
  EXPECT_EQ(to_spans(series.times, gale.intensity),
            (std::vector<Span>{span(Level::blue, "2026-01-20T03:00", "2026-01-20T05:00"),
                               span(Level::yellow, "2026-01-20T06:00", "2026-01-20T09:00"),
                               span(Level::blue, "2026-01-20T10:00", "2026-01-20T16:00")}));
}

TEST_F(WindHazards, BoundaryCases) {
  EXPECT_EQ(at(Variable::wind_gusts_ms, "2026-01-20T09:00"), 20.8);
  EXPECT_EQ(beaufort_force(20.8), 9);
  EXPECT_EQ(gale.intensity[index_of("2026-01-20T09:00")], Level::yellow);
  EXPECT_EQ(at(Variable::wind_gusts_ms, "2026-01-20T10:00"), 20.6);
  EXPECT_EQ(beaufort_force(20.6), 8);
  EXPECT_EQ(gale.intensity[index_of("2026-01-20T10:00")], Level::blue);
  EXPECT_EQ(at(Variable::wind_speed_ms, "2026-01-20T06:00"), 13.9);
  EXPECT_EQ(beaufort_force(13.9), 7);
  EXPECT_EQ(at(Variable::wind_gusts_ms, "2026-01-20T14:00"), 17.2);
  EXPECT_EQ(beaufort_force(17.2), 8);
}

TEST_F(WindHazards, GaleSignalTimeline) {
  EXPECT_EQ(to_spans(series.times, gale.signal),
            (std::vector<Span>{span(Level::blue, "2026-01-19T03:00", "2026-01-19T17:00"),
                               span(Level::yellow, "2026-01-19T18:00", "2026-01-20T09:00"),
                               span(Level::blue, "2026-01-20T10:00", "2026-01-20T16:00")}));
}

TEST_F(WindHazards, YellowAtTheRequestHour) {
  const auto signal = signal_at(gale, series.times, beijing("2026-01-20T00:00"));
  ASSERT_TRUE(signal);
  EXPECT_EQ(*signal, (HazardSignal{Hazard::gale, Level::yellow, beijing("2026-01-20T06:00"),
                                   beijing("2026-01-20T09:00"), "derived"}));
}

TEST_F(WindHazards, GaleMaxIsYellowNotOrange) {
  EXPECT_EQ(gale.max_level(), Level::yellow);
  GaleThresholds orange_at_peak;
  orange_at_peak.orange_gust_force = 9;
  EXPECT_EQ(assess_gale(series, orange_at_peak).max_level(), Level::orange);
}

TEST_F(WindHazards, ColdWaveBlueOnThe21st) {
  ASSERT_TRUE(cold.evaluated);
  EXPECT_EQ(to_spans(series.times, cold.intensity),
            (std::vector<Span>{span(Level::blue, "2026-01-21T00:00", "2026-01-21T23:00")}));
  EXPECT_EQ(to_spans(series.times, cold.signal), to_spans(series.times, cold.intensity));
  EXPECT_EQ(cold.max_level(), Level::blue);
}

TEST_F(WindHazards, ColdWaveDropsAreExact) {
  // Tmin 19th 5.2, 20th −1.4, 21st −4.6 °C: d48(21st) = 9.8, d24(20th) = 6.6, d24(21st) = 3.2.
  ColdWaveThresholds t;
  t.blue_drop_c = 9.8;
  EXPECT_EQ(assess_cold_wave(series, t).max_level(), Level::blue);
  t.blue_drop_c = 9.81;
  EXPECT_EQ(assess_cold_wave(series, t).max_level(), Level::none);

  ColdWaveThresholds yellow_at_d24;
  yellow_at_d24.yellow_drop_c = 6.6;
  EXPECT_EQ(to_spans(series.times, assess_cold_wave(series, yellow_at_d24).intensity),
            (std::vector<Span>{span(Level::yellow, "2026-01-20T00:00", "2026-01-20T23:00"),
                               span(Level::blue, "2026-01-21T00:00", "2026-01-21T23:00")}));
  yellow_at_d24.yellow_drop_c = 6.61;
  EXPECT_EQ(assess_cold_wave(series, yellow_at_d24).max_level(), Level::blue);
}

TEST_F(WindHazards, ColdWaveNeedsTheWind) {
  // The wind of the 20th–21st peaks at 14.6 m/s = 7级.
  ColdWaveThresholds t;
  t.blue_wind_force = 7;
  EXPECT_EQ(assess_cold_wave(series, t).max_level(), Level::blue);
  t.blue_wind_force = 8;
  EXPECT_EQ(assess_cold_wave(series, t).max_level(), Level::none);
}

TEST_F(WindHazards, FrontBringsLightRainAtPlusFiveAndAbove) {
  EXPECT_EQ(at(Variable::precipitation_mm, "2026-01-20T02:00"), 0.3);
  EXPECT_EQ(at(Variable::temperature_c, "2026-01-20T02:00"), 7.0);
  EXPECT_EQ(at(Variable::precipitation_mm, "2026-01-20T03:00"), 0.5);
  EXPECT_EQ(at(Variable::temperature_c, "2026-01-20T03:00"), 5.6);
  double total = 0;
  for (const auto& mm : *series.column(Variable::precipitation_mm))
    total += mm.value();
  EXPECT_DOUBLE_EQ(total, 0.8);
}

TEST_F(WindHazards, GustsInKilometresPerHourGiveTheSameGale) {
  // The unit trap: the same forecast requested in km/h (22.9 m/s reads 82.4) is converted by the
  // parser before the Beaufort bounds apply.
  auto document = nlohmann::json::parse(test::read_fixture("openmeteo_wind.json"));
  document["hourly_units"]["wind_gusts_10m"] = "km/h";
  for (auto& gust : document["hourly"]["wind_gusts_10m"])
    gust = std::round(gust.get<double>() * 36) / 10;
  EXPECT_EQ(document["hourly"]["wind_gusts_10m"][31], 82.4);
  const Result<HourlySeries> in_kmh = parse_open_meteo(document.dump());
  ASSERT_TRUE(in_kmh) << in_kmh.error().message;
  EXPECT_EQ(to_spans(in_kmh->times, assess_gale(*in_kmh, GaleThresholds{}).intensity),
            to_spans(series.times, gale.intensity));
}

TEST_F(WindHazards, OtherHazards) {
  const std::vector<HazardAssessment> all = assess_all(series, Thresholds{});
  ASSERT_EQ(all.size(), 5u);
  EXPECT_FALSE(all[0].evaluated);  // fog: no visibility variable
  EXPECT_EQ(all[0].hazard, Hazard::fog);
  EXPECT_TRUE(all[1].evaluated);  // snowstorm: precipitation and weather_code, no snow codes
  EXPECT_EQ(all[1].max_level(), Level::none);
  EXPECT_TRUE(all[2].evaluated);  // road icing: rain at T > +5 °C only
  EXPECT_EQ(all[2].max_level(), Level::none);
  EXPECT_EQ(all[3].max_level(), Level::yellow);
  EXPECT_EQ(all[4].max_level(), Level::blue);
}

}  // namespace
}  // namespace riskwarn::weather
