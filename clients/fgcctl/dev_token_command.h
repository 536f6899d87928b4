// `fgcctl dev token`: mints a bearer token signed with the development key a host wrote into
// its state directory, so a coordinator can try fgc on a laptop without an identity provider.
#pragma once

#include <string>

namespace fgc::ctl {

struct DevTokenOptions {
  std::string role;
  std::string tenant;
  std::string agency;
  std::string subject;  // default: dev-<role>
  std::string ttl = "1h";
  std::string audience = "fgc";
  std::string state_dir;  // default: $FGC_STATE_DIR, else ./.fgc-state
};

// Prints the token (or {"token":...,"expires_at":...} with json); returns the exit code.
int RunDevToken(const DevTokenOptions& options, bool json);

}  // namespace fgc::ctl
