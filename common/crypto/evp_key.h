// EVP_PKEY plumbing shared by the Ed25519 and P-256 key types (internal to fgc_crypto): owners
// that free on every path, PEM in and out, one-shot sign and verify.
#pragma once

#include <openssl/types.h>

#include <memory>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace fgc::crypto::internal {

// Keys are shared, not copied: an EVP_PKEY is safe for concurrent read-only use (signing and
// verifying), so key objects are cheap to copy and to use from many threads.
using SharedKey = std::shared_ptr<EVP_PKEY>;
SharedKey Own(EVP_PKEY* key);  // takes ownership; nullptr stays nullptr

// Parses PEM: a PKCS#8 "PRIVATE KEY" or a SubjectPublicKeyInfo "PUBLIC KEY". INVALID_ARGUMENT
// if the text is not one, or if the key is not of `type` (an EVP_PKEY_is_a name such as
// "ED25519" or "EC"). Encrypted private keys are refused rather than prompting for a password.
absl::StatusOr<SharedKey> PrivateKeyFromPem(std::string_view pem, const char* type);
absl::StatusOr<SharedKey> PublicKeyFromPem(std::string_view pem, const char* type);

absl::StatusOr<std::string> PrivateKeyToPem(EVP_PKEY* key);  // PKCS#8, unencrypted
absl::StatusOr<std::string> PublicKeyToPem(EVP_PKEY* key);   // SubjectPublicKeyInfo

// EVP_DigestSign / EVP_DigestVerify in one call. `digest` is nullptr for Ed25519 (which
// hashes internally) or a name such as "SHA256". Verify is false on any failure.
absl::StatusOr<std::string> DigestSign(EVP_PKEY* key, const char* digest, std::string_view message);
bool DigestVerify(EVP_PKEY* key, const char* digest, std::string_view message,
                  std::string_view signature);

// Drops OpenSSL's thread-local error queue and returns `status`, so that a failure here does
// not surface later as someone else's error.
absl::Status ClearErrors(absl::Status status);

}  // namespace fgc::crypto::internal
