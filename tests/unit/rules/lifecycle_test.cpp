#include "rules/alerts/lifecycle.hpp"

#include <gtest/gtest.h>

#include "rules/match/match.hpp"

namespace riskwarn {
namespace {

using std::chrono::hours;

const TimePoint kT0 = std::chrono::sys_days{std::chrono::year{2025} / 12 / 30} + hours{14};

Rule fog_rule() {
  return Rule{.id = "road_traffic.fog",
              .sector = "road_traffic",
              .hazard = Hazard::fog,
              .min_level = Level::yellow,
              .roles = {"traffic_police"},
              .actions = {"加强路面巡检管控"}};
}

HazardSignal fog(Level level, int start_h = 0, int end_h = 9) {
  return HazardSignal{Hazard::fog, level, kT0 + hours{start_h}, kT0 + hours{end_h}, "derived"};
}

OpenAlert open_fog(Level level, int misses = 0) {
  return OpenAlert{.key = {"410102", "road_traffic.fog", "fog"},
                   .sector = "road_traffic",
                   .level = level,
                   .start = kT0,
                   .end = kT0 + hours{9},
                   .misses = misses};
}

TEST(MatchRules, SignalAtOrAboveMinimumMatchesWithItsLevelAndWindow) {
  const auto risks = match_rules("410102", {fog(Level::orange)}, {fog_rule()});
  ASSERT_EQ(risks.size(), 1u);
  EXPECT_EQ(risks[0].rule_id, "road_traffic.fog");
  EXPECT_EQ(risks[0].level, Level::orange);
  EXPECT_EQ(risks[0].end, kT0 + hours{9});
  EXPECT_EQ(risks[0].roles, std::vector<std::string>{"traffic_police"});
}

TEST(MatchRules, SignalBelowMinimumOrOtherHazardDoesNotMatch) {
  EXPECT_TRUE(match_rules("410102", {fog(Level::blue)}, {fog_rule()}).empty());
  HazardSignal gale = fog(Level::red);
  gale.hazard = Hazard::gale;
  EXPECT_TRUE(match_rules("410102", {gale}, {fog_rule()}).empty());
}

TEST(DiffAlerts, NewRiskRaisesAnAlert) {
  const auto risks = match_rules("410102", {fog(Level::yellow)}, {fog_rule()});
  const auto changes = diff_alerts({}, risks, {"410102"}, {fog_rule()}, 3);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].kind, ChangeKind::raise);
  EXPECT_EQ(changes[0].key.instance, "fog");
  EXPECT_TRUE(changes[0].notifies());
}

TEST(DiffAlerts, UnchangedAlertYieldsNothing) {
  const auto risks = match_rules("410102", {fog(Level::orange)}, {fog_rule()});
  EXPECT_TRUE(diff_alerts({open_fog(Level::orange)}, risks, {"410102"}, {fog_rule()}, 3).empty());
}

TEST(DiffAlerts, LevelOrWindowChangeUpdates) {
  auto changes =
      diff_alerts({open_fog(Level::orange)}, match_rules("410102", {fog(Level::red)}, {fog_rule()}),
                  {"410102"}, {fog_rule()}, 3);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].kind, ChangeKind::update);
  EXPECT_EQ(changes[0].previous_level, Level::orange);
  EXPECT_EQ(changes[0].level, Level::red);

  changes = diff_alerts({open_fog(Level::orange)},
                        match_rules("410102", {fog(Level::orange, 0, 11)}, {fog_rule()}),
                        {"410102"}, {fog_rule()}, 3);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].kind, ChangeKind::update);
}

TEST(DiffAlerts, ResolvesOnlyAfterTheConfiguredNumberOfMisses) {
  auto changes = diff_alerts({open_fog(Level::orange, 0)}, {}, {"410102"}, {fog_rule()}, 2);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].kind, ChangeKind::tally);
  EXPECT_EQ(changes[0].misses, 1);
  EXPECT_FALSE(changes[0].notifies());

  changes = diff_alerts({open_fog(Level::orange, 1)}, {}, {"410102"}, {fog_rule()}, 2);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].kind, ChangeKind::resolve);
  EXPECT_EQ(changes[0].roles, std::vector<std::string>{"traffic_police"});
}

TEST(DiffAlerts, ReturningTriggerResetsMisses) {
  const auto changes = diff_alerts({open_fog(Level::orange, 1)},
                                   match_rules("410102", {fog(Level::orange)}, {fog_rule()}),
                                   {"410102"}, {fog_rule()}, 3);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].kind, ChangeKind::tally);
  EXPECT_EQ(changes[0].misses, 0);
}

TEST(DiffAlerts, CountyWhoseFeedFailedKeepsItsAlerts) {
  EXPECT_TRUE(diff_alerts({open_fog(Level::red)}, {}, {}, {fog_rule()}, 1).empty());
}

}  // namespace
}  // namespace riskwarn
