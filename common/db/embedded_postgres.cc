#include "common/db/embedded_postgres.h"

#include <fcntl.h>
#include <libpq-fe.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <pqxx/pqxx>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "common/base/log.h"
#include "common/db/sql_error.h"

namespace fgc::db {
namespace {

namespace fs = std::filesystem;

// The log is appended to across starts; past this size the old part is set aside at start.
constexpr off_t kMaxLogBytes = 16 << 20;
constexpr int kLogTailLines = 20;
// How often readiness is probed while the server starts (it also wakes at once if it dies).
constexpr absl::Duration kReadyProbeInterval = absl::Milliseconds(5);

// Quotes a libpq key/value connection parameter value.
std::string ConnValue(const std::string& value) {
  std::string quoted = "'";
  for (char c : value) {
    if (c == '\\' || c == '\'') quoted.push_back('\\');
    quoted.push_back(c);
  }
  quoted.push_back('\'');
  return quoted;
}

std::string FormatMillis(absl::Duration d) { return absl::StrCat(absl::ToInt64Milliseconds(d)); }

}  // namespace

absl::StatusOr<std::unique_ptr<EmbeddedPostgres>> EmbeddedPostgres::Start(const Options& options) {
  std::error_code ec;
  if (!fs::exists(fs::path(options.bin_dir) / "postgres", ec)) {
    return absl::FailedPreconditionError(
        absl::StrCat("PostgreSQL server not found in ", options.bin_dir,
                     " (apt-get install postgresql-15), or set FGC_DATABASE_URL"));
  }
  absl::StatusOr<PostgresLayout> layout = PrepareLayout(
      LayoutOptions{options.state_dir, options.user_when_root, options.relocation_root});
  if (!layout.ok()) return layout.status();
  std::unique_ptr<EmbeddedPostgres> pg(new EmbeddedPostgres(options, *std::move(layout)));

  const std::string& log_file = pg->layout_.log_file;
  struct stat st {};
  if (stat(log_file.c_str(), &st) == 0 && st.st_size > kMaxLogBytes) {
    fs::rename(log_file, log_file + ".1", ec);
  }
  pg->log_fd_ = open(log_file.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (pg->log_fd_ < 0) {
    return absl::InternalError(absl::StrCat("cannot open ", log_file, ": ", std::strerror(errno)));
  }
  pg->log_offset_ = lseek(pg->log_fd_, 0, SEEK_END);

  const absl::Time deadline = absl::Now() + options.start_timeout;
  if (absl::Status s = pg->InitializeCluster(); !s.ok()) return s;
  if (absl::Status s =
          ClearStaleLock(pg->layout_, std::min(deadline, absl::Now() + absl::Seconds(5)));
      !s.ok()) {
    return s;
  }
  const absl::Time spawned = absl::Now();
  if (absl::Status s = pg->SpawnServer(); !s.ok()) return s;
  if (absl::Status s = pg->WaitUntilReady(deadline); !s.ok()) return s;
  pg->timings_.start = absl::Now() - spawned;
  if (absl::Status s = pg->CreateDatabase(); !s.ok()) return s;

  log::Info("embedded PostgreSQL ready",
            {{"socket_dir", pg->layout_.socket_dir},
             {"data_dir", pg->layout_.data_dir},
             {"pid", absl::StrCat(pg->pid())},
             {"initdb_ms", FormatMillis(pg->timings_.initdb)},
             {"start_ms", FormatMillis(pg->timings_.start)},
             {"create_database_ms", FormatMillis(pg->timings_.create_database)}});
  return pg;
}

EmbeddedPostgres::~EmbeddedPostgres() {
  if (absl::Status s = Stop(); !s.ok()) {
    const std::string error(s.message());
    log::Warn("embedded PostgreSQL did not stop cleanly", {{"error", error}});
  }
}

SpawnOptions EmbeddedPostgres::BaseSpawnOptions(const std::string& program) const {
  SpawnOptions spawn;
  spawn.program = (fs::path(options_.bin_dir) / program).string();
  // A clean environment: PG* variables of the host must not steer the server, and UTC keeps
  // the server's zone independent of the machine.
  spawn.env = {"PATH=" + options_.bin_dir + ":/usr/bin:/bin", "LC_ALL=C", "TZ=UTC"};
  spawn.working_dir = layout_.home;
  spawn.output_fd = log_fd_;
  spawn.run_as = layout_.run_as;
  return spawn;
}

absl::Status EmbeddedPostgres::InitializeCluster() {
  std::error_code ec;
  const fs::path data(layout_.data_dir);
  if (fs::exists(data / "PG_VERSION", ec)) return absl::OkStatus();
  // initdb writes into a scratch dir renamed at the end, so a crash halfway leaves nothing that
  // looks like a cluster; the scratch of an earlier attempt is discarded.
  const fs::path scratch = fs::path(layout_.home) / "data.initdb";
  fs::remove_all(scratch, ec);
  fs::remove_all(data, ec);
  SpawnOptions spawn = BaseSpawnOptions("initdb");
  // Trust on the unix socket only (which lives in a 0700 directory); TCP is never opened, and
  // rejected by pg_hba.conf should anyone turn it on. Syncing stays on unless throwaway.
  spawn.args = {"-D",
                scratch.string(),
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--no-locale",
                "--auth-local=trust",
                "--auth-host=reject",
                "--no-instructions"};
  if (!options_.durable) spawn.args.push_back("--no-sync");
  spawn.parent_death_signal = SIGKILL;
  const absl::Time begin = absl::Now();
  absl::StatusOr<ChildProcess> initdb = ChildProcess::Spawn(spawn);
  if (!initdb.ok()) return initdb.status();
  if (!initdb->WaitUntil(begin + options_.start_timeout)) {
    return absl::DeadlineExceededError(
        absl::StrCat("initdb did not finish in time; its log:\n", LogTail()));
  }
  if (*initdb->wait_status() != 0) {
    return absl::InternalError(absl::StrCat("initdb ", DescribeWaitStatus(*initdb->wait_status()),
                                            "; its log:\n", LogTail()));
  }
  fs::rename(scratch, data, ec);
  if (ec) return absl::InternalError(absl::StrCat("cannot rename the new cluster: ", ec.message()));
  timings_.initdb = absl::Now() - begin;
  log::Info("initialised embedded PostgreSQL cluster",
            {{"data_dir", layout_.data_dir}, {"initdb_ms", FormatMillis(timings_.initdb)}});
  return absl::OkStatus();
}

absl::Status EmbeddedPostgres::SpawnServer() {
  SpawnOptions spawn = BaseSpawnOptions("postgres");
  // Settings on the command line rather than in postgresql.conf, so that every start applies
  // the current ones. Small: this is one host's private server.
  spawn.args = {"-D", layout_.data_dir,
                "-c", "listen_addresses=",
                "-c", "unix_socket_directories=" + layout_.socket_dir,
                "-c", "unix_socket_permissions=0700",
                "-c", "shared_buffers=128MB",
                "-c", "max_connections=300",
                "-c", "jit=off"};
  if (!options_.durable) {
    for (const char* setting : {"fsync=off", "full_page_writes=off"}) {
      spawn.args.insert(spawn.args.end(), {"-c", setting});
    }
  }
  // Fast shutdown if the host dies: smart shutdown (SIGTERM) would wait for every client, so
  // one idle psql session could keep the server alive without its host.
  spawn.parent_death_signal = SIGINT;
  absl::StatusOr<ChildProcess> server = absl::UnknownError("not spawned");
  absl::Notification spawned;
  keeper_ = std::thread([&] {
    server = ChildProcess::Spawn(spawn);
    spawned.Notify();
    release_.WaitForNotification();
  });
  spawned.WaitForNotification();
  if (!server.ok()) return server.status();
  server_.emplace(*std::move(server));
  return absl::OkStatus();
}

absl::Status EmbeddedPostgres::WaitUntilReady(absl::Time deadline) {
  const std::string probe = ConninfoFor("postgres") + " connect_timeout=2";
  for (;;) {
    if (PQping(probe.c_str()) == PQPING_OK) return absl::OkStatus();
    if (server_->WaitUntil(std::min(deadline, absl::Now() + kReadyProbeInterval))) {
      return absl::InternalError(absl::StrCat("PostgreSQL ",
                                              DescribeWaitStatus(*server_->wait_status()),
                                              " while starting; its log:\n", LogTail()));
    }
    if (absl::Now() >= deadline) {
      return absl::DeadlineExceededError(
          absl::StrCat("PostgreSQL did not accept connections within ",
                       absl::FormatDuration(options_.start_timeout), "; its log:\n", LogTail()));
    }
  }
}

absl::Status EmbeddedPostgres::CreateDatabase() {
  const absl::Time begin = absl::Now();
  try {
    pqxx::connection conn(ConninfoFor("postgres"));
    pqxx::nontransaction tx(conn);
    if (tx.exec_params("SELECT 1 FROM pg_database WHERE datname = $1", options_.database).empty()) {
      tx.exec0("CREATE DATABASE " + tx.quote_name(options_.database));
      timings_.create_database = absl::Now() - begin;
    }
  } catch (...) {
    return ForOperator(StatusFromException(std::current_exception()),
                       absl::StrCat("creating database ", options_.database));
  }
  return absl::OkStatus();
}

absl::Status EmbeddedPostgres::Stop() {
  absl::Status result;
  if (server_) server_->WaitUntil(absl::Now());  // notices a server that died by itself
  if (server_ && !server_->exited()) {
    server_->Signal(SIGINT);
    if (!server_->WaitUntil(absl::Now() + options_.stop_timeout)) {
      result = absl::DeadlineExceededError("PostgreSQL ignored fast shutdown; forced it");
      server_->Signal(SIGQUIT);
      if (!server_->WaitUntil(absl::Now() + absl::Seconds(5))) {
        server_->Signal(SIGKILL);
        server_->WaitUntil(absl::InfiniteFuture());
      }
    } else if (*server_->wait_status() != 0) {
      result = absl::InternalError(
          absl::StrCat("PostgreSQL ", DescribeWaitStatus(*server_->wait_status()), " on shutdown"));
    }
  } else if (server_ && log_fd_ >= 0) {
    result = absl::UnavailableError(
        absl::StrCat("PostgreSQL had already ", DescribeWaitStatus(*server_->wait_status())));
  }
  if (keeper_.joinable()) {
    release_.Notify();
    keeper_.join();
  }
  if (log_fd_ >= 0) {
    RemoveTemporarySocketDir(layout_);
    close(log_fd_);
    log_fd_ = -1;
  }
  return result;
}

std::string EmbeddedPostgres::ConninfoFor(const std::string& database) const {
  return absl::StrCat("host=", ConnValue(layout_.socket_dir),
                      " port=5432 user=postgres dbname=", ConnValue(database));
}

std::string EmbeddedPostgres::LogTail() const {
  std::ifstream in(layout_.log_file);
  in.seekg(log_offset_);
  std::deque<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    lines.push_back(std::move(line));
    if (lines.size() > kLogTailLines) lines.pop_front();
  }
  return absl::StrJoin(lines, "\n");
}

}  // namespace fgc::db
