// The only code that speaks SQL for the ledger (schema: migrations/002_log.sql). Appends whole
// batches in one transaction (entries, new tree nodes, head, signed checkpoint), reads the
// perfect-subtree hashes a proof needs in one query, and keeps the per-conference data keys.
// Thread-safe: every call runs in its own transaction from the pool.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "common/db/pool.h"
#include "services/ledger/entry_filter.h"
#include "services/ledger/log/compact_range.h"
#include "services/ledger/log/merkle.h"

namespace fgc::ledger {

// What the store indexes about an entry besides its leaf bytes (for listing and consent checks).
struct EntryColumns {
  int kind = 0;                       // fgc.v1.LedgerEntryKind
  std::string conference;             // resource name
  std::string subject;                // resource name
  int purpose = 0;                    // fgc.v1.ConsentPurpose (consents, and power over a purpose)
  std::string grantor;                // network member resource name, when known
  std::optional<int64_t> supersedes;  // index of the entry this one supersedes
  absl::Time occur_time;
};

// One append waiting in a batch.
struct PendingAppend {
  std::string request_id;    // AIP-155: a retry with the same id gets the first index
  std::string request_hash;  // SHA-256 of the request; the same id with another body is refused
  EntryColumns columns;
  // The wrapped data key the personal fields were sealed under: the append stands only if it is
  // still the conference's key when the batch commits (FAILED_PRECONDITION SUBJECT_ERASED once
  // the key was destroyed), so a key read before an erasure can never seal new details.
  std::optional<std::string> sealed_under;
  // The canonical leaf bytes once the index and record time are known (they are hashed too).
  std::function<absl::StatusOr<std::string>(int64_t index, absl::Time record_time)> leaf_data;
};

struct AppendOutcome {
  // INVALID_ARGUMENT (REQUEST_ID_REUSED), FAILED_PRECONDITION (SUBJECT_ERASED) or the leaf
  // builder's error.
  absl::Status status;
  int64_t index = -1;
  bool replayed = false;  // an earlier append with the same request_id
};

struct StoredCheckpoint {
  int64_t size = 0;
  std::string root_hash;
  std::string note;  // the signed note, byte for byte
  absl::Time signed_at;
};

struct StoredEntry {
  int64_t index = 0;
  EntryColumns columns;
  absl::Time record_time;
  std::string leaf_data;
  std::string leaf_hash;
};

// Signs the checkpoint of `tenant`'s log for a tree of `size` leaves with `root`: returns the
// note text.
using CheckpointSigner = std::function<absl::StatusOr<std::string>(
    const std::string& tenant, int64_t size, const std::string& root)>;

class LedgerStore {
 public:
  explicit LedgerStore(db::Pool* pool) : pool_(pool) {}

  // Appends `batch` to `tenant`'s log in one transaction and signs one checkpoint for the new
  // tree. Entries whose request_id was seen before are not appended again (replayed, or
  // REQUEST_ID_REUSED when the body differs); the others get dense indexes in batch order.
  // The returned checkpoint is null when nothing new was appended.
  struct BatchResult {
    std::vector<AppendOutcome> outcomes;  // one per pending append, same order
    std::optional<StoredCheckpoint> checkpoint;
  };
  absl::StatusOr<BatchResult> AppendBatch(const std::string& tenant,
                                          std::span<const PendingAppend> batch,
                                          const CheckpointSigner& sign);

  absl::StatusOr<std::optional<StoredCheckpoint>> LatestCheckpoint(const std::string& tenant);
  absl::StatusOr<std::optional<StoredCheckpoint>> CheckpointAt(const std::string& tenant,
                                                               int64_t size);

  // The hashes of `ids`, in order (one query); DATA_LOSS naming a node the log should hold.
  absl::StatusOr<std::vector<std::string>> ReadNodes(const std::string& tenant,
                                                     std::span<const log::NodeId> ids);

  absl::StatusOr<StoredEntry> ReadEntry(const std::string& tenant, int64_t index);

  // The index of the entry an earlier append with `request_id` wrote, when its request hashed to
  // `request_hash`; nullopt when the id is new; INVALID_ARGUMENT (REQUEST_ID_REUSED) when it
  // belongs to another request. For appends whose checks a retry would fail (a withdrawal finds
  // its consent withdrawn by the first try), so that a retry gets the first answer (AIP-155).
  absl::StatusOr<std::optional<int64_t>> EarlierAppend(const std::string& tenant,
                                                       const std::string& request_id,
                                                       const std::string& request_hash);

  // Whether an entry supersedes the one at `index` (a withdrawal, the end of a power).
  absl::StatusOr<bool> IsSuperseded(const std::string& tenant, int64_t index);

  // The conference's wrapped data key: nullopt when none was made yet; FAILED_PRECONDITION
  // (SUBJECT_ERASED) when it was destroyed by erasure.
  absl::StatusOr<std::optional<std::string>> WrappedDataKey(const std::string& tenant,
                                                            const std::string& conference);
  // Stores `wrapped` unless the conference has a key already; returns the one that stands (so
  // two hosts making a key at once agree on one).
  absl::StatusOr<std::string> PutWrappedDataKey(const std::string& tenant,
                                                const std::string& conference,
                                                const std::string& wrapped);

  // Up to `limit` entries matching `filter` with index >= from, in index order, and the log's
  // size when read.
  struct Page {
    std::vector<StoredEntry> entries;
    int64_t tree_size = 0;
  };
  absl::StatusOr<Page> ListEntries(const std::string& tenant, const EntryFilter& filter,
                                   int64_t from, int limit);

  // Destroys the conference's data key (crypto-shredding), or records that none may be made,
  // and returns when it happened (the first time, when already erased) and how many of the
  // conference's entries there are.
  struct Erasure {
    absl::Time erased_at;
    int64_t entry_count = 0;
  };
  absl::StatusOr<Erasure> EraseDataKey(const std::string& tenant, const std::string& conference,
                                       const std::string& reason);
  // When the conference's key was destroyed; nullopt when it was not.
  absl::StatusOr<std::optional<absl::Time>> ErasedAt(const std::string& tenant,
                                                     const std::string& conference);

  // Entries about one conference and subject (and purpose, when not 0), in log order.
  absl::StatusOr<std::vector<StoredEntry>> EntriesAbout(const std::string& tenant,
                                                        const std::string& conference,
                                                        const std::string& subject, int purpose);

 private:
  // The log's right edge at the locked head: remembered from this store's last batch when it
  // is still the head (a batch then reads no tree nodes), else read from the stored nodes.
  absl::StatusOr<log::CompactRange> RightEdge(pqxx::work& tx, const std::string& tenant,
                                              uint64_t size, const std::string& root);

  db::Pool* pool_;
  absl::Mutex edges_mu_;
  std::map<std::string, log::CompactRange> edges_ ABSL_GUARDED_BY(edges_mu_);  // by tenant
};

}  // namespace fgc::ledger
