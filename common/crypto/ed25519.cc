#include "common/crypto/ed25519.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <utility>

#include "common/crypto/private_file.h"

namespace fgc::crypto {

using internal::ClearErrors;
using internal::Own;
using internal::SharedKey;

namespace {
const unsigned char* Bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}
}  // namespace

Ed25519PublicKey::Ed25519PublicKey(SharedKey key, std::string raw)
    : key_(std::move(key)), raw_(std::move(raw)) {}

absl::StatusOr<Ed25519PublicKey> Ed25519PublicKey::FromKey(SharedKey key) {
  std::string raw(kEd25519PublicKeySize, '\0');
  size_t length = raw.size();
  if (EVP_PKEY_get_raw_public_key(key.get(), reinterpret_cast<unsigned char*>(raw.data()),
                                  &length) != 1 ||
      length != kEd25519PublicKeySize) {
    return ClearErrors(absl::InternalError("cannot export Ed25519 public key"));
  }
  return Ed25519PublicKey(std::move(key), std::move(raw));
}

absl::StatusOr<Ed25519PublicKey> Ed25519PublicKey::FromRaw(std::string_view raw) {
  if (raw.size() != kEd25519PublicKeySize) {
    return absl::InvalidArgumentError("Ed25519 public key must be 32 bytes");
  }
  SharedKey key =
      Own(EVP_PKEY_new_raw_public_key_ex(nullptr, "ED25519", nullptr, Bytes(raw), raw.size()));
  if (key == nullptr) return ClearErrors(absl::InvalidArgumentError("invalid Ed25519 public key"));
  return Ed25519PublicKey(std::move(key), std::string(raw));
}

absl::StatusOr<Ed25519PublicKey> Ed25519PublicKey::FromPem(std::string_view pem) {
  absl::StatusOr<SharedKey> key = internal::PublicKeyFromPem(pem, "ED25519");
  if (!key.ok()) return key.status();
  return FromKey(*std::move(key));
}

absl::StatusOr<std::string> Ed25519PublicKey::ToPem() const {
  return internal::PublicKeyToPem(key_.get());
}

bool Ed25519PublicKey::Verify(std::string_view message, std::string_view signature) const {
  return signature.size() == kEd25519SignatureSize &&
         internal::DigestVerify(key_.get(), nullptr, message, signature);
}

Ed25519PrivateKey::Ed25519PrivateKey(SharedKey key, Ed25519PublicKey public_key)
    : key_(std::move(key)), public_key_(std::move(public_key)) {}

absl::StatusOr<Ed25519PrivateKey> Ed25519PrivateKey::FromKey(SharedKey key) {
  absl::StatusOr<Ed25519PublicKey> public_key = Ed25519PublicKey::FromKey(key);
  if (!public_key.ok()) return public_key.status();
  // The public half gets its own EVP_PKEY so that verifiers never hold the secret.
  absl::StatusOr<Ed25519PublicKey> detached = Ed25519PublicKey::FromRaw(public_key->raw());
  if (!detached.ok()) return detached.status();
  return Ed25519PrivateKey(std::move(key), *std::move(detached));
}

absl::StatusOr<Ed25519PrivateKey> Ed25519PrivateKey::Generate() {
  SharedKey key = Own(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
  if (key == nullptr) return ClearErrors(absl::InternalError("Ed25519 key generation failed"));
  return FromKey(std::move(key));
}

absl::StatusOr<Ed25519PrivateKey> Ed25519PrivateKey::FromSeed(std::string_view seed) {
  if (seed.size() != kEd25519SeedSize) {
    return absl::InvalidArgumentError("Ed25519 seed must be 32 bytes");
  }
  SharedKey key =
      Own(EVP_PKEY_new_raw_private_key_ex(nullptr, "ED25519", nullptr, Bytes(seed), seed.size()));
  if (key == nullptr) return ClearErrors(absl::InvalidArgumentError("invalid Ed25519 seed"));
  return FromKey(std::move(key));
}

absl::StatusOr<Ed25519PrivateKey> Ed25519PrivateKey::FromPem(std::string_view pem) {
  absl::StatusOr<SharedKey> key = internal::PrivateKeyFromPem(pem, "ED25519");
  if (!key.ok()) return key.status();
  return FromKey(*std::move(key));
}

absl::StatusOr<Ed25519PrivateKey> Ed25519PrivateKey::ReadPemFile(
    const std::filesystem::path& path) {
  absl::StatusOr<std::string> pem = ReadPrivateFile(path);
  if (!pem.ok()) return pem.status();
  absl::StatusOr<Ed25519PrivateKey> key = FromPem(*pem);
  OPENSSL_cleanse(pem->data(), pem->size());
  if (!key.ok()) {
    return absl::InvalidArgumentError(path.string() + ": " + std::string(key.status().message()));
  }
  return key;
}

absl::StatusOr<std::string> Ed25519PrivateKey::ToPem() const {
  return internal::PrivateKeyToPem(key_.get());
}

absl::Status Ed25519PrivateKey::WritePemFile(const std::filesystem::path& path) const {
  absl::StatusOr<std::string> pem = ToPem();
  if (!pem.ok()) return pem.status();
  absl::Status created = CreatePrivateFile(path, *pem);
  OPENSSL_cleanse(pem->data(), pem->size());
  return created;
}

absl::StatusOr<std::string> Ed25519PrivateKey::Sign(std::string_view message) const {
  return internal::DigestSign(key_.get(), nullptr, message);
}

}  // namespace fgc::crypto
