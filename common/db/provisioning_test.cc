#include "common/db/provisioning.h"

#include <pqxx/pqxx>
#include <thread>
#include <vector>

#include "common/db/test_postgres.h"
#include "gtest/gtest.h"

namespace fgc::db {
namespace {

using testing::AdminConninfo;
using testing::UniqueName;

struct RoleFacts {
  bool exists = false;
  bool can_login = true;
  bool superuser = true;
  bool bypasses_rls = true;
  std::string schema_owner;
};

RoleFacts FactsAbout(const std::string& service) {
  pqxx::connection conn(AdminConninfo());
  pqxx::nontransaction tx(conn);
  RoleFacts facts;
  pqxx::result role =
      tx.exec_params("SELECT rolcanlogin, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1",
                     "fgc_" + service);
  if (role.empty()) return facts;
  facts.exists = true;
  facts.can_login = role[0][0].as<bool>();
  facts.superuser = role[0][1].as<bool>();
  facts.bypasses_rls = role[0][2].as<bool>();
  pqxx::result schema = tx.exec_params(
      "SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = $1", service);
  if (!schema.empty()) facts.schema_owner = schema[0][0].as<std::string>();
  return facts;
}

TEST(ProvisionService, CreatesANologinRoleOwningItsSchema) {
  const std::string service = UniqueName("prov");
  ASSERT_TRUE(ProvisionService(AdminConninfo(), service).ok());
  RoleFacts facts = FactsAbout(service);
  EXPECT_TRUE(facts.exists);
  EXPECT_FALSE(facts.can_login);
  EXPECT_FALSE(facts.superuser);
  EXPECT_FALSE(facts.bypasses_rls);
  EXPECT_EQ(facts.schema_owner, "fgc_" + service);
}

TEST(ProvisionService, IsIdempotent) {
  const std::string service = UniqueName("prov");
  ASSERT_TRUE(ProvisionService(AdminConninfo(), service).ok());
  absl::Status again = ProvisionService(AdminConninfo(), service);
  EXPECT_TRUE(again.ok()) << again;
}

TEST(ProvisionService, HostsProvisioningAtOnceBothSucceed) {
  const std::string service = UniqueName("prov");
  std::vector<absl::Status> results(4);
  std::vector<std::thread> hosts;
  for (absl::Status& result : results) {
    hosts.emplace_back([&] { result = ProvisionService(AdminConninfo(), service); });
  }
  for (std::thread& host : hosts) host.join();
  for (const absl::Status& result : results) EXPECT_TRUE(result.ok()) << result;
  EXPECT_TRUE(FactsAbout(service).exists);
}

TEST(ProvisionService, RejectsAnInvalidServiceName) {
  EXPECT_EQ(ProvisionService(AdminConninfo(), "Robert'); DROP TABLE x;--").code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(ProvisionService, UnreachableServerIsUnavailable) {
  EXPECT_EQ(ProvisionService("host=/nonexistent user=postgres dbname=fgc", "ledger").code(),
            absl::StatusCode::kUnavailable);
}

}  // namespace
}  // namespace fgc::db
