#include "services/ledger/log/checkpoint.h"

#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "common/crypto/encoding.h"
#include "services/ledger/log/merkle.h"

namespace fgc::ledger::log {
namespace {

Checkpoint Example() {
  return Checkpoint{.origin = "fgc.example.org/ledger/tenant-7",
                    .size = 20852163,
                    .root = LeafHash("some root"),
                    .extensions = {}};
}

TEST(Checkpoint, FormatsTheThreeLinesOfTheSpec) {
  const Checkpoint checkpoint = Example();
  EXPECT_EQ(checkpoint.Format().value(), absl::StrCat("fgc.example.org/ledger/tenant-7\n20852163\n",
                                                      crypto::Base64Encode(checkpoint.root), "\n"));
}

TEST(Checkpoint, ParsesTheSpecExample) {
  const Checkpoint parsed = Checkpoint::Parse(
                                "example.com/behind-the-sofa\n20852163\n"
                                "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n")
                                .value();
  EXPECT_EQ(parsed.origin, "example.com/behind-the-sofa");
  EXPECT_EQ(parsed.size, 20852163u);
  EXPECT_EQ(crypto::Base64Encode(parsed.root), "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=");
  EXPECT_TRUE(parsed.extensions.empty());
}

TEST(Checkpoint, RoundTripsWithExtensionsAndEmptyTree) {
  Checkpoint checkpoint = Example();
  checkpoint.extensions = {"first extension", "second"};
  EXPECT_EQ(Checkpoint::Parse(checkpoint.Format().value()).value(), checkpoint);
  checkpoint = Checkpoint{.origin = "o", .size = 0, .root = EmptyRoot(), .extensions = {}};
  EXPECT_EQ(Checkpoint::Parse(checkpoint.Format().value()).value(), checkpoint);
  checkpoint.size = kMaxTreeSize;
  EXPECT_EQ(Checkpoint::Parse(checkpoint.Format().value()).value(), checkpoint);
}

TEST(Checkpoint, ParseRejectsMalformedText) {
  const std::string root = crypto::Base64Encode(LeafHash("x"));
  const std::string short_root = crypto::Base64Encode(std::string(31, 'r'));
  for (const std::string& text : std::vector<std::string>{
           "",
           "origin\n5\n" + root,                               // no final newline
           "origin\n5\n",                                      // no root
           "\n5\n" + root + "\n",                              // empty origin
           "origin\n05\n" + root + "\n",                       // leading zero
           "origin\n+5\n" + root + "\n",                       // sign
           "origin\n 5\n" + root + "\n",                       // space
           "origin\n\n" + root + "\n",                         // empty size
           "origin\n5x\n" + root + "\n",                       // not decimal
           "origin\n9223372036854775808\n" + root + "\n",      // beyond kMaxTreeSize
           "origin\n99999999999999999999999\n" + root + "\n",  // beyond uint64
           "origin\n5\n" + short_root + "\n",                  // 31-byte root
           "origin\n5\n" + root.substr(0, 43) + "\n",          // not base64
           "origin\n5\n" + root + "\n\n",                      // empty extension line
           "origin\n5\n" + root + "\next\n\n",                 // trailing blank line
           "origin\n5\n" + root + "\nex\tt\n",                 // control character
           "origin\r\n5\n" + root + "\n",                      // CR
       }) {
    EXPECT_EQ(Checkpoint::Parse(text).status().code(), absl::StatusCode::kInvalidArgument) << text;
  }
}

TEST(Checkpoint, FormatRejectsWhatCannotBeWritten) {
  Checkpoint checkpoint = Example();
  checkpoint.origin = "";
  EXPECT_FALSE(checkpoint.Format().ok());
  checkpoint = Example();
  checkpoint.origin = "two\nlines";
  EXPECT_FALSE(checkpoint.Format().ok());
  checkpoint = Example();
  checkpoint.root = "short";
  EXPECT_FALSE(checkpoint.Format().ok());
  checkpoint = Example();
  checkpoint.extensions = {""};
  EXPECT_FALSE(checkpoint.Format().ok());
  checkpoint = Example();
  checkpoint.size = kMaxTreeSize + 1;
  EXPECT_FALSE(checkpoint.Format().ok());
  checkpoint = Example();
  checkpoint.origin = "tab\there";
  EXPECT_FALSE(checkpoint.Format().ok());
}

TEST(Checkpoint, OpensASignedCheckpointOfTheExpectedLog) {
  const Checkpoint checkpoint = Example();
  const NoteSigner signer =
      NoteSigner::Create(checkpoint.origin, crypto::Ed25519PrivateKey::Generate().value()).value();
  const NoteVerifier verifier = NoteVerifier::FromVerifierKey(signer.VerifierKey()).value();
  const std::string note = signer.Sign(checkpoint.Format().value()).value();
  EXPECT_EQ(OpenCheckpoint(note, verifier, checkpoint.origin).value(), checkpoint);
  EXPECT_EQ(OpenCheckpoint(note, verifier, "another/log").status().code(),
            absl::StatusCode::kInvalidArgument);
  std::string altered = note;
  altered[altered.find("20852163")] = '3';
  EXPECT_FALSE(OpenCheckpoint(altered, verifier, checkpoint.origin).ok());
}

TEST(Checkpoint, OpenRejectsASignedNoteThatIsNotACheckpoint) {
  const NoteSigner signer =
      NoteSigner::Create("log", crypto::Ed25519PrivateKey::Generate().value()).value();
  const NoteVerifier verifier = NoteVerifier::FromVerifierKey(signer.VerifierKey()).value();
  EXPECT_EQ(
      OpenCheckpoint(signer.Sign("log\nnot a size\n").value(), verifier, "log").status().code(),
      absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace fgc::ledger::log
