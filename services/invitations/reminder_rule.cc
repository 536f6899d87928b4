#include "services/invitations/reminder_rule.h"

#include "common/base/proto_time.h"

namespace fgc::invitations {

ReminderVerdict JudgeReminder(const ReminderCase& c, absl::Time now, absl::Duration lead) {
  const v1::Invitation& invitation = *c.invitation;
  if (!c.deadline.has_value() || *c.deadline <= now || *c.deadline - now > lead) {
    return ReminderVerdict::kNoDeadlineSoon;
  }
  if (c.stage == v1::STAGE_CLOSED) return ReminderVerdict::kConferenceClosed;
  if (invitation.state() == v1::INVITATION_STATE_REVOKED) return ReminderVerdict::kRevoked;
  if (invitation.rsvp().answer() != v1::RSVP_ANSWER_UNSPECIFIED) {
    return ReminderVerdict::kAnswered;
  }
  if (invitation.channel() != v1::DELIVERY_CHANNEL_EMAIL &&
      invitation.channel() != v1::DELIVERY_CHANNEL_SMS) {
    return ReminderVerdict::kByHand;
  }
  if (!invitation.has_expire_time() || ToAbslTime(invitation.expire_time()) <= now) {
    return ReminderVerdict::kLinkExpired;
  }
  if (c.restriction == v1::RESTRICTION_KIND_EXCLUDED) return ReminderVerdict::kExcluded;
  if (!c.link_derivable) return ReminderVerdict::kLinkNotDerivable;
  if (c.reminded) return ReminderVerdict::kAlreadyReminded;
  return ReminderVerdict::kDue;
}

}  // namespace fgc::invitations
