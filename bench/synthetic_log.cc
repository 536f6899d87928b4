#include "bench/synthetic_log.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/crypto/sha256.h"

namespace fgc::bench {

std::string SyntheticLeaf(int64_t index) {
  return absl::StrCat(R"({"bench":"synthetic ledger entry","index":)", index, "}");
}

absl::Status FillLog(ledger::LedgerStore& store, const std::string& tenant, int64_t entries,
                     int64_t batch, const ledger::CheckpointSigner& sign) {
  const absl::Time occurred = absl::Now();
  for (int64_t first = 0; first < entries; first += batch) {
    const int64_t count = std::min(batch, entries - first);
    std::vector<ledger::PendingAppend> pending(static_cast<size_t>(count));
    for (int64_t i = 0; i < count; ++i) {
      ledger::PendingAppend& p = pending[static_cast<size_t>(i)];
      const int64_t n = first + i;
      p.request_id = absl::StrCat("synthetic-", n);
      p.request_hash = crypto::Sha256(p.request_id);
      p.columns.kind = 1;
      p.columns.conference = absl::StrCat("tenants/", tenant, "/conferences/c", n % 1000);
      p.columns.subject = absl::StrCat(p.columns.conference, "/children/k", n % 3);
      p.columns.purpose = 1;
      p.columns.occur_time = occurred;
      p.leaf_data = [](int64_t index, absl::Time) -> absl::StatusOr<std::string> {
        return SyntheticLeaf(index);
      };
    }
    auto written = store.AppendBatch(tenant, pending, sign);
    if (!written.ok()) return written.status();
    for (const auto& outcome : written->outcomes) {
      if (!outcome.status.ok()) return outcome.status;
    }
  }
  return absl::OkStatus();
}

}  // namespace fgc::bench
