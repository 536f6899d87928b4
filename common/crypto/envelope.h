// Envelope encryption of personal details (DESIGN §4): each conference has its own data key
// (DEK); the DEK is stored only wrapped (AES-256-GCM) by the key-encryption key (KEK).
//
// Erasure is crypto-shredding: delete the row that holds a conference's wrapped DEK and
// every field sealed under it becomes unreadable, in tables, logs and backups alike. For
// that to hold, nothing here caches keys: a DataKey lives in memory only while a caller
// holds it (it is move-only and wiped when destroyed), and unwrapping needs the stored
// wrapped bytes every time.
//
// Associated data (aad) binds every ciphertext to where it belongs, so a ciphertext copied
// to another row, field or conference fails to open:
//   wrapped DEK:  "fgc-dek-v1\n" + conference resource name ("tenants/t/conferences/c")
//   sealed field: "fgc-field-v1\n" + row resource name + "\n" + field name, where the row
//                 is the resource the field belongs to ("tenants/t/conferences/c/members/m")
//                 and the field is its proto field name ("phone"). Neither may contain '\n'.
#pragma once

#include <array>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "common/crypto/aes_gcm.h"

namespace fgc::crypto {

// 32 secret bytes that exist only in memory: no copies, wiped on destruction.
class SecretKey {
 public:
  SecretKey(const SecretKey&) = delete;
  SecretKey& operator=(const SecretKey&) = delete;
  SecretKey(SecretKey&& other) noexcept;
  SecretKey& operator=(SecretKey&& other) noexcept;
  ~SecretKey();

  // For AesGcmSeal/AesGcmOpen; valid while this object lives.
  std::string_view bytes() const;

 protected:
  explicit SecretKey(std::string_view bytes);  // exactly kAesGcmKeySize bytes

 private:
  std::array<unsigned char, kAesGcmKeySize> bytes_{};
};

class KeyEncryptionKey;

// A conference's data key: seals that conference's personal fields.
class DataKey final : public SecretKey {
 private:
  using SecretKey::SecretKey;
  friend absl::StatusOr<DataKey> GenerateDataKey();
  friend absl::StatusOr<DataKey> UnwrapDataKey(const KeyEncryptionKey& kek,
                                               std::string_view wrapped,
                                               std::string_view conference_name);
};

// The deployment's key-encryption key: wraps data keys, never seals data itself.
class KeyEncryptionKey final : public SecretKey {
 public:
  static absl::StatusOr<KeyEncryptionKey> FromBytes(std::string_view bytes);  // 32 bytes
  static absl::StatusOr<KeyEncryptionKey> FromBase64(std::string_view text);  // padded Base64

 private:
  using SecretKey::SecretKey;
};

// Where the development KEK lives: <state_dir>/keys/kek (Base64 text and a newline, so that
// `FGC_KEK=$(cat .fgc-state/keys/kek)` moves it into the environment unchanged).
std::filesystem::path KeyEncryptionKeyPath(const std::filesystem::path& state_dir);

enum class KekProvisioning {
  kCreateIfMissing,  // development: make <state>/keys (0700) and a random kek (0600)
  kRequireExisting,  // production: a missing KEK is FAILED_PRECONDITION, never a new one
};

// Loads the KEK: from `environment_value` (FGC_KEK: Base64 of 32 bytes) when given, else from
// KeyEncryptionKeyPath(state_dir). A malformed FGC_KEK is INVALID_ARGUMENT (no fallback to the
// file: a typo must not silently switch keys). Concurrent first starts agree on one key.
absl::StatusOr<KeyEncryptionKey> LoadKeyEncryptionKeyFrom(
    std::optional<std::string_view> environment_value, const std::filesystem::path& state_dir,
    KekProvisioning provisioning);
// The same with FGC_KEK read from the process environment.
absl::StatusOr<KeyEncryptionKey> LoadKeyEncryptionKey(const std::filesystem::path& state_dir,
                                                      KekProvisioning provisioning);

absl::StatusOr<DataKey> GenerateDataKey();

// The bytes to store for a conference's DEK, and back. Unwrap is DATA_LOSS for a wrong KEK,
// another conference's name, or any change to the stored bytes.
absl::StatusOr<std::string> WrapDataKey(const KeyEncryptionKey& kek, const DataKey& dek,
                                        std::string_view conference_name);
absl::StatusOr<DataKey> UnwrapDataKey(const KeyEncryptionKey& kek, std::string_view wrapped,
                                      std::string_view conference_name);

// Seals one personal field of one row (aad convention above). Open is DATA_LOSS for a wrong
// key, row or field, or changed bytes; INVALID_ARGUMENT for a name containing '\n'.
absl::StatusOr<std::string> SealField(const DataKey& dek, std::string_view plaintext,
                                      std::string_view row_name, std::string_view field);
absl::StatusOr<std::string> OpenField(const DataKey& dek, std::string_view sealed,
                                      std::string_view row_name, std::string_view field);

}  // namespace fgc::crypto
