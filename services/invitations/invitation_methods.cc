// InvitationService: the staff's invitation methods (Send, Get, Resend, Revoke, List).
#include <algorithm>
#include <map>
#include <optional>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/base/errors.h"
#include "common/base/field_violations.h"
#include "common/base/proto_time.h"
#include "common/crypto/encoding.h"
#include "common/crypto/random.h"
#include "common/listing/filter_comparisons.h"
#include "common/listing/page_token.h"
#include "common/server/actor.h"
#include "common/server/request_hash.h"
#include "google/protobuf/util/time_util.h"
#include "services/invitations/invitation_service.h"
#include "services/invitations/reminder_link.h"
#include "services/invitations/scheduling_client.h"

namespace fgc::invitations {
namespace {

using google::protobuf::util::TimeUtil;
using server::Caller;

constexpr int kDefaultPageSize = 50;
constexpr int kMaxPageSize = 500;
// A conference's invitations are listed from memory (their state is derived at read time); a
// network is far smaller than this.
constexpr int kMaxInvitationsPerConference = 5000;

std::optional<absl::Time> Requested(bool has, const google::protobuf::Timestamp& t) {
  if (!has) return std::nullopt;
  return ToAbslTime(t);
}

absl::Status CheckOpen(const v1::Conference& conference) {
  if (conference.stage() != v1::STAGE_CLOSED) return absl::OkStatus();
  return FailedPrecondition("CONFERENCE_CLOSED", "the conference is closed",
                            {{"fgc.v1.Conference", conference.name(), "closed"}});
}

absl::Status CheckEtag(const std::string& etag, const v1::Invitation& current) {
  if (!etag.empty() && etag != current.etag()) {
    return WithDetails(absl::AbortedError("the invitation changed since you read it"),
                       {.reason = "ETAG_MISMATCH"});
  }
  return absl::OkStatus();
}

// What a replay of a link-issuing request returns: the name and the resend count the link was
// derived for (a later resend must not change what this request's retry returns).
std::string ReplayRecord(const std::string& name, int resend_count) {
  return absl::StrCat(name, "#", resend_count);
}
std::pair<std::string, int> ParseReplayRecord(const std::string& record) {
  const size_t hash = record.rfind('#');
  int count = 0;
  if (hash == std::string::npos || !absl::SimpleAtoi(record.substr(hash + 1), &count)) {
    return {record, 0};
  }
  return {record.substr(0, hash), count};
}

// ListInvitations' filter: `state`, `member` and `rsvp.answer`, each with `=` or `!=`.
absl::StatusOr<std::function<bool(const v1::Invitation&)>> FilterOf(const std::string& text) {
  auto comparisons = listing::ParseComparisons(text);
  if (!comparisons.ok()) return comparisons.status();
  std::vector<std::function<bool(const v1::Invitation&)>> tests;
  for (const listing::Comparison& c : *comparisons) {
    if (c.op != "=" && c.op != "!=") return listing::FilterError("use = or != here");
    const bool equal = c.op == "=";
    if (c.field == "state") {
      v1::InvitationState state;
      if (!v1::InvitationState_Parse(c.value, &state)) {
        return listing::FilterError("state takes an INVITATION_STATE_ value");
      }
      tests.push_back([=](const v1::Invitation& i) { return (i.state() == state) == equal; });
    } else if (c.field == "member") {
      tests.push_back([=](const v1::Invitation& i) { return (i.member() == c.value) == equal; });
    } else if (c.field == "rsvp.answer") {
      v1::RsvpAnswer answer;
      if (!v1::RsvpAnswer_Parse(c.value, &answer)) {
        return listing::FilterError("rsvp.answer takes an RSVP_ANSWER_ value");
      }
      tests.push_back(
          [=](const v1::Invitation& i) { return (i.rsvp().answer() == answer) == equal; });
    } else {
      return listing::FilterError("filter on state, member or rsvp.answer");
    }
  }
  return [tests](const v1::Invitation& i) {
    return std::all_of(tests.begin(), tests.end(), [&](const auto& t) { return t(i); });
  };
}

}  // namespace

absl::StatusOr<DerivedLink> InvitationService::NewLink(const std::string& tenant,
                                                       const std::string& conference,
                                                       const std::string& invitation,
                                                       int resend_count, const db::RequestKey& key,
                                                       absl::Time now, absl::Time expire_time) {
  // Every link is derived (reminder_link.h), from the request_id or a fresh nonce, and its seed
  // is kept sealed with the invitation: a reminder can carry this same link later.
  auto seed = NewLinkSeed(key.request_id);
  if (!seed.ok()) return seed.status();
  auto secret = invitations_.LinkSecret(tenant, conference);
  if (!secret.ok()) return secret.status();
  return DeriveLink(*secret, invitation, resend_count, *seed, now, expire_time);
}

absl::StatusOr<VersionedInvitation> InvitationService::LoadInvitation(
    const Caller& caller, const std::string& name, const char* field,
    v1::Conference* conference_out) {
  const auto parsed = ParseInvitationName(name, caller.tenant);
  if (!parsed) {
    return FieldError(field,
                      "must be tenants/{tenant}/conferences/{conference}/invitations/{invitation}");
  }
  auto conference = ConferenceForCaller(*peers_, caller, parsed->conference);
  if (!conference.ok()) return conference.status();
  if (conference_out != nullptr) *conference_out = *conference;
  return invitations_.Get(caller.tenant, name);
}

absl::Status InvitationService::SendInvitation(const Caller& caller,
                                               const v1::SendInvitationRequest& req,
                                               v1::SendInvitationResponse& resp) {
  auto key = server::RequestKeyOf(req.request_id(), "SendInvitation", req);
  if (!key.ok()) return key.status();
  const v1::Invitation& asked = req.invitation();
  FieldViolations v;
  const auto member_name = ParseMemberName(asked.member(), caller.tenant);
  if (!member_name || member_name->conference != req.parent()) {
    v.Add("invitation.member", "must be a member of the conference in parent");
  }
  v.LanguageTag("invitation.language_code", asked.language_code());
  v.Text("invitation.message", asked.message(), 2000, false, TextShape::kMultiLine);
  if (!v1::DeliveryChannel_IsValid(asked.channel())) v.Add("invitation.channel", "unknown");
  if (absl::Status s = v.ToStatus("the invitation has invalid fields"); !s.ok()) return s;
  const absl::Time now = absl::Now();
  auto expire = TokenExpiry(Requested(asked.has_expire_time(), asked.expire_time()), now,
                            "invitation.expire_time");
  if (!expire.ok()) return expire.status();

  auto conference = ConferenceForCaller(*peers_, caller, req.parent());
  if (!conference.ok()) return conference.status();
  auto replayed = invitations_.Replayed(caller.tenant, *key);
  if (!replayed.ok()) return replayed.status();
  if (replayed->has_value()) {
    const auto [name, count] = ParseReplayRecord(**replayed);
    auto stored = invitations_.Get(caller.tenant, name);
    if (!stored.ok()) return stored.status();
    auto standing = Standing(caller.tenant, *stored);
    if (!standing.ok()) return standing.status();
    *resp.mutable_invitation() = *standing;
    if (stored->invitation.channel() == v1::DELIVERY_CHANNEL_BY_HAND) {
      auto link = NewLink(caller.tenant, req.parent(), name, count, *key, now, *expire);
      if (!link.ok()) return link.status();
      resp.set_invitation_url(links_.UrlFor(link->token));
    }
    return absl::OkStatus();
  }
  if (absl::Status s = CheckOpen(*conference); !s.ok()) return s;
  auto member = members_.Get(caller.tenant, asked.member());
  if (!member.ok()) return member.status();
  if (absl::Status s = CheckMayBeInvited(member->member); !s.ok()) return s;
  auto route = RouteTo(member->member, asked.channel());
  if (!route.ok()) return route.status();
  if (absl::Status s = RefreshFamilyView(caller, *conference); !s.ok()) return s;

  auto id = crypto::RandomBytes(6);
  if (!id.ok()) return id.status();
  v1::Invitation invitation;
  invitation.set_name(absl::StrCat(req.parent(), "/invitations/inv-", crypto::HexEncode(*id)));
  invitation.set_member(asked.member());
  invitation.set_state(v1::INVITATION_STATE_PENDING);
  invitation.set_channel(route->channel);
  invitation.set_language_code(asked.language_code().empty() ? member->member.language_code()
                                                             : asked.language_code());
  invitation.set_message(asked.message());
  *invitation.mutable_expire_time() = ToTimestamp(*expire);
  *invitation.mutable_create_time() = ToTimestamp(now);
  *invitation.mutable_update_time() = ToTimestamp(now);
  auto link = NewLink(caller.tenant, req.parent(), invitation.name(), 0, *key, now, *expire);
  if (!link.ok()) return link.status();
  auto stored = invitations_.Create(
      caller.tenant, invitation, link->link, *key, ReplayRecord(invitation.name(), 0),
      QueueInvitationMessage(caller.tenant, *conference, member->member, invitation, *route,
                             link->token));
  if (!stored.ok()) return stored.status();
  worker_->Wake();
  auto standing = Standing(caller.tenant, *stored);
  if (!standing.ok()) return standing.status();
  *resp.mutable_invitation() = *standing;
  if (route->channel == v1::DELIVERY_CHANNEL_BY_HAND) {
    resp.set_invitation_url(links_.UrlFor(link->token));
  }
  return absl::OkStatus();
}

absl::Status InvitationService::GetInvitation(const Caller& caller,
                                              const v1::GetInvitationRequest& req,
                                              v1::GetInvitationResponse& resp) {
  auto stored = LoadInvitation(caller, req.name(), "name");
  if (!stored.ok()) return stored.status();
  auto standing = Standing(caller.tenant, *stored);
  if (!standing.ok()) return standing.status();
  *resp.mutable_invitation() = *standing;
  return absl::OkStatus();
}

absl::Status InvitationService::ResendInvitation(const Caller& caller,
                                                 const v1::ResendInvitationRequest& req,
                                                 v1::ResendInvitationResponse& resp) {
  auto key = server::RequestKeyOf(req.request_id(), "ResendInvitation", req);
  if (!key.ok()) return key.status();
  if (!v1::DeliveryChannel_IsValid(req.channel())) return FieldError("channel", "unknown");
  const absl::Time now = absl::Now();
  auto expire =
      TokenExpiry(Requested(req.has_expire_time(), req.expire_time()), now, "expire_time");
  if (!expire.ok()) return expire.status();
  v1::Conference conference;
  auto stored = LoadInvitation(caller, req.name(), "name", &conference);
  if (!stored.ok()) return stored.status();
  const std::string& conference_name = conference.name();
  auto replayed = invitations_.Replayed(caller.tenant, *key);
  if (!replayed.ok()) return replayed.status();
  int resend_count = stored->invitation.resend_count() + 1;
  std::string token;  // the new link's, when this call made it
  if (replayed->has_value()) {
    resend_count = ParseReplayRecord(**replayed).second;
  } else {
    if (absl::Status s = CheckOpen(conference); !s.ok()) return s;
    if (absl::Status s = CheckEtag(req.etag(), stored->invitation); !s.ok()) return s;
    if (absl::Status s = RefreshFamilyView(caller, conference); !s.ok()) return s;
    if (stored->invitation.state() == v1::INVITATION_STATE_REVOKED) {
      return FailedPrecondition("INVITATION_REVOKED", "a revoked invitation cannot be resent",
                                {{"fgc.v1.Invitation", req.name(), "revoked"}});
    }
    auto member = members_.Get(caller.tenant, stored->invitation.member());
    if (!member.ok()) return member.status();
    if (absl::Status s = CheckMayBeInvited(member->member); !s.ok()) return s;
    const v1::DeliveryChannel channel = req.channel() == v1::DELIVERY_CHANNEL_UNSPECIFIED
                                            ? stored->invitation.channel()
                                            : req.channel();
    auto route = RouteTo(member->member, channel);
    if (!route.ok()) return route.status();
    v1::Invitation invitation = stored->invitation;
    invitation.set_state(v1::INVITATION_STATE_PENDING);
    invitation.set_channel(route->channel);
    invitation.set_resend_count(resend_count);
    invitation.clear_open_time();
    *invitation.mutable_expire_time() = ToTimestamp(*expire);
    *invitation.mutable_update_time() = ToTimestamp(now);
    auto link =
        NewLink(caller.tenant, conference_name, req.name(), resend_count, *key, now, *expire);
    if (!link.ok()) return link.status();
    auto replaced =
        invitations_.Replace(caller.tenant, stored->version, invitation, LinkChange::kReplace,
                             link->link, *key, ReplayRecord(req.name(), resend_count),
                             QueueInvitationMessage(caller.tenant, conference, member->member,
                                                    invitation, *route, link->token));
    if (!replaced.ok()) return replaced.status();
    worker_->Wake();
    stored = *std::move(replaced);
    token = link->token;
  }
  auto standing = Standing(caller.tenant, *stored);
  if (!standing.ok()) return standing.status();
  *resp.mutable_invitation() = *standing;
  if (stored->invitation.channel() == v1::DELIVERY_CHANNEL_BY_HAND) {
    if (token.empty()) {  // a replay: the link is derived again from the request_id
      auto link = NewLink(caller.tenant, conference_name, req.name(), resend_count, *key, now,
                          ToAbslTime(stored->invitation.expire_time()));
      if (!link.ok()) return link.status();
      token = link->token;
    }
    resp.set_invitation_url(links_.UrlFor(token));
  }
  return absl::OkStatus();
}

absl::Status InvitationService::RevokeInvitation(const Caller& caller,
                                                 const v1::RevokeInvitationRequest& req,
                                                 v1::RevokeInvitationResponse& resp) {
  auto key = server::RequestKeyOf(req.request_id(), "RevokeInvitation", req);
  if (!key.ok()) return key.status();
  FieldViolations v;
  v.Text("reason", req.reason(), 2000, false, TextShape::kMultiLine);
  if (absl::Status s = v.ToStatus("the request has invalid fields"); !s.ok()) return s;
  auto stored = LoadInvitation(caller, req.name(), "name");
  if (!stored.ok()) return stored.status();
  if (stored->invitation.state() != v1::INVITATION_STATE_REVOKED) {
    v1::Invitation invitation = stored->invitation;
    const auto now = TimeUtil::GetCurrentTime();
    invitation.set_state(v1::INVITATION_STATE_REVOKED);
    *invitation.mutable_revoke_time() = now;
    invitation.set_revoke_reason(req.reason());
    *invitation.mutable_update_time() = now;
    auto revoked = invitations_.Replace(caller.tenant, stored->version, invitation,
                                        LinkChange::kRevoke, std::nullopt, *key, req.name(),
                                        SupersedeQueuedMessages(caller.tenant, req.name()));
    if (!revoked.ok()) return revoked.status();
    stored = *std::move(revoked);
  }
  auto standing = Standing(caller.tenant, *stored);
  if (!standing.ok()) return standing.status();
  *resp.mutable_invitation() = *standing;
  return absl::OkStatus();
}

absl::Status InvitationService::ListInvitations(const Caller& caller,
                                                const v1::ListInvitationsRequest& req,
                                                v1::ListInvitationsResponse& resp) {
  auto filter = FilterOf(req.filter());
  if (!filter.ok()) return filter.status();
  const std::string binding = absl::StrCat(req.parent(), "|", req.filter());
  auto page = listing::ParseOffsetPage(req.page_size(), req.page_token(), binding, kDefaultPageSize,
                                       kMaxPageSize);
  if (!page.ok()) return page.status();
  auto conference = ConferenceForCaller(*peers_, caller, req.parent());
  if (!conference.ok()) return conference.status();
  if (absl::Status s = RefreshFamilyView(caller, *conference); !s.ok()) return s;
  // Filtered on the state derived when read, so the list is read whole and paged from memory.
  auto standings = StandingsOf(caller.tenant, req.parent());
  if (!standings.ok()) return standings.status();
  std::vector<v1::Invitation> matched;
  for (v1::Invitation& invitation : *standings) {
    if ((*filter)(invitation)) matched.push_back(std::move(invitation));
  }
  for (size_t i = page->offset; i < matched.size() && i < page->offset + page->size; ++i) {
    *resp.add_invitations() = std::move(matched[i]);
  }
  resp.set_next_page_token(listing::NextOffsetPageToken(*page, matched.size(), binding));
  return absl::OkStatus();
}

absl::StatusOr<std::vector<v1::Invitation>> InvitationService::StandingsOf(
    const std::string& tenant, const std::string& conference) {
  auto stored = invitations_.List(tenant, conference, "", kMaxInvitationsPerConference);
  if (!stored.ok()) return stored.status();
  // One read of the outbox for the whole conference, not one per invitation.
  auto deliveries = pool_->WithTenantResult<std::map<std::string, outbox::InvitationDelivery>>(
      tenant,
      [&](pqxx::work& tx) { return outbox::LatestInvitationDeliveries(tx, tenant, conference); });
  if (!deliveries.ok()) return deliveries.status();
  const absl::Time now = absl::Now();
  std::vector<v1::Invitation> out;
  out.reserve(stored->size());
  for (const VersionedInvitation& one : *stored) {
    std::optional<DeliveryReport> delivery;
    if (auto it = deliveries->find(one.invitation.name()); it != deliveries->end()) {
      delivery = ReportOf(it->second);
    }
    out.push_back(WithStanding(one.invitation, delivery, now));
  }
  return out;
}

absl::StatusOr<std::map<std::string, v1::Invitation>> InvitationService::LiveInvitations(
    const std::string& tenant, const std::string& conference) {
  auto stored = invitations_.List(tenant, conference, "", kMaxInvitationsPerConference);
  if (!stored.ok()) return stored.status();
  std::map<std::string, v1::Invitation> live;
  for (VersionedInvitation& i : *stored) {
    if (i.invitation.state() != v1::INVITATION_STATE_REVOKED) {
      live[i.invitation.member()] = std::move(i.invitation);
    }
  }
  return live;
}

}  // namespace fgc::invitations
