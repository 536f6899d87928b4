// A family member's invitation token (DESIGN.md section 6): 32 random bytes, base64url without
// padding, kept by the service only as its SHA-256 and judged in constant time. Every way a
// token can fail (malformed, unknown, expired, revoked, replaced by a resend) is the same
// UNAUTHENTICATED error, so an answer never tells whether a token ever existed.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace fgc::invitations {

// 32 bytes in base64url without padding.
inline constexpr size_t kInvitationTokenLength = 43;
// How long a link works when the coordinator does not say (invitation.proto `expire_time`).
inline constexpr absl::Duration kDefaultTokenLifetime = absl::Hours(90 * 24);
// The furthest ahead a link may expire.
inline constexpr absl::Duration kMaxTokenLifetime = absl::Hours(365 * 24);

// What the service stores for one link. Never the token itself: a stolen database must not
// open invitations.
struct TokenRecord {
  std::string digest;  // SHA-256 of the token's text, 32 bytes
  absl::Time issue_time;
  absl::Time expire_time;  // the link stops working at this instant
  // Either set stops the link at once, whatever the time it holds.
  std::optional<absl::Time> revoke_time;   // RevokeInvitation
  std::optional<absl::Time> replace_time;  // ResendInvitation issued a newer token
};

// A newly minted link: `token` goes into the message once and is then forgotten; `record` is
// what the service keeps.
struct MintedToken {
  std::string token;
  TokenRecord record;
};

// When a new link should expire: `requested` when given (after `now`, at most a year ahead),
// otherwise 90 days from `now`. A bad request is INVALID_ARGUMENT naming `field` (for example
// "invitation.expire_time" or "expire_time").
absl::StatusOr<absl::Time> TokenExpiry(std::optional<absl::Time> requested, absl::Time now,
                                       std::string_view field);

// A fresh token from OpenSSL's generator, issued at `now` and working until `expire_time`.
// INTERNAL if the generator fails; INVALID_ARGUMENT if `expire_time` is not after `now`.
absl::StatusOr<MintedToken> MintToken(absl::Time now, absl::Time expire_time);

// A token recomputed from a secret instead of drawn at random: HMAC-SHA-256 of `context` under
// `secret` (at least 32 bytes). A request retried under its request_id must return the same
// link, and the service keeps only digests; deriving the token from the conference's data key,
// the invitation, its resend count and the request_id gives the retry the same token without
// storing it. Unpredictable to anyone without the secret, like a random token.
absl::StatusOr<MintedToken> DeriveToken(std::string_view secret, std::string_view context,
                                        absl::Time now, absl::Time expire_time);

// A token as the family presented it, checked for form and hashed: the service finds the
// record by `digest()` and then asks CheckToken.
class PresentedToken final {
 public:
  // UNAUTHENTICATED (INVITATION_TOKEN_INVALID) unless `text` is exactly 43 base64url
  // characters encoding 32 bytes canonically. Nothing malformed is hashed or looked up.
  static absl::StatusOr<PresentedToken> Parse(std::string_view text);

  const std::string& digest() const { return digest_; }

 private:
  explicit PresentedToken(std::string digest) : digest_(std::move(digest)) {}
  std::string digest_;
};

// OK when `record` (the row found for the token, or nullptr when none was) opens at `now`:
// its digest equals the presented one (compared in constant time), it has not expired, and it
// was neither revoked nor replaced. Otherwise the one INVITATION_TOKEN_INVALID error.
absl::Status CheckToken(const TokenRecord* record, const PresentedToken& presented, absl::Time now);

// The error every refused token gets, whatever the cause.
absl::Status InvalidTokenError();

}  // namespace fgc::invitations
