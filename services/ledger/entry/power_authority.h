// Which uses of power each role may record. The role table lets a coordinator call
// RecordPowerUse only because RestrictParticipation (a safety decision the coordinator makes)
// writes its power record first on their behalf; a coordinator holds no statutory power, so
// every other kind of power stays with the referrer, the agency and the manager.
#pragma once

#include "absl/status/status.h"
#include "fgc/v1/common.pb.h"
#include "fgc/v1/ledger_entry.pb.h"

namespace fgc::ledger {

// OK when `role` may record `entry` (a POWER_USED or POWER_ENDED that passed ValidateNewEntry):
// a coordinator only POWER_KIND_RESTRICT_PARTICIPATION (its use and its end); other roles any
// power the role table lets them reach. PERMISSION_DENIED (RESOURCE_NOT_PERMITTED) otherwise.
absl::Status CheckPowerAuthority(v1::ActorRole role, const v1::LedgerEntry& entry);

}  // namespace fgc::ledger
