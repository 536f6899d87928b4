#include "common/db/pool.h"

#include <pqxx/nontransaction>
#include <random>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/base/log.h"
#include "common/db/sql_error.h"

namespace fgc::db {

// One checked-out connection; returns it to the pool when destroyed, or drops it when it was
// marked broken (the pool opens a fresh one on demand).
class Pool::Lease {
 public:
  Lease(Pool* pool, std::unique_ptr<pqxx::connection> conn) : pool_(pool), conn_(std::move(conn)) {}
  Lease(Lease&& other) noexcept
      : pool_(other.pool_), conn_(std::move(other.conn_)), broken_(other.broken_) {}
  Lease& operator=(Lease&&) = delete;
  ~Lease() {
    if (!conn_) return;
    const bool broken = broken_ || !conn_->is_open();
    pool_->Return(std::move(conn_), broken);
  }

  pqxx::connection& conn() { return *conn_; }
  void MarkBroken() { broken_ = true; }

 private:
  Pool* pool_;
  std::unique_ptr<pqxx::connection> conn_;
  bool broken_ = false;
};

namespace {

const char* SetIsolation(Isolation isolation) {
  switch (isolation) {
    case Isolation::kReadCommitted:
      return nullptr;
    case Isolation::kRepeatableRead:
      return "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ";
    case Isolation::kSerializable:
      return "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE";
  }
  return nullptr;
}

// A short random pause before retrying, so that two transactions that conflicted do not
// collide again in lockstep.
void BackOff(int attempt) {
  thread_local std::minstd_rand random(std::random_device{}());
  std::uniform_int_distribution<int> micros(0, 2000 * attempt);
  absl::SleepFor(absl::Microseconds(micros(random)));
}

}  // namespace

absl::StatusOr<std::unique_ptr<Pool>> Pool::Create(PoolOptions options) {
  absl::StatusOr<ServiceNames> names = NamesForService(options.service);
  if (!names.ok()) return names.status();
  if (options.size < 1 || options.max_attempts < 1) {
    return absl::InvalidArgumentError("pool size and attempts must be at least 1");
  }
  std::unique_ptr<Pool> pool(new Pool(std::move(options), *std::move(names)));
  absl::StatusOr<std::unique_ptr<pqxx::connection>> first = pool->Connect();
  if (!first.ok()) return first.status();
  {
    absl::MutexLock lock(&pool->mu_);
    pool->idle_.push_back(*std::move(first));
    pool->open_ = 1;
  }
  return pool;
}

Pool::~Pool() = default;

absl::StatusOr<std::unique_ptr<pqxx::connection>> Pool::Connect() const {
  try {
    auto conn = std::make_unique<pqxx::connection>(options_.conninfo);
    // libpqxx 6 would silently reconnect a broken connection, dropping SET ROLE and leaving a
    // session with the login user's rights; the pool reconnects itself instead.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    conn->inhibit_reactivation(true);
#pragma GCC diagnostic pop
    pqxx::nontransaction tx(*conn);
    tx.exec0(absl::StrCat("SET ROLE ", tx.quote_name(names_.role), "; SET search_path = ",
                          tx.quote_name(names_.schema), "; SET client_min_messages = warning"));
    pqxx::row role =
        tx.exec1("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user");
    if (role[0].as<bool>() || role[1].as<bool>()) {
      return absl::FailedPreconditionError(absl::StrCat(
          "role ", names_.role, " bypasses row-level security; it must not be a superuser"));
    }
    return conn;
  } catch (...) {
    absl::Status s = StatusFromException(std::current_exception());
    if (SqlStateOf(s) == "22023") {
      return absl::FailedPreconditionError(absl::StrCat(
          "role ", names_.role, " does not exist: provision service ", names_.schema, " first"));
    }
    // Startup and reconnection errors go to operators: the server's reason helps them.
    return ForOperator(s, absl::StrCat("connecting as ", names_.role));
  }
}

bool Pool::CanCheckOut() const { return !idle_.empty() || open_ < options_.size; }

absl::StatusOr<Pool::Lease> Pool::Checkout() {
  std::unique_ptr<pqxx::connection> conn;
  {
    absl::MutexLock lock(&mu_);
    if (!mu_.AwaitWithTimeout(absl::Condition(this, &Pool::CanCheckOut),
                              options_.checkout_timeout)) {
      return absl::UnavailableError(absl::StrCat("no database connection free within ",
                                                 absl::FormatDuration(options_.checkout_timeout)));
    }
    if (!idle_.empty()) {
      conn = std::move(idle_.back());
      idle_.pop_back();
    } else {
      ++open_;  // reserved while connecting outside the lock
    }
  }
  if (!conn) {
    absl::StatusOr<std::unique_ptr<pqxx::connection>> fresh = Connect();
    if (!fresh.ok()) {
      {
        absl::MutexLock lock(&mu_);
        --open_;
      }
      // The detail (socket paths, the server's words) is for the log, not for the caller.
      const std::string error(fresh.status().message());
      log::Warn("cannot open a database connection", {{"role", names_.role}, {"error", error}});
      absl::Status status(fresh.status().code() == absl::StatusCode::kUnavailable
                              ? absl::StatusCode::kUnavailable
                              : absl::StatusCode::kInternal,
                          "database unavailable");
      fresh.status().ForEachPayload([&](absl::string_view url, const absl::Cord& payload) {
        status.SetPayload(url, payload);
      });
      return status;
    }
    conn = *std::move(fresh);
  }
  return Lease(this, std::move(conn));
}

void Pool::Return(std::unique_ptr<pqxx::connection> conn, bool broken) {
  if (broken) {
    conn.reset();  // closed outside the lock
    absl::MutexLock lock(&mu_);
    --open_;
    return;
  }
  absl::MutexLock lock(&mu_);
  idle_.push_back(std::move(conn));
}

int Pool::open_connections() const {
  absl::MutexLock lock(&mu_);
  return open_;
}

absl::Status Pool::WithTenant(std::string_view tenant, const TransactionFn& fn,
                              Isolation isolation) {
  if (tenant.empty() || tenant.find('\0') != std::string_view::npos) {
    return absl::InvalidArgumentError("tenant must be a non-empty string");
  }
  return Run(tenant, fn, isolation);
}

absl::Status Pool::WithoutTenant(const TransactionFn& fn, Isolation isolation) {
  return Run("", fn, isolation);
}

absl::Status Pool::Run(std::string_view tenant, const TransactionFn& fn, Isolation isolation) {
  absl::Status status;
  for (int attempt = 1; attempt <= options_.max_attempts; ++attempt) {
    if (attempt > 1) BackOff(attempt);
    absl::StatusOr<Lease> lease = Checkout();
    if (!lease.ok()) return lease.status();
    status = RunOnce(*lease, tenant, fn, isolation);
    if (!IsRetryable(status)) return status;
  }
  return status;
}

absl::Status Pool::RunOnce(Lease& lease, std::string_view tenant, const TransactionFn& fn,
                           Isolation isolation) {
  pqxx::connection& conn = lease.conn();
  try {
    pqxx::work tx(conn);
    if (const char* set_isolation = SetIsolation(isolation)) tx.exec0(set_isolation);
    // Transaction-local, and set even when empty so nothing can linger from a session setting.
    pqxx::row row = tx.exec_params1("SELECT set_config('fgc.tenant', $1, true), current_user",
                                    std::string(tenant));
    if (row[1].as<std::string>() != names_.role) {
      lease.MarkBroken();
      return absl::InternalError("database session no longer acts as the service role");
    }
    absl::Status status = fn(tx);
    if (!status.ok()) {
      tx.abort();
      return status;
    }
    // If fn caught a database error and carried on, the transaction is aborted and COMMIT would
    // quietly roll it back; a last statement turns that into an error (SQLSTATE 25P02).
    tx.exec("SELECT 1");
    tx.commit();
    return absl::OkStatus();
  } catch (...) {
    absl::Status status = StatusFromException(std::current_exception());
    if (IsConnectionLoss(status) || !conn.is_open()) lease.MarkBroken();
    return status;
  }
}

absl::Status Pool::WithSession(const std::function<absl::Status(pqxx::connection&)>& fn) {
  absl::StatusOr<Lease> lease = Checkout();
  if (!lease.ok()) return lease.status();
  try {
    return fn(lease->conn());
  } catch (...) {
    absl::Status status = StatusFromException(std::current_exception());
    if (IsConnectionLoss(status) || !lease->conn().is_open()) lease->MarkBroken();
    return status;
  }
}

}  // namespace fgc::db
