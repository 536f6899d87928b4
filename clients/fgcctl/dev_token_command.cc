#include "clients/fgcctl/dev_token_command.h"

#include <cstdlib>
#include <iostream>

#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "common/auth/dev_keys.h"
#include "common/auth/jwt_signer.h"
#include "nlohmann/json.hpp"

namespace fgc::ctl {

int RunDevToken(const DevTokenOptions& options, bool json) {
  std::string state_dir = options.state_dir;
  if (state_dir.empty()) {
    const char* env = std::getenv("FGC_STATE_DIR");
    state_dir = (env != nullptr && *env != '\0') ? env : "./.fgc-state";
  }
  absl::Duration ttl;
  if (!absl::ParseDuration(options.ttl, &ttl) || ttl <= absl::ZeroDuration() ||
      ttl > absl::Hours(24 * 30)) {
    std::cerr << "error: --ttl must be a positive duration of at most 720h, like 30m or 8h\n";
    return 2;
  }
  auto role = auth::ParseRole(options.role);
  if (!role.ok() || !auth::IsStaffRole(*role)) {
    std::cerr << "error: --role must be coordinator, referrer, agency_system, manager or "
                 "auditor\n";
    return 2;
  }
  auto signer = auth::LoadDevelopmentJwtSigner(state_dir);
  if (!signer.ok()) {
    std::cerr << "error: no development key in " << state_dir
              << " (start `fgc serve` with this state directory first, or pass --state-dir): "
              << signer.status().message() << "\n";
    return 1;
  }
  const absl::Time now = absl::Now();
  auth::Claims claims;
  claims.sub = options.subject.empty() ? "dev-" + options.role : options.subject;
  claims.tenant = options.tenant;
  claims.role = *role;
  claims.agency = options.agency;
  claims.iat = now;
  claims.exp = now + ttl;
  claims.aud = {options.audience};
  auto token = signer->Sign(claims);
  if (!token.ok()) {
    std::cerr << "error: " << token.status().message() << "\n";
    return 2;
  }
  if (json) {
    nlohmann::ordered_json out{
        {"token", *token},
        {"expires_at", absl::FormatTime(absl::RFC3339_sec, claims.exp, absl::UTCTimeZone())}};
    std::cout << out.dump() << "\n";
  } else {
    std::cout << *token << "\n";
  }
  return 0;
}

}  // namespace fgc::ctl
