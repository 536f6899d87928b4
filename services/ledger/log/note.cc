#include "services/ledger/log/note.h"

#include <optional>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/crypto/encoding.h"
#include "common/crypto/sha256.h"

namespace fgc::ledger::log {
namespace {

constexpr std::string_view kSignaturePrefix = "\xE2\x80\x94 ";  // U+2014 EM DASH, space
constexpr char kEd25519Type = 0x01;
constexpr size_t kKeyIdSize = 4;

// The code point starting at text[pos], advancing pos; nullopt for anything that is not
// the shortest UTF-8 encoding of a Unicode scalar value (RFC 3629).
std::optional<char32_t> NextCodePoint(std::string_view text, size_t& pos) {
  const auto at = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = at(pos);
  if (lead < 0x80) {
    ++pos;
    return lead;
  }
  size_t length = 0;
  char32_t minimum = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2;
    minimum = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3;
    minimum = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4;
    minimum = 0x10000;
  } else {
    return std::nullopt;
  }
  if (text.size() - pos < length) return std::nullopt;
  char32_t value = lead & (0x7F >> length);
  for (size_t i = 1; i < length; ++i) {
    if ((at(pos + i) & 0xC0) != 0x80) return std::nullopt;
    value = (value << 6) | (at(pos + i) & 0x3F);
  }
  if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    return std::nullopt;
  }
  pos += length;
  return value;
}

// Unicode White_Space (what Go's unicode.IsSpace accepts, which sumdb/note applies to names).
bool IsUnicodeSpace(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000;
}

// Valid UTF-8 and no ASCII control character other than newline: the rule for whole notes.
absl::Status CheckNoteCharacters(std::string_view text) {
  for (size_t pos = 0; pos < text.size();) {
    const size_t at = pos;
    std::optional<char32_t> c = NextCodePoint(text, pos);
    if (!c) return absl::InvalidArgumentError(absl::StrCat("invalid UTF-8 at byte ", at));
    if (*c < 0x20 && *c != '\n') {
      return absl::InvalidArgumentError(absl::StrCat("control character at byte ", at));
    }
  }
  return absl::OkStatus();
}

std::string KeyIdBytes(uint32_t key_id) {
  return std::string{static_cast<char>(key_id >> 24), static_cast<char>(key_id >> 16),
                     static_cast<char>(key_id >> 8), static_cast<char>(key_id)};
}

uint32_t KeyIdFromBytes(std::string_view bytes) {
  uint32_t key_id = 0;
  for (size_t i = 0; i < kKeyIdSize; ++i) key_id = (key_id << 8) | static_cast<uint8_t>(bytes[i]);
  return key_id;
}

std::string FormatVerifierKey(const std::string& name, uint32_t key_id,
                              const crypto::Ed25519PublicKey& key) {
  return absl::StrCat(name, "+", crypto::HexEncode(KeyIdBytes(key_id)), "+",
                      crypto::Base64Encode(absl::StrCat(std::string(1, kEd25519Type), key.raw())));
}

// One "— <name> <base64(key id || signature)>" line, without its newline.
struct SignatureLine {
  std::string_view name;
  uint32_t key_id = 0;
  std::string signature;
};

absl::StatusOr<SignatureLine> ParseSignatureLine(std::string_view line) {
  if (!line.starts_with(kSignaturePrefix)) {
    return absl::InvalidArgumentError("signature line does not start with an em dash and space");
  }
  line.remove_prefix(kSignaturePrefix.size());
  const size_t space = line.find(' ');
  if (space == std::string_view::npos) {
    return absl::InvalidArgumentError("signature line has no space between name and signature");
  }
  SignatureLine parsed;
  parsed.name = line.substr(0, space);
  if (absl::Status s = CheckNoteKeyName(parsed.name); !s.ok()) return s;
  absl::StatusOr<std::string> decoded = crypto::Base64Decode(line.substr(space + 1));
  if (!decoded.ok() || decoded->size() <= kKeyIdSize) {
    return absl::InvalidArgumentError("signature line does not end in a base64 signature");
  }
  parsed.key_id = KeyIdFromBytes(*decoded);
  parsed.signature = decoded->substr(kKeyIdSize);
  return parsed;
}

// The signature block (after the last blank line) split into lines, each checked.
absl::StatusOr<std::vector<SignatureLine>> ParseSignatureBlock(std::string_view block) {
  if (block.empty() || block.back() != '\n') {
    return absl::InvalidArgumentError("note does not end in a signature line and newline");
  }
  std::vector<SignatureLine> lines;
  while (!block.empty()) {
    if (lines.size() == kMaxNoteSignatures) {
      return absl::InvalidArgumentError(
          absl::StrCat("note has more than ", kMaxNoteSignatures, " signatures"));
    }
    const size_t end = block.find('\n');
    absl::StatusOr<SignatureLine> line = ParseSignatureLine(block.substr(0, end));
    if (!line.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("signature line ", lines.size() + 1, ": ", line.status().message()));
    }
    lines.push_back(*std::move(line));
    block.remove_prefix(end + 1);
  }
  return lines;
}

}  // namespace

uint32_t NoteKeyId(std::string_view name, const crypto::Ed25519PublicKey& key) {
  const std::string digest =
      crypto::Sha256({name, "\n", std::string_view(&kEd25519Type, 1), key.raw()});
  return KeyIdFromBytes(digest);
}

absl::Status CheckNoteKeyName(std::string_view name) {
  if (name.empty()) return absl::InvalidArgumentError("key name is empty");
  for (size_t pos = 0; pos < name.size();) {
    std::optional<char32_t> c = NextCodePoint(name, pos);
    if (!c) return absl::InvalidArgumentError("key name is not valid UTF-8");
    if (IsUnicodeSpace(*c) || *c == '+' || *c < 0x20) {
      return absl::InvalidArgumentError("key name contains a space, '+' or control character");
    }
  }
  return absl::OkStatus();
}

absl::Status CheckNoteText(std::string_view text) {
  if (text.empty() || text.back() != '\n') {
    return absl::InvalidArgumentError("note text must end in a newline");
  }
  return CheckNoteCharacters(text);
}

absl::StatusOr<NoteSigner> NoteSigner::Create(std::string name, crypto::Ed25519PrivateKey key) {
  if (absl::Status s = CheckNoteKeyName(name); !s.ok()) return s;
  const uint32_t key_id = NoteKeyId(name, key.public_key());
  return NoteSigner(std::move(name), std::move(key), key_id);
}

std::string NoteSigner::VerifierKey() const {
  return FormatVerifierKey(name_, key_id_, key_.public_key());
}

absl::StatusOr<std::string> NoteSigner::Sign(std::string_view text) const {
  if (absl::Status s = CheckNoteText(text); !s.ok()) return s;
  absl::StatusOr<std::string> signature = key_.Sign(text);
  if (!signature.ok()) return signature.status();
  std::string note(text);
  note += "\n";
  note += kSignaturePrefix;
  absl::StrAppend(&note, name_, " ",
                  crypto::Base64Encode(absl::StrCat(KeyIdBytes(key_id_), *signature)), "\n");
  if (note.size() > kMaxNoteSize) {
    return absl::InvalidArgumentError(
        absl::StrCat("signed note would exceed ", kMaxNoteSize, " bytes"));
  }
  return note;
}

absl::StatusOr<NoteVerifier> NoteVerifier::Create(std::string name, crypto::Ed25519PublicKey key) {
  if (absl::Status s = CheckNoteKeyName(name); !s.ok()) return s;
  const uint32_t key_id = NoteKeyId(name, key);
  return NoteVerifier(std::move(name), std::move(key), key_id);
}

absl::StatusOr<NoteVerifier> NoteVerifier::FromVerifierKey(std::string_view verifier_key) {
  const size_t first = verifier_key.find('+');
  const size_t second = first == std::string_view::npos ? first : verifier_key.find('+', first + 1);
  if (second == std::string_view::npos) {
    return absl::InvalidArgumentError("verifier key is not <name>+<key id>+<key>");
  }
  const std::string_view name = verifier_key.substr(0, first);
  const std::string_view hex_id = verifier_key.substr(first + 1, second - first - 1);
  absl::StatusOr<std::string> id_bytes = crypto::HexDecode(hex_id);
  if (hex_id.size() != 2 * kKeyIdSize || !id_bytes.ok()) {
    return absl::InvalidArgumentError("verifier key id is not 8 hex digits");
  }
  absl::StatusOr<std::string> typed_key = crypto::Base64Decode(verifier_key.substr(second + 1));
  if (!typed_key.ok() || typed_key->size() != 1 + crypto::kEd25519PublicKeySize ||
      (*typed_key)[0] != kEd25519Type) {
    return absl::InvalidArgumentError("verifier key is not a base64 Ed25519 (type 0x01) key");
  }
  absl::StatusOr<crypto::Ed25519PublicKey> key =
      crypto::Ed25519PublicKey::FromRaw(std::string_view(*typed_key).substr(1));
  if (!key.ok()) return absl::InvalidArgumentError("verifier key holds no Ed25519 public key");
  absl::StatusOr<NoteVerifier> verifier = Create(std::string(name), *std::move(key));
  if (!verifier.ok()) return verifier.status();
  if (verifier->key_id() != KeyIdFromBytes(*id_bytes)) {
    return absl::InvalidArgumentError("verifier key id does not match its name and key");
  }
  return verifier;
}

std::string NoteVerifier::VerifierKey() const { return FormatVerifierKey(name_, key_id_, key_); }

absl::StatusOr<std::string> NoteVerifier::Verify(std::string_view note) const {
  if (note.size() > kMaxNoteSize) {
    return absl::InvalidArgumentError(absl::StrCat("note exceeds ", kMaxNoteSize, " bytes"));
  }
  if (absl::Status s = CheckNoteCharacters(note); !s.ok()) return s;
  const size_t blank = note.rfind("\n\n");
  if (blank == std::string_view::npos) {
    return absl::InvalidArgumentError("note has no blank line before its signatures");
  }
  const std::string_view text = note.substr(0, blank + 1);
  absl::StatusOr<std::vector<SignatureLine>> lines = ParseSignatureBlock(note.substr(blank + 2));
  if (!lines.ok()) return lines.status();
  bool verified = false;
  for (const SignatureLine& line : *lines) {
    if (line.name != name_ || line.key_id != key_id_) continue;  // another key's: ignored
    if (!key_.Verify(text, line.signature)) {
      return absl::DataLossError(absl::StrCat("signature by ", name_, " does not verify"));
    }
    verified = true;
  }
  if (!verified) {
    return absl::NotFoundError(absl::StrCat("note carries no signature by ", VerifierKey()));
  }
  return std::string(text);
}

}  // namespace fgc::ledger::log
