// A private PostgreSQL server for one state directory: the all-in-one host's default database
// (DESIGN.md section 4). initdb on first start, then `postgres` as a child process listening on a
// unix socket of its own (no TCP), stopped with the host and never outliving it.
//
// Thread safety: Start from any thread (the server is forked from a thread the object owns, since
// the kernel's parent-death signal follows the forking thread, not the process). Stop and the
// accessors are not safe to call concurrently with each other; connecting through conninfo()
// from any thread is.
#pragma once

#include <sys/types.h>

#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "common/db/child_process.h"
#include "common/db/postgres_layout.h"

namespace fgc::db {

class EmbeddedPostgres final {
 public:
  struct Options {
    // Everything persistent lives here (created 0700 when missing). When the host runs as root
    // and user `postgres` cannot traverse it, the cluster is placed under relocation_root and
    // the place recorded in <state_dir>/postgres.location (RemoveRelocatedCluster deletes it).
    std::string state_dir;
    std::string bin_dir = "/usr/lib/postgresql/15/bin";
    std::string user_when_root = "postgres";
    std::string relocation_root = "/var/lib/fgc/postgres";
    std::string database = "fgc";  // created on first start
    // False only for throwaway clusters (tests): initdb skips its final sync and the server
    // runs with fsync off, so committed data survives the server crashing but not the machine.
    // The host keeps it true.
    bool durable = true;
    absl::Duration start_timeout = absl::Seconds(30);
    absl::Duration stop_timeout = absl::Seconds(10);
  };

  // How long the last Start spent in each step (initdb is zero when the cluster existed).
  struct Timings {
    absl::Duration initdb;
    absl::Duration start;  // spawn until accepting connections
    absl::Duration create_database;
  };

  // Starts the server, creating the cluster and the database on first use. Fails with the tail
  // of the server log when the server dies or does not get ready before start_timeout;
  // FailedPrecondition when another PostgreSQL still runs on the same data directory.
  static absl::StatusOr<std::unique_ptr<EmbeddedPostgres>> Start(const Options& options);

  // Stops the server (Stop()).
  ~EmbeddedPostgres();
  EmbeddedPostgres(const EmbeddedPostgres&) = delete;
  EmbeddedPostgres& operator=(const EmbeddedPostgres&) = delete;

  // Fast shutdown (SIGINT: clients are disconnected, a shutdown checkpoint is written), waiting
  // up to stop_timeout; then immediate shutdown (SIGQUIT), then SIGKILL. Idempotent. Returns an
  // error when the server had to be forced or had already died.
  absl::Status Stop();

  // libpq key/value connection string for the superuser `postgres` on the socket, e.g.
  // "host='/state/postgres/run' port=5432 user=postgres dbname=fgc".
  std::string conninfo() const { return ConninfoFor(options_.database); }
  std::string ConninfoFor(const std::string& database) const;

  pid_t pid() const { return server_ ? server_->pid() : -1; }
  bool running() const { return server_.has_value() && !server_->exited(); }
  const PostgresLayout& layout() const { return layout_; }
  const Timings& timings() const { return timings_; }
  bool initialized_cluster() const { return timings_.initdb > absl::ZeroDuration(); }

 private:
  EmbeddedPostgres(Options options, PostgresLayout layout)
      : options_(std::move(options)), layout_(std::move(layout)) {}

  absl::Status InitializeCluster();
  absl::Status SpawnServer();
  absl::Status WaitUntilReady(absl::Time deadline);
  absl::Status CreateDatabase();
  SpawnOptions BaseSpawnOptions(const std::string& program) const;
  std::string LogTail() const;

  const Options options_;
  const PostgresLayout layout_;
  int log_fd_ = -1;
  off_t log_offset_ = 0;  // where this start's part of the log begins
  std::optional<ChildProcess> server_;
  // Forks the server and then waits for release_, so the server's parent thread lives exactly
  // as long as the server should.
  std::thread keeper_;
  absl::Notification release_;
  Timings timings_;
};

}  // namespace fgc::db
