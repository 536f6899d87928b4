// The calls one fgc service makes to another on its caller's behalf (their credentials, request
// id and deadline travel with them), answered in the calling service's words: what scheduling
// says of a conference, and the ledger's power record that must be written before a use of power
// takes effect (fail closed).
#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "common/server/caller.h"
#include "common/server/peer_channels.h"
#include "fgc/v1/conference.pb.h"
#include "fgc/v1/ledger_entry.pb.h"

namespace fgc::server {

// The conference as the caller may read it (SchedulingService.GetConference). NOT_FOUND /
// PERMISSION_DENIED as scheduling says; INVALID_ARGUMENT on `field` for a malformed name;
// UNAVAILABLE (SERVICE_UNAVAILABLE) when scheduling cannot be reached.
absl::StatusOr<v1::Conference> ConferenceForCaller(PeerChannels& peers, const Caller& caller,
                                                   const std::string& name,
                                                   std::string_view field = "parent");

// Writes `entry` as a power record in the caller's tenant's ledger (LedgerService.RecordPowerUse)
// under `request_id`. The ledger's verdict on the record passes through as INVALID_ARGUMENT,
// FAILED_PRECONDITION or PERMISSION_DENIED; anything else (unreachable, failing) is UNAVAILABLE
// (LEDGER_UNAVAILABLE), and then the caller must change nothing.
absl::StatusOr<v1::LedgerEntry> RecordPowerOnBehalf(PeerChannels& peers, const Caller& caller,
                                                    const v1::LedgerEntry& entry,
                                                    const std::string& request_id);

// UNAVAILABLE (SERVICE_UNAVAILABLE): `service` did not answer; nothing changed.
absl::Status PeerUnavailable(std::string_view service);

}  // namespace fgc::server
