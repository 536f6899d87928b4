#include "common/server/family_invitation.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/base/errors.h"
#include "common/base/log.h"
#include "fgc/v1/invitation_service.grpc.pb.h"

namespace fgc::server {
namespace {

// The parts of `tenants/{t}/conferences/{c}/{collection}/{id}` when `name` has that shape.
struct ConferencePart {
  std::string tenant, conference_id, id;
};

std::optional<ConferencePart> ParseConferencePart(std::string_view name,
                                                  std::string_view collection) {
  const std::vector<std::string> parts = absl::StrSplit(std::string(name), '/');
  if (parts.size() != 6 || parts[0] != "tenants" || parts[2] != "conferences" ||
      parts[4] != collection) {
    return std::nullopt;
  }
  for (const std::string& part : {parts[1], parts[3], parts[5]}) {
    if (part.empty()) return std::nullopt;
  }
  return ConferencePart{parts[1], parts[3], parts[5]};
}

absl::Status Unavailable() {
  return WithDetails(
      absl::UnavailableError("your invitation link cannot be checked just now; try again soon"),
      {.reason = "SERVICE_UNAVAILABLE"});
}

}  // namespace

Caller FamilyInvitation::ResolvedCaller(const Caller& family) const {
  Caller resolved = family;
  resolved.tenant = tenant;
  resolved.subject = member;
  return resolved;
}

absl::StatusOr<FamilyInvitation> FamilyInvitationOf(v1::GetMyInvitationResponse opened) {
  const std::string member_name =
      opened.member().name().empty() ? opened.invitation().member() : opened.member().name();
  auto invitation = ParseConferencePart(opened.invitation().name(), "invitations");
  auto member = ParseConferencePart(member_name, "members");
  if (!invitation || !member || invitation->tenant != member->tenant ||
      invitation->conference_id != member->conference_id) {
    return absl::InternalError(
        "InvitationService named no invitation and member of one conference");
  }
  FamilyInvitation resolved;
  resolved.tenant = member->tenant;
  resolved.conference =
      absl::StrCat("tenants/", member->tenant, "/conferences/", member->conference_id);
  resolved.member = member_name;
  resolved.opened = std::move(opened);
  return resolved;
}

absl::StatusOr<FamilyInvitation> ResolveFamilyInvitation(PeerChannels& peers,
                                                         const Caller& caller) {
  if (caller.kind != Caller::Kind::kFamily || caller.invitation_token.empty()) {
    return absl::InternalError("only a family caller's invitation token resolves");
  }
  auto channel = peers.Channel("fgc.v1.InvitationService");
  if (!channel.ok()) return Unavailable();
  auto stub = v1::InvitationService::NewStub(*channel);
  v1::GetMyInvitationResponse opened;
  auto context = OnBehalfOf(caller);
  const grpc::Status status = stub->GetMyInvitation(context.get(), {}, &opened);
  switch (status.error_code()) {
    case grpc::StatusCode::OK:
      return FamilyInvitationOf(std::move(opened));
    case grpc::StatusCode::UNAUTHENTICATED:
      return Unauthenticated("INVITATION_TOKEN_INVALID", status.error_message());
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
      return WithDetails(absl::ResourceExhaustedError(status.error_message()),
                         {.reason = "RATE_LIMITED"});
    default:
      log::Warn("an invitation token could not be resolved",
                {{"code", absl::StrCat(static_cast<int>(status.error_code()))}});
      return Unavailable();
  }
}

absl::Status NotTheTokensOwn(std::string_view what) {
  return PermissionDenied(
      "RESOURCE_NOT_PERMITTED",
      absl::StrCat("your invitation link opens only your own ", std::string(what)));
}

absl::StatusOr<std::string> OwnNameOr(std::string_view requested, const std::string& own,
                                      std::string_view what) {
  if (requested.empty() || requested == own) return own;
  return NotTheTokensOwn(what);
}

}  // namespace fgc::server
