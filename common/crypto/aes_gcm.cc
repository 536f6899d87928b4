#include "common/crypto/aes_gcm.h"

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>

#include <algorithm>
#include <climits>
#include <memory>

#include "absl/status/status.h"
#include "common/crypto/random.h"

namespace fgc::crypto {
namespace {

using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

// Fetched once, like the digest in sha256.cc: implicit fetches lock.
const EVP_CIPHER* Aes256Gcm() {
  static EVP_CIPHER* const cipher = EVP_CIPHER_fetch(nullptr, "AES-256-GCM", nullptr);
  return cipher;
}

const unsigned char* Bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

absl::Status CheckKey(std::string_view key) {
  if (key.size() != kAesGcmKeySize) {
    return absl::InvalidArgumentError("AES-256-GCM key must be 32 bytes");
  }
  return absl::OkStatus();
}

// Feeds the version byte and the caller's aad as additional authenticated data.
bool AddAad(EVP_CIPHER_CTX* ctx, std::string_view aad) {
  const unsigned char version = kAesGcmVersion;
  int length = 0;
  if (EVP_CipherUpdate(ctx, nullptr, &length, &version, 1) != 1) return false;
  return aad.empty() ||
         EVP_CipherUpdate(ctx, nullptr, &length, Bytes(aad), static_cast<int>(aad.size())) == 1;
}

absl::Status Failed(absl::Status status) {
  ERR_clear_error();
  return status;
}

}  // namespace

absl::StatusOr<std::string> AesGcmSeal(std::string_view key, std::string_view plaintext,
                                       std::string_view aad) {
  if (absl::Status s = CheckKey(key); !s.ok()) return s;
  if (plaintext.size() > INT_MAX - kAesGcmOverhead || aad.size() > INT_MAX) {
    return absl::InvalidArgumentError("AES-256-GCM input too large");
  }
  absl::StatusOr<std::string> nonce = RandomBytes(kAesGcmNonceSize);
  if (!nonce.ok()) return nonce.status();

  std::string sealed(plaintext.size() + kAesGcmOverhead, '\0');
  auto* out = reinterpret_cast<unsigned char*>(sealed.data());
  out[0] = kAesGcmVersion;
  std::copy(nonce->begin(), nonce->end(), sealed.begin() + 1);
  unsigned char* body = out + 1 + kAesGcmNonceSize;

  CipherCtx ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
  int length = 0;
  if (ctx == nullptr || Aes256Gcm() == nullptr ||
      EVP_EncryptInit_ex2(ctx.get(), Aes256Gcm(), Bytes(key), Bytes(*nonce), nullptr) != 1 ||
      !AddAad(ctx.get(), aad) ||
      (!plaintext.empty() && EVP_EncryptUpdate(ctx.get(), body, &length, Bytes(plaintext),
                                               static_cast<int>(plaintext.size())) != 1) ||
      EVP_EncryptFinal_ex(ctx.get(), body + length, &length) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kAesGcmTagSize,
                          body + plaintext.size()) != 1) {
    return Failed(absl::InternalError("AES-256-GCM encryption failed"));
  }
  return sealed;
}

absl::StatusOr<std::string> AesGcmOpen(std::string_view key, std::string_view sealed,
                                       std::string_view aad) {
  if (absl::Status s = CheckKey(key); !s.ok()) return s;
  const absl::Status rejected = absl::DataLossError("sealed data failed authentication");
  if (sealed.size() < kAesGcmOverhead || sealed.size() > INT_MAX || aad.size() > INT_MAX ||
      static_cast<uint8_t>(sealed[0]) != kAesGcmVersion) {
    return rejected;
  }
  const std::string_view nonce = sealed.substr(1, kAesGcmNonceSize);
  const std::string_view ciphertext =
      sealed.substr(1 + kAesGcmNonceSize, sealed.size() - kAesGcmOverhead);
  std::string tag(sealed.substr(sealed.size() - kAesGcmTagSize));

  std::string plaintext(ciphertext.size(), '\0');
  auto* out = reinterpret_cast<unsigned char*>(plaintext.data());
  CipherCtx ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
  int length = 0;
  if (ctx == nullptr || Aes256Gcm() == nullptr ||
      EVP_DecryptInit_ex2(ctx.get(), Aes256Gcm(), Bytes(key), Bytes(nonce), nullptr) != 1) {
    return Failed(absl::InternalError("AES-256-GCM decryption failed"));
  }
  const bool ok =
      AddAad(ctx.get(), aad) &&
      (ciphertext.empty() || EVP_DecryptUpdate(ctx.get(), out, &length, Bytes(ciphertext),
                                               static_cast<int>(ciphertext.size())) == 1) &&
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kAesGcmTagSize, tag.data()) == 1 &&
      EVP_DecryptFinal_ex(ctx.get(), out + length, &length) == 1;
  if (!ok) {
    // Unauthenticated plaintext never leaves this function, not even in freed memory.
    OPENSSL_cleanse(plaintext.data(), plaintext.size());
    return Failed(rejected);
  }
  return plaintext;
}

}  // namespace fgc::crypto
