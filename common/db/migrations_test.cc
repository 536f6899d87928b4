#include "common/db/migrations.h"

#include <pqxx/pqxx>
#include <thread>
#include <vector>

#include "absl/synchronization/barrier.h"
#include "common/db/digest.h"
#include "common/db/service_database.h"
#include "common/db/sql_error.h"
#include "common/db/test_postgres.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace fgc::db {
namespace {

using testing::AdminConninfo;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::ProvisionedPool;
using testing::UniqueName;

// A table that follows the tenant convention of pool.h.
#define ITEMS_TABLE_SQL                                                                          \
  "CREATE TABLE items (tenant text NOT NULL CHECK (tenant <> ''), id text NOT NULL,"             \
  " PRIMARY KEY (tenant, id));"                                                                  \
  "ALTER TABLE items ENABLE ROW LEVEL SECURITY; ALTER TABLE items FORCE ROW LEVEL SECURITY;"     \
  "CREATE POLICY tenant_isolation ON items USING (tenant = current_setting('fgc.tenant', true))" \
  " WITH CHECK (tenant = current_setting('fgc.tenant', true));"

// Each migration leaves a mark in `runs`, so running one twice would show.
constexpr fgc::EmbeddedFile kMigrations[] = {
    {"001_runs.sql", "CREATE TABLE runs (migration int NOT NULL); INSERT INTO runs VALUES (1);"},
    {"002_items.sql", ITEMS_TABLE_SQL "INSERT INTO runs VALUES (2);"},
    {"003_note.sql", "ALTER TABLE items ADD COLUMN note text; INSERT INTO runs VALUES (3);"},
};

std::unique_ptr<Pool> FreshPool(std::string service = UniqueName("mig")) {
  auto pool = ProvisionedPool(service);
  EXPECT_TRUE(pool.ok()) << pool.status();
  return pool.ok() ? *std::move(pool) : nullptr;
}

std::vector<int> Runs(Pool& pool) {
  std::vector<int> runs;
  EXPECT_TRUE(pool.WithoutTenant([&](pqxx::work& tx) {
                    for (const pqxx::row& row : tx.exec("SELECT migration FROM runs ORDER BY 1")) {
                      runs.push_back(row[0].as<int>());
                    }
                    return absl::OkStatus();
                  })
                  .ok());
  return runs;
}

TEST(ApplyMigrations, AppliesFilesInOrderAndRecordsThem) {
  auto pool = FreshPool();
  ASSERT_NE(pool, nullptr);
  // Given out of order: the runner orders by number.
  std::vector<fgc::EmbeddedFile> files = {kMigrations[2], kMigrations[0], kMigrations[1]};
  absl::StatusOr<MigrationResult> result = ApplyMigrations(*pool, files);
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_THAT(result->applied, ElementsAre(1, 2, 3));
  EXPECT_EQ(result->version, 3);
  EXPECT_THAT(Runs(*pool), ElementsAre(1, 2, 3));

  std::string recorded;
  ASSERT_TRUE(pool->WithoutTenant([&](pqxx::work& tx) {
                    recorded = tx.exec1(
                                     "SELECT name || ' ' || checksum FROM schema_migrations "
                                     "WHERE version = 1")[0]
                                   .as<std::string>();
                    return absl::OkStatus();
                  })
                  .ok());
  EXPECT_EQ(recorded, "001_runs.sql " + Sha256Hex(kMigrations[0].contents));
}

TEST(ApplyMigrations, SecondRunAppliesNothing) {
  auto pool = FreshPool();
  ASSERT_NE(pool, nullptr);
  ASSERT_TRUE(ApplyMigrations(*pool, kMigrations).ok());
  absl::StatusOr<MigrationResult> again = ApplyMigrations(*pool, kMigrations);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_TRUE(again->applied.empty());
  EXPECT_EQ(again->version, 3);
  EXPECT_THAT(Runs(*pool), ElementsAre(1, 2, 3));
}

TEST(ApplyMigrations, HostsStartingTogetherApplyEachFileOnce) {
  const std::string service = UniqueName("mig");
  constexpr int kHosts = 4;
  std::vector<std::unique_ptr<Pool>> pools;  // one per host: separate connections
  for (int i = 0; i < kHosts; ++i) pools.push_back(FreshPool(service));
  std::vector<absl::StatusOr<MigrationResult>> results(kHosts, absl::UnknownError("not run"));
  absl::Barrier* start = new absl::Barrier(kHosts);
  std::vector<std::thread> hosts;
  for (int i = 0; i < kHosts; ++i) {
    hosts.emplace_back([&, i] {
      if (start->Block()) delete start;
      results[i] = ApplyMigrations(*pools[i], kMigrations);
    });
  }
  for (std::thread& host : hosts) host.join();
  std::vector<int> applied;
  for (const auto& result : results) {
    ASSERT_TRUE(result.ok()) << result.status();
    applied.insert(applied.end(), result->applied.begin(), result->applied.end());
  }
  std::sort(applied.begin(), applied.end());
  EXPECT_THAT(applied, ElementsAre(1, 2, 3));
  EXPECT_THAT(Runs(*pools[0]), ElementsAre(1, 2, 3));
}

TEST(ApplyMigrations, ChangedAppliedFileIsFailedPreconditionNamingIt) {
  auto pool = FreshPool();
  ASSERT_NE(pool, nullptr);
  ASSERT_TRUE(ApplyMigrations(*pool, kMigrations).ok());
  std::vector<fgc::EmbeddedFile> edited(std::begin(kMigrations), std::end(kMigrations));
  edited[1].contents = "CREATE TABLE items (tenant text NOT NULL);";
  absl::StatusOr<MigrationResult> result = ApplyMigrations(*pool, edited);
  EXPECT_EQ(result.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(result.status().message()), HasSubstr("002_items.sql"));
}

TEST(ApplyMigrations, DatabaseAheadOfTheBinaryIsFailedPrecondition) {
  auto pool = FreshPool();
  ASSERT_NE(pool, nullptr);
  ASSERT_TRUE(ApplyMigrations(*pool, kMigrations).ok());
  absl::StatusOr<MigrationResult> older = ApplyMigrations(*pool, std::span(kMigrations).first(2));
  EXPECT_EQ(older.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(older.status().message()), HasSubstr("003_note.sql"));
}

TEST(ApplyMigrations, GapsDuplicatesAndBadNamesAreInvalidArgument) {
  auto pool = FreshPool();
  ASSERT_NE(pool, nullptr);
  const std::vector<std::vector<fgc::EmbeddedFile>> bad = {
      {kMigrations[0], kMigrations[2]},                 // gap
      {kMigrations[0], {"001_again.sql", "SELECT 1"}},  // duplicate
      {{"1_short.sql", "SELECT 1"}},                    // too few digits
      {{"001_init.txt", "SELECT 1"}},                   // not .sql
      {{"abc_init.sql", "SELECT 1"}},                   // not a number
      {{"002_starts_late.sql", "SELECT 1"}},            // does not start at 1
  };
  for (const auto& files : bad) {
    EXPECT_EQ(ApplyMigrations(*pool, files).status().code(), absl::StatusCode::kInvalidArgument)
        << files.back().name;
  }
}

TEST(ApplyMigrations, FailingFileIsNamedAndRolledBack) {
  auto pool = FreshPool();
  ASSERT_NE(pool, nullptr);
  const fgc::EmbeddedFile files[] = {
      kMigrations[0],
      {"002_broken.sql", "CREATE TABLE half (x int); SELECT * FROM no_such_table;"}};
  absl::StatusOr<MigrationResult> result = ApplyMigrations(*pool, files);
  EXPECT_FALSE(result.ok());
  EXPECT_THAT(std::string(result.status().message()), HasSubstr("002_broken.sql"));
  EXPECT_EQ(SqlStateOf(result.status()), "42P01");
  absl::StatusOr<int> tables =
      pool->WithTenantResult<int>("any", [](pqxx::work& tx) -> absl::StatusOr<int> {
        return tx
            .exec1(
                "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"
                " AND tablename = 'half'")[0]
            .as<int>();
      });
  ASSERT_TRUE(tables.ok()) << tables.status();
  EXPECT_EQ(*tables, 0);
  // Fixed, it applies from where it stopped.
  const fgc::EmbeddedFile fixed[] = {kMigrations[0],
                                     {"002_fixed.sql", "CREATE TABLE half (x int)"}};
  absl::StatusOr<MigrationResult> retried = ApplyMigrations(*pool, fixed);
  ASSERT_TRUE(retried.ok()) << retried.status();
  EXPECT_THAT(retried->applied, ElementsAre(2));
}

TEST(ApplyMigrations, TablesBelongToTheServiceRole) {
  auto pool = FreshPool();
  ASSERT_NE(pool, nullptr);
  ASSERT_TRUE(ApplyMigrations(*pool, kMigrations).ok());
  pqxx::connection admin(AdminConninfo());
  pqxx::nontransaction tx(admin);
  pqxx::result owners = tx.exec_params(
      "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = $1", pool->schema());
  ASSERT_EQ(owners.size(), 1u);
  EXPECT_EQ(owners[0][0].as<std::string>(), pool->role());
}

TEST(ApplyMigrations, DataMigrationOverTenantRowsFailsLoudlyUnlessItLiftsThePolicy) {
  auto pool = FreshPool();
  ASSERT_NE(pool, nullptr);
  std::vector<fgc::EmbeddedFile> files(std::begin(kMigrations), std::end(kMigrations));
  ASSERT_TRUE(ApplyMigrations(*pool, files).ok());
  ASSERT_TRUE(pool->WithTenant("t1",
                               [](pqxx::work& tx) {
                                 tx.exec0("INSERT INTO items (tenant, id) VALUES ('t1', 'a')");
                                 return absl::OkStatus();
                               })
                  .ok());

  files.push_back({"004_backfill.sql", "UPDATE items SET note = 'filled'"});
  absl::StatusOr<MigrationResult> silent = ApplyMigrations(*pool, files);
  EXPECT_EQ(silent.status().code(), absl::StatusCode::kPermissionDenied) << silent.status();

  files.back().contents =
      "ALTER TABLE items NO FORCE ROW LEVEL SECURITY; UPDATE items SET note = 'filled';"
      "ALTER TABLE items FORCE ROW LEVEL SECURITY;";
  ASSERT_TRUE(ApplyMigrations(*pool, files).ok());
  absl::StatusOr<std::string> note =
      pool->WithTenantResult<std::string>("t1", [](pqxx::work& tx) -> absl::StatusOr<std::string> {
        return tx.exec1("SELECT note FROM items")[0].as<std::string>();
      });
  ASSERT_TRUE(note.ok()) << note.status();
  EXPECT_EQ(*note, "filled");
}

TEST(CheckTenantIsolation, AcceptsTablesFollowingTheConvention) {
  auto pool = FreshPool();
  ASSERT_NE(pool, nullptr);
  const fgc::EmbeddedFile items[] = {{"001_items.sql", ITEMS_TABLE_SQL}};
  ASSERT_TRUE(ApplyMigrations(*pool, items).ok());
  absl::Status s = CheckTenantIsolation(*pool);
  EXPECT_TRUE(s.ok()) << s;
}

TEST(CheckTenantIsolation, NamesTheTablesThatBreakIt) {
  auto pool = FreshPool();
  ASSERT_NE(pool, nullptr);
  const fgc::EmbeddedFile files[] = {
      {"001_items.sql", ITEMS_TABLE_SQL},
      {"002_open.sql", "CREATE TABLE open_to_all (tenant text NOT NULL)"}};
  ASSERT_TRUE(ApplyMigrations(*pool, files).ok());
  absl::Status s = CheckTenantIsolation(*pool);
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(s.message()), HasSubstr("open_to_all"));
  EXPECT_THAT(std::string(s.message()), ::testing::Not(HasSubstr("items")));
}

TEST(OpenServiceDatabase, ProvisionsMigratesAndReturnsAWorkingPool) {
  ServiceDatabaseConfig config;
  config.admin_conninfo = AdminConninfo();
  config.service = UniqueName("open");
  config.pool_size = 2;
  absl::StatusOr<std::unique_ptr<Pool>> pool = OpenServiceDatabase(config, kMigrations);
  ASSERT_TRUE(pool.ok()) << pool.status();
  EXPECT_EQ((*pool)->role(), "fgc_" + config.service);
  EXPECT_THAT(Runs(**pool), ElementsAre(1, 2, 3));
  absl::StatusOr<std::unique_ptr<Pool>> reopened = OpenServiceDatabase(config, kMigrations);
  ASSERT_TRUE(reopened.ok()) << reopened.status();
  EXPECT_THAT(Runs(**reopened), ElementsAre(1, 2, 3));
}

}  // namespace
}  // namespace fgc::db
