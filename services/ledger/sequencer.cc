#include "services/ledger/sequencer.h"

namespace fgc::ledger {

Sequencer::Sequencer(LedgerStore* store, CheckpointSigner sign, Options options)
    : store_(store), sign_(std::move(sign)), options_(options) {
  for (int i = 0; i < std::max(1, options_.writers); ++i) {
    writers_.emplace_back([this] { WriterLoop(); });
  }
}

Sequencer::~Sequencer() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  work_.notify_all();
  for (auto& w : writers_) w.join();
}

absl::StatusOr<Sequencer::Appended> Sequencer::Append(const std::string& tenant,
                                                      PendingAppend append) {
  Request request{std::move(append)};
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopping_) return absl::UnavailableError("the ledger is shutting down");
    queues_[tenant].push_back(&request);
  }
  work_.notify_one();
  request.done.WaitForNotification();
  return std::move(request.result);
}

bool Sequencer::TakeBatch(std::string* tenant, std::vector<Request*>* batch) {
  std::unique_lock<std::mutex> lock(mu_);
  while (true) {
    for (auto it = queues_.begin(); it != queues_.end(); ++it) {
      if (it->second.empty() || busy_.contains(it->first)) continue;
      *tenant = it->first;
      busy_.insert(*tenant);
      auto& queue = it->second;
      while (!queue.empty() && batch->size() < options_.max_batch) {
        batch->push_back(queue.front());
        queue.pop_front();
      }
      if (queue.empty()) queues_.erase(it);
      return true;
    }
    // Every queued tenant is being written (or nothing is queued): wait for a change.
    if (stopping_ && queues_.empty()) return false;
    work_.wait(lock);
  }
}

void Sequencer::WriterLoop() {
  while (true) {
    std::string tenant;
    std::vector<Request*> batch;
    if (!TakeBatch(&tenant, &batch)) return;
    Write(tenant, batch);
    {
      std::lock_guard<std::mutex> lock(mu_);
      busy_.erase(tenant);
    }
    // Another writer may have been waiting for this tenant to be free.
    work_.notify_all();
  }
}

void Sequencer::Write(const std::string& tenant, const std::vector<Request*>& batch) {
  std::vector<PendingAppend> pending;
  pending.reserve(batch.size());
  for (Request* r : batch) pending.push_back(r->append);
  absl::StatusOr<LedgerStore::BatchResult> written = store_->AppendBatch(tenant, pending, sign_);
  for (size_t i = 0; i < batch.size(); ++i) {
    Request* r = batch[i];
    if (!written.ok()) {
      r->result = written.status();
    } else if (const AppendOutcome& out = written->outcomes[i]; !out.status.ok()) {
      r->result = out.status;
    } else {
      r->result = Appended{out.index, out.replayed, written->checkpoint};
    }
    r->done.Notify();  // the last touch: the caller may return at once
  }
}

}  // namespace fgc::ledger
