#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace riskwarn::test {

// Variables to set in a child's environment, on top of (and overriding) the test's own. The
// child never inherits the variables a service manager passes (NOTIFY_SOCKET, WATCHDOG_*,
// LISTEN_*, INVOCATION_ID, JOURNAL_STREAM, *_DIRECTORY): set them here to simulate systemd.
using Environment = std::map<std::string, std::string>;

// The status wait_for_exit() reports for a process killed by signal: its negated number, so it
// never collides with an exit code (0-255).
constexpr int killed_by(int signal) {
  return -signal;
}

// A child process for tests: spawned in its own process group with stdin from /dev/null and
// stdout and stderr captured by reader threads. When the child exits, whatever it left running
// in its process group is killed. The destructor kills (SIGKILL) and reaps it if still running.
class Process {
 public:
  // Starts binary with args (argv[1]...); a failure to start fails the current test.
  Process(const std::string& binary, const std::vector<std::string>& args,
          const Environment& env = {});
  ~Process();
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;

  // The child's process id, or -1 when it could not be started.
  int pid() const;

  // Sends signal to the child unless it has already been reaped; true when sent.
  bool send_signal(int signal);

  // Waits up to timeout for the child to exit and its output to be fully read. Returns the exit
  // code, killed_by(signal) when a signal ended it, or nothing if it is still running.
  std::optional<int> wait_for_exit(std::chrono::milliseconds timeout);

  // Everything the child has written to stdout so far.
  std::string stdout_text() const;

  // Everything the child has written to stderr so far.
  std::string stderr_text() const;

  // Waits until the child's stderr contains substring; false after timeout.
  bool wait_for_stderr(std::string_view substring, std::chrono::milliseconds timeout) const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// The outcome of run(): the status as wait_for_exit() reports it (nothing on timeout, after which
// the process was killed) and the captured output.
struct RunResult {
  std::optional<int> exit_status;
  std::string stdout_text;
  std::string stderr_text;
};

// Runs binary with args to completion or until timeout.
RunResult run(const std::string& binary, const std::vector<std::string>& args,
              const Environment& env, std::chrono::milliseconds timeout);

}  // namespace riskwarn::test
