// What a verified staff JWT says about its bearer (DESIGN §6), and the shape rules its claims
// must meet. Produced by JwtVerifier, consumed by authorisation; JwtSigner mints from it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/time/time.h"
#include "common/auth/role.h"

namespace fgc::auth {

struct Claims {
  std::string sub;     // the person or system acting; required
  std::string tenant;  // the tenant the credential is for; required, see IsValidTenantId
  Role role = Role::kCoordinator;  // required; a staff role (never kFamily)
  std::string agency;              // the caller's agency; required for referrer and agency_system
  absl::Time exp;                  // required
  std::optional<absl::Time> nbf;
  std::optional<absl::Time> iat;
  std::vector<std::string> aud;  // required; must contain the verifier's audience
  std::string jti;               // optional token id, empty when absent
  std::string kid;  // the key that signed the token (verifier output; ignored by the signer)
};

// Tenant ids are [a-z0-9][a-z0-9-]{0,62}: safe in resource names, SQL literals and paths.
bool IsValidTenantId(std::string_view tenant);

// True for roles whose tokens must name an agency: referrer and agency_system act for one,
// and what they may see is scoped to it ("an agency sees the conferences it referred").
bool RoleRequiresAgency(Role role);

}  // namespace fgc::auth
