#include "common/crypto/envelope.h"

#include <openssl/crypto.h>

#include <algorithm>
#include <cstdlib>
#include <utility>

#include "absl/strings/str_cat.h"
#include "common/crypto/encoding.h"
#include "common/crypto/private_file.h"
#include "common/crypto/random.h"

namespace fgc::crypto {
namespace {

constexpr std::string_view kDekAadPrefix = "fgc-dek-v1\n";
constexpr std::string_view kFieldAadPrefix = "fgc-field-v1\n";

absl::StatusOr<std::string> FieldAad(std::string_view row_name, std::string_view field) {
  if (row_name.empty() || field.empty() || row_name.find('\n') != std::string_view::npos ||
      field.find('\n') != std::string_view::npos) {
    return absl::InvalidArgumentError("row and field names must be non-empty and on one line");
  }
  std::string aad(kFieldAadPrefix);
  aad.append(row_name).append("\n").append(field);
  return aad;
}

absl::StatusOr<std::string> DekAad(std::string_view conference_name) {
  if (conference_name.empty() || conference_name.find('\n') != std::string_view::npos) {
    return absl::InvalidArgumentError("conference name must be non-empty and on one line");
  }
  std::string aad(kDekAadPrefix);
  aad.append(conference_name);
  return aad;
}

// Environment values and files often end in a newline.
std::string_view TrimWhitespace(std::string_view text) {
  const auto is_space = [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

// Reads the development KEK file, creating it first if allowed and absent.
absl::StatusOr<KeyEncryptionKey> LoadOrCreateKekFile(const std::filesystem::path& path,
                                                     KekProvisioning provisioning) {
  absl::StatusOr<std::string> text = ReadPrivateFile(path);
  if (absl::IsNotFound(text.status()) && provisioning == KekProvisioning::kCreateIfMissing) {
    absl::StatusOr<std::string> fresh = RandomBytes(kAesGcmKeySize);
    if (!fresh.ok()) return fresh.status();
    std::string encoded = Base64Encode(*fresh) + "\n";
    OPENSSL_cleanse(fresh->data(), fresh->size());
    absl::Status status = EnsurePrivateDirectory(path.parent_path());
    if (status.ok()) status = CreatePrivateFile(path, encoded);
    OPENSSL_cleanse(encoded.data(), encoded.size());
    // ALREADY_EXISTS: another process created it first; its key is the one to use.
    if (!status.ok() && !absl::IsAlreadyExists(status)) return status;
    text = ReadPrivateFile(path);
  }
  if (absl::IsNotFound(text.status())) {
    return absl::FailedPreconditionError(
        absl::StrCat("no key-encryption key: set FGC_KEK or provide ", path.string()));
  }
  if (!text.ok()) return text.status();
  absl::StatusOr<KeyEncryptionKey> kek = KeyEncryptionKey::FromBase64(TrimWhitespace(*text));
  OPENSSL_cleanse(text->data(), text->size());
  if (!kek.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat(path.string(), " does not hold the Base64 of 32 bytes"));
  }
  return kek;
}

}  // namespace

SecretKey::SecretKey(std::string_view bytes) {
  std::copy_n(bytes.begin(), std::min(bytes.size(), bytes_.size()), bytes_.begin());
}

SecretKey::SecretKey(SecretKey&& other) noexcept : bytes_(other.bytes_) {
  OPENSSL_cleanse(other.bytes_.data(), other.bytes_.size());
}

SecretKey& SecretKey::operator=(SecretKey&& other) noexcept {
  if (this != &other) {
    bytes_ = other.bytes_;
    OPENSSL_cleanse(other.bytes_.data(), other.bytes_.size());
  }
  return *this;
}

SecretKey::~SecretKey() { OPENSSL_cleanse(bytes_.data(), bytes_.size()); }

std::string_view SecretKey::bytes() const {
  return std::string_view(reinterpret_cast<const char*>(bytes_.data()), bytes_.size());
}

absl::StatusOr<KeyEncryptionKey> KeyEncryptionKey::FromBytes(std::string_view bytes) {
  if (bytes.size() != kAesGcmKeySize) {
    return absl::InvalidArgumentError("key-encryption key must be 32 bytes");
  }
  return KeyEncryptionKey(bytes);
}

absl::StatusOr<KeyEncryptionKey> KeyEncryptionKey::FromBase64(std::string_view text) {
  absl::StatusOr<std::string> bytes = Base64Decode(text);
  if (!bytes.ok()) {
    return absl::InvalidArgumentError("key-encryption key must be the Base64 of 32 bytes");
  }
  absl::StatusOr<KeyEncryptionKey> kek = FromBytes(*bytes);
  OPENSSL_cleanse(bytes->data(), bytes->size());
  return kek;
}

std::filesystem::path KeyEncryptionKeyPath(const std::filesystem::path& state_dir) {
  return state_dir / "keys" / "kek";
}

absl::StatusOr<KeyEncryptionKey> LoadKeyEncryptionKeyFrom(
    std::optional<std::string_view> environment_value, const std::filesystem::path& state_dir,
    KekProvisioning provisioning) {
  if (environment_value.has_value()) {
    absl::StatusOr<KeyEncryptionKey> kek =
        KeyEncryptionKey::FromBase64(TrimWhitespace(*environment_value));
    if (!kek.ok()) return absl::InvalidArgumentError("FGC_KEK must be the Base64 of 32 bytes");
    return kek;
  }
  return LoadOrCreateKekFile(KeyEncryptionKeyPath(state_dir), provisioning);
}

absl::StatusOr<KeyEncryptionKey> LoadKeyEncryptionKey(const std::filesystem::path& state_dir,
                                                      KekProvisioning provisioning) {
  const char* value = std::getenv("FGC_KEK");
  return LoadKeyEncryptionKeyFrom(
      value == nullptr ? std::nullopt : std::optional<std::string_view>(value), state_dir,
      provisioning);
}

absl::StatusOr<DataKey> GenerateDataKey() {
  absl::StatusOr<std::string> bytes = RandomBytes(kAesGcmKeySize);
  if (!bytes.ok()) return bytes.status();
  DataKey key(*bytes);
  OPENSSL_cleanse(bytes->data(), bytes->size());
  return key;
}

absl::StatusOr<std::string> WrapDataKey(const KeyEncryptionKey& kek, const DataKey& dek,
                                        std::string_view conference_name) {
  absl::StatusOr<std::string> aad = DekAad(conference_name);
  if (!aad.ok()) return aad.status();
  return AesGcmSeal(kek.bytes(), dek.bytes(), *aad);
}

absl::StatusOr<DataKey> UnwrapDataKey(const KeyEncryptionKey& kek, std::string_view wrapped,
                                      std::string_view conference_name) {
  absl::StatusOr<std::string> aad = DekAad(conference_name);
  if (!aad.ok()) return aad.status();
  absl::StatusOr<std::string> bytes = AesGcmOpen(kek.bytes(), wrapped, *aad);
  if (!bytes.ok()) return bytes.status();
  if (bytes->size() != kAesGcmKeySize) {
    OPENSSL_cleanse(bytes->data(), bytes->size());
    return absl::DataLossError("wrapped data key has the wrong size");
  }
  DataKey key(*bytes);
  OPENSSL_cleanse(bytes->data(), bytes->size());
  return key;
}

absl::StatusOr<std::string> SealField(const DataKey& dek, std::string_view plaintext,
                                      std::string_view row_name, std::string_view field) {
  absl::StatusOr<std::string> aad = FieldAad(row_name, field);
  if (!aad.ok()) return aad.status();
  return AesGcmSeal(dek.bytes(), plaintext, *aad);
}

absl::StatusOr<std::string> OpenField(const DataKey& dek, std::string_view sealed,
                                      std::string_view row_name, std::string_view field) {
  absl::StatusOr<std::string> aad = FieldAad(row_name, field);
  if (!aad.ok()) return aad.status();
  return AesGcmOpen(dek.bytes(), sealed, *aad);
}

}  // namespace fgc::crypto
