// One real PostgreSQL per test process, for the tests of any folder that need a database: the
// server named by $FGC_TEST_DATABASE_URL (admin-capable), or else an EmbeddedPostgres started on
// first use in a fresh temporary state directory, stopped and removed after the last test.
// Tests share it safely, in one process or many, by using names from UniqueName.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "common/db/pool.h"

namespace fgc::db::testing {

// The admin connection string. Aborts the program when no server can be had.
const std::string& AdminConninfo();

// A name no other test uses, even across runs on a shared server: "<prefix>_<random hex>".
// Valid as a service name and as a tenant.
std::string UniqueName(std::string_view prefix);

// Provisions `service` and opens a pool for it.
absl::StatusOr<std::unique_ptr<Pool>> ProvisionedPool(std::string_view service, int size = 4);

}  // namespace fgc::db::testing
