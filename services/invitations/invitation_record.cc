#include "services/invitations/invitation_record.h"

namespace fgc::invitations {
namespace {

constexpr char kPersonalField[] = "invitation-personal";

}  // namespace

InvitationParts SplitInvitation(const v1::Invitation& invitation) {
  InvitationParts parts;
  parts.record = invitation;
  v1::Invitation& r = parts.record;
  v1::Invitation& p = parts.personal;
  p.set_name(invitation.name());
  p.set_message(invitation.message());
  r.clear_message();
  if (invitation.has_rsvp()) {
    p.mutable_rsvp()->set_views(invitation.rsvp().views());
    r.mutable_rsvp()->clear_views();
    // Needs keep their kinds and languages in clear; their words are sealed, matched back by
    // position.
    for (v1::Need& need : *r.mutable_rsvp()->mutable_needs()) {
      p.mutable_rsvp()->add_needs()->set_details(need.details());
      need.clear_details();
    }
  }
  return parts;
}

v1::Invitation JoinInvitation(v1::Invitation record, const v1::Invitation& personal) {
  record.set_message(personal.message());
  if (record.has_rsvp()) {
    record.mutable_rsvp()->set_views(personal.rsvp().views());
    for (int i = 0; i < record.rsvp().needs_size() && i < personal.rsvp().needs_size(); ++i) {
      record.mutable_rsvp()->mutable_needs(i)->set_details(personal.rsvp().needs(i).details());
    }
  }
  return record;
}

absl::StatusOr<std::string> SealInvitation(const v1::Invitation& personal,
                                           const crypto::DataKey& key) {
  std::string bytes;
  if (!personal.SerializeToString(&bytes)) {
    return absl::InternalError("cannot serialise an invitation's personal details");
  }
  return crypto::SealField(key, bytes, personal.name(), kPersonalField);
}

absl::StatusOr<v1::Invitation> OpenInvitation(const std::string& sealed, const std::string& name,
                                              const crypto::DataKey& key) {
  auto bytes = crypto::OpenField(key, sealed, name, kPersonalField);
  if (!bytes.ok()) return bytes.status();
  v1::Invitation personal;
  if (!personal.ParseFromString(*bytes) || personal.name() != name) {
    return absl::DataLossError("an invitation's personal details do not parse");
  }
  return personal;
}

}  // namespace fgc::invitations
