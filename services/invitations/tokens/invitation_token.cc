#include "services/invitations/tokens/invitation_token.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "common/base/errors.h"
#include "common/crypto/encoding.h"
#include "common/crypto/random.h"
#include "common/crypto/sha256.h"

namespace fgc::invitations {
namespace {

bool IsBase64UrlChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

}  // namespace

absl::Status InvalidTokenError() {
  // One message for every cause: it must not tell a guesser whether a token existed.
  return Unauthenticated("INVITATION_TOKEN_INVALID",
                         "This invitation link does not work. Please ask your coordinator for "
                         "a new one.");
}

absl::StatusOr<absl::Time> TokenExpiry(std::optional<absl::Time> requested, absl::Time now,
                                       std::string_view field) {
  if (!requested.has_value()) return now + kDefaultTokenLifetime;
  if (*requested <= now) {
    return InvalidArgument("INVALID_FIELD", "the link's expiry is malformed",
                           {{std::string(field), "must be in the future"}});
  }
  if (*requested > now + kMaxTokenLifetime) {
    return InvalidArgument("INVALID_FIELD", "the link's expiry is malformed",
                           {{std::string(field), "must be at most 1 year ahead"}});
  }
  return *requested;
}

absl::StatusOr<MintedToken> MintToken(absl::Time now, absl::Time expire_time) {
  if (expire_time <= now) {
    return absl::InvalidArgumentError("a token must expire after it is issued");
  }
  absl::StatusOr<std::string> token = crypto::NewOpaqueToken();
  if (!token.ok()) return token.status();
  MintedToken minted;
  minted.record.digest = crypto::Sha256(*token);
  minted.record.issue_time = now;
  minted.record.expire_time = expire_time;
  minted.token = *std::move(token);
  return minted;
}

absl::StatusOr<MintedToken> DeriveToken(std::string_view secret, std::string_view context,
                                        absl::Time now, absl::Time expire_time) {
  if (expire_time <= now) {
    return absl::InvalidArgumentError("a token must expire after it is issued");
  }
  if (secret.size() < crypto::kSha256Size || context.empty()) {
    return absl::InvalidArgumentError("a derived token needs a 32-byte secret and a context");
  }
  MintedToken minted;
  minted.token = crypto::Base64UrlEncode(crypto::HmacSha256(secret, context));
  minted.record.digest = crypto::Sha256(minted.token);
  minted.record.issue_time = now;
  minted.record.expire_time = expire_time;
  return minted;
}

absl::StatusOr<PresentedToken> PresentedToken::Parse(std::string_view text) {
  if (text.size() != kInvitationTokenLength) return InvalidTokenError();
  for (char c : text) {
    if (!IsBase64UrlChar(c)) return InvalidTokenError();
  }
  // The strict decoder refuses non-zero unused bits in the last character, so each 32-byte
  // secret has exactly one accepted spelling (and so one digest).
  if (!crypto::Base64UrlDecode(text).ok()) return InvalidTokenError();
  return PresentedToken(crypto::Sha256(text));
}

absl::Status CheckToken(const TokenRecord* record, const PresentedToken& presented,
                        absl::Time now) {
  // Every check runs whatever the earlier ones said, so the refusal costs the same whichever
  // rule refused it.
  bool ok = record != nullptr;
  const TokenRecord empty;
  const TokenRecord& r = record != nullptr ? *record : empty;
  ok &= crypto::ConstantTimeEquals(r.digest, presented.digest());
  ok &= now < r.expire_time;
  ok &= !r.revoke_time.has_value();
  ok &= !r.replace_time.has_value();
  return ok ? absl::OkStatus() : InvalidTokenError();
}

}  // namespace fgc::invitations
