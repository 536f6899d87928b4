#include "common/db/provisioning.h"

#include <pqxx/connection>
#include <pqxx/transaction>

#include "absl/strings/str_cat.h"
#include "common/db/service_names.h"
#include "common/db/sql_error.h"

namespace fgc::db {
namespace {

void Provision(pqxx::work& tx, const ServiceNames& names) {
  const std::string role = tx.quote_name(names.role);
  const std::string schema = tx.quote_name(names.schema);
  tx.exec0("SET LOCAL client_min_messages = warning");
  tx.exec("SELECT pg_advisory_xact_lock(hashtext('fgc'), hashtext('provision'))");
  // Roles belong to the cluster, while advisory locks belong to one database: a host
  // provisioning another database at the same moment may create the role first.
  tx.exec0(absl::StrCat("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ",
                        tx.quote(names.role), ") THEN CREATE ROLE ", role,
                        " NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE; END IF; "
                        "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$"));
  pqxx::row admin = tx.exec_params1(
      "SELECT rolsuper, pg_has_role(current_user, $1, 'MEMBER') FROM pg_roles "
      "WHERE rolname = current_user",
      names.role);
  if (!admin[0].as<bool>() && !admin[1].as<bool>()) {
    tx.exec0(absl::StrCat("GRANT ", role, " TO CURRENT_USER"));
  }
  tx.exec0(absl::StrCat("CREATE SCHEMA IF NOT EXISTS ", schema, " AUTHORIZATION ", role));
  tx.exec0(absl::StrCat("ALTER SCHEMA ", schema, " OWNER TO ", role));
  tx.exec0(absl::StrCat("REVOKE ALL ON SCHEMA ", schema, " FROM PUBLIC"));
  tx.exec0("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
  tx.exec0("CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public");
}

}  // namespace

absl::Status ProvisionService(const std::string& admin_conninfo, std::string_view service) {
  absl::StatusOr<ServiceNames> names = NamesForService(service);
  if (!names.ok()) return names.status();
  try {
    pqxx::connection conn(admin_conninfo);
    pqxx::work tx(conn);
    Provision(tx, *names);
    tx.commit();
    return absl::OkStatus();
  } catch (...) {
    return ForOperator(StatusFromException(std::current_exception()),
                       absl::StrCat("provisioning service ", names->schema));
  }
}

}  // namespace fgc::db
