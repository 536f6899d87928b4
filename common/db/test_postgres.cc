#include "common/db/test_postgres.h"

#include <stdlib.h>
#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <random>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "common/db/embedded_postgres.h"
#include "common/db/provisioning.h"
#include "gtest/gtest.h"

namespace fgc::db::testing {
namespace {

// Registered with gtest so that the server stops after the last test, before static
// destruction begins.
class SharedPostgres final : public ::testing::Environment {
 public:
  const std::string& Conninfo() {
    absl::MutexLock lock(&mu_);
    if (conninfo_.empty()) Start();
    return conninfo_;
  }

  void TearDown() override {
    absl::MutexLock lock(&mu_);
    if (server_) {
      server_.reset();
      std::error_code ec;
      std::filesystem::remove_all(state_dir_, ec);
    }
  }

 private:
  void Start() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    if (const char* url = getenv("FGC_TEST_DATABASE_URL"); url != nullptr && *url != '\0') {
      conninfo_ = url;
      return;
    }
    std::string dir = "/tmp/fgc-db-test-XXXXXX";
    if (mkdtemp(dir.data()) == nullptr) Die("mkdtemp failed");
    // Traversable, so that a root test run's `postgres` user keeps the cluster in it.
    chmod(dir.c_str(), 0755);
    state_dir_ = dir;
    EmbeddedPostgres::Options options;
    options.state_dir = dir;
    options.durable = false;  // throwaway: syncing would only slow the tests
    absl::StatusOr<std::unique_ptr<EmbeddedPostgres>> server = EmbeddedPostgres::Start(options);
    if (!server.ok()) Die(server.status().ToString());
    server_ = *std::move(server);
    conninfo_ = server_->conninfo();
  }

  [[noreturn]] static void Die(const std::string& why) {
    std::fprintf(stderr, "cannot start PostgreSQL for tests: %s\n", why.c_str());
    std::abort();
  }

  absl::Mutex mu_;
  std::string conninfo_ ABSL_GUARDED_BY(mu_);
  std::string state_dir_ ABSL_GUARDED_BY(mu_);
  std::unique_ptr<EmbeddedPostgres> server_ ABSL_GUARDED_BY(mu_);
};

SharedPostgres* const shared_postgres =
    static_cast<SharedPostgres*>(::testing::AddGlobalTestEnvironment(new SharedPostgres));

}  // namespace

const std::string& AdminConninfo() { return shared_postgres->Conninfo(); }

std::string UniqueName(std::string_view prefix) {
  static absl::Mutex mu;
  static std::mt19937_64 random(std::random_device{}());
  absl::MutexLock lock(&mu);
  return absl::StrCat(std::string(prefix), "_",
                      absl::Hex(random() & 0xffffffffffff, absl::kZeroPad12));
}

absl::StatusOr<std::unique_ptr<Pool>> ProvisionedPool(std::string_view service, int size) {
  if (absl::Status s = ProvisionService(AdminConninfo(), service); !s.ok()) return s;
  PoolOptions options;
  options.conninfo = AdminConninfo();
  options.service = std::string(service);
  options.size = size;
  return Pool::Create(std::move(options));
}

}  // namespace fgc::db::testing
