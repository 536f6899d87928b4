#include "common/crypto/random.h"

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/rand.h>

#include <climits>

#include "absl/status/status.h"
#include "common/crypto/encoding.h"

namespace fgc::crypto {

absl::StatusOr<std::string> RandomBytes(size_t n) {
  if (n > static_cast<size_t>(INT_MAX)) {
    return absl::InvalidArgumentError("RandomBytes: request too large");
  }
  std::string bytes(n, '\0');
  if (n > 0 &&
      RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), static_cast<int>(n)) != 1) {
    ERR_clear_error();
    return absl::InternalError("random generator failed");
  }
  return bytes;
}

absl::StatusOr<std::string> NewOpaqueToken() {
  absl::StatusOr<std::string> bytes = RandomBytes(kOpaqueTokenBytes);
  if (!bytes.ok()) return bytes.status();
  std::string token = Base64UrlEncode(*bytes);
  OPENSSL_cleanse(bytes->data(), bytes->size());
  return token;
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace fgc::crypto
