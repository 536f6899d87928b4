// Writing entries to a tenant's log and reading them back as people see them: the data key of
// the entry's conference (made on first use, wrapped by the KEK), personal fields sealed before
// hashing, the canonical leaf bytes, the sequenced append, and on reading the fields opened (or
// marked erased once the key is gone). The ledger service's handlers call only this and the
// proof reads of LedgerStore.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "fgc/v1/ledger_entry.pb.h"
#include "services/ledger/ledger_keys.h"
#include "services/ledger/ledger_store.h"
#include "services/ledger/sequencer.h"

namespace fgc::ledger {

class EntryJournal {
 public:
  EntryJournal(LedgerStore* store, Sequencer* sequencer, const LedgerKeys* keys)
      : store_(store), sequencer_(sequencer), keys_(keys) {}

  // Appends `entry` (validated, output-only fields cleared, actor set) and returns it as
  // stored, personal fields readable. A retry with the same request_id and request_hash returns
  // the first entry; the same id with another request is INVALID_ARGUMENT (REQUEST_ID_REUSED).
  absl::StatusOr<v1::LedgerEntry> Append(const std::string& tenant, const v1::LedgerEntry& entry,
                                         const std::string& request_id,
                                         const std::string& request_hash);

  // The entry an earlier append with `request_id` and the same request wrote, as people see it;
  // nullopt for a new id; INVALID_ARGUMENT (REQUEST_ID_REUSED) for another request's id.
  absl::StatusOr<std::optional<v1::LedgerEntry>> Replayed(const std::string& tenant,
                                                          const std::string& request_id,
                                                          const std::string& request_hash);

  // The entry at `index` as people see it: personal fields opened, or "[erased]" after
  // erasure. With leaf_data and leaf_hash exactly as in the log.
  absl::StatusOr<v1::LedgerEntry> Read(const std::string& tenant, int64_t index);

  // The entry at `index` as hashed (personal fields sealed): what supersession rules read.
  absl::StatusOr<v1::LedgerEntry> ReadSealed(const std::string& tenant, int64_t index);

  // Every entry of `conference`, in log order, as hashed (personal fields sealed), with
  // leaf_data and leaf_hash.
  absl::StatusOr<std::vector<v1::LedgerEntry>> ConferenceEntriesSealed(
      const std::string& tenant, const std::string& conference);

  // Opens the personal fields of `entries`, all of `conference`, with one read of its key, or
  // marks them erased once the key is gone.
  absl::Status Open(const std::string& tenant, const std::string& conference,
                    std::span<v1::LedgerEntry> entries);

  // Drops what this journal remembers of the conference's key (after an erasure).
  void ForgetDataKey(const std::string& tenant, const std::string& conference);

 private:
  // The conference's wrapped data key for sealing a new entry, made on first use. Remembered
  // (wrapped, never the key itself), because a database round trip per append cost more than
  // the append; the batch re-checks under a lock that the key still stands, so a remembered key
  // can never seal details after an erasure, on this host or another.
  absl::StatusOr<std::string> WrappedKeyForAppend(const std::string& tenant,
                                                  const std::string& conference);

  // The conference's data key for reading (never remembered: reads must see an erasure at once).
  absl::StatusOr<crypto::DataKey> DataKeyFor(const std::string& tenant,
                                             const std::string& conference);

  LedgerStore* const store_;
  Sequencer* const sequencer_;
  const LedgerKeys* const keys_;

  static constexpr size_t kRememberedKeys = 4096;  // forgotten all at once past this many
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, std::string> wrapped_keys_ ABSL_GUARDED_BY(mu_);
};

}  // namespace fgc::ledger
