// fgc-bench ledger-proof: the cost of inclusion and consistency proofs over a big stored log.
#pragma once

#include <cstdint>

namespace fgc::bench {

int RunLedgerProof(int64_t entries, int samples, int64_t batch);

}  // namespace fgc::bench
