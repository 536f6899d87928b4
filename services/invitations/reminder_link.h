// How an invitation's links are derived, so that a reminder can carry the link the invitation's
// newest message carried although the service never stores a token (DESIGN.md section 6).
//
// A link's token is HMAC-SHA-256, under the conference's link secret, of the invitation's name,
// its resend count and a seed: the request_id of the call that issued it (so a retry returns the
// same link) or, without one, a random 16-byte nonce. The current link's seed is kept sealed
// under the conference's data key (InvitationStore, `link_seed`): anyone who can open it can
// rebuild the link, so the link is exactly as safe as the personal data (the key-encryption key
// plus the database), and erasing the conference's key ends every link with it.
#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/crypto/envelope.h"
#include "services/invitations/tokens/invitation_token.h"

namespace fgc::invitations {

// A link as the service keeps it: its digest and times, and the seed it was derived from,
// sealed under the conference's key beside the invitation (InvitationStore). Never the token.
struct IssuedLink {
  TokenRecord record;
  std::string seed;
};

// A link just derived: `token` goes into its message (or the coordinator's hands) and is then
// forgotten; `link` is what is kept.
struct DerivedLink {
  std::string token;
  IssuedLink link;
};

// The seed of a new link: "r:<request_id>" when the request has an id, else "n:<32 hex digits>"
// of a fresh random nonce. INTERNAL when the generator fails.
absl::StatusOr<std::string> NewLinkSeed(const std::string& request_id);

// The secret a conference's links are derived from: an HMAC of its data key.
std::string LinkSecretOf(const crypto::DataKey& key);

// The link of `invitation` (its resource name) at `resend_count` from `seed`, issued at `now`
// and working until `expire_time`. INVALID_ARGUMENT for a seed NewLinkSeed did not make.
absl::StatusOr<DerivedLink> DeriveLink(const std::string& secret, const std::string& invitation,
                                       int resend_count, const std::string& seed, absl::Time now,
                                       absl::Time expire_time);

// The seed sealed for the invitation's `link_seed` column (bound to its name) and back;
// DATA_LOSS for changed bytes or another invitation's.
absl::StatusOr<std::string> SealLinkSeed(const crypto::DataKey& key, const std::string& invitation,
                                         const std::string& seed);
absl::StatusOr<std::string> OpenLinkSeed(const crypto::DataKey& key, const std::string& invitation,
                                         const std::string& sealed);

}  // namespace fgc::invitations
