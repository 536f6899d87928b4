// InvitationService.SendNotification: the other services' way to tell a conference's network
// (and named staff) that something happened, queued in the outbox in each one's language.
#include <algorithm>
#include <set>

#include "absl/strings/str_cat.h"
#include "common/base/errors.h"
#include "common/base/field_violations.h"
#include "common/db/request_log.h"
#include "common/sealing/conference_keys.h"
#include "common/server/request_hash.h"
#include "services/invitations/invitation_service.h"
#include "services/invitations/outbox/notification_queue.h"
#include "services/invitations/scheduling_client.h"

namespace fgc::invitations {
namespace {

using server::Caller;

constexpr int kMaxStaffRecipients = 50;

bool ConferenceNotice(v1::NotificationKind kind) {
  return kind == v1::NOTIFICATION_KIND_CONFERENCE_BOOKED ||
         kind == v1::NOTIFICATION_KIND_CONFERENCE_RESCHEDULED ||
         kind == v1::NOTIFICATION_KIND_CONFERENCE_CANCELLED ||
         kind == v1::NOTIFICATION_KIND_REVIEW_SCHEDULED;
}

absl::Status Validate(const v1::SendNotificationRequest& req, const std::string& tenant) {
  FieldViolations v;
  if (req.kind() == v1::NOTIFICATION_KIND_UNSPECIFIED ||
      req.kind() == v1::NOTIFICATION_KIND_INVITATION || !v1::NotificationKind_IsValid(req.kind())) {
    v.Add("kind", "a notification kind other than INVITATION (sent by SendInvitation)");
  }
  if (req.request_id().empty()) v.Add("request_id", "required: callers retry their own outbox");
  for (int i = 0; i < req.members_size(); ++i) {
    const auto member = ParseMemberName(req.members(i), tenant);
    if (!member || member->conference != req.parent()) {
      v.Add(absl::StrCat("members[", i, "]"), "must be a member of the conference in parent");
    }
  }
  if (req.staff_only() && req.members_size() > 0) {
    v.Add("staff_only", "name no members when notifying staff only");
  }
  if (req.staff_only() && req.staff_recipients_size() == 0) {
    v.Add("staff_recipients", "name the staff to notify");
  }
  if (req.staff_recipients_size() > kMaxStaffRecipients) {
    v.Add("staff_recipients", "at most 50");
  }
  for (int i = 0; i < req.staff_recipients_size() && i < kMaxStaffRecipients; ++i) {
    if (req.staff_recipients(i).email().find('@') == std::string::npos) {
      v.Add(absl::StrCat("staff_recipients[", i, "].email"), "an email address is required");
    }
  }
  v.Text("related_resource", req.related_resource(), 500, false);
  if (req.kind() == v1::NOTIFICATION_KIND_PLAN_DISTRIBUTED && req.related_resource().empty()) {
    v.Add("related_resource", "the plan version distributed");
  }
  return v.ToStatus("the notification has invalid fields");
}

// What the message says: the conference's meeting, or for a review the review's own meeting.
outbox::NotificationContext ContextFor(const v1::SendNotificationRequest& req,
                                       const v1::Conference& conference,
                                       const v1::GetMyInvitationResponse& view,
                                       const v1::NetworkMember& member,
                                       const std::string& language) {
  v1::Conference about = conference;
  if (req.kind() == v1::NOTIFICATION_KIND_REVIEW_SCHEDULED) {
    about.clear_booking();
    for (const v1::Review& review : conference.reviews()) {
      if (review.name() == req.related_resource()) *about.mutable_booking() = review.booking();
    }
  }
  return InvitationService::MessageContext(about, &view, member, req.kind(), language);
}

}  // namespace

absl::Status InvitationService::SendNotification(const Caller& caller,
                                                 const v1::SendNotificationRequest& req,
                                                 v1::SendNotificationResponse& resp) {
  if (absl::Status s = Validate(req, caller.tenant); !s.ok()) return s;
  auto key = server::RequestKeyOf(req.request_id(), "SendNotification", req);
  if (!key.ok()) return key.status();
  auto conference = ConferenceForCaller(*peers_, caller, req.parent());
  if (!conference.ok()) return conference.status();
  auto replayed = invitations_.Replayed(caller.tenant, *key);
  if (!replayed.ok()) return replayed.status();
  if (replayed->has_value()) {
    if (!resp.ParseFromString(**replayed)) {
      return absl::DataLossError("a stored notification response does not parse");
    }
    return absl::OkStatus();
  }
  // A booking, a change or a cancellation is what the family's pages must show next.
  if (absl::Status s = RefreshFamilyView(caller, *conference); !s.ok()) return s;
  if (conference->stage() == v1::STAGE_CLOSED &&
      req.kind() != v1::NOTIFICATION_KIND_CONFERENCE_CANCELLED) {
    return FailedPrecondition("CONFERENCE_CLOSED", "the conference is closed",
                              {{"fgc.v1.Conference", conference->name(), "closed"}});
  }
  auto view = invitations_.GetFamilyView(caller.tenant, req.parent());
  if (!view.ok()) return view.status();
  const bool has_meeting =
      req.kind() == v1::NOTIFICATION_KIND_REVIEW_SCHEDULED
          ? std::any_of(conference->reviews().begin(), conference->reviews().end(),
                        [&](const v1::Review& r) {
                          return r.name() == req.related_resource() && r.has_booking();
                        })
          : conference->booking().has_start_time() ||
                req.kind() == v1::NOTIFICATION_KIND_PLAN_DISTRIBUTED;
  if (!has_meeting && req.kind() != v1::NOTIFICATION_KIND_CONFERENCE_CANCELLED) {
    return FieldError("related_resource",
                      "the notice needs a booked meeting (for a review: the review's name, "
                      "booked)");
  }

  // Who: the members named, or everyone with a live invitation (not those excluded, for
  // notices about the meeting itself).
  std::vector<VersionedMember> recipients;
  const bool everyone = req.members_size() == 0 && !req.staff_only();
  std::set<std::string> named(req.members().begin(), req.members().end());
  auto live_or = LiveInvitations(caller.tenant, req.parent());
  if (!live_or.ok()) return live_or.status();
  const std::map<std::string, v1::Invitation>& live = *live_or;
  if (everyone) {
    for (const auto& [member, invitation] : live) named.insert(member);
  }
  for (const std::string& name : named) {
    auto member = members_.Get(caller.tenant, name);
    if (!member.ok()) return member.status();
    if (everyone && ConferenceNotice(req.kind()) &&
        member->member.restriction().kind() == v1::RESTRICTION_KIND_EXCLUDED) {
      continue;
    }
    recipients.push_back(*std::move(member));
  }

  std::vector<outbox::QueuedMessage> messages;
  for (const VersionedMember& m : recipients) {
    const auto invitation = live.find(m.member.name());
    const v1::DeliveryChannel channel =
        invitation == live.end() ? v1::DELIVERY_CHANNEL_UNSPECIFIED : invitation->second.channel();
    auto route =
        RouteTo(m.member, channel == v1::DELIVERY_CHANNEL_BY_HAND ? v1::DELIVERY_CHANNEL_UNSPECIFIED
                                                                  : channel);
    if (!route.ok()) {
      resp.add_unreachable_members(m.member.name());
      continue;
    }
    const std::string language =
        invitation == live.end() || invitation->second.language_code().empty()
            ? m.member.language_code()
            : invitation->second.language_code();
    auto message = Rendered(caller.tenant, req.parent(), m.member, *route,
                            ContextFor(req, *conference, *view, m.member, language));
    if (!message.ok()) return message.status();
    message->related_resource = req.related_resource();
    messages.push_back(*std::move(message));
  }
  for (const v1::StaffMember& staff : req.staff_recipients()) {
    v1::NetworkMember as_recipient;
    as_recipient.set_display_name(staff.display_name());
    auto message = Rendered(caller.tenant, req.parent(), as_recipient,
                            Route{v1::DELIVERY_CHANNEL_EMAIL, staff.email()},
                            ContextFor(req, *conference, *view, as_recipient, "en"));
    if (!message.ok()) return message.status();
    message->member.clear();
    message->staff_recipient = staff;
    message->related_resource = req.related_resource();
    messages.push_back(*std::move(message));
  }

  absl::Status queued = pool_->WithTenant(caller.tenant, [&](pqxx::work& tx) -> absl::Status {
    auto data_key = sealing::ConferenceDataKey(tx, *kek_, caller.tenant, req.parent(), true);
    if (!data_key.ok()) return data_key.status();
    v1::SendNotificationResponse out = resp;
    for (const outbox::QueuedMessage& message : messages) {
      auto notification = outbox::Enqueue(tx, *data_key, message);
      if (!notification.ok()) return notification.status();
      *out.add_notifications() = *std::move(notification);
    }
    // A distributed plan is theirs to read (GetMyPlan), whether the outbox reaches them or it is
    // given them another way.
    if (req.kind() == v1::NOTIFICATION_KIND_PLAN_DISTRIBUTED) {
      for (const VersionedMember& m : recipients) {
        InvitationStore::RecordPlanRecipient(tx, caller.tenant, m.member.name(),
                                             req.related_resource());
      }
    }
    std::string bytes;
    out.SerializeToString(&bytes);
    db::RecordRequest(tx, caller.tenant, *key, bytes);
    resp = std::move(out);
    return absl::OkStatus();
  });
  if (queued.code() == absl::StatusCode::kAlreadyExists) {
    // A concurrent retry of this request queued first: answer what it answered.
    resp.Clear();
    return SendNotification(caller, req, resp);
  }
  if (queued.ok()) worker_->Wake();
  return queued;
}

}  // namespace fgc::invitations
