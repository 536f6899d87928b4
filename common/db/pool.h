// A fixed-size pool of PostgreSQL connections for one service. Every connection acts as the
// service's role (SET ROLE fgc_<service>) with search_path = <service>, and every transaction
// sets the caller's tenant, which row-level security enforces as a second wall behind the
// store's own WHERE clauses (DESIGN.md section 4).
//
// Thread safety: all public methods may be called from any thread; a transaction's callback
// runs on the calling thread with a connection of its own.
//
// Tenant convention. Every table a service creates in its migrations follows it:
//
//   CREATE TABLE conferences (
//     tenant text NOT NULL CHECK (tenant <> ''),   -- leads every key
//     id     text NOT NULL,
//     ...,
//     PRIMARY KEY (tenant, id));
//   ALTER TABLE conferences ENABLE ROW LEVEL SECURITY;
//   ALTER TABLE conferences FORCE ROW LEVEL SECURITY;   -- the owner (the service role) too
//   CREATE POLICY tenant_isolation ON conferences
//     USING (tenant = current_setting('fgc.tenant', true))
//     WITH CHECK (tenant = current_setting('fgc.tenant', true));
//
// An unset tenant reads as NULL or '' and matches no row, so a transaction without a tenant
// sees nothing (fail closed), and a row for another tenant can be neither read nor written
// (PERMISSION_DENIED). Foreign keys include the tenant column. The only tables without a
// tenant are bookkeeping the runner owns (schema_migrations). Work spanning tenants (outbox
// workers) runs one WithTenant per tenant.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <pqxx/pqxx>  // callers use rows and results in their transactions
#include <string>
#include <string_view>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "common/db/service_names.h"

namespace fgc::db {

enum class Isolation { kReadCommitted, kRepeatableRead, kSerializable };

struct PoolOptions {
  // libpq connection string or URL of a user that may SET ROLE fgc_<service>: the admin (all-in-
  // one, embedded server) or a login role that is a member of fgc_<service> (split deployment).
  std::string conninfo;
  std::string service;  // schema name; the role is fgc_<service>
  int size = 4;         // connections at most; opened on demand, the first one at Create
  absl::Duration checkout_timeout = absl::Seconds(5);
  int max_attempts = 4;  // tries of a transaction that hits a serialization failure or deadlock
};

class Pool final {
 public:
  using TransactionFn = std::function<absl::Status(pqxx::work&)>;

  // Connects once to check the setup: the role must exist (ProvisionService) and must neither
  // be a superuser nor bypass row-level security, or FailedPrecondition.
  static absl::StatusOr<std::unique_ptr<Pool>> Create(PoolOptions options);

  ~Pool();
  Pool(const Pool&) = delete;
  Pool& operator=(const Pool&) = delete;

  // Runs `fn` in one transaction with fgc.tenant = `tenant` (transaction-local), commits when fn
  // returns OK and rolls back otherwise, returning fn's status. Database errors become statuses
  // (common/db/sql_error.h). Serialization failures and deadlocks run fn again, up to
  // max_attempts, so fn must not have effects outside the transaction. UNAVAILABLE when no
  // connection frees up within checkout_timeout or the database cannot be reached.
  absl::Status WithTenant(std::string_view tenant, const TransactionFn& fn,
                          Isolation isolation = Isolation::kReadCommitted);

  // WithTenant returning a value from fn.
  template <typename T>
  absl::StatusOr<T> WithTenantResult(std::string_view tenant,
                                     const std::function<absl::StatusOr<T>(pqxx::work&)>& fn,
                                     Isolation isolation = Isolation::kReadCommitted) {
    std::optional<T> value;
    absl::Status status = WithTenant(
        tenant,
        [&](pqxx::work& tx) {
          absl::StatusOr<T> result = fn(tx);
          if (!result.ok()) return result.status();
          value = *std::move(result);
          return absl::OkStatus();
        },
        isolation);
    if (!status.ok()) return status;
    return *std::move(value);
  }

  // Runs `fn` in a transaction with no tenant set: for system work on tables without a tenant.
  // Row-level security shows such a transaction no tenant's rows at all.
  absl::Status WithoutTenant(const TransactionFn& fn,
                             Isolation isolation = Isolation::kReadCommitted);

  const std::string& schema() const { return names_.schema; }
  const std::string& role() const { return names_.role; }
  int size() const { return options_.size; }
  // Connections currently open (idle or in use).
  int open_connections() const;

 private:
  class Lease;
  friend class MigrationRunner;  // holds one connection across transactions (migrations.cc)

  Pool(PoolOptions options, ServiceNames names)
      : options_(std::move(options)), names_(std::move(names)) {}

  absl::StatusOr<std::unique_ptr<pqxx::connection>> Connect() const;
  absl::StatusOr<Lease> Checkout();
  void Return(std::unique_ptr<pqxx::connection> conn, bool broken);
  bool CanCheckOut() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::Status RunOnce(Lease& lease, std::string_view tenant, const TransactionFn& fn,
                       Isolation isolation);
  absl::Status Run(std::string_view tenant, const TransactionFn& fn, Isolation isolation);
  // Lends one connection (role and search_path set) for work spanning transactions, such as
  // holding a session advisory lock. Exceptions from fn are mapped like transactions'.
  absl::Status WithSession(const std::function<absl::Status(pqxx::connection&)>& fn);

  // Constant after construction.
  const PoolOptions options_;
  const ServiceNames names_;

  mutable absl::Mutex mu_;
  std::vector<std::unique_ptr<pqxx::connection>> idle_ ABSL_GUARDED_BY(mu_);
  int open_ ABSL_GUARDED_BY(mu_) = 0;  // idle plus leased plus being opened
};

}  // namespace fgc::db
