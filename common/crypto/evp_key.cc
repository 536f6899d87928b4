#include "common/crypto/evp_key.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <climits>

namespace fgc::crypto::internal {
namespace {

using Bio = std::unique_ptr<BIO, decltype(&BIO_free)>;
using MdCtx = std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)>;

Bio ReadBio(std::string_view text) {
  return Bio(BIO_new_mem_buf(text.data(), static_cast<int>(text.size())), &BIO_free);
}

// A password callback that supplies none: without it OpenSSL would prompt on the terminal.
int NoPassword(char*, int, int, void*) { return -1; }

absl::StatusOr<std::string> BioContents(BIO* bio) {
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio, &data);
  if (size <= 0 || data == nullptr) return ClearErrors(absl::InternalError("PEM encoding failed"));
  return std::string(data, static_cast<size_t>(size));
}

absl::StatusOr<SharedKey> CheckType(EVP_PKEY* raw, const char* type, std::string_view what) {
  SharedKey key = Own(raw);
  if (key == nullptr) {
    return ClearErrors(absl::InvalidArgumentError(std::string("not a PEM ") + std::string(what)));
  }
  if (EVP_PKEY_is_a(key.get(), type) != 1) {
    return ClearErrors(absl::InvalidArgumentError(std::string("PEM ") + std::string(what) +
                                                  " is not of type " + type));
  }
  return key;
}

}  // namespace

SharedKey Own(EVP_PKEY* key) {
  if (key == nullptr) return nullptr;
  return SharedKey(key, &EVP_PKEY_free);
}

absl::Status ClearErrors(absl::Status status) {
  ERR_clear_error();
  return status;
}

absl::StatusOr<SharedKey> PrivateKeyFromPem(std::string_view pem, const char* type) {
  if (pem.empty() || pem.size() > INT_MAX) return absl::InvalidArgumentError("not a PEM key");
  const Bio bio = ReadBio(pem);
  if (bio == nullptr) return ClearErrors(absl::InternalError("cannot read PEM"));
  return CheckType(PEM_read_bio_PrivateKey(bio.get(), nullptr, &NoPassword, nullptr), type,
                   "private key");
}

absl::StatusOr<SharedKey> PublicKeyFromPem(std::string_view pem, const char* type) {
  if (pem.empty() || pem.size() > INT_MAX) return absl::InvalidArgumentError("not a PEM key");
  const Bio bio = ReadBio(pem);
  if (bio == nullptr) return ClearErrors(absl::InternalError("cannot read PEM"));
  return CheckType(PEM_read_bio_PUBKEY(bio.get(), nullptr, &NoPassword, nullptr), type,
                   "public key");
}

absl::StatusOr<std::string> PrivateKeyToPem(EVP_PKEY* key) {
  const Bio bio(BIO_new(BIO_s_mem()), &BIO_free);
  if (bio == nullptr ||
      PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1) {
    return ClearErrors(absl::InternalError("PEM encoding failed"));
  }
  return BioContents(bio.get());
}

absl::StatusOr<std::string> PublicKeyToPem(EVP_PKEY* key) {
  const Bio bio(BIO_new(BIO_s_mem()), &BIO_free);
  if (bio == nullptr || PEM_write_bio_PUBKEY(bio.get(), key) != 1) {
    return ClearErrors(absl::InternalError("PEM encoding failed"));
  }
  return BioContents(bio.get());
}

absl::StatusOr<std::string> DigestSign(EVP_PKEY* key, const char* digest,
                                       std::string_view message) {
  const MdCtx ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  const auto* data = reinterpret_cast<const unsigned char*>(message.data());
  size_t length = 0;
  if (ctx == nullptr ||
      EVP_DigestSignInit_ex(ctx.get(), nullptr, digest, nullptr, nullptr, key, nullptr) != 1 ||
      EVP_DigestSign(ctx.get(), nullptr, &length, data, message.size()) != 1) {
    return ClearErrors(absl::InternalError("signing failed"));
  }
  std::string signature(length, '\0');
  if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &length, data,
                     message.size()) != 1) {
    return ClearErrors(absl::InternalError("signing failed"));
  }
  signature.resize(length);
  return signature;
}

bool DigestVerify(EVP_PKEY* key, const char* digest, std::string_view message,
                  std::string_view signature) {
  const MdCtx ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  const bool ok =
      ctx != nullptr &&
      EVP_DigestVerifyInit_ex(ctx.get(), nullptr, digest, nullptr, nullptr, key, nullptr) == 1 &&
      EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()),
                       signature.size(), reinterpret_cast<const unsigned char*>(message.data()),
                       message.size()) == 1;
  if (!ok) ERR_clear_error();
  return ok;
}

}  // namespace fgc::crypto::internal
