// Who is calling: established by RequestGuard from the call's credentials before any handler
// logic runs, and passed to the domain code so it can check the object itself.
#pragma once

#include <string>

#include "absl/time/time.h"

namespace fgc::server {

struct Caller {
  enum class Kind { kStaff, kFamily };
  Kind kind = Kind::kStaff;
  std::string tenant;   // staff: the token's tenant, equal to the request's
  std::string role;     // coordinator, referrer, agency_system, manager, auditor, or family
  std::string subject;  // staff: JWT sub; family: empty until the token is resolved
  std::string agency;   // staff: the agency claim, if any
  // Family callers only: the invitation token exactly as presented. It is resolved (hashed,
  // looked up, checked for expiry and revocation) by InvitationService, never logged.
  std::string invitation_token;
  // Staff only: the bearer token exactly as presented, so that a call this service makes to
  // another fgc service on the caller's behalf is checked against the same person's rights.
  // Never logged.
  std::string bearer_token;
  // The call's deadline (absl::InfiniteFuture() when it has none), passed on to such calls.
  absl::Time deadline = absl::InfiniteFuture();
};

}  // namespace fgc::server
