// The yardstick for durable appends: how many single-row INSERT transactions per second the
// same PostgreSQL commits at a given concurrency, measured with pgbench over its unix socket.
#pragma once

#include <string>

#include "absl/status/statusor.h"

namespace fgc::bench {

class InsertBaseline {
 public:
  // Connects as the superuser `postgres` to database `fgc` over the socket in `socket_dir`,
  // creates the scratch table bench.single_insert, and writes pgbench's script beside
  // `scratch_dir`.
  static absl::StatusOr<InsertBaseline> Prepare(const std::string& socket_dir,
                                                const std::string& scratch_dir);

  // How many pgbench clients the server can still take (max_connections less the sessions
  // open now and a margin): higher concurrencies are measured at this many.
  int max_clients() const { return max_clients_; }

  // Commits per second of `clients` pgbench clients each running one INSERT per transaction
  // for `seconds` (pgbench's tps without connection time).
  absl::StatusOr<double> CommitsPerSecond(int clients, int seconds) const;

 private:
  InsertBaseline(std::string socket_dir, std::string script, int max_clients)
      : socket_dir_(std::move(socket_dir)), script_(std::move(script)), max_clients_(max_clients) {}

  std::string socket_dir_;
  std::string script_;
  int max_clients_;
};

}  // namespace fgc::bench
