// What makes one invitee's copy of the conference calendar theirs rather than the organiser's:
// they appear as its ATTENDEE with their answer as PARTSTAT, and the joining details are in it
// only when they said they would join remotely (invitation.proto's RSVP_ANSWER_REMOTE).
#pragma once

#include "absl/status/status.h"
#include "fgc/v1/invitation.pb.h"
#include "fgc/v1/network.pb.h"
#include "services/scheduling/calendar/calendar_export.h"

namespace fgc::scheduling {

struct InviteeCopy {
  calendar::CalendarParty attendee;  // email empty when they gave none (then no ATTENDEE line)
  calendar::Attendance attendance = calendar::Attendance::kInPerson;
  bool with_remote_join = false;  // the remote-join details go in
};

// The copy for `member`, who answered `invitation` (or has not yet).
InviteeCopy InviteeCopyOf(const v1::NetworkMember& member, const v1::Invitation& invitation);

// Whether `member` may have the meeting in their calendar: not when excluded or taking part by
// views only (they do not come, and for some the time and place are kept from them for safety).
// FAILED_PRECONDITION (MEMBER_RESTRICTED) then.
absl::Status CheckAttends(const v1::NetworkMember& member);

}  // namespace fgc::scheduling
