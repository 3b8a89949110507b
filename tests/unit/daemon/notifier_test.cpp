#include "daemon/service/notifier.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>
#include <stdlib.h>
#include <unistd.h>

#include <chrono>
#include <memory>
#include <sstream>
#include <string>

#include "tests/support/notify_socket.hpp"

namespace riskwarn::service {
namespace {

using namespace std::chrono_literals;
using ::testing::ElementsAre;
using ::testing::MatchesRegex;

constexpr auto kTimeout = 10s;

// Clears the variables systemd passes to a notify service, and restores a clean slate after.
class NotifierTest : public ::testing::Test {
 protected:
  void SetUp() override { clear(); }
  void TearDown() override { clear(); }

  static void clear() {
    ::unsetenv("NOTIFY_SOCKET");
    ::unsetenv("WATCHDOG_USEC");
    ::unsetenv("WATCHDOG_PID");
  }
};

TEST_F(NotifierTest, SendsExactLifecycleDatagrams) {
  test::FakeNotifySocket socket;
  ::setenv("NOTIFY_SOCKET", socket.path().c_str(), 1);
  Notifier notifier;

  notifier.ready("polling 3 feeds");
  notifier.status("last poll ok 12:03, outbox 0 pending");
  notifier.stopping("draining deliveries");
  notifier.watchdog();

  ASSERT_TRUE(socket.wait_for("WATCHDOG=1", kTimeout));
  EXPECT_THAT(
      socket.messages(),
      ElementsAre("READY=1\nSTATUS=polling 3 feeds", "STATUS=last poll ok 12:03, outbox 0 pending",
                  "STOPPING=1\nSTATUS=draining deliveries", "WATCHDOG=1"));
}

TEST_F(NotifierTest, ReloadingCarriesTheMonotonicTime) {
  test::FakeNotifySocket socket;
  ::setenv("NOTIFY_SOCKET", socket.path().c_str(), 1);
  Notifier notifier;

  timespec before{};
  ::clock_gettime(CLOCK_MONOTONIC, &before);
  notifier.reloading("reloading /etc/riskwarn/riskwarn.toml");

  ASSERT_TRUE(socket.wait_for("RELOADING=1", kTimeout));
  const std::string message = socket.messages().at(0);
  EXPECT_THAT(message, MatchesRegex("RELOADING=1\nMONOTONIC_USEC=[0-9]+\n"
                                    "STATUS=reloading /etc/riskwarn/riskwarn.toml"));
  const auto start = message.find("MONOTONIC_USEC=") + std::string_view("MONOTONIC_USEC=").size();
  const auto usec = std::stoull(message.substr(start, message.find('\n', start) - start));
  EXPECT_GE(usec, static_cast<unsigned long long>(before.tv_sec) * 1'000'000ULL);
}

TEST_F(NotifierTest, StatusLineCannotInjectAssignments) {
  test::FakeNotifySocket socket;
  ::setenv("NOTIFY_SOCKET", socket.path().c_str(), 1);
  Notifier notifier;

  notifier.status("feed failed\nREADY=1");

  ASSERT_TRUE(socket.wait_for("STATUS=", kTimeout));
  EXPECT_THAT(socket.messages(), ElementsAre("STATUS=feed failed READY=1"));
}

TEST_F(NotifierTest, WithoutNotifySocketNothingIsSentAndTheWatchdogIsOff) {
  test::FakeNotifySocket socket;
  ::setenv("WATCHDOG_USEC", "30000000", 1);
  Notifier notifier;

  notifier.ready("ready");
  notifier.status("status");
  notifier.reloading("reloading");
  notifier.stopping("stopping");
  notifier.watchdog();

  EXPECT_FALSE(socket.wait_for("=", 200ms));
  EXPECT_EQ(notifier.watchdog_interval(), std::nullopt);
}

TEST_F(NotifierTest, UnreachableSocketIsIgnoredAndLoggedOnce) {
  std::ostringstream log;
  auto logger = std::make_shared<spdlog::logger>(
      "notifier_test", std::make_shared<spdlog::sinks::ostream_sink_st>(log));
  logger->set_level(spdlog::level::debug);
  const auto previous = spdlog::default_logger();
  spdlog::set_default_logger(logger);
  ::setenv("NOTIFY_SOCKET", "/nonexistent/riskwarn-notify", 1);
  Notifier notifier;

  notifier.ready("ready");
  notifier.status("status");
  notifier.watchdog();

  spdlog::set_default_logger(previous);
  const std::string text = log.str();
  EXPECT_NE(text.find("sd_notify failed"), std::string::npos) << text;
  EXPECT_EQ(text.find("sd_notify failed"), text.rfind("sd_notify failed")) << text;
}

TEST_F(NotifierTest, WatchdogIntervalIsHalfOfWatchdogUsec) {
  test::FakeNotifySocket socket;
  ::setenv("NOTIFY_SOCKET", socket.path().c_str(), 1);
  ::setenv("WATCHDOG_USEC", "30000000", 1);
  ::setenv("WATCHDOG_PID", std::to_string(::getpid()).c_str(), 1);

  EXPECT_EQ(Notifier().watchdog_interval(), std::chrono::microseconds(15'000'000));
}

TEST_F(NotifierTest, WatchdogMeantForAnotherProcessIsDisabled) {
  test::FakeNotifySocket socket;
  ::setenv("NOTIFY_SOCKET", socket.path().c_str(), 1);
  ::setenv("WATCHDOG_USEC", "30000000", 1);
  ::setenv("WATCHDOG_PID", std::to_string(::getpid() + 1).c_str(), 1);

  EXPECT_EQ(Notifier().watchdog_interval(), std::nullopt);
}

TEST_F(NotifierTest, NoWatchdogWithoutWatchdogUsec) {
  test::FakeNotifySocket socket;
  ::setenv("NOTIFY_SOCKET", socket.path().c_str(), 1);

  EXPECT_EQ(Notifier().watchdog_interval(), std::nullopt);
}

}  // namespace
}  // namespace riskwarn::service
