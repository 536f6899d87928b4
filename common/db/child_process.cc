#include "common/db/child_process.h"

#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

namespace fgc::db {
namespace {

// The steps a child reports when it fails before exec, written to the error pipe with errno.
enum class ChildStep : int {
  kSetGroups = 1,
  kSetGid,
  kSetUid,
  kDeathSignal,
  kParentGone,
  kChdir,
  kRedirect,
  kExec
};

const char* StepName(ChildStep step) {
  switch (step) {
    case ChildStep::kSetGroups:
      return "setgroups";
    case ChildStep::kSetGid:
      return "setgid";
    case ChildStep::kSetUid:
      return "setuid";
    case ChildStep::kDeathSignal:
      return "prctl(PR_SET_PDEATHSIG)";
    case ChildStep::kParentGone:
      return "parent exited before exec";
    case ChildStep::kChdir:
      return "chdir";
    case ChildStep::kRedirect:
      return "redirecting output";
    case ChildStep::kExec:
      return "exec";
  }
  return "unknown step";
}

struct ChildFailure {
  ChildStep step;
  int error;
};

// Runs in the forked child: only async-signal-safe calls from here to exec, since the parent
// may have other threads holding locks (malloc's included).
[[noreturn]] void RunChild(const SpawnOptions& options, char* const argv[], char* const envp[],
                           int error_pipe, int null_fd, pid_t parent) {
  auto fail = [error_pipe](ChildStep step) {
    ChildFailure failure{step, errno};
    (void)!write(error_pipe, &failure, sizeof failure);
    _exit(127);
  };
  // Its own process group, so a Ctrl-C at the terminal reaches the host only, which then stops
  // the child in order.
  setpgid(0, 0);
  if (options.run_as) {
    const UserIdentity& user = *options.run_as;
    if (setgroups(user.groups.size(), user.groups.data()) != 0) fail(ChildStep::kSetGroups);
    if (setgid(user.gid) != 0) fail(ChildStep::kSetGid);
    if (setuid(user.uid) != 0) fail(ChildStep::kSetUid);
  }
  // Set after the uid change, which clears it.
  if (options.parent_death_signal != 0 &&
      prctl(PR_SET_PDEATHSIG, options.parent_death_signal) != 0) {
    fail(ChildStep::kDeathSignal);
  }
  if (getppid() != parent) {
    errno = ESRCH;
    fail(ChildStep::kParentGone);
  }
  if (!options.working_dir.empty() && chdir(options.working_dir.c_str()) != 0) {
    fail(ChildStep::kChdir);
  }
  const int out = options.output_fd >= 0 ? options.output_fd : null_fd;
  if (dup2(null_fd, STDIN_FILENO) < 0 || dup2(out, STDOUT_FILENO) < 0 ||
      dup2(out, STDERR_FILENO) < 0) {
    fail(ChildStep::kRedirect);
  }
  // A host may block or ignore signals; the child must start with the defaults.
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);
  for (int sig : {SIGINT, SIGTERM, SIGQUIT, SIGHUP, SIGPIPE, SIGCHLD, SIGUSR1, SIGUSR2}) {
    signal(sig, SIG_DFL);
  }
  execve(argv[0], argv, envp);
  fail(ChildStep::kExec);
  _exit(127);
}

std::vector<char*> CStrings(std::vector<std::string>& strings) {
  std::vector<char*> out;
  out.reserve(strings.size() + 1);
  for (std::string& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

}  // namespace

absl::StatusOr<UserIdentity> LookUpUser(const std::string& name) {
  std::vector<char> buffer(16384);
  passwd entry{};
  passwd* found = nullptr;
  int rc = getpwnam_r(name.c_str(), &entry, buffer.data(), buffer.size(), &found);
  if (rc != 0 || found == nullptr) {
    return absl::NotFoundError(absl::StrCat("no user named '", name, "'"));
  }
  UserIdentity user{name, entry.pw_uid, entry.pw_gid, {}};
  int count = 32;
  user.groups.resize(count);
  if (getgrouplist(name.c_str(), entry.pw_gid, user.groups.data(), &count) < 0) {
    user.groups.resize(count);
    getgrouplist(name.c_str(), entry.pw_gid, user.groups.data(), &count);
  }
  user.groups.resize(count);
  return user;
}

bool CanTraverse(const UserIdentity& user, const std::string& path) {
  std::filesystem::path p = std::filesystem::absolute(path).lexically_normal();
  for (;;) {
    struct stat st {};
    if (stat(p.c_str(), &st) != 0) return false;
    bool member = st.st_gid == user.gid ||
                  std::find(user.groups.begin(), user.groups.end(), st.st_gid) != user.groups.end();
    mode_t bit = st.st_uid == user.uid ? S_IXUSR : member ? S_IXGRP : S_IXOTH;
    if ((st.st_mode & bit) == 0) return false;
    if (p == p.root_path()) return true;
    p = p.parent_path();
  }
}

absl::StatusOr<ChildProcess> ChildProcess::Spawn(const SpawnOptions& options) {
  // Everything the child needs is prepared before fork: it may not allocate.
  std::vector<std::string> argv_strings{options.program};
  argv_strings.insert(argv_strings.end(), options.args.begin(), options.args.end());
  std::vector<std::string> env_strings = options.env;
  std::vector<char*> argv = CStrings(argv_strings);
  std::vector<char*> envp = CStrings(env_strings);

  int null_fd = open("/dev/null", O_RDWR | O_CLOEXEC);
  if (null_fd < 0) return absl::InternalError("cannot open /dev/null");
  int pipe_fds[2];
  if (pipe2(pipe_fds, O_CLOEXEC) != 0) {
    close(null_fd);
    return absl::InternalError(absl::StrCat("pipe2: ", std::strerror(errno)));
  }
  const pid_t parent = getpid();
  const pid_t pid = fork();
  if (pid == 0) RunChild(options, argv.data(), envp.data(), pipe_fds[1], null_fd, parent);
  const int fork_errno = errno;
  close(pipe_fds[1]);
  close(null_fd);
  if (pid < 0) {
    close(pipe_fds[0]);
    return absl::ResourceExhaustedError(absl::StrCat("fork: ", std::strerror(fork_errno)));
  }
  int pidfd = static_cast<int>(syscall(SYS_pidfd_open, pid, 0));
  ChildProcess child(pid, pidfd < 0 ? -1 : pidfd);

  // The pipe closes on a successful exec (CLOEXEC); a record in it means the child failed.
  ChildFailure failure{};
  ssize_t n;
  do {
    n = read(pipe_fds[0], &failure, sizeof failure);
  } while (n < 0 && errno == EINTR);
  close(pipe_fds[0]);
  if (n == static_cast<ssize_t>(sizeof failure)) {
    child.WaitUntil(absl::InfiniteFuture());
    return absl::InternalError(absl::StrCat("starting ", options.program, ": ",
                                            StepName(failure.step),
                                            " failed: ", std::strerror(failure.error)));
  }
  return child;
}

ChildProcess::ChildProcess(ChildProcess&& other) noexcept
    : pid_(other.pid_), pidfd_(other.pidfd_), wait_status_(other.wait_status_) {
  other.pid_ = -1;
  other.pidfd_ = -1;
}

ChildProcess& ChildProcess::operator=(ChildProcess&& other) noexcept {
  if (this != &other) {
    Release();
    pid_ = other.pid_;
    pidfd_ = other.pidfd_;
    wait_status_ = other.wait_status_;
    other.pid_ = -1;
    other.pidfd_ = -1;
  }
  return *this;
}

ChildProcess::~ChildProcess() { Release(); }

void ChildProcess::Release() {
  if (pid_ > 0 && !wait_status_) {
    Signal(SIGKILL);
    Reap(/*block=*/true);
  }
  if (pidfd_ >= 0) close(pidfd_);
  pid_ = -1;
  pidfd_ = -1;
}

bool ChildProcess::Reap(bool block) {
  if (wait_status_) return true;
  int status = 0;
  pid_t r;
  do {
    r = waitpid(pid_, &status, block ? 0 : WNOHANG);
  } while (r < 0 && errno == EINTR);
  if (r == pid_) {
    wait_status_ = status;
    return true;
  }
  if (r < 0 && errno == ECHILD) {
    // Someone else reaped it (a host that waits for any child); it is gone all the same.
    wait_status_ = 0;
    return true;
  }
  return false;
}

bool ChildProcess::WaitUntil(absl::Time deadline) {
  if (pid_ <= 0) return true;
  while (!Reap(/*block=*/false)) {
    absl::Duration left = deadline - absl::Now();
    if (left <= absl::ZeroDuration()) return false;
    if (deadline == absl::InfiniteFuture()) return Reap(/*block=*/true);
    if (pidfd_ >= 0) {
      // The pidfd becomes readable when the child exits: no polling interval to pick.
      pollfd pfd{pidfd_, POLLIN, 0};
      int ms = static_cast<int>(std::min<int64_t>(absl::ToInt64Milliseconds(left) + 1, 60'000));
      poll(&pfd, 1, ms);
    } else {
      absl::SleepFor(std::min(left, absl::Milliseconds(5)));
    }
  }
  return true;
}

void ChildProcess::Signal(int signal) {
  if (pid_ <= 0 || wait_status_) return;
  kill(pid_, signal);
}

std::string DescribeWaitStatus(int wait_status) {
  if (WIFEXITED(wait_status)) return absl::StrCat("exited with status ", WEXITSTATUS(wait_status));
  if (WIFSIGNALED(wait_status)) {
    return absl::StrCat("killed by signal ", WTERMSIG(wait_status), " (",
                        strsignal(WTERMSIG(wait_status)), ")");
  }
  return absl::StrCat("wait status ", wait_status);
}

}  // namespace fgc::db
