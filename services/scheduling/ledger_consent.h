// Asks the ledger whether a conference may leave REFERRAL: CheckConsent for each child, on the
// caller's behalf (their token, request id and deadline), so the ledger judges with the same
// person's rights. Fail closed: an unanswered question is no consent and the move waits.
#pragma once

#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/server/caller.h"
#include "common/server/peer_channels.h"
#include "fgc/v1/conference.pb.h"
#include "services/scheduling/lifecycle/allocation_rules.h"

namespace fgc::scheduling {

// One verdict per child of `conference`, as of `at`. UNAVAILABLE (LEDGER_UNAVAILABLE) when the
// ledger cannot be reached or answers with anything but a verdict; the caller changes nothing.
absl::StatusOr<std::vector<ConsentVerdict>> AskLedgerForConsent(server::PeerChannels& peers,
                                                                const server::Caller& caller,
                                                                const v1::Conference& conference,
                                                                absl::Time at);

}  // namespace fgc::scheduling
