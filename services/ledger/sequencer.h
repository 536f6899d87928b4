// Group commit for ledger appends: concurrent callers queue their entries; a writer per tenant
// takes everything queued (up to a batch limit) and appends it in one transaction and one tree
// update with one signed checkpoint. A call returns only when its batch is durable, so a
// returned index is in the log and in a signed checkpoint.
//
// Thread-safe. Batches of one tenant are written one at a time, in order; different tenants'
// batches run in parallel on up to `writers` threads.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/synchronization/notification.h"
#include "services/ledger/ledger_store.h"

namespace fgc::ledger {

class Sequencer final {
 public:
  struct Options {
    int writers = 2;          // threads writing batches (each for a different tenant)
    size_t max_batch = 1024;  // entries per transaction at most
  };

  struct Appended {
    int64_t index = -1;
    bool replayed = false;
    std::optional<StoredCheckpoint> checkpoint;  // the batch's checkpoint (absent on replay)
  };

  Sequencer(LedgerStore* store, CheckpointSigner sign, Options options);
  ~Sequencer();  // finishes queued work, then stops the writers
  Sequencer(const Sequencer&) = delete;
  Sequencer& operator=(const Sequencer&) = delete;

  // Queues `append` for `tenant` and waits until its batch committed (or failed).
  absl::StatusOr<Appended> Append(const std::string& tenant, PendingAppend append);

 private:
  // Lives on the caller's stack; the writer fills `result` and then notifies only this caller
  // (waking every waiting caller per batch cost more CPU than the batch's own work).
  struct Request {
    PendingAppend append;
    absl::StatusOr<Appended> result = absl::UnknownError("pending");
    absl::Notification done;
  };

  void WriterLoop();
  // Takes the next tenant with queued work that no writer holds; false when stopping and idle.
  bool TakeBatch(std::string* tenant, std::vector<Request*>* batch);
  void Write(const std::string& tenant, const std::vector<Request*>& batch);

  // Constant after construction.
  LedgerStore* const store_;
  const CheckpointSigner sign_;
  const Options options_;

  std::mutex mu_;
  std::condition_variable work_;                        // writers wait for queued work
  std::map<std::string, std::deque<Request*>> queues_;  // guarded by mu_
  std::set<std::string> busy_;  // tenants a writer is writing; guarded by mu_
  bool stopping_ = false;       // guarded by mu_
  std::vector<std::thread> writers_;
};

}  // namespace fgc::ledger
