#include "services/scheduling/invitee_calendar.h"

#include "common/base/errors.h"

namespace fgc::scheduling {
namespace {

using calendar::ParticipationStatus;

ParticipationStatus StatusOf(v1::RsvpAnswer answer) {
  switch (answer) {
    case v1::RSVP_ANSWER_IN_PERSON:
    case v1::RSVP_ANSWER_REMOTE:
      return ParticipationStatus::kAccepted;
    case v1::RSVP_ANSWER_NOT_ABLE:
    case v1::RSVP_ANSWER_VIEWS_ONLY:
      return ParticipationStatus::kDeclined;
    default:
      return ParticipationStatus::kNeedsAction;
  }
}

// Their preferred email address, else their first.
std::string EmailOf(const v1::NetworkMember& member) {
  std::string first;
  for (const v1::ContactChannel& contact : member.contacts()) {
    if (contact.kind() != v1::CONTACT_KIND_EMAIL || contact.value().empty()) continue;
    if (contact.preferred()) return contact.value();
    if (first.empty()) first = contact.value();
  }
  return first;
}

}  // namespace

InviteeCopy InviteeCopyOf(const v1::NetworkMember& member, const v1::Invitation& invitation) {
  InviteeCopy copy;
  copy.attendee.display_name = member.display_name();
  copy.attendee.email = EmailOf(member);
  copy.attendee.status = StatusOf(invitation.rsvp().answer());
  const bool remote = invitation.rsvp().answer() == v1::RSVP_ANSWER_REMOTE;
  copy.attendance = remote ? calendar::Attendance::kRemote : calendar::Attendance::kInPerson;
  copy.with_remote_join = remote;
  return copy;
}

absl::Status CheckAttends(const v1::NetworkMember& member) {
  const v1::RestrictionKind kind = member.restriction().kind();
  if (kind == v1::RESTRICTION_KIND_EXCLUDED || kind == v1::RESTRICTION_KIND_VIEWS_ONLY) {
    return FailedPrecondition(
        "MEMBER_RESTRICTED",
        "you take part without coming to the meeting, so there is none to "
        "add to your calendar; your coordinator can tell you more",
        {{"MEMBER_RESTRICTED", member.name(), v1::RestrictionKind_Name(kind)}});
  }
  return absl::OkStatus();
}

}  // namespace fgc::scheduling
