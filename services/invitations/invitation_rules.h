// The rules of invitations that need no database: which channel and address a message goes to,
// where an invitation stands (derived from its record, its delivery and the time), and whether a
// member's restriction lets them be invited or answer as they did.
#pragma once

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "fgc/v1/invitation.pb.h"
#include "fgc/v1/network.pb.h"

namespace fgc::invitations {

struct Route {
  v1::DeliveryChannel channel = v1::DELIVERY_CHANNEL_UNSPECIFIED;
  std::string address;  // the email address or mobile number; empty for BY_HAND
};

// Where a message to `member` goes. UNSPECIFIED picks the member's preferred contact that can
// carry a message (email or mobile), else the first email, else the first mobile. BY_HAND needs
// no contact. FAILED_PRECONDITION (NO_CONTACT_CHANNEL) when the member has no such contact.
absl::StatusOr<Route> RouteTo(const v1::NetworkMember& member, v1::DeliveryChannel requested);

// How the last message of an invitation fared in the outbox, if it went through it.
struct DeliveryReport {
  v1::NotificationState state = v1::NOTIFICATION_STATE_UNSPECIFIED;
  std::optional<absl::Time> send_time;
  std::optional<absl::Time> deliver_time;
  std::string error;
};

// The invitation as its reader sees it: `state`, `send_time`, `deliver_time` and
// `delivery_error` filled from what is recorded, the delivery and the time. Revoked wins, then
// answered, opened, expired (the link ran out unanswered), and then the delivery's own state.
v1::Invitation WithStanding(v1::Invitation invitation,
                            const std::optional<DeliveryReport>& delivery, absl::Time now);

// FAILED_PRECONDITION (MEMBER_RESTRICTED) when `member` is excluded: they are not invited.
absl::Status CheckMayBeInvited(const v1::NetworkMember& member);
// FAILED_PRECONDITION (MEMBER_RESTRICTED) when the answer says they will attend but their
// restriction says they may not (excluded or views only).
absl::Status CheckMayAnswer(const v1::NetworkMember& member, v1::RsvpAnswer answer);

// INVALID_ARGUMENT with field violations (under `field`, e.g. "rsvp") for an answer that is not
// one: no answer, views over 20,000 characters, more than 20 needs, a need without a kind, an
// interpreter without a language.
absl::Status ValidateRsvp(const v1::Rsvp& rsvp, const std::string& field);

}  // namespace fgc::invitations
