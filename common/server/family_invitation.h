// What a family member's invitation token opens, for the services other than InvitationService:
// they never see the token's hash or rows, so they ask InvitationService.GetMyInvitation with the
// caller's own token and learn the one conference and the one member it stands for.
#pragma once

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "common/server/caller.h"
#include "common/server/peer_channels.h"
#include "fgc/v1/invitation_service.pb.h"

namespace fgc::server {

struct FamilyInvitation {
  v1::GetMyInvitationResponse opened;  // as InvitationService answered the holder
  std::string tenant;                  // {tenant}
  std::string conference;              // tenants/{tenant}/conferences/{conference}
  std::string member;                  // tenants/{tenant}/conferences/{conference}/members/{m}

  // The family caller as the token resolves: their tenant, and as subject their member name
  // (what common.proto's Actor says a family member acting by token is).
  Caller ResolvedCaller(const Caller& family) const;
};

// Reads the tenant, conference and member out of GetMyInvitation's answer. INTERNAL when the
// invitation and member names are not those of one conference (InvitationService broke its
// contract; a family member can do nothing about it).
absl::StatusOr<FamilyInvitation> FamilyInvitationOf(v1::GetMyInvitationResponse opened);

// Resolves a family caller's token by calling InvitationService.GetMyInvitation on their behalf
// (their token, request id and deadline travel with it). UNAUTHENTICATED
// (INVITATION_TOKEN_INVALID) for a token that opens nothing, as InvitationService says it, never
// a hint why; RESOURCE_EXHAUSTED (RATE_LIMITED) passes through; anything else (not served, not
// answering, failing) is UNAVAILABLE (SERVICE_UNAVAILABLE).
absl::StatusOr<FamilyInvitation> ResolveFamilyInvitation(PeerChannels& peers, const Caller& caller);

// The name a family request uses for `field`: empty means the token's own (`own`); any other
// name than `own` is PERMISSION_DENIED (RESOURCE_NOT_PERMITTED), the same answer whether or not
// that other thing exists, so a token learns nothing about the rest of the tenant.
absl::StatusOr<std::string> OwnNameOr(std::string_view requested, const std::string& own,
                                      std::string_view what);

// PERMISSION_DENIED (RESOURCE_NOT_PERMITTED): an invitation link opens only its own `what`.
absl::Status NotTheTokensOwn(std::string_view what);

}  // namespace fgc::server
