#include "common/db/embedded_postgres.h"

#include <grp.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <pqxx/pqxx>
#include <thread>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace fgc::db {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::StartsWith;

// A fresh directory removed at the end of the test, with whatever the server left in it.
class TempDir {
 public:
  explicit TempDir(mode_t mode = 0755) {
    path_ = "/tmp/fgc-pg-test-XXXXXX";
    if (mkdtemp(path_.data()) == nullptr) std::abort();
    chmod(path_.c_str(), mode);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Throwaway clusters: syncing to disk would only slow the tests. The first test checks the
// durable defaults.
EmbeddedPostgres::Options OptionsFor(const std::string& state_dir) {
  EmbeddedPostgres::Options options;
  options.state_dir = state_dir;
  options.durable = false;
  return options;
}

bool ProcessExists(pid_t pid) { return kill(pid, 0) == 0 || errno != ESRCH; }

std::string QueryOne(const std::string& conninfo, const std::string& sql) {
  pqxx::connection conn(conninfo);
  pqxx::nontransaction tx(conn);
  return tx.exec1(sql)[0].as<std::string>();
}

TEST(EmbeddedPostgres, StartsAcceptsQueriesAndStopsLeavingNoProcess) {
  TempDir dir;
  EmbeddedPostgres::Options options;
  options.state_dir = dir.path();
  auto pg = EmbeddedPostgres::Start(options);
  ASSERT_TRUE(pg.ok()) << pg.status();
  const pid_t pid = (*pg)->pid();
  ASSERT_GT(pid, 0);
  EXPECT_EQ(QueryOne((*pg)->conninfo(), "SELECT current_database()"), "fgc");
  EXPECT_EQ(QueryOne((*pg)->conninfo(), "SHOW listen_addresses"), "");
  EXPECT_EQ(QueryOne((*pg)->conninfo(), "SHOW fsync"), "on");
  std::cout << "initdb " << (*pg)->timings().initdb << ", start " << (*pg)->timings().start
            << ", create database " << (*pg)->timings().create_database << "\n";

  EXPECT_TRUE((*pg)->Stop().ok());
  EXPECT_FALSE((*pg)->running());
  EXPECT_FALSE(ProcessExists(pid));
  EXPECT_FALSE(fs::exists(fs::path((*pg)->layout().socket_dir) / ".s.PGSQL.5432"));
}

TEST(EmbeddedPostgres, DestructorStopsTheServer) {
  TempDir dir;
  pid_t pid;
  {
    auto pg = EmbeddedPostgres::Start(OptionsFor(dir.path()));
    ASSERT_TRUE(pg.ok()) << pg.status();
    pid = (*pg)->pid();
  }
  EXPECT_FALSE(ProcessExists(pid));
}

TEST(EmbeddedPostgres, OutlivesTheThreadThatStartedIt) {
  TempDir dir;
  absl::StatusOr<std::unique_ptr<EmbeddedPostgres>> pg = absl::UnknownError("not started");
  std::thread starter([&] { pg = EmbeddedPostgres::Start(OptionsFor(dir.path())); });
  starter.join();
  ASSERT_TRUE(pg.ok()) << pg.status();
  // The parent-death signal would have been sent as the starter exited: by now a server
  // forked from it would refuse new connections or be gone.
  for (int i = 0; i < 3; ++i) EXPECT_EQ(QueryOne((*pg)->conninfo(), "SELECT 1"), "1");
  EXPECT_TRUE((*pg)->running());
  EXPECT_TRUE((*pg)->Stop().ok());
}

TEST(EmbeddedPostgres, SecondStartReusesTheData) {
  TempDir dir;
  {
    auto pg = EmbeddedPostgres::Start(OptionsFor(dir.path()));
    ASSERT_TRUE(pg.ok()) << pg.status();
    EXPECT_TRUE((*pg)->initialized_cluster());
    pqxx::connection conn((*pg)->conninfo());
    pqxx::work tx(conn);
    tx.exec0("CREATE TABLE kept (note text)");
    tx.exec0("INSERT INTO kept VALUES ('survives a restart')");
    tx.commit();
  }
  auto again = EmbeddedPostgres::Start(OptionsFor(dir.path()));
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_FALSE((*again)->initialized_cluster());
  std::cout << "warm start " << (*again)->timings().start << "\n";
  EXPECT_EQ(QueryOne((*again)->conninfo(), "SELECT note FROM kept"), "survives a restart");
}

TEST(EmbeddedPostgres, StartsAfterTheServerWasKilled) {
  TempDir dir;
  auto pg = EmbeddedPostgres::Start(OptionsFor(dir.path()));
  ASSERT_TRUE(pg.ok()) << pg.status();
  {
    pqxx::connection conn((*pg)->conninfo());
    pqxx::work tx(conn);
    tx.exec0("CREATE TABLE kept AS SELECT 42 AS answer");
    tx.commit();
  }
  // A crash: postmaster.pid, the socket lock and exiting children stay behind.
  kill((*pg)->pid(), SIGKILL);
  EXPECT_FALSE((*pg)->Stop().ok());  // it reports the death
  ASSERT_TRUE(fs::exists(fs::path((*pg)->layout().data_dir) / "postmaster.pid"));

  auto again = EmbeddedPostgres::Start(OptionsFor(dir.path()));
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(QueryOne((*again)->conninfo(), "SELECT answer FROM kept"), "42");
}

TEST(EmbeddedPostgres, IgnoresStalePidFileNamingAnUnrelatedLiveProcess) {
  TempDir dir;
  std::string data_dir;
  {
    auto pg = EmbeddedPostgres::Start(OptionsFor(dir.path()));
    ASSERT_TRUE(pg.ok()) << pg.status();
    data_dir = (*pg)->layout().data_dir;
  }
  // PostgreSQL itself would refuse a pid file whose pid a live process of its user holds.
  pid_t unrelated = fork();
  if (unrelated == 0) {
    pause();
    _exit(0);
  }
  std::ofstream(fs::path(data_dir) / "postmaster.pid") << unrelated << "\n" << data_dir << "\n";

  auto again = EmbeddedPostgres::Start(OptionsFor(dir.path()));
  kill(unrelated, SIGKILL);
  waitpid(unrelated, nullptr, 0);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(QueryOne((*again)->conninfo(), "SELECT 1"), "1");
}

TEST(EmbeddedPostgres, RefusesAStateDirWhoseServerStillRuns) {
  TempDir dir;
  auto first = EmbeddedPostgres::Start(OptionsFor(dir.path()));
  ASSERT_TRUE(first.ok()) << first.status();
  EmbeddedPostgres::Options options = OptionsFor(dir.path());
  options.start_timeout = absl::Milliseconds(300);
  auto second = EmbeddedPostgres::Start(options);
  EXPECT_EQ(second.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(second.status().message()), HasSubstr("still running"));
  EXPECT_TRUE((*first)->running());
}

TEST(EmbeddedPostgres, LongStateDirGetsAShortSocketDirRemovedOnStop) {
  TempDir dir;
  const std::string deep = dir.path() + "/" + std::string(60, 'd') + "/" + std::string(40, 'e');
  fs::create_directories(deep);  // 0755, so that a root run needs no relocation
  auto pg = EmbeddedPostgres::Start(OptionsFor(deep));
  ASSERT_TRUE(pg.ok()) << pg.status();
  const std::string socket_dir = (*pg)->layout().socket_dir;
  EXPECT_THAT(socket_dir, StartsWith("/tmp/fgc-pg-"));
  EXPECT_EQ(QueryOne((*pg)->conninfo(), "SELECT 1"), "1");
  EXPECT_TRUE((*pg)->Stop().ok());
  EXPECT_FALSE(fs::exists(socket_dir));
}

TEST(EmbeddedPostgres, AsRootRelocatesAStateDirThePostgresUserCannotReach) {
  if (geteuid() != 0) GTEST_SKIP() << "needs root";
  TempDir dir(0700);  // like /root or a mkdtemp dir
  TempDir relocation_root;
  EmbeddedPostgres::Options options = OptionsFor(dir.path());
  options.relocation_root = relocation_root.path();
  std::string home;
  {
    auto pg = EmbeddedPostgres::Start(options);
    ASSERT_TRUE(pg.ok()) << pg.status();
    EXPECT_TRUE((*pg)->layout().relocated);
    home = (*pg)->layout().home;
    EXPECT_THAT(home, StartsWith(relocation_root.path() + "/"));
    EXPECT_EQ(QueryOne((*pg)->conninfo(), "SELECT current_user"), "postgres");
    struct stat st {};
    ASSERT_EQ(stat((*pg)->layout().data_dir.c_str(), &st), 0);
    EXPECT_EQ(st.st_uid, LookUpUser("postgres")->uid);
  }
  std::ifstream location(fs::path(dir.path()) / kLocationFileName);
  std::string recorded;
  std::getline(location, recorded);
  EXPECT_EQ(recorded, home);
  {
    auto again = EmbeddedPostgres::Start(options);
    ASSERT_TRUE(again.ok()) << again.status();
    EXPECT_EQ((*again)->layout().home, home);
    EXPECT_FALSE((*again)->initialized_cluster());
  }
  RemoveRelocatedCluster(dir.path());
  EXPECT_FALSE(fs::exists(home));
}

TEST(EmbeddedPostgres, AsRootRunsTheServerAsThePostgresUser) {
  if (geteuid() != 0) GTEST_SKIP() << "needs root";
  TempDir dir;
  auto pg = EmbeddedPostgres::Start(OptionsFor(dir.path()));
  ASSERT_TRUE(pg.ok()) << pg.status();
  struct stat st {};
  ASSERT_EQ(stat((fs::path("/proc") / std::to_string((*pg)->pid())).c_str(), &st), 0);
  EXPECT_EQ(st.st_uid, LookUpUser("postgres")->uid);
  EXPECT_FALSE((*pg)->layout().relocated);
}

// The other half of "works as root and as an ordinary user": a forked child drops to `nobody`
// and runs a whole start, query and stop there.
TEST(EmbeddedPostgres, RunsAsAnOrdinaryUser) {
  if (geteuid() != 0) GTEST_SKIP() << "already covered by running as this ordinary user";
  absl::StatusOr<UserIdentity> nobody = LookUpUser("nobody");
  ASSERT_TRUE(nobody.ok()) << nobody.status();
  TempDir dir;
  ASSERT_EQ(chown(dir.path().c_str(), nobody->uid, nobody->gid), 0);
  pid_t child = fork();
  if (child == 0) {
    if (setgroups(0, nullptr) != 0 || setgid(nobody->gid) != 0 || setuid(nobody->uid) != 0) {
      _exit(10);
    }
    auto pg = EmbeddedPostgres::Start(OptionsFor(dir.path() + "/state"));
    if (!pg.ok()) {
      std::cerr << pg.status() << "\n";
      _exit(11);
    }
    const pid_t pid = (*pg)->pid();
    bool ok = QueryOne((*pg)->conninfo(), "SELECT 1") == "1" && !(*pg)->layout().run_as;
    ok = ok && (*pg)->Stop().ok() && !ProcessExists(pid);
    _exit(ok ? 0 : 12);
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  EXPECT_TRUE(WIFEXITED(status)) << DescribeWaitStatus(status);
  EXPECT_EQ(WEXITSTATUS(status), 0) << DescribeWaitStatus(status);
}

}  // namespace
}  // namespace fgc::db
