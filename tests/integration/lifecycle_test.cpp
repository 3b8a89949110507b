// The service lifecycle through the real binary: sd_notify to a fake NOTIFY_SOCKET, SIGHUP with
// a good and a broken config, SIGTERM, --check-config, and the demo.
#include <gtest/gtest.h>

#include <csignal>

#include "tests/support/notify_socket.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"

namespace riskwarn::test {
namespace {

using namespace std::chrono_literals;

const std::string kDemoForecast =
    std::string("file://") + RISKWARN_SOURCE_DIR + "/config/examples/demo-forecast.json";

std::string console_config(const TempDir& dir, const std::string& poll_interval) {
  return "[daemon]\n"
         "state_dir = \"" +
         (dir.path() / "state").string() +
         "\"\n"
         "poll_interval = \"" +
         poll_interval +
         "\"\n"
         "[feeds.recorded]\n"
         "kind = \"open-meteo\"\n"
         "url = \"" +
         kDemoForecast +
         "\"\n"
         "shift_to_now = true\n"
         "[channels.console]\n"
         "kind = \"console\"\n"
         "[[counties]]\n"
         "code = \"410102\"\n"
         "name = \"中原区\"\n"
         "latitude = 34.75\n"
         "longitude = 113.62\n"
         "feeds = [\"recorded\"]\n"
         "[counties.departments.traffic_police]\n"
         "name = \"区公安分局交通管理大队\"\n"
         "channels = [\"console\"]\n";
}

class Lifecycle : public ::testing::Test {
 protected:
  TempDir dir_;
  FakeNotifySocket notify_;
  std::filesystem::path config_ = dir_.write("riskwarn.toml", console_config(dir_, "10m"));

  Environment env() const { return {{"NOTIFY_SOCKET", notify_.path()}}; }
};

TEST_F(Lifecycle, ReadyThenStoppingAndExitZeroOnSigterm) {
  Process daemon(RISKWARND_PATH, {"--config", config_.string()}, env());
  ASSERT_TRUE(notify_.wait_for("READY=1", 10s)) << daemon.stderr_text();
  ASSERT_TRUE(daemon.wait_for_stderr("delivered to traffic_police", 10s)) << daemon.stderr_text();
  ASSERT_TRUE(daemon.send_signal(SIGTERM));
  EXPECT_EQ(daemon.wait_for_exit(15s), 0) << daemon.stderr_text();
  EXPECT_TRUE(notify_.wait_for("STOPPING=1", 1s));
  EXPECT_NE(daemon.stdout_text().find("大雾橙色预警"), std::string::npos) << daemon.stdout_text();
}

TEST_F(Lifecycle, WatchdogPingsWhileLoopAndDatabaseAnswer) {
  Environment watchdog = env();
  watchdog["WATCHDOG_USEC"] = "200000";  // ping every 100 ms
  Process daemon(RISKWARND_PATH, {"--config", config_.string()}, watchdog);
  ASSERT_TRUE(notify_.wait_for("READY=1", 10s)) << daemon.stderr_text();
  EXPECT_TRUE(notify_.wait_for_count("WATCHDOG=1", 3, 10s));
  ASSERT_TRUE(daemon.send_signal(SIGTERM));
  EXPECT_EQ(daemon.wait_for_exit(15s), 0) << daemon.stderr_text();
}

TEST_F(Lifecycle, NoWatchdogPingsUnlessSystemdAsks) {
  Process daemon(RISKWARND_PATH, {"--config", config_.string()}, env());
  ASSERT_TRUE(notify_.wait_for("READY=1", 10s)) << daemon.stderr_text();
  ASSERT_TRUE(daemon.wait_for_stderr("poll:", 10s)) << daemon.stderr_text();
  ASSERT_TRUE(daemon.send_signal(SIGTERM));
  EXPECT_EQ(daemon.wait_for_exit(15s), 0) << daemon.stderr_text();
  EXPECT_EQ(notify_.count("WATCHDOG=1"), 0u);
}

TEST_F(Lifecycle, SigintAlsoDrainsAndExitsZero) {
  Process daemon(RISKWARND_PATH, {"--config", config_.string()}, env());
  ASSERT_TRUE(notify_.wait_for("READY=1", 10s)) << daemon.stderr_text();
  ASSERT_TRUE(daemon.send_signal(SIGINT));
  EXPECT_EQ(daemon.wait_for_exit(15s), 0) << daemon.stderr_text();
}

TEST_F(Lifecycle, SighupWithBrokenConfigKeepsTheOldOne) {
  Process daemon(RISKWARND_PATH, {"--config", config_.string()}, env());
  ASSERT_TRUE(notify_.wait_for("READY=1", 10s)) << daemon.stderr_text();
  dir_.write("riskwarn.toml", console_config(dir_, "10m") + "\n[daemon.typo]\nx = 1\n");
  ASSERT_TRUE(daemon.send_signal(SIGHUP));
  ASSERT_TRUE(notify_.wait_for("RELOADING=1", 10s));
  ASSERT_TRUE(notify_.wait_for_count("READY=1", 2, 10s));
  ASSERT_TRUE(daemon.wait_for_stderr("still running the previous configuration", 10s))
      << daemon.stderr_text();
  EXPECT_NE(daemon.stderr_text().find(config_.string() + ":"), std::string::npos)
      << daemon.stderr_text();
  for (const std::string& message : notify_.messages()) {
    if (message.find("RELOADING=1") != std::string::npos) {
      EXPECT_NE(message.find("MONOTONIC_USEC="), std::string::npos) << message;
    }
  }
  EXPECT_FALSE(daemon.wait_for_exit(500ms).has_value()) << "daemon died on a bad reload";
  ASSERT_TRUE(daemon.send_signal(SIGTERM));
  EXPECT_EQ(daemon.wait_for_exit(15s), 0) << daemon.stderr_text();
}

TEST_F(Lifecycle, SighupWithGoodConfigSwapsItIn) {
  Process daemon(RISKWARND_PATH, {"--config", config_.string()}, env());
  ASSERT_TRUE(notify_.wait_for("READY=1", 10s)) << daemon.stderr_text();
  dir_.write("riskwarn.toml", console_config(dir_, "5m"));
  ASSERT_TRUE(daemon.send_signal(SIGHUP));
  ASSERT_TRUE(daemon.wait_for_stderr("configuration reloaded", 10s)) << daemon.stderr_text();
  ASSERT_TRUE(notify_.wait_for_count("READY=1", 2, 10s));
  ASSERT_TRUE(daemon.send_signal(SIGTERM));
  EXPECT_EQ(daemon.wait_for_exit(15s), 0) << daemon.stderr_text();
}

TEST_F(Lifecycle, CheckConfigReportsEveryErrorWithPositionAndExitsTwo) {
  const auto bad = dir_.write("bad.toml", "[daemon]\npoll_interval = 5\nbogus = true\n");
  const RunResult result =
      run(RISKWARND_PATH, {"--config", bad.string(), "--check-config"}, {}, 10s);
  EXPECT_EQ(result.exit_status, 2);
  EXPECT_NE(result.stderr_text.find(bad.string() + ":2:"), std::string::npos) << result.stderr_text;
  EXPECT_NE(result.stderr_text.find(bad.string() + ":3:"), std::string::npos) << result.stderr_text;
}

TEST_F(Lifecycle, CheckConfigAcceptsTheExamples) {
  // county.toml reads its secrets as systemd credentials, as the unit file provides them.
  dir_.write("credentials/riskwarn_qweather-key", "0123456789abcdef\n");
  dir_.write("credentials/riskwarn_duty-webhook-secret",
             "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n");
  const Environment credentials{{"CREDENTIALS_DIRECTORY", (dir_.path() / "credentials").string()}};
  for (const char* example : {"demo.toml", "county.toml"}) {
    const std::string path = std::string(RISKWARN_SOURCE_DIR) + "/config/examples/" + example;
    const RunResult result =
        run(RISKWARND_PATH, {"--config", path, "--check-config"}, credentials, 10s);
    EXPECT_EQ(result.exit_status, 0) << example << ": " << result.stderr_text;
  }
}

TEST_F(Lifecycle, DemoShowsTheFogAlertOnTheConsole) {
  const std::string demo = std::string(RISKWARN_SOURCE_DIR) + "/config/examples/demo.toml";
  const RunResult result = run(RISKWARND_PATH, {"--config", demo, "--once"},
                               {{"STATE_DIRECTORY", (dir_.path() / "demo-state").string()}}, 30s);
  ASSERT_EQ(result.exit_status, 0) << result.stderr_text;
  EXPECT_NE(result.stdout_text.find("中原区"), std::string::npos) << result.stdout_text;
  EXPECT_NE(result.stdout_text.find("大雾橙色预警"), std::string::npos) << result.stdout_text;
}

TEST_F(Lifecycle, UsageErrorsExitSixtyFour) {
  EXPECT_EQ(run(RISKWARND_PATH, {}, {}, 10s).exit_status, 64);
  EXPECT_EQ(run(RISKWARND_PATH, {"--config", "x", "--log-level", "loud"}, {}, 10s).exit_status, 64);
}

}  // namespace
}  // namespace riskwarn::test
