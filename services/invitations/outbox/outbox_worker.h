// The outbox's background sender: finds due notifications in every tenant, claims each under a
// row lock (so that two hosts never send one message), opens what to send, hands it to the SMTP
// server or the SMS webhook, and records what became of it: SENT, QUEUED again with backoff,
// BOUNCED, or FAILED after too many attempts. Its payload is wiped once it leaves the queue.
//
// A channel with no sender configured is left alone: its messages stay QUEUED (and are logged,
// once, as waiting) until a host with that channel configured sends them.
//
// Delivery is at least once: a host that dies between the provider's acceptance and the commit
// sends that message again later, with the same Message-ID / Idempotency-Key.
//
// Thread safety: Start, Stop and the destructor from the owner's thread; RunOnce and Wake from
// any thread (passes of one worker run one at a time).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "common/crypto/envelope.h"
#include "common/db/pool.h"
#include "services/invitations/delivery/delivery_outcome.h"
#include "services/invitations/delivery/email_message.h"
#include "services/invitations/delivery/retry_policy.h"
#include "services/invitations/delivery/smtp_sender.h"
#include "services/invitations/delivery/webhook_sender.h"
#include "services/invitations/outbox/outbox_payload.h"
#include "services/invitations/outbox/outbox_rows.h"

namespace fgc::invitations::outbox {

// How this host reaches people; a channel without a sender is "not configured".
struct OutboxSenders {
  std::optional<delivery::SmtpSender> email;
  delivery::Mailbox email_from;  // the From of every email (required with `email`)
  std::optional<delivery::WebhookSender> sms;
};

struct OutboxWorkerOptions {
  delivery::RetryPolicy retry;
  absl::Duration poll_interval = absl::Seconds(10);  // between passes when not woken
  int batch_size = 50;                               // messages found per query
  std::function<absl::Time()> clock;                 // default absl::Now
  std::function<double()> random;                    // [0, 1); default a seeded generator
};

class OutboxWorker final {
 public:
  // `pool` and `kek` must outlive the worker. INVALID_ARGUMENT for a bad retry policy, a batch
  // size below 1, a non-positive poll interval, or an email sender without a valid From.
  static absl::StatusOr<std::unique_ptr<OutboxWorker>> Create(db::Pool* pool,
                                                              const crypto::KeyEncryptionKey* kek,
                                                              OutboxSenders senders,
                                                              OutboxWorkerOptions options = {});
  ~OutboxWorker();  // Stop()
  OutboxWorker(const OutboxWorker&) = delete;
  OutboxWorker& operator=(const OutboxWorker&) = delete;

  // Starts the background thread: a pass now, then one every poll_interval or on Wake().
  void Start();
  // Asks the thread to stop and joins it: returns once the message being sent (if any) is
  // recorded, without waiting for the rest of the pass or the poll interval.
  void Stop();
  // Something was queued: start a pass now rather than at the next poll. Call after commit.
  void Wake();

  // Sends everything due now on the configured channels; returns how many messages it settled
  // (sent, retried later, bounced or failed). UNAVAILABLE when the database cannot be reached.
  absl::StatusOr<int> RunOnce();

 private:
  OutboxWorker(db::Pool* pool, const crypto::KeyEncryptionKey* kek, OutboxSenders senders,
               OutboxWorkerOptions options);

  void Loop();
  bool stopping() const;
  void LogUnconfiguredOnce();
  // True when this worker claimed and settled `ref`; false when another worker holds it or it is
  // no longer due.
  absl::StatusOr<bool> ProcessOne(const DueRef& ref);
  delivery::DeliveryOutcome Send(const ClaimedMessage& message, const OutboxPayload& payload);
  void Record(pqxx::work& tx, const ClaimedMessage& message,
              const delivery::DeliveryOutcome& outcome);

  // Constant after construction.
  db::Pool* const pool_;
  const crypto::KeyEncryptionKey* const kek_;
  const OutboxSenders senders_;
  const OutboxWorkerOptions options_;
  std::vector<v1::DeliveryChannel> channels_;  // the configured ones

  absl::Mutex run_mu_;  // one pass at a time
  bool logged_unconfigured_ ABSL_GUARDED_BY(run_mu_) = false;

  mutable absl::Mutex mu_;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  bool woken_ ABSL_GUARDED_BY(mu_) = false;

  std::thread thread_;  // owner's thread only
};

}  // namespace fgc::invitations::outbox
