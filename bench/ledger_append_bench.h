// fgc-bench ledger-append: durable ledger appends over gRPC against `fgc serve`, beside the
// single-row INSERT commit rate of the same PostgreSQL at the same concurrency.
#pragma once

#include <vector>

namespace fgc::bench {

int RunLedgerAppend(int seconds, const std::vector<int>& clients);

}  // namespace fgc::bench
