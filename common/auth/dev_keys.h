// Development keys in the state directory (DESIGN §0): the all-in-one host creates them on
// first start and reuses them after, so `fgcctl dev token` can mint tokens the host accepts.
// Their key ids start with "dev-" so that production can refuse them (IsDevelopmentKid).
//
//   <state>/keys/                    0700
//   <state>/keys/dev-jwt-ed25519.pem 0600  Ed25519 JWT signing key (PKCS#8)
//   <state>/keys/dev-jwks.json       0600  its public key, kid "dev-" + 16 hex digits
//   <state>/keys/ledger-ed25519.pem  0600  the ledger's checkpoint signing key
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "common/auth/jwks.h"
#include "common/auth/jwt_signer.h"
#include "common/crypto/ed25519.h"

namespace fgc::auth {

inline constexpr std::string_view kDevelopmentKidPrefix = "dev-";

struct DevelopmentKeyFiles {
  std::filesystem::path jwt_private_key;
  std::filesystem::path jwks;
  std::filesystem::path ledger_private_key;
};

// Where the files live under `state_dir` (nothing is read or created).
DevelopmentKeyFiles DevelopmentKeyFilesIn(const std::filesystem::path& state_dir);

// Creates whichever of the three files is missing and checks the ones present: the keys must
// parse and the JWKS must list the JWT key's kid (FAILED_PRECONDITION otherwise, naming the
// file, rather than replacing a key someone else relies on). Safe when several processes
// start at once on one state directory: one creates, the others use what it made.
absl::StatusOr<DevelopmentKeyFiles> EnsureDevelopmentKeys(const std::filesystem::path& state_dir);

// Loaders for what EnsureDevelopmentKeys made; NOT_FOUND (naming the file) if it never ran.
absl::StatusOr<JwtSigner> LoadDevelopmentJwtSigner(const std::filesystem::path& state_dir);
absl::StatusOr<Jwks> LoadDevelopmentJwks(const std::filesystem::path& state_dir);
absl::StatusOr<crypto::Ed25519PrivateKey> LoadLedgerSigningKey(
    const std::filesystem::path& state_dir);

// "dev-" + hex of the first 8 bytes of SHA-256(raw public key): stable for a key.
std::string DevelopmentKid(const crypto::Ed25519PublicKey& key);
bool IsDevelopmentKid(std::string_view kid);

}  // namespace fgc::auth
