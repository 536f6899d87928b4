// What the invitations service asks the scheduling service: whether a conference exists and the
// caller may see it (and its time zone and children), on the caller's behalf.
#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "common/server/caller.h"
#include "common/server/peer_calls.h"
#include "common/server/peer_channels.h"
#include "fgc/v1/conference.pb.h"
#include "fgc/v1/venue.pb.h"

namespace fgc::invitations {

// The conference as the caller may read it (common/server/peer_calls.h).
using server::ConferenceForCaller;

// The venue as the caller may read it: NOT_FOUND / PERMISSION_DENIED as scheduling says;
// UNAVAILABLE (SERVICE_UNAVAILABLE) when scheduling cannot be reached.
absl::StatusOr<v1::Venue> VenueForCaller(server::PeerChannels& peers, const server::Caller& caller,
                                         const std::string& name);

}  // namespace fgc::invitations
