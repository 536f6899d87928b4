#include "services/invitations/invitation_rules.h"

#include "absl/strings/str_cat.h"
#include "common/base/errors.h"
#include "common/base/field_violations.h"
#include "common/base/proto_time.h"

namespace fgc::invitations {
namespace {

constexpr int kMaxNeeds = 20;

v1::DeliveryChannel ChannelOf(v1::ContactKind kind) {
  switch (kind) {
    case v1::CONTACT_KIND_EMAIL:
      return v1::DELIVERY_CHANNEL_EMAIL;
    case v1::CONTACT_KIND_MOBILE:
      return v1::DELIVERY_CHANNEL_SMS;
    default:
      return v1::DELIVERY_CHANNEL_UNSPECIFIED;  // a landline or a letter carries no link
  }
}

std::optional<Route> FirstOf(const v1::NetworkMember& member, v1::DeliveryChannel channel,
                             bool preferred_only) {
  for (const v1::ContactChannel& contact : member.contacts()) {
    if (ChannelOf(contact.kind()) != channel || contact.value().empty()) continue;
    if (preferred_only && !contact.preferred()) continue;
    return Route{channel, contact.value()};
  }
  return std::nullopt;
}

absl::Status NoChannel(const v1::NetworkMember& member, const std::string& what) {
  return FailedPrecondition(
      "NO_CONTACT_CHANNEL",
      absl::StrCat("the member has no ", what, "; add one or hand the link over"),
      {{"fgc.v1.NetworkMember", member.name(), absl::StrCat("no ", what)}});
}

bool Excluded(const v1::NetworkMember& member) {
  return member.restriction().kind() == v1::RESTRICTION_KIND_EXCLUDED;
}

}  // namespace

absl::StatusOr<Route> RouteTo(const v1::NetworkMember& member, v1::DeliveryChannel requested) {
  switch (requested) {
    case v1::DELIVERY_CHANNEL_BY_HAND:
      return Route{v1::DELIVERY_CHANNEL_BY_HAND, ""};
    case v1::DELIVERY_CHANNEL_EMAIL:
    case v1::DELIVERY_CHANNEL_SMS: {
      auto route = FirstOf(member, requested, true);
      if (!route) route = FirstOf(member, requested, false);
      if (route) return *route;
      return NoChannel(member,
                       requested == v1::DELIVERY_CHANNEL_EMAIL ? "email address" : "mobile number");
    }
    default:
      break;
  }
  for (const v1::ContactChannel& contact : member.contacts()) {
    const v1::DeliveryChannel channel = ChannelOf(contact.kind());
    if (contact.preferred() && channel != v1::DELIVERY_CHANNEL_UNSPECIFIED &&
        !contact.value().empty()) {
      return Route{channel, contact.value()};
    }
  }
  if (auto email = FirstOf(member, v1::DELIVERY_CHANNEL_EMAIL, false)) return *email;
  if (auto sms = FirstOf(member, v1::DELIVERY_CHANNEL_SMS, false)) return *sms;
  return NoChannel(member, "email address or mobile number");
}

v1::Invitation WithStanding(v1::Invitation invitation,
                            const std::optional<DeliveryReport>& delivery, absl::Time now) {
  if (delivery) {
    if (delivery->send_time) *invitation.mutable_send_time() = ToTimestamp(*delivery->send_time);
    if (delivery->deliver_time) {
      *invitation.mutable_deliver_time() = ToTimestamp(*delivery->deliver_time);
    }
  }
  const bool expired = invitation.has_expire_time() && ToAbslTime(invitation.expire_time()) <= now;
  if (invitation.state() == v1::INVITATION_STATE_REVOKED) return invitation;
  if (invitation.has_rsvp() && invitation.rsvp().answer() != v1::RSVP_ANSWER_UNSPECIFIED) {
    invitation.set_state(v1::INVITATION_STATE_ANSWERED);
  } else if (invitation.has_open_time() && !expired) {
    invitation.set_state(v1::INVITATION_STATE_OPENED);
  } else if (expired) {
    invitation.set_state(v1::INVITATION_STATE_EXPIRED);
  } else if (delivery) {
    switch (delivery->state) {
      case v1::NOTIFICATION_STATE_SENT:
        invitation.set_state(v1::INVITATION_STATE_SENT);
        break;
      case v1::NOTIFICATION_STATE_DELIVERED:
        invitation.set_state(v1::INVITATION_STATE_DELIVERED);
        break;
      case v1::NOTIFICATION_STATE_BOUNCED:
      case v1::NOTIFICATION_STATE_FAILED:
        invitation.set_state(v1::INVITATION_STATE_BOUNCED);
        invitation.set_delivery_error(delivery->error);
        break;
      default:
        invitation.set_state(v1::INVITATION_STATE_PENDING);
    }
  } else {
    invitation.set_state(v1::INVITATION_STATE_PENDING);
  }
  return invitation;
}

absl::Status CheckMayBeInvited(const v1::NetworkMember& member) {
  if (!Excluded(member)) return absl::OkStatus();
  return FailedPrecondition(
      "MEMBER_RESTRICTED", "the member is excluded from the conference; they are not invited",
      {{"fgc.v1.NetworkMember", member.name(), "excluded (RESTRICTION_KIND_EXCLUDED)"}});
}

absl::Status CheckMayAnswer(const v1::NetworkMember& member, v1::RsvpAnswer answer) {
  const bool attending = answer == v1::RSVP_ANSWER_IN_PERSON || answer == v1::RSVP_ANSWER_REMOTE;
  const v1::RestrictionKind kind = member.restriction().kind();
  if (!attending ||
      (kind != v1::RESTRICTION_KIND_EXCLUDED && kind != v1::RESTRICTION_KIND_VIEWS_ONLY)) {
    return absl::OkStatus();
  }
  return FailedPrecondition(
      "MEMBER_RESTRICTED",
      "you cannot attend this conference; you can still send your views in writing",
      {{"fgc.v1.NetworkMember", member.name(), "may give views only"}});
}

absl::Status ValidateRsvp(const v1::Rsvp& rsvp, const std::string& field) {
  FieldViolations v;
  if (rsvp.answer() == v1::RSVP_ANSWER_UNSPECIFIED || !v1::RsvpAnswer_IsValid(rsvp.answer())) {
    v.Add(field + ".answer", "say whether and how you will take part");
  }
  v.Text(field + ".views", rsvp.views(), 20000, false, TextShape::kMultiLine);
  if (rsvp.needs_size() > kMaxNeeds) v.Add(field + ".needs", "at most 20 needs");
  for (int i = 0; i < rsvp.needs_size() && i < kMaxNeeds; ++i) {
    const v1::Need& need = rsvp.needs(i);
    const std::string at = absl::StrCat(field, ".needs[", i, "]");
    if (need.kind() == v1::NEED_KIND_UNSPECIFIED || !v1::NeedKind_IsValid(need.kind())) {
      v.Add(at + ".kind", "say what kind of need this is");
    }
    v.Text(at + ".details", need.details(), 1000, false, TextShape::kMultiLine);
    if (need.kind() == v1::NEED_KIND_INTERPRETER && need.language_code().empty()) {
      v.Add(at + ".language_code", "say which language to interpret");
    }
    v.LanguageTag(at + ".language_code", need.language_code());
  }
  return v.ToStatus("the answer has invalid fields");
}

}  // namespace fgc::invitations
