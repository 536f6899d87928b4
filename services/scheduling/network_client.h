// What scheduling asks the invitations service: the conference's network, on the caller's
// behalf, for SuggestSlots to weigh who can come.
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "common/server/caller.h"
#include "common/server/peer_channels.h"
#include "fgc/v1/network.pb.h"

namespace fgc::scheduling {

// Every member of the conference's network (all pages). UNAVAILABLE (SERVICE_UNAVAILABLE) when
// the invitations service cannot answer; its refusals (PERMISSION_DENIED...) pass through.
absl::StatusOr<std::vector<v1::NetworkMember>> NetworkOf(server::PeerChannels& peers,
                                                         const server::Caller& caller,
                                                         const std::string& conference);

}  // namespace fgc::scheduling
