#include "common/auth/role.h"

#include <string>

#include "absl/status/status.h"

namespace fgc::auth {

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kCoordinator:
      return "coordinator";
    case Role::kReferrer:
      return "referrer";
    case Role::kAgencySystem:
      return "agency_system";
    case Role::kManager:
      return "manager";
    case Role::kAuditor:
      return "auditor";
    case Role::kFamily:
      return "family";
  }
  return "unknown";
}

absl::StatusOr<Role> ParseRole(std::string_view name) {
  for (const Role role : kAllRoles) {
    if (RoleName(role) == name) return role;
  }
  return absl::InvalidArgumentError("unknown role \"" + std::string(name) + "\"");
}

bool IsStaffRole(Role role) { return role != Role::kFamily; }

}  // namespace fgc::auth
