// InvitationService: the invitation messages it queues in the outbox, in the same transaction
// as the invitation, and what it reads back of their delivery.
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/base/proto_time.h"
#include "services/invitations/invitation_service.h"
#include "services/invitations/outbox/notification_queue.h"
#include "services/invitations/outbox/notification_text.h"

namespace fgc::invitations {
namespace {

// The time zone the member reads times in: their own, else the conference's, else UTC.
absl::TimeZone ZoneFor(const v1::NetworkMember& member, const v1::Conference& conference) {
  absl::TimeZone zone;
  if (!member.time_zone().empty() && absl::LoadTimeZone(member.time_zone(), &zone)) return zone;
  if (!conference.time_zone().empty() && absl::LoadTimeZone(conference.time_zone(), &zone)) {
    return zone;
  }
  return absl::UTCTimeZone();
}

}  // namespace

outbox::NotificationContext InvitationService::MessageContext(
    const v1::Conference& conference, const v1::GetMyInvitationResponse* view,
    const v1::NetworkMember& member, v1::NotificationKind kind, const std::string& language) {
  outbox::NotificationContext context;
  context.kind = kind;
  context.language_code = language;
  context.recipient_name = member.display_name();
  for (const v1::Child& child : conference.children()) {
    context.child_names.push_back(child.display_name());
  }
  context.coordinator_name = conference.coordinator().display_name();
  context.coordinator_contact = conference.coordinator().phone_number().empty()
                                    ? conference.coordinator().email()
                                    : conference.coordinator().phone_number();
  context.time_zone = ZoneFor(member, conference);
  const v1::Booking& booking = conference.booking();
  if (booking.has_start_time()) context.start_time = ToAbslTime(booking.start_time());
  if (booking.has_end_time()) context.end_time = ToAbslTime(booking.end_time());
  context.remote = booking.venue().empty() && booking.has_remote_join();
  if (conference.has_availability_deadline()) {
    context.respond_by = ToAbslTime(conference.availability_deadline());
  }
  if (view != nullptr && view->has_venue()) {
    context.venue_name = view->venue().display_name();
    const v1::Address& address = view->venue().address();
    context.venue_address = absl::StrJoin(address.address_lines(), ", ");
    for (const std::string& part : {address.locality(), address.postal_code()}) {
      if (!part.empty()) absl::StrAppend(&context.venue_address, ", ", part);
    }
  }
  return context;
}

absl::StatusOr<outbox::QueuedMessage> InvitationService::Rendered(
    const std::string& tenant, const std::string& conference, const v1::NetworkMember& member,
    const Route& route, const outbox::NotificationContext& context) {
  auto rendered = outbox::RenderNotification(context);
  if (!rendered.ok()) return rendered.status();
  outbox::QueuedMessage message;
  message.tenant = tenant;
  message.conference = conference;
  message.member = member.name();
  message.kind = context.kind;
  message.channel = route.channel;
  message.address = route.address;
  message.display_name = member.display_name();
  message.language_code = rendered->language_code;
  message.subject = rendered->subject;
  message.body = rendered->body;
  message.text = rendered->sms_text;
  return message;
}

AlsoInTransaction InvitationService::QueueInvitationMessage(
    const std::string& tenant, const v1::Conference& conference, const v1::NetworkMember& member,
    const v1::Invitation& invitation, const Route& route, const std::string& token) {
  outbox::NotificationContext context = MessageContext(
      conference, nullptr, member, v1::NOTIFICATION_KIND_INVITATION, invitation.language_code());
  context.link = links_.UrlFor(token);
  context.personal_message = invitation.message();
  // Rendered now, outside the transaction; only what it says travels into it.
  absl::StatusOr<outbox::QueuedMessage> message =
      route.channel == v1::DELIVERY_CHANNEL_BY_HAND
          ? absl::StatusOr<outbox::QueuedMessage>(outbox::QueuedMessage{})
          : Rendered(tenant, conference.name(), member, route, context);
  if (message.ok()) message->invitation = invitation.name();
  return [tenant, message, invitation, route](pqxx::work& tx,
                                              const crypto::DataKey& key) -> absl::Status {
    if (!message.ok()) return message.status();
    // Whatever an earlier link's message still waits to say, it must not be sent now.
    auto superseded = outbox::SupersedeQueued(tx, tenant, invitation.name());
    if (!superseded.ok()) return superseded.status();
    if (route.channel == v1::DELIVERY_CHANNEL_BY_HAND) return absl::OkStatus();
    auto queued = outbox::Enqueue(tx, key, *message);
    return queued.ok() ? absl::OkStatus() : queued.status();
  };
}

AlsoInTransaction InvitationService::SupersedeQueuedMessages(const std::string& tenant,
                                                             const std::string& invitation) {
  return [tenant, invitation](pqxx::work& tx, const crypto::DataKey&) -> absl::Status {
    auto superseded = outbox::SupersedeQueued(tx, tenant, invitation);
    return superseded.ok() ? absl::OkStatus() : superseded.status();
  };
}

DeliveryReport ReportOf(const outbox::InvitationDelivery& d) {
  return DeliveryReport{d.state, d.send_time, d.deliver_time, d.last_error};
}

absl::StatusOr<std::optional<DeliveryReport>> InvitationService::LatestDelivery(
    const std::string& tenant, const std::string& invitation) {
  return pool_->WithTenantResult<std::optional<DeliveryReport>>(
      tenant, [&](pqxx::work& tx) -> absl::StatusOr<std::optional<DeliveryReport>> {
        auto latest = outbox::LatestInvitationDelivery(tx, tenant, invitation);
        if (!latest.ok()) return latest.status();
        if (!latest->has_value()) return std::nullopt;
        return ReportOf(**latest);
      });
}

}  // namespace fgc::invitations
