#include "tests/support/process.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/eventfd.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <condition_variable>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <thread>

extern char** environ;

namespace riskwarn::test {
namespace {

// Variables through which a service manager talks to the process it started. Inherited, they
// would make the child act as if systemd had started it (notify, journal logging, directories).
constexpr std::array<std::string_view, 13> kServiceManagerVariables{
    "NOTIFY_SOCKET",   "WATCHDOG_USEC",           "WATCHDOG_PID",          "LISTEN_FDS",
    "LISTEN_PID",      "LISTEN_FDNAMES",          "INVOCATION_ID",         "JOURNAL_STREAM",
    "STATE_DIRECTORY", "CONFIGURATION_DIRECTORY", "CREDENTIALS_DIRECTORY", "RUNTIME_DIRECTORY",
    "LOGS_DIRECTORY"};

bool is_service_manager_variable(std::string_view name) {
  return std::find(kServiceManagerVariables.begin(), kServiceManagerVariables.end(), name) !=
         kServiceManagerVariables.end();
}

// The test's own environment, less the service manager's variables, with env applied on top, as
// "NAME=value" strings.
std::vector<std::string> child_environment(const Environment& env) {
  Environment merged;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    const std::string_view assignment(*entry);
    const auto equals = assignment.find('=');
    if (equals == std::string_view::npos)
      continue;
    const std::string_view name = assignment.substr(0, equals);
    if (is_service_manager_variable(name))
      continue;
    merged.emplace(std::string(name), std::string(assignment.substr(equals + 1)));
  }
  for (const auto& [name, value] : env)
    merged.insert_or_assign(name, value);

  std::vector<std::string> assignments;
  assignments.reserve(merged.size());
  for (const auto& [name, value] : merged)
    assignments.push_back(name + "=" + value);
  return assignments;
}

// A null-terminated array of pointers into strings, for argv and envp.
std::vector<char*> c_array(std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  pointers.reserve(strings.size() + 1);
  for (auto& s : strings)
    pointers.push_back(s.data());
  pointers.push_back(nullptr);
  return pointers;
}

}  // namespace

struct Process::State {
  pid_t pid = -1;
  int stop_fd = -1;
  std::array<int, 2> output_fds{-1, -1};  // read ends of the stdout and stderr pipes
  std::thread stdout_reader;
  std::thread stderr_reader;
  std::thread waiter;

  mutable std::mutex mutex;
  mutable std::condition_variable changed;
  std::string stdout_text;
  std::string stderr_text;
  int open_streams = 0;
  bool reaped = false;
  std::optional<int> status;

  // Appends everything readable from fd to sink until end of file or stop_fd is signalled.
  void read_stream(int fd, std::string& sink) {
    std::array<char, 4096> buffer{};
    std::array<pollfd, 2> fds{pollfd{fd, POLLIN, 0}, pollfd{stop_fd, POLLIN, 0}};
    for (;;) {
      if (::poll(fds.data(), fds.size(), -1) < 0) {
        if (errno == EINTR)
          continue;
        break;
      }
      if (fds[0].revents != 0) {
        const ssize_t n = ::read(fd, buffer.data(), buffer.size());
        if (n > 0) {
          std::lock_guard lock(mutex);
          sink.append(buffer.data(), static_cast<std::size_t>(n));
          changed.notify_all();
          continue;
        }
        if (n < 0 && errno == EINTR)
          continue;
        break;
      }
      if (fds[1].revents != 0)
        break;
    }
    std::lock_guard lock(mutex);
    --open_streams;
    changed.notify_all();
  }

  // Waits for the child to end, kills what it left in its process group, and reaps it. The
  // child stays a zombie until reaped under the mutex, so its pid cannot be reused while
  // send_signal() holds the mutex.
  void wait_for_child() {
    siginfo_t info{};
    while (::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOWAIT) != 0) {
      if (errno != EINTR) {
        ADD_FAILURE() << "waitid failed for pid " << pid << ": " << std::strerror(errno);
        std::lock_guard lock(mutex);
        reaped = true;
        changed.notify_all();
        return;
      }
    }
    std::lock_guard lock(mutex);
    ::kill(-pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
    status = info.si_code == CLD_EXITED ? info.si_status : killed_by(info.si_status);
    reaped = true;
    changed.notify_all();
  }
};

Process::Process(const std::string& binary, const std::vector<std::string>& args,
                 const Environment& env)
    : state_(std::make_unique<State>()) {
  std::array<int, 2> out_pipe{-1, -1};
  std::array<int, 2> err_pipe{-1, -1};
  if (::pipe2(out_pipe.data(), O_CLOEXEC) != 0 || ::pipe2(err_pipe.data(), O_CLOEXEC) != 0 ||
      (state_->stop_fd = ::eventfd(0, EFD_CLOEXEC)) < 0) {
    ADD_FAILURE() << "cannot create pipes for " << binary << ": " << std::strerror(errno);
    for (const int fd : {out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]}) {
      if (fd >= 0)
        ::close(fd);
    }
    return;
  }

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], STDERR_FILENO);

  // Its own process group, an empty signal mask and default dispositions for signals a test
  // runner might ignore.
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  posix_spawnattr_setflags(&attributes,
                           POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  posix_spawnattr_setpgroup(&attributes, 0);
  sigset_t signals;
  sigemptyset(&signals);
  posix_spawnattr_setsigmask(&attributes, &signals);
  for (const int signal : {SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGTERM, SIGCHLD, SIGUSR1, SIGUSR2}) {
    sigaddset(&signals, signal);
  }
  posix_spawnattr_setsigdefault(&attributes, &signals);

  std::vector<std::string> argv_strings{binary};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<std::string> env_strings = child_environment(env);
  const std::vector<char*> argv = c_array(argv_strings);
  const std::vector<char*> envp = c_array(env_strings);

  pid_t pid = -1;
  const int spawn_error =
      ::posix_spawn(&pid, binary.c_str(), &actions, &attributes, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  state_->output_fds = {out_pipe[0], err_pipe[0]};
  if (spawn_error != 0) {
    ADD_FAILURE() << "cannot start " << binary << ": " << std::strerror(spawn_error);
    return;
  }

  state_->pid = pid;
  state_->open_streams = 2;
  State* state = state_.get();
  state_->stdout_reader =
      std::thread([state] { state->read_stream(state->output_fds[0], state->stdout_text); });
  state_->stderr_reader =
      std::thread([state] { state->read_stream(state->output_fds[1], state->stderr_text); });
  state_->waiter = std::thread([state] { state->wait_for_child(); });
}

Process::~Process() {
  if (state_->pid >= 0) {
    {
      std::lock_guard lock(state_->mutex);
      if (!state_->reaped)
        ::kill(-state_->pid, SIGKILL);
    }
    state_->waiter.join();
    const std::uint64_t one = 1;
    if (::write(state_->stop_fd, &one, sizeof(one)) != sizeof(one)) {
      ADD_FAILURE() << "cannot stop the output readers of pid " << state_->pid;
    }
    state_->stdout_reader.join();
    state_->stderr_reader.join();
  }
  for (const int fd : {state_->output_fds[0], state_->output_fds[1], state_->stop_fd}) {
    if (fd >= 0)
      ::close(fd);
  }
}

int Process::pid() const {
  return state_->pid;
}

bool Process::send_signal(int signal) {
  std::lock_guard lock(state_->mutex);
  if (state_->pid < 0 || state_->reaped)
    return false;
  return ::kill(state_->pid, signal) == 0;
}

std::optional<int> Process::wait_for_exit(std::chrono::milliseconds timeout) {
  if (state_->pid < 0)
    return std::nullopt;
  std::unique_lock lock(state_->mutex);
  state_->changed.wait_for(lock, timeout,
                           [&] { return state_->reaped && state_->open_streams == 0; });
  return state_->status;
}

std::string Process::stdout_text() const {
  std::lock_guard lock(state_->mutex);
  return state_->stdout_text;
}

std::string Process::stderr_text() const {
  std::lock_guard lock(state_->mutex);
  return state_->stderr_text;
}

bool Process::wait_for_stderr(std::string_view substring, std::chrono::milliseconds timeout) const {
  std::unique_lock lock(state_->mutex);
  return state_->changed.wait_for(
      lock, timeout, [&] { return state_->stderr_text.find(substring) != std::string::npos; });
}

RunResult run(const std::string& binary, const std::vector<std::string>& args,
              const Environment& env, std::chrono::milliseconds timeout) {
  Process process(binary, args, env);
  RunResult result;
  result.exit_status = process.wait_for_exit(timeout);
  if (!result.exit_status) {
    process.send_signal(SIGKILL);
    process.wait_for_exit(std::chrono::seconds(10));
  }
  result.stdout_text = process.stdout_text();
  result.stderr_text = process.stderr_text();
  return result;
}

}  // namespace riskwarn::test
