#include "services/ledger/entry/power_authority.h"

#include "absl/strings/str_cat.h"
#include "common/base/errors.h"

namespace fgc::ledger {

absl::Status CheckPowerAuthority(v1::ActorRole role, const v1::LedgerEntry& entry) {
  if (role != v1::ACTOR_ROLE_COORDINATOR) return absl::OkStatus();
  if (entry.has_power() && entry.power().power() == v1::POWER_KIND_RESTRICT_PARTICIPATION) {
    return absl::OkStatus();
  }
  return PermissionDenied(
      "RESOURCE_NOT_PERMITTED",
      absl::StrCat("a coordinator holds no statutory power and may record only a restriction of "
                   "participation (POWER_KIND_RESTRICT_PARTICIPATION) or its end, not ",
                   v1::PowerKind_Name(entry.power().power()),
                   "; ask the referrer or a manager to record it"));
}

}  // namespace fgc::ledger
