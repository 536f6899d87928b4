// What every append to the ledger shares, whoever asks for it (staff by JWT, a family member by
// their invitation token): the required request id and the actor taken from the credentials.
#pragma once

#include <string>

#include "absl/status/status.h"
#include "common/server/caller.h"
#include "fgc/v1/ledger_entry.pb.h"

namespace fgc::ledger {

// INVALID_ARGUMENT (INVALID_FIELD) unless 1-128 characters: every append needs one, so that a
// retry never writes twice.
absl::Status RequireRequestId(const std::string& request_id);

// The actor is who the credentials say, never what the request claims: subject, role and
// agency are set from `caller` (for a resolved family caller, their member name).
void SetActor(const server::Caller& caller, v1::LedgerEntry* entry);

}  // namespace fgc::ledger
