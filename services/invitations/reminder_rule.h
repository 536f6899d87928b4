// Who gets a reminder before the availability deadline: a pure rule on the invitation, its
// member's restriction, the conference's deadline and what was reminded already. The reminder
// job (reminder_job.h) asks it once from what it lists and again under the invitation's lock.
#pragma once

#include <optional>

#include "absl/time/time.h"
#include "fgc/v1/conference.pb.h"
#include "fgc/v1/invitation.pb.h"
#include "fgc/v1/network.pb.h"

namespace fgc::invitations {

// How long before the deadline reminders go out when the host does not say.
inline constexpr absl::Duration kDefaultReminderLead = absl::Hours(48);

// What the rule looks at.
struct ReminderCase {
  std::optional<absl::Time> deadline;  // the conference's availability deadline, if any
  v1::Stage stage = v1::STAGE_UNSPECIFIED;
  const v1::Invitation* invitation = nullptr;  // required
  // The member's restriction kind; UNSPECIFIED when none (or not read yet).
  v1::RestrictionKind restriction = v1::RESTRICTION_KIND_UNSPECIFIED;
  bool link_derivable = false;  // the current link's seed is kept (links issued before 005 not)
  bool reminded = false;        // a reminder was queued for this very deadline
};

// Why an invitation gets no reminder, or kDue when it gets one.
enum class ReminderVerdict {
  kDue,
  kNoDeadlineSoon,  // no deadline, already past, or further away than the lead time
  kConferenceClosed,
  kRevoked,
  kAnswered,          // they gave an answer: nothing to remind them of
  kByHand,            // no channel to send it along
  kLinkExpired,       // the link they hold no longer opens; a reminder could not help
  kExcluded,          // their restriction excludes them from the conference
  kLinkNotDerivable,  // issued before links were derivable: no link to put in it
  kAlreadyReminded,   // once per deadline; a moved deadline is a new one
};

// kDue when `c.invitation` should be reminded at `now`: its conference's deadline is after `now`
// and at most `lead` away, the conference is not closed, the invitation is neither revoked nor
// answered, went by EMAIL or SMS, its link still works, its member is not excluded, its link
// can be derived, and it was not reminded for this deadline yet. Otherwise the first reason not.
ReminderVerdict JudgeReminder(const ReminderCase& c, absl::Time now, absl::Duration lead);

}  // namespace fgc::invitations
