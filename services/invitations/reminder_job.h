// The reminders before the availability deadline: a background job that finds, in every tenant,
// the invitations whose conference's deadline is near and that should be reminded
// (reminder_rule.h), and queues one AVAILABILITY_REMINDER each in the outbox, in the
// invitation's language, carrying the deadline and the member's current link derived again
// (reminder_link.h: the service never stores a token). Each reminder is recorded in the
// transaction that queues it, under the invitation's row lock, so an invitation is reminded once
// per deadline even with several hosts running the job; a moved deadline may remind again.
//
// Conferences are found through migrations/005's tenant-less reminder_deadlines (resource names
// and a time, kept by a trigger); everything else is read and written in a transaction for the
// conference's tenant, under row-level security as everywhere else.
//
// Thread safety: Start, Stop and the destructor from the owner's thread; RunOnce from any thread
// (passes run one at a time).
#pragma once

#include <functional>
#include <memory>
#include <thread>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "common/crypto/envelope.h"
#include "common/db/pool.h"
#include "services/invitations/invitation_store.h"
#include "services/invitations/member_store.h"
#include "services/invitations/reminder_rule.h"
#include "services/invitations/reminder_store.h"
#include "services/invitations/tokens/invitation_link.h"

namespace fgc::invitations {

struct ReminderJobOptions {
  absl::Duration lead = kDefaultReminderLead;       // how long before the deadline
  absl::Duration poll_interval = absl::Minutes(5);  // between passes
  std::function<absl::Time()> clock;                // default absl::Now
  // Called after a pass that queued reminders (the outbox worker's Wake), outside any
  // transaction.
  std::function<void()> on_queued;
};

class ReminderJob final {
 public:
  // `pool` and `kek` must outlive the job. INVALID_ARGUMENT for a non-positive lead or poll
  // interval.
  static absl::StatusOr<std::unique_ptr<ReminderJob>> Create(db::Pool* pool,
                                                             const crypto::KeyEncryptionKey* kek,
                                                             InvitationLinks links,
                                                             ReminderJobOptions options = {});
  ~ReminderJob();  // Stop()
  ReminderJob(const ReminderJob&) = delete;
  ReminderJob& operator=(const ReminderJob&) = delete;

  // Starts the background thread: a pass now, then one every poll interval.
  void Start();
  // Asks the thread to stop and joins it: returns once the reminder being queued (if any) is
  // committed or rolled back, without waiting for the rest of the pass or the poll interval.
  void Stop();

  // Queues every reminder due at `now`; returns how many it queued. A conference or invitation
  // that fails is logged (ids only) and left for the next pass; UNAVAILABLE when the database
  // cannot be reached at all.
  absl::StatusOr<int> RunOnce(absl::Time now);

 private:
  ReminderJob(db::Pool* pool, const crypto::KeyEncryptionKey* kek, InvitationLinks links,
              ReminderJobOptions options);

  void Loop();
  bool stopping() const;
  // Reminders queued for one conference's invitations.
  absl::StatusOr<int> RemindConference(const DeadlineRef& ref, absl::Time now);
  // True when it queued the reminder of `invitation` to `member` for `view`'s deadline.
  absl::StatusOr<bool> Remind(const std::string& tenant, const v1::GetMyInvitationResponse& view,
                              const std::string& invitation, const v1::NetworkMember& member,
                              absl::Time now);

  // Constant after construction.
  db::Pool* const pool_;
  const crypto::KeyEncryptionKey* const kek_;
  const InvitationLinks links_;
  const ReminderJobOptions options_;
  InvitationStore invitations_;
  MemberStore members_;

  absl::Mutex run_mu_;  // one pass at a time

  mutable absl::Mutex mu_;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  absl::CondVar stop_;  // signalled by Stop(): the wait between passes ends at once

  std::thread thread_;  // owner's thread only
};

}  // namespace fgc::invitations
