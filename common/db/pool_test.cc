#include "common/db/pool.h"

#include <atomic>
#include <pqxx/pqxx>
#include <thread>

#include "absl/synchronization/notification.h"
#include "common/db/migrations.h"
#include "common/db/sql_error.h"
#include "common/db/test_postgres.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace fgc::db {
namespace {

using testing::AdminConninfo;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::ProvisionedPool;
using testing::UniqueName;

// A table that follows the tenant convention of pool.h.
constexpr fgc::EmbeddedFile kItems[] = {
    {"001_items.sql",
     "CREATE TABLE items (tenant text NOT NULL CHECK (tenant <> ''), id text NOT NULL,"
     " note text, PRIMARY KEY (tenant, id));"
     "ALTER TABLE items ENABLE ROW LEVEL SECURITY;"
     "ALTER TABLE items FORCE ROW LEVEL SECURITY;"
     "CREATE POLICY tenant_isolation ON items"
     " USING (tenant = current_setting('fgc.tenant', true))"
     " WITH CHECK (tenant = current_setting('fgc.tenant', true));"},
};

std::unique_ptr<Pool> ItemsPool(const std::string& service, int size = 4) {
  absl::StatusOr<std::unique_ptr<Pool>> pool = ProvisionedPool(service, size);
  EXPECT_TRUE(pool.ok()) << pool.status();
  if (!pool.ok()) return nullptr;
  absl::StatusOr<MigrationResult> migrated = ApplyMigrations(**pool, kItems);
  EXPECT_TRUE(migrated.ok()) << migrated.status();
  return *std::move(pool);
}

absl::Status Insert(Pool& pool, const std::string& tenant, const std::string& row_tenant,
                    const std::string& id) {
  return pool.WithTenant(tenant, [&](pqxx::work& tx) {
    tx.exec_params0("INSERT INTO items (tenant, id) VALUES ($1, $2)", row_tenant, id);
    return absl::OkStatus();
  });
}

absl::StatusOr<std::vector<std::string>> AllTenantsSeen(Pool& pool,
                                                        std::optional<std::string> tenant) {
  std::vector<std::string> seen;
  auto read = [&](pqxx::work& tx) {
    // Deliberately no tenant in the WHERE clause: row-level security is the wall under test.
    for (const pqxx::row& row : tx.exec("SELECT tenant FROM items ORDER BY id")) {
      seen.push_back(row[0].as<std::string>());
    }
    return absl::OkStatus();
  };
  absl::Status s = tenant ? pool.WithTenant(*tenant, read) : pool.WithoutTenant(read);
  if (!s.ok()) return s;
  return seen;
}

class PoolTest : public ::testing::Test {
 protected:
  void SetUp() override {
    service_ = UniqueName("pool");
    pool_ = ItemsPool(service_);
    ASSERT_NE(pool_, nullptr);
    tenant_a_ = UniqueName("tenant_a");
    tenant_b_ = UniqueName("tenant_b");
    ASSERT_TRUE(Insert(*pool_, tenant_a_, tenant_a_, "1").ok());
    ASSERT_TRUE(Insert(*pool_, tenant_b_, tenant_b_, "2").ok());
  }

  std::string service_;
  std::unique_ptr<Pool> pool_;
  std::string tenant_a_;
  std::string tenant_b_;
};

TEST_F(PoolTest, TenantSeesOnlyItsOwnRowsWithoutFilteringForThem) {
  auto seen = AllTenantsSeen(*pool_, tenant_a_);
  ASSERT_TRUE(seen.ok()) << seen.status();
  EXPECT_EQ(*seen, std::vector<std::string>{tenant_a_});
}

TEST_F(PoolTest, NoTenantSeesNothing) {
  auto seen = AllTenantsSeen(*pool_, std::nullopt);
  ASSERT_TRUE(seen.ok()) << seen.status();
  EXPECT_TRUE(seen->empty());
}

TEST_F(PoolTest, TenantCannotInsertARowForAnotherTenant) {
  absl::Status s = Insert(*pool_, tenant_a_, tenant_b_, "3");
  EXPECT_EQ(s.code(), absl::StatusCode::kPermissionDenied) << s;
  EXPECT_EQ(SqlStateOf(s), "42501");
}

TEST_F(PoolTest, TenantCannotUpdateOrDeleteAnotherTenantsRows) {
  int touched = -1;
  ASSERT_TRUE(
      pool_
          ->WithTenant(tenant_a_,
                       [&](pqxx::work& tx) {
                         touched =
                             tx.exec("UPDATE items SET note = 'x' WHERE id = '2'").affected_rows() +
                             tx.exec("DELETE FROM items WHERE id = '2'").affected_rows();
                         return absl::OkStatus();
                       })
          .ok());
  EXPECT_EQ(touched, 0);
  auto seen = AllTenantsSeen(*pool_, tenant_b_);
  ASSERT_TRUE(seen.ok());
  EXPECT_EQ(seen->size(), 1u);
}

TEST_F(PoolTest, TenantIsTransactionLocal) {
  std::string after;
  ASSERT_TRUE(pool_
                  ->WithoutTenant([&](pqxx::work& tx) {
                    after = tx.exec1("SELECT coalesce(current_setting('fgc.tenant', true), '')")[0]
                                .as<std::string>();
                    return absl::OkStatus();
                  })
                  .ok());
  EXPECT_EQ(after, "");
}

TEST_F(PoolTest, UniqueViolationIsAlreadyExists) {
  absl::Status s = Insert(*pool_, tenant_a_, tenant_a_, "1");
  EXPECT_EQ(s.code(), absl::StatusCode::kAlreadyExists) << s;
  EXPECT_EQ(ConstraintOf(s), "items_pkey");
  EXPECT_THAT(std::string(s.message()), Not(HasSubstr("INSERT")));
}

TEST_F(PoolTest, FailedStatusFromTheCallbackRollsBack) {
  absl::Status s = pool_->WithTenant(tenant_a_, [&](pqxx::work& tx) {
    tx.exec0("INSERT INTO items (tenant, id) VALUES (current_setting('fgc.tenant'), '9')");
    return absl::FailedPreconditionError("changed my mind");
  });
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  auto seen = AllTenantsSeen(*pool_, tenant_a_);
  ASSERT_TRUE(seen.ok());
  EXPECT_EQ(seen->size(), 1u);
}

TEST_F(PoolTest, CallbackSwallowingADatabaseErrorDoesNotLookCommitted) {
  absl::Status s = pool_->WithTenant(tenant_a_, [&](pqxx::work& tx) {
    tx.exec0("INSERT INTO items (tenant, id) VALUES (current_setting('fgc.tenant'), '7')");
    try {
      tx.exec0("INSERT INTO items (tenant, id) VALUES (current_setting('fgc.tenant'), '1')");
    } catch (const pqxx::unique_violation&) {
      // "Already there, fine" - but PostgreSQL has aborted the whole transaction.
    }
    return absl::OkStatus();
  });
  EXPECT_FALSE(s.ok());
  auto seen = AllTenantsSeen(*pool_, tenant_a_);
  ASSERT_TRUE(seen.ok());
  EXPECT_EQ(seen->size(), 1u);
}

TEST_F(PoolTest, WithTenantResultReturnsTheValue) {
  absl::StatusOr<int> count =
      pool_->WithTenantResult<int>(tenant_a_, [](pqxx::work& tx) -> absl::StatusOr<int> {
        return tx.exec1("SELECT count(*) FROM items")[0].as<int>();
      });
  ASSERT_TRUE(count.ok()) << count.status();
  EXPECT_EQ(*count, 1);
}

TEST_F(PoolTest, EmptyTenantIsRefused) {
  EXPECT_EQ(pool_->WithTenant("", [](pqxx::work&) { return absl::OkStatus(); }).code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(PoolTest, ServiceRoleCannotReadAnotherServicesSchema) {
  std::unique_ptr<Pool> other = ItemsPool(UniqueName("other"));
  ASSERT_NE(other, nullptr);
  absl::Status s = pool_->WithTenant(tenant_a_, [&](pqxx::work& tx) {
    tx.exec(absl::StrCat("SELECT * FROM ", tx.quote_name(other->schema()), ".items"));
    return absl::OkStatus();
  });
  EXPECT_EQ(s.code(), absl::StatusCode::kPermissionDenied) << s;
}

TEST_F(PoolTest, ServiceRoleCannotCreateTablesInPublic) {
  absl::Status s = pool_->WithoutTenant([](pqxx::work& tx) {
    tx.exec0("CREATE TABLE public.sneaky (x int)");
    return absl::OkStatus();
  });
  EXPECT_EQ(s.code(), absl::StatusCode::kPermissionDenied) << s;
}

TEST_F(PoolTest, SerializationFailureRunsTheTransactionAgain) {
  std::unique_ptr<Pool> rival = std::move(ProvisionedPool(service_, 1)).value();
  int attempts = 0;
  absl::Status s = pool_->WithTenant(
      tenant_a_,
      [&](pqxx::work& tx) {
        ++attempts;
        tx.exec("SELECT note FROM items WHERE id = '1'");  // the snapshot is taken here
        if (attempts == 1) {
          // A concurrent transaction commits a change to the same row after our snapshot.
          EXPECT_TRUE(rival
                          ->WithTenant(tenant_a_,
                                       [](pqxx::work& other) {
                                         other.exec0(
                                             "UPDATE items SET note = 'rival' WHERE id = '1'");
                                         return absl::OkStatus();
                                       })
                          .ok());
        }
        tx.exec0("UPDATE items SET note = 'mine' WHERE id = '1'");
        return absl::OkStatus();
      },
      Isolation::kRepeatableRead);
  EXPECT_TRUE(s.ok()) << s;
  EXPECT_EQ(attempts, 2);
}

TEST_F(PoolTest, ReconnectsAfterTheServerDropsTheConnection) {
  std::unique_ptr<Pool> pool = std::move(ProvisionedPool(service_, 1)).value();
  auto backend = [&]() {
    return pool->WithTenantResult<int>(tenant_a_, [](pqxx::work& tx) -> absl::StatusOr<int> {
      return tx.exec1("SELECT pg_backend_pid()")[0].as<int>();
    });
  };
  absl::StatusOr<int> first = backend();
  ASSERT_TRUE(first.ok()) << first.status();
  {
    pqxx::connection admin(AdminConninfo());
    pqxx::nontransaction tx(admin);
    tx.exec_params1("SELECT pg_terminate_backend($1)", *first);
  }
  absl::StatusOr<int> second = backend();
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_NE(*second, *first);
  EXPECT_EQ(pool->open_connections(), 1);
}

TEST_F(PoolTest, CheckoutGivesUpAfterItsTimeout) {
  PoolOptions options;
  options.conninfo = AdminConninfo();
  options.service = service_;
  options.size = 1;
  options.checkout_timeout = absl::Milliseconds(50);
  std::unique_ptr<Pool> pool = std::move(Pool::Create(options)).value();
  absl::Notification holding, release;
  std::thread holder([&] {
    EXPECT_TRUE(pool->WithoutTenant([&](pqxx::work&) {
                      holding.Notify();
                      release.WaitForNotification();
                      return absl::OkStatus();
                    })
                    .ok());
  });
  holding.WaitForNotification();
  absl::Status starved = pool->WithoutTenant([](pqxx::work&) { return absl::OkStatus(); });
  release.Notify();
  holder.join();
  EXPECT_EQ(starved.code(), absl::StatusCode::kUnavailable) << starved;
  EXPECT_TRUE(pool->WithoutTenant([](pqxx::work&) { return absl::OkStatus(); }).ok());
}

TEST_F(PoolTest, ConcurrentTransactionsShareTheConnections) {
  std::vector<std::thread> threads;
  std::atomic<int> failures = 0;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 10; ++i) {
        if (!Insert(*pool_, tenant_a_, tenant_a_, absl::StrCat("c", t, "_", i)).ok()) ++failures;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures, 0);
  EXPECT_LE(pool_->open_connections(), pool_->size());
  auto seen = AllTenantsSeen(*pool_, tenant_a_);
  ASSERT_TRUE(seen.ok());
  EXPECT_EQ(seen->size(), 81u);
}

TEST(Pool, CreateForAnUnprovisionedServiceIsFailedPrecondition) {
  PoolOptions options;
  options.conninfo = AdminConninfo();
  options.service = UniqueName("missing");
  auto pool = Pool::Create(options);
  EXPECT_EQ(pool.status().code(), absl::StatusCode::kFailedPrecondition) << pool.status();
}

TEST(Pool, CreateWithAnUnreachableServerIsUnavailable) {
  PoolOptions options;
  options.conninfo = "host=/nonexistent/socket/dir user=postgres dbname=fgc";
  options.service = "scheduling";
  auto pool = Pool::Create(options);
  EXPECT_EQ(pool.status().code(), absl::StatusCode::kUnavailable) << pool.status();
}

}  // namespace
}  // namespace fgc::db
