#include "common/db/migrations.h"

#include <algorithm>
#include <map>
#include <pqxx/nontransaction>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/base/log.h"
#include "common/db/digest.h"
#include "common/db/sql_error.h"

namespace fgc::db {
namespace {

struct Migration {
  int version = 0;
  std::string file;  // "001_init.sql"
  std::string_view sql;
  std::string checksum;  // hex SHA-256 of the file
};

struct AppliedMigration {
  std::string file;
  std::string checksum;
};

absl::StatusOr<Migration> ParseMigration(const fgc::EmbeddedFile& file) {
  const absl::string_view name(file.name.data(), file.name.size());
  const size_t underscore = name.find('_');
  bool valid = absl::EndsWith(name, ".sql") && underscore != absl::string_view::npos &&
               underscore >= 3 && underscore + 5 < name.size();
  int version = 0;
  if (valid) {
    absl::string_view digits = name.substr(0, underscore);
    valid = std::all_of(digits.begin(), digits.end(), absl::ascii_isdigit) &&
            absl::SimpleAtoi(digits, &version) && version > 0;
  }
  if (!valid) {
    return absl::InvalidArgumentError(
        absl::StrCat("migration file '", name, "' is not named NNN_name.sql"));
  }
  return Migration{version, std::string(name), file.contents, Sha256Hex(file.contents)};
}

// The files in version order, numbered 1..n.
absl::StatusOr<std::vector<Migration>> ParseMigrations(std::span<const fgc::EmbeddedFile> files) {
  std::vector<Migration> migrations;
  for (const fgc::EmbeddedFile& file : files) {
    absl::StatusOr<Migration> migration = ParseMigration(file);
    if (!migration.ok()) return migration.status();
    migrations.push_back(*std::move(migration));
  }
  std::sort(migrations.begin(), migrations.end(),
            [](const Migration& a, const Migration& b) { return a.version < b.version; });
  for (size_t i = 0; i < migrations.size(); ++i) {
    if (i > 0 && migrations[i].version == migrations[i - 1].version) {
      return absl::InvalidArgumentError(absl::StrCat("migrations ", migrations[i - 1].file, " and ",
                                                     migrations[i].file, " share a number"));
    }
    if (migrations[i].version != static_cast<int>(i) + 1) {
      return absl::InvalidArgumentError(
          absl::StrCat("migrations are numbered with a gap: expected number ", i + 1, " before ",
                       migrations[i].file));
    }
  }
  return migrations;
}

}  // namespace

// Runs migrations on one pooled connection that holds the service's advisory lock throughout.
class MigrationRunner {
 public:
  MigrationRunner(Pool& pool, const std::vector<Migration>& migrations)
      : pool_(pool), migrations_(migrations) {}

  absl::StatusOr<MigrationResult> Run() {
    MigrationResult result;
    absl::Status status = pool_.WithSession([&](pqxx::connection& conn) {
      LockKey(conn, "pg_advisory_lock");
      absl::Status applied;
      try {
        applied = ApplyPending(conn, result);
      } catch (...) {
        applied = ForOperator(StatusFromException(std::current_exception()),
                              absl::StrCat("migrating schema ", pool_.schema()));
      }
      // The connection goes back to the pool: it must not keep the lock. If unlocking fails the
      // connection is gone, and the lock with it.
      try {
        LockKey(conn, "pg_advisory_unlock");
      } catch (...) {
        if (applied.ok()) applied = StatusFromException(std::current_exception());
      }
      return applied;
    });
    if (!status.ok()) return status;
    return result;
  }

 private:
  void LockKey(pqxx::connection& conn, absl::string_view function) {
    pqxx::nontransaction tx(conn);
    tx.exec_params(absl::StrCat("SELECT ", function, "(hashtext('fgc:migrate'), hashtext($1))"),
                   pool_.schema());
  }

  std::map<int, AppliedMigration> ReadApplied(pqxx::connection& conn) {
    pqxx::work tx(conn);
    tx.exec0(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,"
        " applied_at timestamptz NOT NULL DEFAULT now())");
    std::map<int, AppliedMigration> applied;
    for (const pqxx::row& row : tx.exec("SELECT version, name, checksum FROM schema_migrations")) {
      applied[row[0].as<int>()] = {row[1].as<std::string>(), row[2].as<std::string>()};
    }
    tx.commit();
    return applied;
  }

  absl::Status ApplyPending(pqxx::connection& conn, MigrationResult& result) {
    std::map<int, AppliedMigration> applied = ReadApplied(conn);
    for (const auto& [version, record] : applied) {
      if (version > static_cast<int>(migrations_.size())) {
        return absl::FailedPreconditionError(
            absl::StrCat("schema ", pool_.schema(), " has migration ", record.file,
                         ", which this binary lacks: a newer version migrated the database"));
      }
      const Migration& known = migrations_[version - 1];
      if (known.checksum != record.checksum) {
        return absl::FailedPreconditionError(
            absl::StrCat("migration ", known.file, " of schema ", pool_.schema(),
                         " changed after it was applied; add a new migration instead"));
      }
    }
    for (const Migration& migration : migrations_) {
      if (applied.contains(migration.version)) continue;
      if (absl::Status s = Apply(conn, migration); !s.ok()) return s;
      result.applied.push_back(migration.version);
    }
    result.version = static_cast<int>(migrations_.size());
    return absl::OkStatus();
  }

  absl::Status Apply(pqxx::connection& conn, const Migration& migration) {
    try {
      pqxx::work tx(conn);
      tx.exec0("SET LOCAL row_security = off");
      tx.exec(std::string(migration.sql));
      tx.exec_params0("INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)",
                      migration.version, migration.file, migration.checksum);
      tx.commit();
    } catch (...) {
      return ForOperator(StatusFromException(std::current_exception()),
                         absl::StrCat("migration ", migration.file, " of schema ", pool_.schema()));
    }
    log::Info("applied migration", {{"schema", pool_.schema()}, {"migration", migration.file}});
    return absl::OkStatus();
  }

  Pool& pool_;
  const std::vector<Migration>& migrations_;
};

absl::StatusOr<MigrationResult> ApplyMigrations(Pool& pool,
                                                std::span<const fgc::EmbeddedFile> files) {
  absl::StatusOr<std::vector<Migration>> migrations = ParseMigrations(files);
  if (!migrations.ok()) return migrations.status();
  return MigrationRunner(pool, *migrations).Run();
}

absl::Status CheckTenantIsolation(Pool& pool) {
  std::vector<std::string> offenders;
  absl::Status status = pool.WithoutTenant([&](pqxx::work& tx) {
    const pqxx::result rows = tx.exec(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')"
        "   AND c.relname <> 'schema_migrations'"
        "   AND (NOT c.relrowsecurity OR NOT c.relforcerowsecurity"
        "        OR NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid)"
        "        OR NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid"
        "                       AND a.attname = 'tenant' AND a.attnotnull"
        "                       AND NOT a.attisdropped))"
        " ORDER BY 1");
    for (const pqxx::row& row : rows) offenders.push_back(row[0].as<std::string>());
    return absl::OkStatus();
  });
  if (!status.ok()) return status;
  if (offenders.empty()) return absl::OkStatus();
  return absl::FailedPreconditionError(
      absl::StrCat("tables of schema ", pool.schema(),
                   " without tenant isolation (tenant NOT NULL, RLS enabled and forced, a "
                   "policy): ",
                   absl::StrJoin(offenders, ", ")));
}

}  // namespace fgc::db
