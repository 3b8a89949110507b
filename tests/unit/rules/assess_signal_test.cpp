#include <chrono>
#include <vector>

#include <gtest/gtest.h>

#include "rules/assess/assessment.hpp"

namespace riskwarn {
namespace {

using std::chrono::hours;

constexpr Level N = Level::none;
constexpr Level B = Level::blue;
constexpr Level Y = Level::yellow;
constexpr Level O = Level::orange;
constexpr Level R = Level::red;

const TimePoint kStart = std::chrono::sys_days{std::chrono::year{2025} / 12 / 30};

TimePoint hour(int h) {
  return kStart + hours{h};
}

std::vector<TimePoint> hours_of(std::size_t count) {
  std::vector<TimePoint> times;
  for (std::size_t i = 0; i < count; ++i)
    times.push_back(hour(static_cast<int>(i)));
  return times;
}

HazardAssessment evaluated(std::vector<Level> intensity, const LeadWindows& lead) {
  HazardAssessment a;
  a.hazard = Hazard::fog;
  a.evaluated = true;
  a.signal = signal_from_intensity(intensity, lead);
  a.intensity = std::move(intensity);
  return a;
}

TEST(ToSpans, MaximalRunsOfEqualLevelsSkippingNone) {
  const std::vector<Level> levels{N, Y, Y, O, O, O, Y, N, N, R};
  EXPECT_EQ(to_spans(hours_of(levels.size()), levels), (std::vector<Span>{{Y, hour(1), hour(2)},
                                                                          {O, hour(3), hour(5)},
                                                                          {Y, hour(6), hour(6)},
                                                                          {R, hour(9), hour(9)}}));
}

TEST(ToSpans, RunsSeparatedByNoneAreTwoSpans) {
  const std::vector<Level> levels{Y, N, Y};
  EXPECT_EQ(to_spans(hours_of(3), levels),
            (std::vector<Span>{{Y, hour(0), hour(0)}, {Y, hour(2), hour(2)}}));
}

TEST(ToSpans, EmptyAndAllNoneGiveNoSpans) {
  EXPECT_TRUE(to_spans({}, {}).empty());
  EXPECT_TRUE(to_spans(hours_of(3), {N, N, N}).empty());
}

TEST(SignalFromIntensity, EachLevelLooksAheadByItsOwnWindow) {
  // Red at hour 10 only; windows yellow 4, orange 3, red 1.
  std::vector<Level> intensity(14, N);
  intensity[10] = R;
  const LeadWindows lead{0, 4, 3, 1};
  const std::vector<Level> expected{N, N, N, N, N, N, Y, O, O, R, R, N, N, N};
  EXPECT_EQ(signal_from_intensity(intensity, lead), expected);
}

TEST(SignalFromIntensity, WindowEndsAreInclusive) {
  std::vector<Level> intensity(13, N);
  intensity[12] = Y;
  const std::vector<Level> signal = signal_from_intensity(intensity, LeadWindows{0, 12, 6, 2});
  EXPECT_EQ(signal[0], Y);  // 0 + 12 reaches hour 12
  EXPECT_EQ(signal[12], Y);
}

TEST(SignalFromIntensity, HigherIntensityCountsForLowerLevels) {
  // Orange at hour 5: yellow (window 4) is signalled from hour 1, orange (window 1) from 4.
  const std::vector<Level> intensity{N, N, N, N, N, O, N};
  EXPECT_EQ(signal_from_intensity(intensity, LeadWindows{0, 4, 1, 0}),
            (std::vector<Level>{N, Y, Y, Y, O, O, N}));
}

TEST(SignalFromIntensity, WindowIsCutOffAtTheEndOfTheData) {
  // Nothing after the last hour is assumed: with a 24 h blue window, the last hours only see
  // the hours that exist.
  const std::vector<Level> intensity{N, N, B, N, N};
  EXPECT_EQ(signal_from_intensity(intensity, LeadWindows{24, 12, 6, 6}),
            (std::vector<Level>{B, B, B, N, N}));
}

TEST(SignalFromIntensity, ZeroOrNegativeWindowSignalsOnlyTheHourItself) {
  const std::vector<Level> intensity{N, Y, N};
  EXPECT_EQ(signal_from_intensity(intensity, LeadWindows{0, 0, 0, 0}),
            (std::vector<Level>{N, Y, N}));
  EXPECT_EQ(signal_from_intensity(intensity, LeadWindows{-3, -3, -3, -3}),
            (std::vector<Level>{N, Y, N}));
}

TEST(MaxLevel, IsTheHighestSignalAndNoneWhenEmpty) {
  EXPECT_EQ(evaluated({N, Y, R, O}, LeadWindows{}).max_level(), R);
  EXPECT_EQ(HazardAssessment{}.max_level(), N);
}

TEST(SignalAt, LooksAheadToTheRunItAnnounces) {
  // Yellow 6..8, orange 9..10, yellow 11; windows yellow 4, orange 2, red 1.
  const std::vector<Level> intensity{N, N, N, N, N, N, Y, Y, Y, O, O, Y, N, N};
  const HazardAssessment a = evaluated(intensity, LeadWindows{0, 4, 2, 1});
  const auto times = hours_of(intensity.size());

  const auto at2 = signal_at(a, times, hour(2) + std::chrono::minutes{15});
  ASSERT_TRUE(at2);
  EXPECT_EQ(*at2, (HazardSignal{Hazard::fog, Y, hour(6), hour(11), "derived"}));

  const auto at7 = signal_at(a, times, hour(7));
  ASSERT_TRUE(at7);
  EXPECT_EQ(*at7, (HazardSignal{Hazard::fog, O, hour(9), hour(10), "derived"}));

  // Inside the orange run: the run keeps its first hour.
  const auto at10 = signal_at(a, times, hour(10) + std::chrono::minutes{59});
  ASSERT_TRUE(at10);
  EXPECT_EQ(*at10, (HazardSignal{Hazard::fog, O, hour(9), hour(10), "derived"}));

  const auto at11 = signal_at(a, times, hour(11));
  ASSERT_TRUE(at11);
  EXPECT_EQ(*at11, (HazardSignal{Hazard::fog, Y, hour(6), hour(11), "derived"}));
}

TEST(SignalAt, NoneOutsideTheDataOrBelowEveryLevelOrNotEvaluated) {
  const std::vector<Level> intensity{N, Y, N, N};
  const HazardAssessment a = evaluated(intensity, LeadWindows{0, 1, 0, 0});
  const auto times = hours_of(intensity.size());
  EXPECT_FALSE(signal_at(a, times, hour(0) - std::chrono::seconds{1}));
  EXPECT_FALSE(signal_at(a, times, hour(4)));  // just past the last hour
  EXPECT_FALSE(signal_at(a, times, hour(3)));  // level none
  EXPECT_TRUE(signal_at(a, times, hour(0)));

  HazardAssessment not_evaluated = a;
  not_evaluated.evaluated = false;
  EXPECT_FALSE(signal_at(not_evaluated, times, hour(1)));
}

}  // namespace
}  // namespace riskwarn
