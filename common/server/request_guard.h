// The authentication and authorisation gate every fgc method passes before its logic runs:
// who calls (bearer JWT or family invitation token), for which tenant (the request's resource
// name), and whether the method x role table lets that role call that method.
#pragma once

#include <google/protobuf/message.h>
#include <grpcpp/server_context.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "common/auth/jwt_verifier.h"
#include "common/auth/role_table.h"
#include "common/server/caller.h"

namespace fgc::server {

// Metadata keys. Staff: "authorization: Bearer <JWT>". Family: the invitation token.
inline constexpr char kAuthorizationHeader[] = "authorization";
inline constexpr char kInvitationTokenHeader[] = "x-fgc-invitation-token";

// The tenant a request is about, read from its resource name: the top-level `parent` or
// `name` field, or the `name` of the resource message an Update carries (AIP-134). Returns an
// empty string when the request names no resource (family methods), and INVALID_ARGUMENT with
// a field violation when the name is there but is not `tenants/{tenant}/...`.
absl::StatusOr<std::string> RequestTenant(const google::protobuf::Message& request);

class RequestGuard final {
 public:
  RequestGuard(std::shared_ptr<const auth::JwtVerifier> verifier,
               std::shared_ptr<const auth::RoleTable> roles);

  // `full_method` is "fgc.v1.SchedulingService/CreateConference". Returns UNAUTHENTICATED
  // when credentials are missing, malformed, expired or for another tenant, INVALID_ARGUMENT
  // when the resource name is malformed, PERMISSION_DENIED when the role may not call it.
  absl::StatusOr<Caller> Authorize(const grpc::ServerContext& context, std::string_view full_method,
                                   const google::protobuf::Message& request) const;

  // The claims of a bearer token at `now`: from the cache while the token is unexpired, else
  // verified (and then cached). Exposed for tests, which choose `now`.
  absl::StatusOr<auth::Claims> VerifiedClaims(std::string_view token, absl::Time now) const;

 private:
  // Constant after construction.
  std::shared_ptr<const auth::JwtVerifier> verifier_;
  std::shared_ptr<const auth::RoleTable> roles_;

  // Verified tokens by SHA-256 of the token, until their `exp`: a signature check (Ed25519 or
  // P-256) costs ~100 us, most of a call's CPU, and a client sends the same token for its whole
  // life. A token is immutable, so its verdict cannot change before it expires; the tenant and
  // role checks still run on every call. Bounded: cleared when full.
  static constexpr size_t kMaxCachedTokens = 10'000;
  mutable absl::Mutex cache_mu_;
  mutable std::unordered_map<std::string, auth::Claims> cache_ ABSL_GUARDED_BY(cache_mu_);
};

}  // namespace fgc::server
