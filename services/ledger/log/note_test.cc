#include "services/ledger/log/note.h"

#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "common/crypto/encoding.h"
#include "common/crypto/sha256.h"

namespace fgc::ledger::log {
namespace {

// The example of golang.org/x/mod/sumdb/note's documentation and tests: a key, a text and
// the note the reference implementation signs (Ed25519 is deterministic, so ours must match).
constexpr char kGoVerifierKey[] =
    "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
constexpr char kGoSignerKeyData[] = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
constexpr char kGoText[] =
    "If you think cryptography is the answer to your problem,\n"
    "then you don't know what your problem is.\n";
constexpr char kGoSignatureLine[] =
    "\xE2\x80\x94 PeterNeumann "
    "x08go/ZJkuBS9UG/"
    "SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

NoteSigner GoSigner() {
  const std::string data = crypto::Base64Decode(kGoSignerKeyData).value();  // 0x01 || seed
  return NoteSigner::Create("PeterNeumann",
                            crypto::Ed25519PrivateKey::FromSeed(data.substr(1)).value())
      .value();
}

NoteSigner NewSigner(std::string name) {
  return NoteSigner::Create(std::move(name), crypto::Ed25519PrivateKey::Generate().value()).value();
}

NoteVerifier VerifierOf(const NoteSigner& signer) {
  return NoteVerifier::FromVerifierKey(signer.VerifierKey()).value();
}

// The signature line `signer` adds to `text`.
std::string SignatureLine(const NoteSigner& signer, std::string_view text) {
  return signer.Sign(text).value().substr(text.size() + 1);
}

TEST(Note, SignsExactlyAsTheGoReferenceImplementation) {
  const NoteSigner signer = GoSigner();
  EXPECT_EQ(signer.VerifierKey(), kGoVerifierKey);
  EXPECT_EQ(signer.Sign(kGoText).value(), absl::StrCat(kGoText, "\n", kGoSignatureLine));
}

TEST(Note, VerifiesTheGoReferenceNote) {
  const NoteVerifier verifier = NoteVerifier::FromVerifierKey(kGoVerifierKey).value();
  EXPECT_EQ(verifier.Verify(absl::StrCat(kGoText, "\n", kGoSignatureLine)).value(), kGoText);
}

// Key id = SHA-256(name || 0x0A || 0x01 || public key)[:4], big-endian, computed here by hand.
TEST(Note, KeyIdFollowsTheC2spDefinition) {
  const crypto::Ed25519PrivateKey key = crypto::Ed25519PrivateKey::Generate().value();
  const NoteSigner signer = NoteSigner::Create("example.com/fgc/tenant-7", key).value();
  const std::string typed_key = "\x01" + key.public_key().raw();
  const std::string digest = crypto::Sha256("example.com/fgc/tenant-7\n" + typed_key);
  const uint32_t want = (uint32_t{static_cast<uint8_t>(digest[0])} << 24) |
                        (uint32_t{static_cast<uint8_t>(digest[1])} << 16) |
                        (uint32_t{static_cast<uint8_t>(digest[2])} << 8) |
                        uint32_t{static_cast<uint8_t>(digest[3])};
  EXPECT_EQ(signer.key_id(), want);
  EXPECT_EQ(NoteKeyId("example.com/fgc/tenant-7", key.public_key()), want);
  EXPECT_EQ(signer.VerifierKey(),
            absl::StrCat("example.com/fgc/tenant-7+", crypto::HexEncode(digest.substr(0, 4)), "+",
                         crypto::Base64Encode(typed_key)));
  EXPECT_EQ(GoSigner().key_id(), 0xc74f20a3u);
}

TEST(Note, SignedNoteVerifiesToItsText) {
  const NoteSigner signer = NewSigner("example.com/log");
  const std::string text = "example.com/log\n3\nAAAA\n";
  EXPECT_EQ(VerifierOf(signer).Verify(signer.Sign(text).value()).value(), text);
}

TEST(Note, EveryChangedByteIsRejected) {
  const NoteSigner signer = NewSigner("example.com/log");
  const NoteVerifier verifier = VerifierOf(signer);
  const std::string note = signer.Sign("example.com/log\n12\nsome root\nmore\n").value();
  for (size_t i = 0; i < note.size(); ++i) {
    for (int delta = 1; delta < 256; ++delta) {
      std::string changed = note;
      changed[i] = static_cast<char>(static_cast<uint8_t>(note[i]) + delta);
      ASSERT_FALSE(verifier.Verify(changed).ok()) << "byte " << i << " + " << delta;
    }
  }
}

TEST(Note, TruncatedOrExtendedNotesAreRejected) {
  const NoteSigner signer = NewSigner("example.com/log");
  const NoteVerifier verifier = VerifierOf(signer);
  const std::string note = signer.Sign("a\nb\n").value();
  for (size_t length = 0; length < note.size(); ++length) {
    EXPECT_FALSE(verifier.Verify(note.substr(0, length)).ok()) << length;
  }
  EXPECT_FALSE(verifier.Verify(note + "x").ok());
  EXPECT_FALSE(verifier.Verify(note + "\n").ok());
}

TEST(Note, SignatureByAnUnknownKeyOfTheSameNameIsRejected) {
  const NoteSigner signer = NewSigner("example.com/log");
  const NoteSigner impostor = NewSigner("example.com/log");
  EXPECT_EQ(VerifierOf(signer).Verify(impostor.Sign("text\n").value()).status().code(),
            absl::StatusCode::kNotFound);
}

TEST(Note, SignatureUnderAnotherKeyNameIsRejected) {
  const crypto::Ed25519PrivateKey key = crypto::Ed25519PrivateKey::Generate().value();
  const NoteSigner signer = NoteSigner::Create("example.com/log", key).value();
  const NoteSigner renamed = NoteSigner::Create("example.com/other", key).value();
  EXPECT_EQ(VerifierOf(signer).Verify(renamed.Sign("text\n").value()).status().code(),
            absl::StatusCode::kNotFound);
}

TEST(Note, SignaturesByOtherKeysAreIgnored) {
  const NoteSigner signer = NewSigner("example.com/log");
  const NoteSigner witness = NewSigner("example.com/witness");
  const std::string text = "text\n";
  const std::string note = signer.Sign(text).value() + SignatureLine(witness, text);
  EXPECT_EQ(VerifierOf(signer).Verify(note).value(), text);
  EXPECT_EQ(VerifierOf(witness).Verify(note).value(), text);
}

TEST(Note, AFailingSignatureByTheKnownKeyRejectsTheWholeNote) {
  const NoteSigner signer = NewSigner("example.com/log");
  const std::string note = signer.Sign("text\n").value() + SignatureLine(signer, "other\n");
  EXPECT_EQ(VerifierOf(signer).Verify(note).status().code(), absl::StatusCode::kDataLoss);
}

TEST(Note, MalformedNotesAreRejected) {
  const NoteSigner signer = NewSigner("example.com/log");
  const NoteVerifier verifier = VerifierOf(signer);
  const std::string line = SignatureLine(signer, "text\n");
  const std::string good = "text\n\n" + line;
  ASSERT_TRUE(verifier.Verify(good).ok());
  for (const std::string& bad : {
           "text\n" + line,                               // no blank line
           std::string("text\n\n"),                       // no signature
           "text\n\n" + line.substr(4),                   // no em dash
           "text\n\n-- " + line.substr(4),                // ASCII lookalike
           "text\n\n" + line + "junk\n",                  // a line that is not a signature
           "te\txt\n\n" + line,                           // control character
           "text\xff\n\n" + line,                         // invalid UTF-8
           "text\n\n" + line.substr(0, line.size() - 1),  // unterminated
       }) {
    EXPECT_EQ(verifier.Verify(bad).status().code(), absl::StatusCode::kInvalidArgument) << bad;
  }
}

TEST(Note, OverLongNotesAreRejected) {
  const NoteSigner signer = NewSigner("example.com/log");
  const std::string text(kMaxNoteSize, 'a');
  EXPECT_EQ(signer.Sign(text.substr(0, kMaxNoteSize - 1) + "\n").status().code(),
            absl::StatusCode::kInvalidArgument);
  const std::string note = signer.Sign("text\n").value();
  EXPECT_EQ(VerifierOf(signer).Verify(std::string(kMaxNoteSize, '\n') + note).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(Note, TooManySignaturesAreRejected) {
  const NoteSigner signer = NewSigner("example.com/log");
  const NoteSigner witness = NewSigner("example.com/witness");
  std::string note = signer.Sign("text\n").value();
  const std::string line = SignatureLine(witness, "text\n");
  for (size_t i = 1; i < kMaxNoteSignatures; ++i) note += line;
  EXPECT_TRUE(VerifierOf(signer).Verify(note).ok());
  note += line;
  EXPECT_EQ(VerifierOf(signer).Verify(note).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(Note, SignRefusesTextsANoteCannotCarry) {
  const NoteSigner signer = NewSigner("example.com/log");
  for (std::string_view text : {"", "no newline", "tab\there\n", "bad \xc3\x28 utf8\n"}) {
    EXPECT_EQ(signer.Sign(text).status().code(), absl::StatusCode::kInvalidArgument) << text;
  }
}

TEST(Note, KeyNamesHaveNoSpacesOrPlus) {
  for (std::string_view name : {"", "a b", "a+b", "a\tb",
                                "a\xc2\xa0"
                                "b",
                                "a\xe3\x80\x80"
                                "b",
                                "\xff"}) {
    EXPECT_FALSE(CheckNoteKeyName(name).ok()) << name;
  }
  EXPECT_TRUE(CheckNoteKeyName("example.com/fgc/tenant-7").ok());
  EXPECT_TRUE(CheckNoteKeyName("caf\xc3\xa9").ok());
}

TEST(Note, VerifierKeyRoundTrips) {
  const NoteSigner signer = NewSigner("example.com/log");
  const NoteVerifier verifier = VerifierOf(signer);
  EXPECT_EQ(verifier.VerifierKey(), signer.VerifierKey());
  EXPECT_EQ(verifier.name(), "example.com/log");
  EXPECT_EQ(verifier.key_id(), signer.key_id());
}

// As the Go implementation's test does: no deletion of any part of a key string is a key.
TEST(Note, EveryManglingOfAVerifierKeyIsRejected) {
  const std::string key = kGoVerifierKey;
  for (size_t i = 0; i <= key.size(); ++i) {
    for (size_t j = i + 1; j <= key.size(); ++j) {
      const std::string mangled = key.substr(0, i) + key.substr(j);
      EXPECT_FALSE(NoteVerifier::FromVerifierKey(mangled).ok()) << mangled;
    }
  }
}

TEST(Note, VerifierKeyWithAWrongIdOrTypeIsRejected) {
  EXPECT_FALSE(NoteVerifier::FromVerifierKey(
                   "PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")
                   .ok());
  EXPECT_FALSE(NoteVerifier::FromVerifierKey(
                   "PeterNeumann+c74f20a3+Ahpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")
                   .ok());
  EXPECT_FALSE(NoteVerifier::FromVerifierKey(
                   "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW+x")
                   .ok());
}

}  // namespace
}  // namespace fgc::ledger::log
