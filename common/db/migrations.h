// The migration runner: a service's numbered SQL files, compiled into its binary
// (cmake/EmbedFiles.cmake), applied in order at start or by --migrate-only (DESIGN.md section 4).
//
// Files are named NNN_name.sql (at least three digits, numbered from 1 without gaps). Each runs in
// its own transaction as the service role, with search_path = the service's schema (so its
// tables belong to the service and need no schema prefix), and is recorded in
// <schema>.schema_migrations(version, name, checksum, applied_at) in that same transaction.
// A session advisory lock keyed by the service serialises hosts that start together, so each
// file runs exactly once. An applied file must never change: a different checksum stops the
// runner (FAILED_PRECONDITION naming the file); write a new migration instead.
//
// Migrations run with no tenant and with row_security = off, so a statement that row-level
// security would filter fails loudly instead of silently touching no row. A data migration over
// tenant rows therefore lifts the policy for itself, inside its own transaction (it runs as the
// table owner):
//   ALTER TABLE t NO FORCE ROW LEVEL SECURITY;  UPDATE t SET ...;
//   ALTER TABLE t FORCE ROW LEVEL SECURITY;
// Extensions cannot be created by a service role; ProvisionService installs btree_gist.
#pragma once

#include <span>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "common/base/embedded_file.h"
#include "common/db/pool.h"

namespace fgc::db {

struct MigrationResult {
  std::vector<int> applied;  // versions this call applied, in order (empty when up to date)
  int version = 0;           // the database's version afterwards
};

// Applies the files not yet applied. INVALID_ARGUMENT for a badly named file, a duplicate
// number or a gap; FAILED_PRECONDITION for a changed file or a database migrated by a newer
// binary (a version this binary lacks); a failing file's error names it.
absl::StatusOr<MigrationResult> ApplyMigrations(Pool& pool,
                                                std::span<const fgc::EmbeddedFile> files);

// Checks the tenant convention of common/db/pool.h on every table in the pool's schema (except
// schema_migrations): a NOT NULL `tenant` column, row-level security enabled and forced, and at
// least one policy. FAILED_PRECONDITION listing the tables that break it. For services' tests.
absl::Status CheckTenantIsolation(Pool& pool);

}  // namespace fgc::db
