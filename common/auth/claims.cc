#include "common/auth/claims.h"

namespace fgc::auth {

bool IsValidTenantId(std::string_view tenant) {
  if (tenant.empty() || tenant.size() > 63) return false;
  const auto lower_or_digit = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  };
  if (!lower_or_digit(tenant.front())) return false;
  for (const char c : tenant) {
    if (!lower_or_digit(c) && c != '-') return false;
  }
  return true;
}

bool RoleRequiresAgency(Role role) {
  return role == Role::kReferrer || role == Role::kAgencySystem;
}

}  // namespace fgc::auth
