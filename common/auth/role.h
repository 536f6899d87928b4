// Who a caller is to fgc: the staff roles a JWT carries (DESIGN §6) and `family`, the holder
// of an invitation token. Authorisation is decided per method by the RoleTable.
#pragma once

#include <array>
#include <string_view>

#include "absl/status/statusor.h"

namespace fgc::auth {

enum class Role {
  kCoordinator,   // the independent FGC coordinator who runs a conference
  kReferrer,      // a person at the referring agency (a social worker)
  kAgencySystem,  // a partner agency's system integrating through the API
  kManager,       // FGC service manager: what a coordinator does, plus authorising power
  kAuditor,       // reads the record, changes nothing
  kFamily,        // a family member holding an invitation token, never a JWT
};

inline constexpr std::array<Role, 6> kAllRoles = {Role::kCoordinator,  Role::kReferrer,
                                                  Role::kAgencySystem, Role::kManager,
                                                  Role::kAuditor,      Role::kFamily};

// "coordinator", "referrer", "agency_system", "manager", "auditor", "family".
std::string_view RoleName(Role role);
// The inverse of RoleName; INVALID_ARGUMENT for anything else (exact, lowercase).
absl::StatusOr<Role> ParseRole(std::string_view name);
// True for the roles a staff JWT may carry: every role but kFamily.
bool IsStaffRole(Role role);

}  // namespace fgc::auth
