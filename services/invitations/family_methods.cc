// InvitationService: the family's own methods, by token (GetMyInvitation, RespondToInvitation),
// and the family's view of each conference they read through it.
#include "absl/strings/str_cat.h"
#include "common/base/errors.h"
#include "common/base/field_violations.h"
#include "common/server/actor.h"
#include "common/server/request_hash.h"
#include "google/protobuf/util/time_util.h"
#include "services/invitations/about_conference.h"
#include "services/invitations/invitation_service.h"
#include "services/invitations/scheduling_client.h"

namespace fgc::invitations {
namespace {

using google::protobuf::util::TimeUtil;
using server::Caller;

// The member as they may see themselves: nothing that is for staff only.
v1::NetworkMember AsTheySeeThemselves(v1::NetworkMember member) {
  member.clear_notes();
  for (v1::ContactChannel& contact : *member.mutable_contacts()) contact.clear_safety_note();
  if (member.has_restriction()) {
    v1::ParticipationRestriction& r = *member.mutable_restriction();
    r.clear_reasons();
    r.clear_legal_basis();
    r.clear_authorising_officer();
    r.clear_decided_by();
    r.clear_ledger_entry();
  }
  return member;
}

}  // namespace

absl::Status InvitationService::RefreshFamilyView(const Caller& caller,
                                                  const v1::Conference& conference) {
  v1::GetMyInvitationResponse view;
  for (const v1::Child& child : conference.children()) {
    view.add_child_display_names(child.display_name());
  }
  if (conference.has_coordinator()) *view.mutable_coordinator() = conference.coordinator();
  view.set_stage(conference.stage());
  view.set_conference_time_zone(conference.time_zone());
  if (conference.has_availability_deadline()) {
    *view.mutable_availability_deadline() = conference.availability_deadline();
  }
  if (conference.has_booking()) {
    *view.mutable_booking() = conference.booking();
    if (!conference.booking().venue().empty()) {
      auto venue = VenueForCaller(*peers_, caller, conference.booking().venue());
      // A venue the caller's role may not read leaves the family without it rather than
      // failing the coordinator's call; every staff role that works on invitations may read it.
      if (venue.ok()) *view.mutable_venue() = *venue;
      if (!venue.ok() && venue.status().code() == absl::StatusCode::kUnavailable) {
        return venue.status();
      }
    }
  }
  return invitations_.PutFamilyView(caller.tenant, conference.name(), view);
}

absl::StatusOr<v1::Invitation> InvitationService::Standing(const std::string& tenant,
                                                           const VersionedInvitation& stored) {
  auto delivery = LatestDelivery(tenant, stored.invitation.name());
  if (!delivery.ok()) return delivery.status();
  return WithStanding(stored.invitation, *delivery, absl::Now());
}

absl::Status InvitationService::GetMyInvitation(const Caller& caller,
                                                const v1::GetMyInvitationRequest& req,
                                                v1::GetMyInvitationResponse& resp) {
  if (!req.language_code().empty() && !LooksLikeLanguageTag(req.language_code())) {
    return FieldError("language_code", "must be a BCP 47 language tag");
  }
  auto token = PresentedToken::Parse(caller.invitation_token);
  if (!token.ok()) return token.status();
  auto opened = invitations_.ForToken(*token, absl::Now());
  if (!opened.ok()) return opened.status();
  auto& [tenant, stored] = *opened;
  if (!stored.invitation.has_open_time()) {
    v1::Invitation invitation = stored.invitation;
    *invitation.mutable_open_time() = TimeUtil::GetCurrentTime();
    auto marked = invitations_.Replace(tenant, stored.version, invitation, LinkChange::kKeep,
                                       std::nullopt, {}, "", nullptr);
    // Two first visits at once: the other one marked it; this one reads what it wrote.
    if (marked.ok()) {
      stored = *std::move(marked);
    } else if (marked.status().code() != absl::StatusCode::kAborted) {
      return marked.status();
    }
  }
  auto member = members_.Get(tenant, stored.invitation.member());
  if (!member.ok()) return member.status();
  const std::string conference = ParseMemberName(member->member.name(), tenant)->conference;
  auto view = invitations_.GetFamilyView(tenant, conference);
  if (!view.ok()) return view.status();
  resp = *std::move(view);
  auto standing = Standing(tenant, stored);
  if (!standing.ok()) return standing.status();
  *resp.mutable_invitation() = *std::move(standing);
  *resp.mutable_member() = AsTheySeeThemselves(member->member);
  if (resp.invitation().rsvp().answer() != v1::RSVP_ANSWER_REMOTE) {
    resp.mutable_booking()->clear_remote_join();
  }
  if (!resp.has_booking() || resp.booking().state() == v1::BOOKING_STATE_UNSPECIFIED) {
    resp.clear_booking();
  }
  std::string language = req.language_code();
  if (language.empty()) language = stored.invitation.language_code();
  if (language.empty()) language = member->member.language_code();
  const AboutText about = AboutConference(language);
  resp.set_about_conference(about.text);
  resp.set_language_code(about.language_code);
  auto has_plan = invitations_.HasPlan(tenant, member->member.name());
  if (!has_plan.ok()) return has_plan.status();
  resp.set_plan_available(*has_plan);
  return absl::OkStatus();
}

absl::Status InvitationService::RespondToInvitation(const Caller& caller,
                                                    const v1::RespondToInvitationRequest& req,
                                                    v1::RespondToInvitationResponse& resp) {
  auto key = server::RequestKeyOf(req.request_id(), "RespondToInvitation", req);
  if (!key.ok()) return key.status();
  if (absl::Status s = ValidateRsvp(req.rsvp(), "rsvp"); !s.ok()) return s;
  auto token = PresentedToken::Parse(caller.invitation_token);
  if (!token.ok()) return token.status();
  auto opened = invitations_.ForToken(*token, absl::Now());
  if (!opened.ok()) return opened.status();
  auto& [tenant, stored] = *opened;
  // A request id belongs to its sender: bound to their invitation, so another member's use of
  // the same id can never stand in for their answer.
  key->method = absl::StrCat("RespondToInvitation ", stored.invitation.name());
  auto replayed = invitations_.Replayed(tenant, *key);
  if (!replayed.ok()) return replayed.status();
  if (!replayed->has_value()) {
    auto member = members_.Get(tenant, stored.invitation.member());
    if (!member.ok()) return member.status();
    const std::string conference = ParseMemberName(member->member.name(), tenant)->conference;
    auto view = invitations_.GetFamilyView(tenant, conference);
    if (!view.ok()) return view.status();
    if (view->stage() == v1::STAGE_CLOSED) {
      return FailedPrecondition("CONFERENCE_CLOSED", "the conference is closed",
                                {{"fgc.v1.Conference", conference, "closed"}});
    }
    if (absl::Status s = CheckMayAnswer(member->member, req.rsvp().answer()); !s.ok()) return s;
    const auto now = TimeUtil::GetCurrentTime();
    v1::Invitation invitation = stored.invitation;
    *invitation.mutable_rsvp() = req.rsvp();
    *invitation.mutable_rsvp()->mutable_answer_time() = now;
    v1::Actor* by = invitation.mutable_rsvp()->mutable_answered_by();
    *by = server::ActorOf(caller);
    by->set_subject(member->member.name());
    invitation.set_state(v1::INVITATION_STATE_ANSWERED);
    *invitation.mutable_update_time() = now;
    if (!invitation.has_open_time()) *invitation.mutable_open_time() = now;
    // Their needs replace those on their network member, in the same transaction.
    v1::NetworkMember with_needs = member->member;
    *with_needs.mutable_needs() = req.rsvp().needs();
    *with_needs.mutable_update_time() = now;
    const int64_t member_version = member->version;
    auto answered =
        invitations_.Replace(tenant, stored.version, invitation, LinkChange::kKeep, std::nullopt,
                             *key, invitation.name(), [&](pqxx::work& tx, const crypto::DataKey&) {
                               return members_.WriteIn(tx, tenant, with_needs, member_version);
                             });
    if (!answered.ok()) return answered.status();
    stored = *std::move(answered);
  } else {
    auto again = invitations_.Get(tenant, stored.invitation.name());
    if (!again.ok()) return again.status();
    stored = *std::move(again);
  }
  auto standing = Standing(tenant, stored);
  if (!standing.ok()) return standing.status();
  *resp.mutable_invitation() = *std::move(standing);
  return absl::OkStatus();
}

}  // namespace fgc::invitations
