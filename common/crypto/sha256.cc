#include "common/crypto/sha256.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cstdio>
#include <cstdlib>
#include <memory>

namespace fgc::crypto {
namespace {

// Fetched once: an implicit fetch per call (EVP_sha256()) takes a global lock in OpenSSL 3,
// which the ledger's hashing would feel under concurrency. EVP_MD is immutable once fetched.
const EVP_MD* Sha256Md() {
  static EVP_MD* const md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  return md;
}

// Hashing fails only when OpenSSL cannot allocate or its default provider is missing; no
// caller could recover from either, and a digest that silently came out wrong would be worse.
[[noreturn]] void DigestFailed() {
  std::fputs("fgc::crypto::Sha256: OpenSSL digest failed\n", stderr);
  std::abort();
}

}  // namespace

std::string Sha256(std::string_view bytes) { return Sha256({bytes}); }

std::string Sha256(std::initializer_list<std::string_view> parts) {
  const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(),
                                                                    &EVP_MD_CTX_free);
  if (ctx == nullptr || Sha256Md() == nullptr ||
      EVP_DigestInit_ex2(ctx.get(), Sha256Md(), nullptr) != 1) {
    DigestFailed();
  }
  for (const std::string_view part : parts) {
    if (!part.empty() && EVP_DigestUpdate(ctx.get(), part.data(), part.size()) != 1) {
      DigestFailed();
    }
  }
  std::string digest(kSha256Size, '\0');
  unsigned int length = 0;
  if (EVP_DigestFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(digest.data()), &length) !=
          1 ||
      length != kSha256Size) {
    DigestFailed();
  }
  return digest;
}

std::string HmacSha256(std::string_view key, std::string_view message) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (Sha256Md() == nullptr ||
      HMAC(Sha256Md(), key.data(), static_cast<int>(key.size()),
           reinterpret_cast<const unsigned char*>(message.data()), message.size(), out,
           &size) == nullptr ||
      size != kSha256Size) {
    DigestFailed();
  }
  return std::string(reinterpret_cast<const char*>(out), size);
}

}  // namespace fgc::crypto
