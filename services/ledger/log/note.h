// C2SP signed notes (c2sp.org/signed-note) with Ed25519 keys: the envelope that makes a
// ledger checkpoint verifiable by anyone holding the log's verifier key string
// ("<name>+<8 hex digit key id>+<base64(0x01 || public key)>", as golang.org/x/mod/sumdb/note
// writes it). Signers and verifiers are immutable and thread-safe.
//
// Errors: INVALID_ARGUMENT for malformed text, notes, names or verifier keys; NOT_FOUND when a
// note carries no signature by the verifier's key (name and key id); DATA_LOSS when it carries
// one that does not verify (the note was altered).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "common/crypto/ed25519.h"

namespace fgc::ledger::log {

// Limits a verifier applies before any cryptography. The spec asks for at least 16
// signatures; these leave room for post-quantum cosignatures (about 5 kB each).
inline constexpr size_t kMaxNoteSize = 1 << 20;
inline constexpr size_t kMaxNoteSignatures = 100;

// The C2SP Ed25519 key id: the first 4 bytes, big-endian, of
// SHA-256(name || 0x0A || 0x01 || 32-byte public key).
uint32_t NoteKeyId(std::string_view name, const crypto::Ed25519PublicKey& key);

// OK for a usable key name: non-empty UTF-8 with no Unicode space and no '+'.
absl::Status CheckNoteKeyName(std::string_view name);

// OK for a text a note can carry: non-empty, ending in a newline, valid UTF-8 with no ASCII
// control character other than newline.
absl::Status CheckNoteText(std::string_view text);

class NoteSigner {
 public:
  static absl::StatusOr<NoteSigner> Create(std::string name, crypto::Ed25519PrivateKey key);

  const std::string& name() const { return name_; }
  uint32_t key_id() const { return key_id_; }
  // "<name>+<key id as 8 lowercase hex digits>+<base64(0x01 || public key)>".
  std::string VerifierKey() const;

  // The signed note: `text`, a blank line, and the signature line
  // "— <name> <base64(key id || Ed25519 signature of text)>\n" (U+2014 EM DASH, a space).
  // INVALID_ARGUMENT unless CheckNoteText(text) passes and the note fits kMaxNoteSize.
  absl::StatusOr<std::string> Sign(std::string_view text) const;

 private:
  NoteSigner(std::string name, crypto::Ed25519PrivateKey key, uint32_t key_id)
      : name_(std::move(name)), key_(std::move(key)), key_id_(key_id) {}

  std::string name_;
  crypto::Ed25519PrivateKey key_;
  uint32_t key_id_;
};

class NoteVerifier {
 public:
  // From a verifier key string; INVALID_ARGUMENT if malformed, not Ed25519, or if its key id
  // is not the one its name and key give.
  static absl::StatusOr<NoteVerifier> FromVerifierKey(std::string_view verifier_key);
  static absl::StatusOr<NoteVerifier> Create(std::string name, crypto::Ed25519PublicKey key);

  const std::string& name() const { return name_; }
  uint32_t key_id() const { return key_id_; }
  std::string VerifierKey() const;

  // The note's text (with its final newline) if a signature line by this key (same name and
  // key id) verifies. The whole note must be well formed: at most kMaxNoteSize bytes, UTF-8
  // without control characters other than newline, text and signature lines separated by
  // its last blank line, every signature line well formed (lines by other keys are otherwise
  // ignored, as the spec requires). Every line by this key must verify.
  absl::StatusOr<std::string> Verify(std::string_view note) const;

 private:
  NoteVerifier(std::string name, crypto::Ed25519PublicKey key, uint32_t key_id)
      : name_(std::move(name)), key_(std::move(key)), key_id_(key_id) {}

  std::string name_;
  crypto::Ed25519PublicKey key_;
  uint32_t key_id_;
};

}  // namespace fgc::ledger::log
