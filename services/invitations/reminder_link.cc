#include "services/invitations/reminder_link.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/crypto/encoding.h"
#include "common/crypto/random.h"
#include "common/crypto/sha256.h"

namespace fgc::invitations {
namespace {

constexpr char kLinkSeedField[] = "link-seed";
constexpr char kRequestIdSeed[] = "r:";
constexpr char kNonceSeed[] = "n:";

}  // namespace

absl::StatusOr<std::string> NewLinkSeed(const std::string& request_id) {
  if (!request_id.empty()) return absl::StrCat(kRequestIdSeed, request_id);
  auto nonce = crypto::RandomBytes(16);
  if (!nonce.ok()) return nonce.status();
  return absl::StrCat(kNonceSeed, crypto::HexEncode(*nonce));
}

std::string LinkSecretOf(const crypto::DataKey& key) {
  return crypto::HmacSha256(key.bytes(), "fgc invitation links v1");
}

absl::StatusOr<DerivedLink> DeriveLink(const std::string& secret, const std::string& invitation,
                                       int resend_count, const std::string& seed, absl::Time now,
                                       absl::Time expire_time) {
  // "<name>|<count>|<request_id>" is the context links had before nonces, kept so that a retry
  // of an older request still gets its link. A nonce's context differs at the character after
  // the count ('#', never in a name or a count), so no request_id can choose a nonce's link.
  std::string context;
  if (absl::StartsWith(seed, kRequestIdSeed) && seed.size() > 2) {
    context = absl::StrCat(invitation, "|", resend_count, "|", seed.substr(2));
  } else if (absl::StartsWith(seed, kNonceSeed) && seed.size() == 2 + 32) {
    context = absl::StrCat(invitation, "|", resend_count, "#", seed.substr(2));
  } else {
    return absl::InvalidArgumentError("not a link seed");
  }
  auto minted = DeriveToken(secret, context, now, expire_time);
  if (!minted.ok()) return minted.status();
  return DerivedLink{std::move(minted->token), IssuedLink{std::move(minted->record), seed}};
}

absl::StatusOr<std::string> SealLinkSeed(const crypto::DataKey& key, const std::string& invitation,
                                         const std::string& seed) {
  return crypto::SealField(key, seed, invitation, kLinkSeedField);
}

absl::StatusOr<std::string> OpenLinkSeed(const crypto::DataKey& key, const std::string& invitation,
                                         const std::string& sealed) {
  return crypto::OpenField(key, sealed, invitation, kLinkSeedField);
}

}  // namespace fgc::invitations
