// The only code that speaks SQL for reminders (migrations/005_reminders.sql): the near deadlines
// of every tenant, what each invitation needs for the reminder rule, and the reminders queued.
// Every function runs inside a transaction the caller opened (for the tenant, except
// NearDeadlines); libpqxx exceptions pass through to the pool, which maps them.
#pragma once

#include <map>
#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "fgc/v1/invitation.pb.h"
#include "services/invitations/invitation_store.h"

namespace fgc::invitations {

// A conference whose availability deadline is near.
struct DeadlineRef {
  std::string tenant;
  std::string conference;  // its resource name
  absl::Time deadline;
};

// Every tenant's conferences with a deadline in (after, until], soonest first. In a transaction
// without a tenant: reminder_deadlines is the one table such a transaction may read.
std::vector<DeadlineRef> NearDeadlines(pqxx::work& tx, absl::Time after, absl::Time until);

// What the reminder rule needs of an invitation besides its record.
struct ReminderState {
  bool link_derivable = false;  // the current link's seed is kept
  bool reminded = false;        // reminded for this deadline already
};
// For every invitation of the conference, by invitation id.
std::map<std::string, ReminderState> ReminderStates(pqxx::work& tx, const std::string& tenant,
                                                    const std::string& conference,
                                                    absl::Time deadline);

// An invitation locked for its reminder (FOR UPDATE: a resend, a revocation, an answer or
// another host's reminder waits for this transaction).
struct LockedInvitation {
  v1::Invitation record;                   // without its personal parts
  std::optional<std::string> sealed_seed;  // the current link's seed, sealed
  bool reminded = false;
};
// nullopt when the invitation is gone; DATA_LOSS when its record does not parse.
absl::StatusOr<std::optional<LockedInvitation>> LockForReminder(pqxx::work& tx,
                                                                const std::string& tenant,
                                                                const InvitationName& name,
                                                                absl::Time deadline);

// True when `digest` is the invitation's current link at `now`: neither replaced, revoked nor
// expired.
bool IsCurrentLink(pqxx::work& tx, const std::string& tenant, const InvitationName& name,
                   const std::string& digest, absl::Time now);

// Records that `notification` reminded the invitation of `deadline`.
void RecordReminder(pqxx::work& tx, const std::string& tenant, const InvitationName& name,
                    absl::Time deadline, const std::string& notification);

}  // namespace fgc::invitations
