// What scheduling asks the invitations service, on the caller's behalf: the conference's
// network, for SuggestSlots to weigh who can come, and one member with their invitation, for
// the calendar copy that member receives.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "common/server/caller.h"
#include "common/server/peer_channels.h"
#include "fgc/v1/invitation.pb.h"
#include "fgc/v1/network.pb.h"

namespace fgc::scheduling {

// Every member of the conference's network (all pages). UNAVAILABLE (SERVICE_UNAVAILABLE) when
// the invitations service cannot answer; its refusals (PERMISSION_DENIED...) pass through.
absl::StatusOr<std::vector<v1::NetworkMember>> NetworkOf(server::PeerChannels& peers,
                                                         const server::Caller& caller,
                                                         const std::string& conference);

// The member named `member` (from the whole network, which carries each member's live
// invitation) and that invitation (empty when they have none). NOT_FOUND when the conference
// has no such member; errors as NetworkOf otherwise.
absl::StatusOr<std::pair<v1::NetworkMember, v1::Invitation>> InviteeOf(
    server::PeerChannels& peers, const server::Caller& caller, const std::string& conference,
    const std::string& member);

}  // namespace fgc::scheduling
