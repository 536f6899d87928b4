#include "common/db/service_names.h"

#include "gtest/gtest.h"

namespace fgc::db {
namespace {

TEST(NamesForService, DerivesSchemaAndRole) {
  absl::StatusOr<ServiceNames> names = NamesForService("scheduling");
  ASSERT_TRUE(names.ok()) << names.status();
  EXPECT_EQ(names->schema, "scheduling");
  EXPECT_EQ(names->role, "fgc_scheduling");
}

TEST(NamesForService, RejectsWhatIsNotALowerCaseIdentifier) {
  for (const char* bad :
       {"", "Scheduling", "1ledger", "led-ger", "a b", "x\"; DROP", "l\xc3\xa9"}) {
    EXPECT_EQ(NamesForService(bad).status().code(), absl::StatusCode::kInvalidArgument) << bad;
  }
  EXPECT_FALSE(NamesForService(std::string(41, 'a')).ok());
}

TEST(NamesForService, RejectsSchemasPostgresReserves) {
  for (const char* reserved : {"public", "information_schema", "pg_temp", "pg_catalog"}) {
    EXPECT_EQ(NamesForService(reserved).status().code(), absl::StatusCode::kInvalidArgument)
        << reserved;
  }
}

}  // namespace
}  // namespace fgc::db
