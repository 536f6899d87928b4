#include "common/crypto/ec_p256.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

#include <cstring>
#include <memory>
#include <utility>

#include "common/crypto/private_file.h"

namespace fgc::crypto {

using internal::ClearErrors;
using internal::Own;
using internal::SharedKey;

namespace {

using Bignum = std::unique_ptr<BIGNUM, decltype(&BN_free)>;
using EcdsaSig = std::unique_ptr<ECDSA_SIG, decltype(&ECDSA_SIG_free)>;
using PkeyCtx = std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)>;
using ParamBuilder = std::unique_ptr<OSSL_PARAM_BLD, decltype(&OSSL_PARAM_BLD_free)>;
using Params = std::unique_ptr<OSSL_PARAM, decltype(&OSSL_PARAM_free)>;

// OpenSSL's name for P-256.
constexpr char kGroupName[] = "prime256v1";

bool IsP256(EVP_PKEY* key) {
  char name[64] = {};
  size_t length = 0;
  return EVP_PKEY_is_a(key, "EC") == 1 &&
         EVP_PKEY_get_group_name(key, name, sizeof name, &length) == 1 &&
         std::strcmp(name, kGroupName) == 0;
}

// Reads one affine coordinate as 32 big-endian bytes.
bool Coordinate(EVP_PKEY* key, const char* param, std::string* out) {
  BIGNUM* raw = nullptr;
  if (EVP_PKEY_get_bn_param(key, param, &raw) != 1) return false;
  const Bignum bn(raw, &BN_free);
  out->assign(kP256CoordinateSize, '\0');
  return BN_bn2binpad(bn.get(), reinterpret_cast<unsigned char*>(out->data()),
                      static_cast<int>(kP256CoordinateSize)) == kP256CoordinateSize;
}

// Reads r or s as 32 big-endian bytes; false if it does not fit.
bool ScalarBytes(const BIGNUM* bn, char* out) {
  return BN_bn2binpad(bn, reinterpret_cast<unsigned char*>(out),
                      static_cast<int>(kP256CoordinateSize)) == kP256CoordinateSize;
}

}  // namespace

absl::StatusOr<std::string> JoseToDerSignature(std::string_view jose) {
  if (jose.size() != kP256SignatureSize) {
    return absl::InvalidArgumentError("ES256 signature must be 64 bytes");
  }
  const auto* bytes = reinterpret_cast<const unsigned char*>(jose.data());
  Bignum r(BN_bin2bn(bytes, kP256CoordinateSize, nullptr), &BN_free);
  Bignum s(BN_bin2bn(bytes + kP256CoordinateSize, kP256CoordinateSize, nullptr), &BN_free);
  EcdsaSig sig(ECDSA_SIG_new(), &ECDSA_SIG_free);
  if (r == nullptr || s == nullptr || sig == nullptr ||
      ECDSA_SIG_set0(sig.get(), r.get(), s.get()) != 1) {
    return ClearErrors(absl::InternalError("cannot build ECDSA signature"));
  }
  r.release();  // owned by sig now
  s.release();
  const int length = i2d_ECDSA_SIG(sig.get(), nullptr);
  if (length <= 0) return ClearErrors(absl::InternalError("cannot encode ECDSA signature"));
  std::string der(static_cast<size_t>(length), '\0');
  auto* out = reinterpret_cast<unsigned char*>(der.data());
  if (i2d_ECDSA_SIG(sig.get(), &out) != length) {
    return ClearErrors(absl::InternalError("cannot encode ECDSA signature"));
  }
  return der;
}

absl::StatusOr<std::string> DerToJoseSignature(std::string_view der) {
  const auto* in = reinterpret_cast<const unsigned char*>(der.data());
  const EcdsaSig sig(d2i_ECDSA_SIG(nullptr, &in, static_cast<long>(der.size())), &ECDSA_SIG_free);
  if (sig == nullptr || in != reinterpret_cast<const unsigned char*>(der.data()) + der.size()) {
    return ClearErrors(absl::InvalidArgumentError("not a DER ECDSA signature"));
  }
  const BIGNUM* r = nullptr;
  const BIGNUM* s = nullptr;
  ECDSA_SIG_get0(sig.get(), &r, &s);
  std::string jose(kP256SignatureSize, '\0');
  if (!ScalarBytes(r, jose.data()) || !ScalarBytes(s, jose.data() + kP256CoordinateSize)) {
    return ClearErrors(absl::InvalidArgumentError("ECDSA signature does not fit P-256"));
  }
  return jose;
}

P256PublicKey::P256PublicKey(SharedKey key, std::string x, std::string y)
    : key_(std::move(key)), x_(std::move(x)), y_(std::move(y)) {}

absl::StatusOr<P256PublicKey> P256PublicKey::FromKey(SharedKey key) {
  if (!IsP256(key.get())) return ClearErrors(absl::InvalidArgumentError("not a P-256 key"));
  std::string x;
  std::string y;
  if (!Coordinate(key.get(), OSSL_PKEY_PARAM_EC_PUB_X, &x) ||
      !Coordinate(key.get(), OSSL_PKEY_PARAM_EC_PUB_Y, &y)) {
    return ClearErrors(absl::InternalError("cannot export P-256 public key"));
  }
  return P256PublicKey(std::move(key), std::move(x), std::move(y));
}

absl::StatusOr<P256PublicKey> P256PublicKey::FromCoordinates(std::string_view x,
                                                             std::string_view y) {
  if (x.size() != kP256CoordinateSize || y.size() != kP256CoordinateSize) {
    return absl::InvalidArgumentError("P-256 coordinates must be 32 bytes each");
  }
  // SEC 1 uncompressed point: 0x04 || x || y.
  std::string point = "\x04" + std::string(x) + std::string(y);
  const ParamBuilder builder(OSSL_PARAM_BLD_new(), &OSSL_PARAM_BLD_free);
  if (builder == nullptr ||
      OSSL_PARAM_BLD_push_utf8_string(builder.get(), OSSL_PKEY_PARAM_GROUP_NAME, kGroupName, 0) !=
          1 ||
      OSSL_PARAM_BLD_push_octet_string(builder.get(), OSSL_PKEY_PARAM_PUB_KEY, point.data(),
                                       point.size()) != 1) {
    return ClearErrors(absl::InternalError("cannot build P-256 key parameters"));
  }
  const Params params(OSSL_PARAM_BLD_to_param(builder.get()), &OSSL_PARAM_free);
  const PkeyCtx ctx(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr), &EVP_PKEY_CTX_free);
  EVP_PKEY* raw = nullptr;
  if (params == nullptr || ctx == nullptr || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
      EVP_PKEY_fromdata(ctx.get(), &raw, EVP_PKEY_PUBLIC_KEY, params.get()) != 1) {
    return ClearErrors(absl::InvalidArgumentError("invalid P-256 public key"));
  }
  SharedKey key = Own(raw);
  // An off-curve point must never reach a verifier (invalid-curve attacks).
  const PkeyCtx check(EVP_PKEY_CTX_new_from_pkey(nullptr, key.get(), nullptr), &EVP_PKEY_CTX_free);
  if (check == nullptr || EVP_PKEY_public_check(check.get()) != 1) {
    return ClearErrors(absl::InvalidArgumentError("P-256 public key is not on the curve"));
  }
  return FromKey(std::move(key));
}

absl::StatusOr<P256PublicKey> P256PublicKey::FromPem(std::string_view pem) {
  absl::StatusOr<SharedKey> key = internal::PublicKeyFromPem(pem, "EC");
  if (!key.ok()) return key.status();
  return FromKey(*std::move(key));
}

absl::StatusOr<std::string> P256PublicKey::ToPem() const {
  return internal::PublicKeyToPem(key_.get());
}

bool P256PublicKey::Verify(std::string_view message, std::string_view signature) const {
  absl::StatusOr<std::string> der = JoseToDerSignature(signature);
  return der.ok() && internal::DigestVerify(key_.get(), "SHA256", message, *der);
}

P256PrivateKey::P256PrivateKey(SharedKey key, P256PublicKey public_key)
    : key_(std::move(key)), public_key_(std::move(public_key)) {}

absl::StatusOr<P256PrivateKey> P256PrivateKey::FromKey(SharedKey key) {
  absl::StatusOr<P256PublicKey> embedded = P256PublicKey::FromKey(key);
  if (!embedded.ok()) return embedded.status();
  // The public half gets its own EVP_PKEY so that verifiers never hold the secret.
  absl::StatusOr<P256PublicKey> detached =
      P256PublicKey::FromCoordinates(embedded->x(), embedded->y());
  if (!detached.ok()) return detached.status();
  return P256PrivateKey(std::move(key), *std::move(detached));
}

absl::StatusOr<P256PrivateKey> P256PrivateKey::Generate() {
  SharedKey key = Own(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
  if (key == nullptr) return ClearErrors(absl::InternalError("P-256 key generation failed"));
  return FromKey(std::move(key));
}

absl::StatusOr<P256PrivateKey> P256PrivateKey::FromPem(std::string_view pem) {
  absl::StatusOr<SharedKey> key = internal::PrivateKeyFromPem(pem, "EC");
  if (!key.ok()) return key.status();
  return FromKey(*std::move(key));
}

absl::StatusOr<P256PrivateKey> P256PrivateKey::ReadPemFile(const std::filesystem::path& path) {
  absl::StatusOr<std::string> pem = ReadPrivateFile(path);
  if (!pem.ok()) return pem.status();
  absl::StatusOr<P256PrivateKey> key = FromPem(*pem);
  OPENSSL_cleanse(pem->data(), pem->size());
  if (!key.ok()) {
    return absl::InvalidArgumentError(path.string() + ": " + std::string(key.status().message()));
  }
  return key;
}

absl::StatusOr<std::string> P256PrivateKey::ToPem() const {
  return internal::PrivateKeyToPem(key_.get());
}

absl::Status P256PrivateKey::WritePemFile(const std::filesystem::path& path) const {
  absl::StatusOr<std::string> pem = ToPem();
  if (!pem.ok()) return pem.status();
  absl::Status created = CreatePrivateFile(path, *pem);
  OPENSSL_cleanse(pem->data(), pem->size());
  return created;
}

absl::StatusOr<std::string> P256PrivateKey::Sign(std::string_view message) const {
  absl::StatusOr<std::string> der = internal::DigestSign(key_.get(), "SHA256", message);
  if (!der.ok()) return der.status();
  return DerToJoseSignature(*der);
}

}  // namespace fgc::crypto
