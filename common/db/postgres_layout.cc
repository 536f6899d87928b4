#include "common/db/postgres_layout.h"

#include <dirent.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/base/log.h"
#include "common/db/digest.h"

namespace fgc::db {
namespace {

namespace fs = std::filesystem;

// A unix socket path (sun_path) holds 107 characters and a NUL.
constexpr size_t kMaxSocketPath = 107;
constexpr char kSocketName[] = ".s.PGSQL.5432";

absl::Status MakePrivateDir(const fs::path& dir, const std::optional<UserIdentity>& owner) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec)
    return absl::InternalError(absl::StrCat("cannot create ", dir.string(), ": ", ec.message()));
  if (chmod(dir.c_str(), 0700) != 0 || (owner && chown(dir.c_str(), owner->uid, owner->gid) != 0)) {
    return absl::InternalError(
        absl::StrCat("cannot set owner and mode of ", dir.string(), ": ", std::strerror(errno)));
  }
  return absl::OkStatus();
}

std::optional<std::string> ReadFirstLine(const fs::path& file) {
  std::ifstream in(file);
  std::string line;
  if (!in || !std::getline(in, line)) return std::nullopt;
  return std::string(absl::StripAsciiWhitespace(line));
}

absl::Status WriteFileAtomically(const fs::path& file, const std::string& contents) {
  fs::path temp = file;
  temp += ".tmp";
  {
    std::ofstream out(temp, std::ios::trunc);
    out << contents;
    if (!out.flush()) return absl::InternalError(absl::StrCat("cannot write ", temp.string()));
  }
  std::error_code ec;
  fs::rename(temp, file, ec);
  if (ec)
    return absl::InternalError(absl::StrCat("cannot write ", file.string(), ": ", ec.message()));
  return absl::OkStatus();
}

// Where the cluster lives: recorded earlier, in the state dir, or relocated for a root host
// whose `postgres` user cannot traverse the state dir.
absl::Status ChooseHome(const LayoutOptions& options, PostgresLayout& layout) {
  const fs::path state(layout.state_dir);
  if (auto recorded = ReadFirstLine(state / kLocationFileName); recorded && !recorded->empty()) {
    layout.home = *recorded;
    layout.relocated = true;
    return absl::OkStatus();
  }
  if (!layout.run_as || CanTraverse(*layout.run_as, layout.state_dir)) {
    layout.home = (state / "postgres").string();
    return absl::OkStatus();
  }
  const fs::path root(options.relocation_root);
  std::error_code ec;
  fs::create_directories(root, ec);
  if (ec || !CanTraverse(*layout.run_as, root.string())) {
    return absl::FailedPreconditionError(absl::StrCat(
        "running as root: user '", layout.run_as->name, "' cannot reach the state directory ",
        layout.state_dir, " nor ", root.string(),
        "; use a state directory that user can traverse, or run as an ordinary user"));
  }
  layout.home = (root / Sha256Hex(layout.state_dir).substr(0, 16)).string();
  layout.relocated = true;
  if (absl::Status s = WriteFileAtomically(state / kLocationFileName, layout.home + "\n");
      !s.ok()) {
    return s;
  }
  log::Info("embedded PostgreSQL data placed outside the state directory, which user '" +
                layout.run_as->name + "' cannot reach",
            {{"state_dir", layout.state_dir}, {"cluster_dir", layout.home}});
  return absl::OkStatus();
}

absl::Status ChooseSocketDir(PostgresLayout& layout) {
  const fs::path run = fs::path(layout.home) / "run";
  if (absl::Status s = MakePrivateDir(run, layout.run_as); !s.ok()) return s;
  if ((run / kSocketName).string().size() <= kMaxSocketPath) {
    layout.socket_dir = run.string();
    return absl::OkStatus();
  }
  // Too long for a socket path: a fresh private dir in /tmp, removed when the server stops.
  std::string temp = "/tmp/fgc-pg-XXXXXX";
  if (mkdtemp(temp.data()) == nullptr) {
    return absl::InternalError(absl::StrCat("mkdtemp: ", std::strerror(errno)));
  }
  if (absl::Status s = MakePrivateDir(temp, layout.run_as); !s.ok()) return s;
  layout.socket_dir = temp;
  layout.socket_dir_is_temporary = true;
  return absl::OkStatus();
}

// PostgreSQL processes whose working directory is `data_dir`: the postmaster and its children
// all chdir there.
std::vector<pid_t> PostgresProcessesIn(const fs::path& data_dir) {
  std::vector<pid_t> pids;
  std::error_code ec;
  const fs::path canonical = fs::weakly_canonical(data_dir, ec);
  DIR* proc = opendir("/proc");
  if (proc == nullptr) return pids;
  while (dirent* entry = readdir(proc)) {
    int pid = 0;
    if (!absl::SimpleAtoi(entry->d_name, &pid) || pid == getpid()) continue;
    const fs::path base = fs::path("/proc") / entry->d_name;
    fs::path cwd = fs::read_symlink(base / "cwd", ec);
    if (ec || cwd != canonical) continue;
    fs::path exe = fs::read_symlink(base / "exe", ec);
    if (!ec && exe.filename() == "postgres") pids.push_back(pid);
  }
  closedir(proc);
  return pids;
}

// Waits for a process that is not our child to exit.
bool WaitForExit(pid_t pid, absl::Time deadline) {
  int pidfd = static_cast<int>(syscall(SYS_pidfd_open, pid, 0));
  if (pidfd < 0) return errno == ESRCH;
  bool exited = false;
  while (!exited) {
    absl::Duration left = deadline - absl::Now();
    if (left <= absl::ZeroDuration()) break;
    pollfd pfd{pidfd, POLLIN, 0};
    exited = poll(&pfd, 1, static_cast<int>(absl::ToInt64Milliseconds(left)) + 1) > 0;
  }
  close(pidfd);
  return exited;
}

}  // namespace

absl::StatusOr<PostgresLayout> PrepareLayout(const LayoutOptions& options) {
  if (options.state_dir.empty()) return absl::InvalidArgumentError("state directory not set");
  PostgresLayout layout;
  fs::path state = fs::absolute(options.state_dir).lexically_normal();
  if (!state.has_filename()) state = state.parent_path();
  layout.state_dir = state.string();
  std::error_code ec;
  if (!fs::exists(state, ec)) {
    // The state dir holds keys as well as the database: private from the start.
    if (absl::Status s = MakePrivateDir(state, std::nullopt); !s.ok()) return s;
  }
  layout.log_file = (state / "postgres.log").string();
  if (geteuid() == 0) {
    absl::StatusOr<UserIdentity> user = LookUpUser(options.user_when_root);
    if (!user.ok()) {
      return absl::FailedPreconditionError(absl::StrCat(
          "running as root, but PostgreSQL refuses root and there is no '", options.user_when_root,
          "' user to run it as; install postgresql-15 or run as an "
          "ordinary user"));
    }
    layout.run_as = *std::move(user);
  }
  if (absl::Status s = ChooseHome(options, layout); !s.ok()) return s;
  if (absl::Status s = MakePrivateDir(layout.home, layout.run_as); !s.ok()) return s;
  layout.data_dir = (fs::path(layout.home) / "data").string();
  if (absl::Status s = ChooseSocketDir(layout); !s.ok()) return s;
  return layout;
}

absl::Status ClearStaleLock(const PostgresLayout& layout, absl::Time deadline) {
  for (pid_t pid : PostgresProcessesIn(layout.data_dir)) {
    if (!WaitForExit(pid, deadline)) {
      return absl::FailedPreconditionError(
          absl::StrCat("PostgreSQL (pid ", pid, ") is still running on ", layout.data_dir,
                       ": another fgc host may be using the state directory ", layout.state_dir));
    }
  }
  // No PostgreSQL runs on the data dir, so any lock files left are stale (a crash, or a pid
  // since reused by an unrelated process, which PostgreSQL itself would refuse to ignore).
  std::error_code ec;
  const fs::path pid_file = fs::path(layout.data_dir) / "postmaster.pid";
  if (fs::remove(pid_file, ec)) {
    log::Warn("removed a stale postmaster.pid", {{"data_dir", layout.data_dir}});
  }
  fs::remove(fs::path(layout.socket_dir) / (std::string(kSocketName) + ".lock"), ec);
  fs::remove(fs::path(layout.socket_dir) / kSocketName, ec);
  return absl::OkStatus();
}

void RemoveRelocatedCluster(const std::string& state_dir) {
  const fs::path location = fs::path(state_dir) / kLocationFileName;
  std::optional<std::string> home = ReadFirstLine(location);
  if (!home || home->empty()) return;
  std::error_code ec;
  fs::remove_all(*home, ec);
  fs::remove(location, ec);
}

void RemoveTemporarySocketDir(const PostgresLayout& layout) {
  if (!layout.socket_dir_is_temporary) return;
  std::error_code ec;
  fs::remove_all(layout.socket_dir, ec);
}

}  // namespace fgc::db
