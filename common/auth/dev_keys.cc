#include "common/auth/dev_keys.h"

#include "absl/status/status.h"
#include "common/crypto/encoding.h"
#include "common/crypto/private_file.h"
#include "common/crypto/sha256.h"

namespace fgc::auth {
namespace {

// Loads the Ed25519 key at `path`, first creating it if absent. When two processes race,
// CreatePrivateFile lets exactly one win and the other reads the winner's key.
absl::StatusOr<crypto::Ed25519PrivateKey> LoadOrCreateKey(const std::filesystem::path& path) {
  absl::StatusOr<crypto::Ed25519PrivateKey> key = crypto::Ed25519PrivateKey::ReadPemFile(path);
  if (!absl::IsNotFound(key.status())) return key;
  absl::StatusOr<crypto::Ed25519PrivateKey> fresh = crypto::Ed25519PrivateKey::Generate();
  if (!fresh.ok()) return fresh.status();
  absl::Status written = fresh->WritePemFile(path);
  if (written.ok()) return fresh;
  if (!absl::IsAlreadyExists(written)) return written;
  return crypto::Ed25519PrivateKey::ReadPemFile(path);
}

// Writes the JWKS for `signer` unless present; if present, it must list the signer's kid.
absl::Status EnsureJwks(const std::filesystem::path& path, const JwtSigner& signer) {
  absl::StatusOr<Jwks> existing = Jwks::ReadFile(path);
  if (absl::IsNotFound(existing.status())) {
    absl::StatusOr<Jwks> jwks = Jwks::Create({signer.PublicJwk()});
    if (!jwks.ok()) return jwks.status();
    absl::Status written = crypto::CreatePrivateFile(path, jwks->ToJson());
    if (!absl::IsAlreadyExists(written)) return written;
    existing = Jwks::ReadFile(path);
  }
  if (!existing.ok()) return existing.status();
  const Jwk* listed = existing->Find(signer.kid());
  const auto* key =
      listed == nullptr ? nullptr : std::get_if<crypto::Ed25519PublicKey>(&listed->key);
  if (key == nullptr ||
      key->raw() != std::get<crypto::Ed25519PublicKey>(signer.PublicJwk().key).raw()) {
    return absl::FailedPreconditionError(path.string() + " does not list the development key " +
                                         signer.kid() + "; remove the file to regenerate it");
  }
  return absl::OkStatus();
}

}  // namespace

DevelopmentKeyFiles DevelopmentKeyFilesIn(const std::filesystem::path& state_dir) {
  const std::filesystem::path keys = state_dir / "keys";
  return {keys / "dev-jwt-ed25519.pem", keys / "dev-jwks.json", keys / "ledger-ed25519.pem"};
}

std::string DevelopmentKid(const crypto::Ed25519PublicKey& key) {
  return std::string(kDevelopmentKidPrefix) +
         crypto::HexEncode(crypto::Sha256(key.raw()).substr(0, 8));
}

bool IsDevelopmentKid(std::string_view kid) {
  return kid.substr(0, kDevelopmentKidPrefix.size()) == kDevelopmentKidPrefix;
}

absl::StatusOr<DevelopmentKeyFiles> EnsureDevelopmentKeys(const std::filesystem::path& state_dir) {
  const DevelopmentKeyFiles files = DevelopmentKeyFilesIn(state_dir);
  if (absl::Status s = crypto::EnsurePrivateDirectory(files.jwt_private_key.parent_path());
      !s.ok()) {
    return s;
  }
  absl::StatusOr<crypto::Ed25519PrivateKey> jwt_key = LoadOrCreateKey(files.jwt_private_key);
  if (!jwt_key.ok()) return jwt_key.status();  // messages name the file
  const JwtSigner signer(DevelopmentKid(jwt_key->public_key()), *jwt_key);
  if (absl::Status s = EnsureJwks(files.jwks, signer); !s.ok()) return s;
  absl::StatusOr<crypto::Ed25519PrivateKey> ledger_key = LoadOrCreateKey(files.ledger_private_key);
  if (!ledger_key.ok()) return ledger_key.status();
  return files;
}

absl::StatusOr<JwtSigner> LoadDevelopmentJwtSigner(const std::filesystem::path& state_dir) {
  const std::filesystem::path path = DevelopmentKeyFilesIn(state_dir).jwt_private_key;
  absl::StatusOr<crypto::Ed25519PrivateKey> key = crypto::Ed25519PrivateKey::ReadPemFile(path);
  if (!key.ok()) return key.status();
  std::string kid = DevelopmentKid(key->public_key());  // before the key is moved from
  return JwtSigner(std::move(kid), *std::move(key));
}

absl::StatusOr<Jwks> LoadDevelopmentJwks(const std::filesystem::path& state_dir) {
  return Jwks::ReadFile(DevelopmentKeyFilesIn(state_dir).jwks);
}

absl::StatusOr<crypto::Ed25519PrivateKey> LoadLedgerSigningKey(
    const std::filesystem::path& state_dir) {
  return crypto::Ed25519PrivateKey::ReadPemFile(
      DevelopmentKeyFilesIn(state_dir).ledger_private_key);
}

}  // namespace fgc::auth
