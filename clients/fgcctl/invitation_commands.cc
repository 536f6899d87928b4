#include "clients/fgcctl/invitation_commands.h"

#include "absl/strings/str_cat.h"
#include "clients/fgcctl/call_runner.h"
#include "clients/fgcctl/conference_text.h"
#include "clients/fgcctl/enum_words.h"
#include "clients/fgcctl/journey_arguments.h"
#include "clients/fgcctl/network_text.h"
#include "fgc/v1/invitation_service.grpc.pb.h"

namespace fgc::ctl {
namespace {

using Invitations = v1::InvitationService::Stub;

absl::StatusOr<std::string> InvitationName(const InvitationArgument& a) {
  return InConferenceArgument(a.tenant, a.conference, "invitations", a.invitation);
}

absl::Status SetChannelAndExpiry(const std::string& channel, const std::string& expires,
                                 v1::DeliveryChannel* channel_field,
                                 google::protobuf::Timestamp* expire_time) {
  if (!channel.empty()) {
    auto parsed = ParseEnumWord<v1::DeliveryChannel>(channel);
    if (!parsed.ok()) {
      return absl::InvalidArgumentError(absl::StrCat("--channel: ", parsed.status().message()));
    }
    *channel_field = *parsed;
  }
  if (!expires.empty()) {
    auto time = ParseTime(expires, absl::Now());
    if (!time.ok()) {
      return absl::InvalidArgumentError(absl::StrCat("--expires: ", time.status().message()));
    }
    *expire_time = *time;
  }
  return absl::OkStatus();
}

// The invitation, then the by-hand link (if any) as the secret it is.
template <typename Response>
std::string InvitationWithLink(const char* what, const Response& r) {
  return absl::StrCat(what, " ", DescribeInvitation(r.invitation()),
                      ByHandLinkText(r.invitation_url()));
}

}  // namespace

int RunSendInvitation(const Connection& connection, const SendInvitationOptions& options,
                      bool json) {
  const MemberArgument& m = options.member;
  auto member = InConferenceArgument(m.tenant, m.conference, "members", m.member);
  if (!member.ok()) return ReportUnusableInput(member.status(), json);
  v1::SendInvitationRequest request;
  request.set_parent(ConferenceOf(*member));
  v1::Invitation* invitation = request.mutable_invitation();
  invitation->set_member(*member);
  invitation->set_language_code(options.language);
  invitation->set_message(options.message);
  v1::DeliveryChannel channel = v1::DELIVERY_CHANNEL_UNSPECIFIED;
  absl::Status s = SetChannelAndExpiry(options.channel, options.expires, &channel,
                                       invitation->mutable_expire_time());
  if (!s.ok()) return ReportUnusableInput(s, json);
  invitation->set_channel(channel);
  if (options.expires.empty()) invitation->clear_expire_time();
  return RunWrite(
      connection, &Invitations::SendInvitation, request, options.request_id, json,
      [](const v1::SendInvitationResponse& r) { return InvitationWithLink("sent", r); });
}

int RunGetInvitation(const Connection& connection, const InvitationArgument& options, bool json) {
  auto name = InvitationName(options);
  if (!name.ok()) return ReportUnusableInput(name.status(), json);
  v1::GetInvitationRequest request;
  request.set_name(*name);
  return RunRead(
      connection, &Invitations::GetInvitation, request, json,
      [](const v1::GetInvitationResponse& r) { return DescribeInvitation(r.invitation()); });
}

int RunListInvitations(const Connection& connection, const ListInvitationsOptions& options,
                       bool json) {
  auto conference = ConferenceNameArgument(options.tenant, options.conference);
  if (!conference.ok()) return ReportUnusableInput(conference.status(), json);
  v1::ListInvitationsRequest request;
  request.set_parent(*conference);
  request.set_filter(options.page.filter);
  return RunList(connection, &Invitations::ListInvitations, request, options.page, json,
                 &v1::ListInvitationsResponse::mutable_invitations, InvitationSummaryHeading(),
                 InvitationSummaryLine, {"invitation", "invitations"});
}

int RunResendInvitation(const Connection& connection, const ResendInvitationOptions& options,
                        bool json) {
  auto name = InvitationName(options.invitation);
  if (!name.ok()) return ReportUnusableInput(name.status(), json);
  v1::ResendInvitationRequest request;
  request.set_name(*name);
  v1::DeliveryChannel channel = v1::DELIVERY_CHANNEL_UNSPECIFIED;
  absl::Status s = SetChannelAndExpiry(options.channel, options.expires, &channel,
                                       request.mutable_expire_time());
  if (!s.ok()) return ReportUnusableInput(s, json);
  request.set_channel(channel);
  if (options.expires.empty()) request.clear_expire_time();
  request.set_etag(options.etag);
  return RunWrite(connection, &Invitations::ResendInvitation, request, options.request_id, json,
                  [](const v1::ResendInvitationResponse& r) {
                    return InvitationWithLink("resent (the old link no longer works)", r);
                  });
}

int RunRevokeInvitation(const Connection& connection, const RevokeInvitationOptions& options,
                        bool json) {
  auto name = InvitationName(options.invitation);
  if (!name.ok()) return ReportUnusableInput(name.status(), json);
  v1::RevokeInvitationRequest request;
  request.set_name(*name);
  request.set_reason(options.reason);
  return RunWrite(connection, &Invitations::RevokeInvitation, request, options.request_id, json,
                  [](const v1::RevokeInvitationResponse& r) {
                    return "revoked " + DescribeInvitation(r.invitation());
                  });
}

int RunRestrict(const Connection& connection, const RestrictOptions& options, bool json) {
  const MemberArgument& m = options.member;
  auto member = InConferenceArgument(m.tenant, m.conference, "members", m.member);
  if (!member.ok()) return ReportUnusableInput(member.status(), json);
  auto restriction = RestrictionFromFlags(options.restriction, absl::Now());
  if (!restriction.ok()) return ReportUnusableInput(restriction.status(), json);
  v1::RestrictParticipationRequest request;
  request.set_name(*member);
  *request.mutable_restriction() = *std::move(restriction);
  request.set_etag(options.etag);
  // A retry must say the same time the person was told as the first try did.
  const std::string retry_flags =
      ToldRetryFlag(options.restriction.power, request.restriction().family_told());
  return RunWrite(
      connection, &Invitations::RestrictParticipation, request, options.request_id, json,
      [](const v1::RestrictParticipationResponse& r) {
        return "restricted " + DescribeMember(r.member());
      },
      retry_flags);
}

}  // namespace fgc::ctl
