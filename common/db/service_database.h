// Opening a service's database at start: provision its role and schema (given admin rights),
// apply its migrations, and hand back the pool its store uses.
//
// Where the connection string comes from: FGC_DATABASE_URL (--database-url, HostConfig in
// common/base/config.h) names an external PostgreSQL by a libpq URL or key/value string, e.g.
// postgresql://fgc_admin:secret@db.example:5432/fgc?sslmode=verify-full. It must be
// admin-capable: allowed to create roles (CREATEROLE) and to create schemas and extensions in
// the database (its owner), because each service provisions itself on it. Unset, the all-in-one
// host starts EmbeddedPostgres and uses its conninfo() as the admin connection string.
#pragma once

#include <memory>
#include <span>
#include <string>

#include "absl/status/statusor.h"
#include "common/base/embedded_file.h"
#include "common/db/pool.h"

namespace fgc::db {

struct ServiceDatabaseConfig {
  // Admin-capable (see above). When set: ProvisionService runs with it, and the pool connects
  // with it and acts as fgc_<service> through SET ROLE.
  std::string admin_conninfo;
  // Used when admin_conninfo is empty (split deployment, provisioned beforehand): a login user
  // that is a member of fgc_<service>.
  std::string service_conninfo;
  std::string service;
  int pool_size = 12;
};

// Provision (when admin_conninfo is set), migrate, and return the pool. Errors name the step.
absl::StatusOr<std::unique_ptr<Pool>> OpenServiceDatabase(
    const ServiceDatabaseConfig& config, std::span<const fgc::EmbeddedFile> migrations);

}  // namespace fgc::db
