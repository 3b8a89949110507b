#include "tests/support/process.hpp"

#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <fstream>
#include <string>
#include <thread>

namespace riskwarn::test {
namespace {

using namespace std::chrono_literals;

constexpr auto kTimeout = 10s;

// Whether pid names a live process (not gone, not a zombie).
bool is_running(int pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(stat, line))
    return false;
  const auto after_name = line.rfind(')');
  return after_name != std::string::npos && after_name + 2 < line.size() &&
         line[after_name + 2] != 'Z';
}

// Whether pid stops running within kTimeout.
bool eventually_not_running(int pid) {
  const auto deadline = std::chrono::steady_clock::now() + kTimeout;
  while (is_running(pid)) {
    if (std::chrono::steady_clock::now() > deadline)
      return false;
    std::this_thread::sleep_for(10ms);
  }
  return true;
}

TEST(ProcessTest, ReportsTheExitCode) {
  Process process("/bin/sh", {"-c", "exit 3"});
  EXPECT_EQ(process.wait_for_exit(kTimeout), 3);
}

TEST(ProcessTest, CapturesStdoutAndStderrSeparately) {
  const RunResult result =
      run("/bin/sh", {"-c", "printf 'out\\n'; printf 'err\\n' >&2"}, {}, kTimeout);
  EXPECT_EQ(result.exit_status, 0);
  EXPECT_EQ(result.stdout_text, "out\n");
  EXPECT_EQ(result.stderr_text, "err\n");
}

TEST(ProcessTest, PassesExtraEnvironmentOverTheInheritedOne) {
  ::setenv("RISKWARN_PROCESS_TEST_INHERITED", "kept", 1);
  ::setenv("RISKWARN_PROCESS_TEST_OVERRIDDEN", "old", 1);
  const RunResult result =
      run("/bin/sh",
          {"-c",
           "printf '%s %s %s' \"$RISKWARN_PROCESS_TEST_INHERITED\" "
           "\"$RISKWARN_PROCESS_TEST_OVERRIDDEN\" \"$RISKWARN_PROCESS_TEST_NEW\""},
          {{"RISKWARN_PROCESS_TEST_OVERRIDDEN", "new"}, {"RISKWARN_PROCESS_TEST_NEW", "added"}},
          kTimeout);
  ::unsetenv("RISKWARN_PROCESS_TEST_INHERITED");
  ::unsetenv("RISKWARN_PROCESS_TEST_OVERRIDDEN");
  EXPECT_EQ(result.stdout_text, "kept new added");
}

TEST(ProcessTest, DoesNotPassOnTheTestRunnersServiceManagerVariables) {
  ::setenv("NOTIFY_SOCKET", "/run/systemd/notify", 1);
  ::setenv("INVOCATION_ID", "0123456789abcdef0123456789abcdef", 1);
  const RunResult inherited = run(
      "/bin/sh", {"-c", "printf '[%s][%s]' \"$NOTIFY_SOCKET\" \"$INVOCATION_ID\""}, {}, kTimeout);
  const RunResult explicit_socket = run("/bin/sh", {"-c", "printf '%s' \"$NOTIFY_SOCKET\""},
                                        {{"NOTIFY_SOCKET", "/tmp/fake-notify"}}, kTimeout);
  ::unsetenv("NOTIFY_SOCKET");
  ::unsetenv("INVOCATION_ID");
  EXPECT_EQ(inherited.stdout_text, "[][]");
  EXPECT_EQ(explicit_socket.stdout_text, "/tmp/fake-notify");
}

TEST(ProcessTest, ReportsDeathBySignalDistinctlyFromExitCodes) {
  Process process("/bin/sh", {"-c", "exec sleep 60"});
  ASSERT_GT(process.pid(), 0);

  EXPECT_TRUE(process.send_signal(SIGTERM));
  EXPECT_EQ(process.wait_for_exit(kTimeout), killed_by(SIGTERM));
  EXPECT_NE(killed_by(SIGTERM), 128 + SIGTERM);
  EXPECT_FALSE(process.send_signal(SIGTERM));
}

TEST(ProcessTest, ShellTrapSeesTheSignal) {
  Process process("/bin/sh", {"-c",
                              "trap 'echo got TERM; exit 7' TERM; echo ready >&2; "
                              "while :; do sleep 0.05; done"});
  ASSERT_TRUE(process.wait_for_stderr("ready", kTimeout));
  EXPECT_TRUE(process.send_signal(SIGTERM));
  EXPECT_EQ(process.wait_for_exit(kTimeout), 7);
  EXPECT_EQ(process.stdout_text(), "got TERM\n");
}

TEST(ProcessTest, StillRunningProcessReportsNothingAndIsKilledOnDestruction) {
  int pid = -1;
  {
    Process process("/bin/sh", {"-c", "exec sleep 60"});
    pid = process.pid();
    ASSERT_GT(pid, 0);
    EXPECT_EQ(process.wait_for_exit(50ms), std::nullopt);
    EXPECT_TRUE(is_running(pid));
  }
  EXPECT_FALSE(is_running(pid));
}

TEST(ProcessTest, KillsWhatTheChildLeftRunningInItsProcessGroup) {
  const RunResult result = run("/bin/sh", {"-c", "sleep 60 & echo $!"}, {}, kTimeout);
  ASSERT_EQ(result.exit_status, 0);
  const int background_pid = std::stoi(result.stdout_text);
  EXPECT_TRUE(eventually_not_running(background_pid));
}

TEST(ProcessTest, RunReportsNothingWhenTheTimeoutExpires) {
  const RunResult result = run("/bin/sh", {"-c", "exec sleep 60"}, {}, 300ms);
  EXPECT_EQ(result.exit_status, std::nullopt);
}

TEST(ProcessTest, MissingBinaryFailsToStart) {
  ::testing::TestPartResultArray failures;
  {
    ::testing::ScopedFakeTestPartResultReporter reporter(
        ::testing::ScopedFakeTestPartResultReporter::INTERCEPT_ONLY_CURRENT_THREAD, &failures);
    Process process("/nonexistent/riskwarn-binary", {});
    EXPECT_EQ(process.pid(), -1);
  }
  ASSERT_EQ(failures.size(), 1);
  EXPECT_NE(std::string(failures.GetTestPartResult(0).message()).find("cannot start"),
            std::string::npos);
}

}  // namespace
}  // namespace riskwarn::test
