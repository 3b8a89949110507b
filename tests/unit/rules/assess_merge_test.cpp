#include <chrono>
#include <optional>
#include <vector>

#include <gtest/gtest.h>

#include "rules/assess/merge.hpp"

namespace riskwarn {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

const TimePoint kNow = std::chrono::sys_days{std::chrono::year{2025} / 12 / 30} + hours{16};

HazardSignal derived(Hazard hazard, Level level) {
  return HazardSignal{hazard, level, kNow + hours{1}, kNow + hours{9}, "derived"};
}

OfficialWarning official(std::optional<Hazard> hazard, Level level,
                         std::optional<TimePoint> end = kNow + hours{12}) {
  OfficialWarning w;
  w.id = "w1";
  w.sender = "郑州市气象台";
  w.hazard = hazard;
  w.type_name = hazard ? "大雾" : "雷电";
  w.level = level;
  w.start = kNow + minutes{15};
  w.end = end;
  w.headline = "郑州市气象台发布大雾橙色预警";
  w.issued = kNow;
  return w;
}

TEST(MergeSignals, OfficialWinsAtTheSameLevelAndBothAreKept) {
  const auto merged = merge_signals({derived(Hazard::fog, Level::orange)},
                                    {official(Hazard::fog, Level::orange)}, kNow);
  ASSERT_EQ(merged.size(), 1u);
  EXPECT_EQ(merged[0].effective, (HazardSignal{Hazard::fog, Level::orange, kNow + minutes{15},
                                               kNow + hours{12}, "official"}));
  EXPECT_EQ(merged[0].derived, derived(Hazard::fog, Level::orange));
  ASSERT_TRUE(merged[0].official);
  EXPECT_EQ(merged[0].official->id, "w1");
}

TEST(MergeSignals, HigherDerivedSignalWins) {
  const auto merged = merge_signals({derived(Hazard::fog, Level::red)},
                                    {official(Hazard::fog, Level::orange)}, kNow);
  ASSERT_EQ(merged.size(), 1u);
  EXPECT_EQ(merged[0].effective, derived(Hazard::fog, Level::red));
  EXPECT_TRUE(merged[0].official);
}

TEST(MergeSignals, EachSourceAloneAndHazardsInOrder) {
  const auto merged = merge_signals({derived(Hazard::gale, Level::blue)},
                                    {official(Hazard::fog, Level::yellow)}, kNow);
  ASSERT_EQ(merged.size(), 2u);
  EXPECT_EQ(merged[0].effective.hazard, Hazard::fog);
  EXPECT_EQ(merged[0].effective.source, "official");
  EXPECT_FALSE(merged[0].derived);
  EXPECT_EQ(merged[1].effective, derived(Hazard::gale, Level::blue));
  EXPECT_FALSE(merged[1].official);
  EXPECT_TRUE(merge_signals({}, {}, kNow).empty());
}

TEST(MergeSignals, HighestOfficialWarningOfAHazard) {
  OfficialWarning later = official(Hazard::fog, Level::orange);
  later.id = "w2";
  later.issued = kNow + minutes{5};
  const auto merged = merge_signals(
      {}, {official(Hazard::fog, Level::yellow), official(Hazard::fog, Level::orange), later},
      kNow);
  ASSERT_EQ(merged.size(), 1u);
  EXPECT_EQ(merged[0].effective.level, Level::orange);
  EXPECT_EQ(merged[0].official->id, "w2");
}

TEST(MergeSignals, ExpiredWarningsDoNotApply) {
  const OfficialWarning ended = official(Hazard::fog, Level::red, kNow - minutes{1});
  EXPECT_FALSE(official_applies(ended, kNow));
  const auto merged = merge_signals({derived(Hazard::fog, Level::yellow)}, {ended}, kNow);
  ASSERT_EQ(merged.size(), 1u);
  EXPECT_EQ(merged[0].effective, derived(Hazard::fog, Level::yellow));
  EXPECT_FALSE(merged[0].official);
}

TEST(MergeSignals, WarningWithoutEndLastsTwentyFourHoursFromItsStart) {
  const OfficialWarning open_ended = official(Hazard::gale, Level::blue, std::nullopt);
  EXPECT_TRUE(official_applies(open_ended, open_ended.start + hours{24}));
  EXPECT_FALSE(official_applies(open_ended, open_ended.start + hours{24} + minutes{1}));
  EXPECT_EQ(official_signal(open_ended, Hazard::gale).end, open_ended.start + hours{24});
  // A warning announced ahead of its start applies already.
  EXPECT_TRUE(official_applies(open_ended, open_ended.start - minutes{15}));
}

TEST(MergeSignals, UnmodelledKindsAreCarriedSeparately) {
  const OfficialWarning thunder = official(std::nullopt, Level::yellow);
  const auto merged = merge_signals({}, {thunder, official(Hazard::fog, Level::blue)}, kNow);
  ASSERT_EQ(merged.size(), 1u);
  EXPECT_EQ(merged[0].effective.hazard, Hazard::fog);
  EXPECT_EQ(unmodelled_warnings({thunder, official(Hazard::fog, Level::blue)}, kNow),
            (std::vector<OfficialWarning>{thunder}));
  EXPECT_TRUE(
      unmodelled_warnings({official(std::nullopt, Level::red, kNow - hours{1})}, kNow).empty());
}

}  // namespace
}  // namespace riskwarn
