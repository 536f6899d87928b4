#include "common/db/service_database.h"

#include "absl/strings/str_cat.h"
#include "common/db/migrations.h"
#include "common/db/provisioning.h"

namespace fgc::db {

absl::StatusOr<std::unique_ptr<Pool>> OpenServiceDatabase(
    const ServiceDatabaseConfig& config, std::span<const fgc::EmbeddedFile> migrations) {
  const bool admin = !config.admin_conninfo.empty();
  if (!admin && config.service_conninfo.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("no database connection string for service ", config.service));
  }
  if (admin) {
    if (absl::Status s = ProvisionService(config.admin_conninfo, config.service); !s.ok()) {
      return s;
    }
  }
  PoolOptions options;
  options.conninfo = admin ? config.admin_conninfo : config.service_conninfo;
  options.service = config.service;
  options.size = config.pool_size;
  absl::StatusOr<std::unique_ptr<Pool>> pool = Pool::Create(std::move(options));
  if (!pool.ok()) return pool.status();
  absl::StatusOr<MigrationResult> migrated = ApplyMigrations(**pool, migrations);
  if (!migrated.ok()) return migrated.status();
  return pool;
}

}  // namespace fgc::db
