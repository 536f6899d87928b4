// Tells a conference's family network that its meeting was booked, moved, cancelled or that a
// review was set: InvitationService.SendNotification on the caller's behalf, which queues a
// message to every invitee in their language.
#pragma once

#include "absl/status/status.h"
#include "common/server/caller.h"
#include "common/server/peer_channels.h"
#include "fgc/v1/conference.pb.h"
#include "fgc/v1/invitation.pb.h"

namespace fgc::scheduling {

// The notice's request_id is derived from the booking (its calendar UID and SEQUENCE) and the
// kind, so telling twice about one change queues one message each. UNAVAILABLE
// (SERVICE_UNAVAILABLE) when the invitations service cannot take it: the change itself is
// recorded, and a retry of the caller's request (same request_id) replays the change and tells
// again.
absl::Status TellNetwork(server::PeerChannels& peers, const server::Caller& caller,
                         const v1::Conference& conference, v1::NotificationKind kind,
                         const std::string& related_resource = "");

// Has InvitationService copy the conference afresh for the family's pages and its reminders
// (its ListInvitations refreshes that copy on the caller's behalf), after a change that sends
// no notice, such as a new availability deadline. Best effort: when invitations is away the
// copy is refreshed by the next staff call there, so a failure is logged, not returned.
void RefreshFamilyView(server::PeerChannels& peers, const server::Caller& caller,
                       const std::string& conference);

}  // namespace fgc::scheduling
