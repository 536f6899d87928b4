// Where an embedded PostgreSQL keeps its files for one state directory, and which user runs it.
// PostgreSQL refuses to run as root, so a root host runs it as the `postgres` user; when that
// user cannot reach the state directory (one under /root, or a 0700 temp dir) the cluster lives
// under /var/lib/fgc/postgres/<hash of the state dir> instead, recorded in the state dir.
#pragma once

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/db/child_process.h"

namespace fgc::db {

struct LayoutOptions {
  std::string state_dir;
  std::string user_when_root = "postgres";
  std::string relocation_root = "/var/lib/fgc/postgres";
};

struct PostgresLayout {
  std::string state_dir;   // absolute
  std::string home;        // holds data/ and run/; owned by the user that runs PostgreSQL
  std::string data_dir;    // PGDATA: home/data
  std::string socket_dir;  // home/run, or a fresh temp dir when that path is too long
  bool socket_dir_is_temporary = false;
  std::string log_file;                // <state_dir>/postgres.log (written through an inherited fd)
  bool relocated = false;              // home is outside the state dir
  std::optional<UserIdentity> run_as;  // set when the host is root
};

// The file in the state dir that records a relocated home.
inline constexpr char kLocationFileName[] = "postgres.location";

// Works out the layout and creates the directories (0700, owned by the user that runs
// PostgreSQL). Idempotent: a second call for the same state dir gives the same layout.
absl::StatusOr<PostgresLayout> PrepareLayout(const LayoutOptions& options);

// Makes sure no earlier postmaster blocks the start: a postmaster.pid whose process is gone or is
// not a postmaster on this data dir is removed (with the socket lock file); a live postmaster on
// this data dir (one still shutting down after its host died) is waited for until `deadline`,
// then FailedPrecondition.
absl::Status ClearStaleLock(const PostgresLayout& layout, absl::Time deadline);

// Deletes the cluster a state dir placed outside itself (see postgres.location), so that a test
// removing its temporary state dir leaves nothing under relocation_root. Call only while no
// server runs on it. Nothing happens for a state dir that keeps its cluster inside.
void RemoveRelocatedCluster(const std::string& state_dir);

// Removes a temporary socket dir made by PrepareLayout; nothing otherwise.
void RemoveTemporarySocketDir(const PostgresLayout& layout);

}  // namespace fgc::db
