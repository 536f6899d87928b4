// A program run as a child process that cannot outlive its parent: fork/exec with a parent-death
// signal, an optional drop from root to another user, and waiting with a deadline on a pidfd.
// Used to run initdb and the embedded postgres server.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace fgc::db {

// An operating-system account a child process runs as.
struct UserIdentity {
  std::string name;
  uid_t uid = 0;
  gid_t gid = 0;
  std::vector<gid_t> groups;  // supplementary groups, as initgroups(3) would set them
};

// Looks up `name` in the user database. NotFound when there is no such user.
absl::StatusOr<UserIdentity> LookUpUser(const std::string& name);

// True when `user` may search (traverse) `path` and every directory above it, judged by the
// mode bits (ACLs are not consulted).
bool CanTraverse(const UserIdentity& user, const std::string& path);

struct SpawnOptions {
  std::string program;                 // absolute path; argv[0] is set to it
  std::vector<std::string> args;       // argv[1..]
  std::vector<std::string> env;        // the whole environment ("KEY=value"); nothing is inherited
  std::string working_dir;             // the child chdirs here before exec (must be reachable)
  int output_fd = -1;                  // stdout and stderr of the child; -1 means /dev/null
  std::optional<UserIdentity> run_as;  // drop to this user (the parent must be root)
  int parent_death_signal = 0;         // sent to the child when the forking thread dies
};

// A running (or exited, not yet reaped) child. Move-only; destroying a running child kills it
// with SIGKILL and reaps it, so no process is ever left behind by accident.
//
// The parent-death signal fires when the *thread* that called Spawn exits, so spawn long-lived
// children from a thread that lives as long as they should (the main thread).
// Not thread-safe: one owner waits on and signals the child.
class ChildProcess final {
 public:
  // Forks and execs. Fails (and leaves no process) if fork fails or the child cannot drop
  // privileges, change directory or exec; the error says which step.
  static absl::StatusOr<ChildProcess> Spawn(const SpawnOptions& options);

  ChildProcess(ChildProcess&& other) noexcept;
  ChildProcess& operator=(ChildProcess&& other) noexcept;
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;
  ~ChildProcess();

  pid_t pid() const { return pid_; }
  bool exited() const { return wait_status_.has_value(); }
  // The raw wait(2) status once exited.
  std::optional<int> wait_status() const { return wait_status_; }

  // Waits until the child exits or `deadline` passes, without busy looping. Returns true when
  // the child has exited (and is reaped).
  bool WaitUntil(absl::Time deadline);

  // Sends `signal` unless the child already exited.
  void Signal(int signal);

 private:
  ChildProcess(pid_t pid, int pidfd) : pid_(pid), pidfd_(pidfd) {}
  bool Reap(bool block);
  void Release();

  pid_t pid_ = -1;
  int pidfd_ = -1;  // -1 when the kernel has no pidfd_open; waiting then polls
  std::optional<int> wait_status_;
};

// "exited with status 1", "killed by signal 9".
std::string DescribeWaitStatus(int wait_status);

}  // namespace fgc::db
