#include "clients/fgcctl/ledger_verify.h"

#include <gtest/gtest.h>

#include <functional>

#include "absl/strings/str_cat.h"
#include "services/ledger/entry/entry_time.h"
#include "services/ledger/entry/leaf_data.h"
#include "services/ledger/entry/ledger_names.h"
#include "services/ledger/entry/test_entries.h"
#include "services/ledger/log/checkpoint.h"
#include "services/ledger/log/compact_range.h"
#include "services/ledger/log/memory_node_store.h"

namespace fgc::ctl {
namespace {

using ledger::log::Checkpoint;
using ledger::log::NoteSigner;

constexpr char kOrigin[] = "fgc.test/tenants/t1/ledger";

NoteSigner NewSigner(const std::string& name = "fgc.test") {
  return NoteSigner::Create(name, crypto::Ed25519PrivateKey::Generate().value()).value();
}

// The canonical bytes of entry `index` of tenant t1: consents and uses of power by turns.
std::string LeafFor(int64_t index, int64_t named_index) {
  v1::LedgerEntry entry =
      index % 2 == 0 ? ledger::testing::ValidConsent() : ledger::testing::ValidPower();
  entry.set_index(named_index);
  entry.set_name(ledger::FormatEntryName("t1", named_index));
  *entry.mutable_record_time() = ToTimestamp(ledger::testing::TestNow());
  return ledger::CanonicalLeafData(entry).value();
}

// A log of the given leaves, as the service holds it: nodes, and signed checkpoints.
class SignedLog {
 public:
  SignedLog(const NoteSigner& signer, std::vector<std::string> leaves)
      : signer_(signer), leaves_(std::move(leaves)) {
    ledger::log::CompactRange range;
    std::vector<std::string> hashes;
    for (const auto& leaf : leaves_) hashes.push_back(ledger::log::LeafHash(leaf));
    EXPECT_TRUE(store_.Put(range.Append(hashes).value().nodes).ok());
  }

  std::string NoteAt(uint64_t size) const {
    Checkpoint checkpoint{kOrigin, size, store_.RootAt(size).value(), {}};
    return signer_.Sign(checkpoint.Format().value()).value();
  }

  // The export of the whole log, as `fgcctl ledger export` writes it.
  LedgerExport Export() const {
    LedgerExport x{"t1",
                   kOrigin,
                   signer_.VerifierKey(),
                   leaves_.size(),
                   store_.RootAt(leaves_.size()).value(),
                   NoteAt(leaves_.size()),
                   {}};
    for (uint64_t i = 0; i < leaves_.size(); ++i) {
      x.entries.push_back({i, leaves_[i], ledger::log::LeafHash(leaves_[i]),
                           store_.InclusionProof(i, leaves_.size()).value()});
    }
    return x;
  }

 private:
  const NoteSigner& signer_;
  std::vector<std::string> leaves_;
  ledger::log::MemoryNodeStore store_;
};

std::vector<std::string> Leaves(int64_t count) {
  std::vector<std::string> leaves;
  for (int64_t i = 0; i < count; ++i) leaves.push_back(LeafFor(i, i));
  return leaves;
}

std::string Where(const VerifyReport& report) {
  std::string all;
  for (const auto& f : report.failures) absl::StrAppend(&all, f.where, ": ", f.what, "\n");
  return all;
}

class LedgerVerify : public ::testing::Test {
 protected:
  VerifyReport Verify(const LedgerExport& x, std::optional<std::string> older = std::nullopt) {
    return VerifyLedgerExport(x, {signer_.VerifierKey(), std::move(older)});
  }

  NoteSigner signer_ = NewSigner();
  SignedLog log_{signer_, Leaves(5)};
};

TEST_F(LedgerVerify, AnExportOfTheLogVerifiesAndSaysWhatItChecked) {
  VerifyReport report = Verify(log_.Export());
  ASSERT_TRUE(report.ok()) << Where(report);
  EXPECT_EQ(report.entry_count, 5u);
  EXPECT_EQ(report.tree_size, 5u);
  EXPECT_EQ(report.origin, kOrigin);
  EXPECT_EQ(report.key_name, "fgc.test");
  EXPECT_FALSE(report.key_from_file);
  EXPECT_TRUE(report.warnings.empty());
}

TEST_F(LedgerVerify, AKeyTakenFromTheFileIsUsedWithAWarning) {
  VerifyReport report = VerifyLedgerExport(log_.Export(), {});
  ASSERT_TRUE(report.ok()) << Where(report);
  EXPECT_TRUE(report.key_from_file);
  ASSERT_EQ(report.warnings.size(), 1u);
  EXPECT_NE(report.warnings[0].find("proves nothing"), std::string::npos);
}

TEST_F(LedgerVerify, AFlippedLeafByteNamesItsEntry) {
  LedgerExport x = log_.Export();
  x.entries[1].leaf_data[40] ^= 0x01;
  VerifyReport report = Verify(x);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.failures[0].where, "entry 1") << Where(report);
  EXPECT_EQ(Where(report).find("entry 0"), std::string::npos) << Where(report);
  EXPECT_EQ(Where(report).find("entry 2"), std::string::npos) << Where(report);
}

TEST_F(LedgerVerify, AnAlteredLeafWithItsHashRecomputedIsCaughtByItsProof) {
  LedgerExport x = log_.Export();
  x.entries[3].leaf_data = LeafFor(2, 3);  // a consent where a use of power was
  x.entries[3].leaf_hash = ledger::log::LeafHash(x.entries[3].leaf_data);
  VerifyReport report = Verify(x);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.failures[0].where, "entry 3");
  EXPECT_NE(report.failures[0].what.find("not what the log committed to"), std::string::npos)
      << Where(report);
}

TEST_F(LedgerVerify, AFlippedProofHashNamesTheEntryAndTheHash) {
  LedgerExport x = log_.Export();
  x.entries[2].inclusion_proof[1][7] ^= 0x20;
  VerifyReport report = Verify(x);
  ASSERT_EQ(report.failures.size(), 1u) << Where(report);
  EXPECT_EQ(report.failures[0].where, "entry 2");
  EXPECT_NE(report.failures[0].what.find("inclusion proof hash 1"), std::string::npos)
      << Where(report);
}

TEST_F(LedgerVerify, AFlippedByteInTheNotesRootLineNamesThatLine) {
  LedgerExport x = log_.Export();
  const size_t root_line = x.note.find('\n', x.note.find('\n') + 1) + 1;
  x.note[root_line + 3] ^= 0x01;
  VerifyReport report = Verify(x);
  ASSERT_EQ(report.failures.size(), 1u) << Where(report);
  EXPECT_EQ(report.failures[0].where, "checkpoint note");
  EXPECT_NE(report.failures[0].what.find("line 3 (the root hash)"), std::string::npos)
      << Where(report);
}

TEST_F(LedgerVerify, AFlippedSignatureByteNamesTheSignatureLine) {
  LedgerExport x = log_.Export();
  x.note[x.note.size() - 10] ^= 0x01;
  VerifyReport report = Verify(x);
  ASSERT_EQ(report.failures.size(), 1u) << Where(report);
  EXPECT_EQ(report.failures[0].where, "checkpoint note");
  EXPECT_NE(report.failures[0].what.find("signature (line 5)"), std::string::npos) << Where(report);
}

TEST_F(LedgerVerify, AnAlteredCopyOfTheRootIsNamed) {
  LedgerExport x = log_.Export();
  x.root_hash[0] ^= 0x01;
  VerifyReport report = Verify(x);
  ASSERT_EQ(report.failures.size(), 1u) << Where(report);
  EXPECT_EQ(report.failures[0].where, "checkpoint.root_hash");
}

TEST_F(LedgerVerify, ADroppedEntryIsNamed) {
  LedgerExport x = log_.Export();
  x.entries.pop_back();
  VerifyReport report = Verify(x);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.failures[0].where, "entries") << Where(report);
}

TEST_F(LedgerVerify, ALeafThatNamesAnotherIndexIsNamedEvenWhenSigned) {
  std::vector<std::string> leaves = Leaves(3);
  leaves[1] = LeafFor(1, 2);
  SignedLog log(signer_, leaves);
  VerifyReport report = Verify(log.Export());
  ASSERT_EQ(report.failures.size(), 1u) << Where(report);
  EXPECT_EQ(report.failures[0].where, "entry 1");
  EXPECT_NE(report.failures[0].what.find("index 2"), std::string::npos) << Where(report);
}

TEST_F(LedgerVerify, AnotherKeyIsRefused) {
  NoteSigner other = NewSigner("fgc.test");
  VerifyReport report = VerifyLedgerExport(log_.Export(), {other.VerifierKey(), std::nullopt});
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.failures[0].where, "verifier_key") << Where(report);
  EXPECT_EQ(report.failures[1].where, "checkpoint note") << Where(report);
}

TEST_F(LedgerVerify, AnOlderCheckpointOfAPrefixVerifies) {
  VerifyReport report = Verify(log_.Export(), log_.NoteAt(3));
  ASSERT_TRUE(report.ok()) << Where(report);
  EXPECT_EQ(report.older_tree_size, 3u);
}

TEST_F(LedgerVerify, AnOlderCheckpointOfAnotherHistoryFails) {
  std::vector<std::string> leaves = Leaves(3);
  leaves[2] = LeafFor(1, 2);  // a use of power where a consent was
  SignedLog rewritten(signer_, leaves);
  VerifyReport report = Verify(log_.Export(), rewritten.NoteAt(3));
  ASSERT_EQ(report.failures.size(), 1u) << Where(report);
  EXPECT_EQ(report.failures[0].where, "older checkpoint");
  EXPECT_NE(report.failures[0].what.find("rewritten"), std::string::npos) << Where(report);
}

TEST_F(LedgerVerify, AnOlderCheckpointByAnotherKeyFails) {
  NoteSigner other = NewSigner("fgc.test");
  SignedLog same_leaves(other, Leaves(5));
  VerifyReport report = Verify(log_.Export(), same_leaves.NoteAt(3));
  ASSERT_EQ(report.failures.size(), 1u) << Where(report);
  EXPECT_EQ(report.failures[0].where, "older checkpoint");
}

TEST_F(LedgerVerify, AnOlderCheckpointLargerThanTheExportFails) {
  SignedLog longer(signer_, Leaves(7));
  VerifyReport report = Verify(log_.Export(), longer.NoteAt(6));
  ASSERT_EQ(report.failures.size(), 1u) << Where(report);
  EXPECT_NE(report.failures[0].what.find("more than the export"), std::string::npos);
}

// The promise of the format: change any one byte of the file and verification fails.
TEST_F(LedgerVerify, EveryFlippedByteOfTheFileFailsVerification) {
  SignedLog small(signer_, Leaves(3));
  const std::string text = FormatLedgerExport(small.Export()).value();
  ASSERT_TRUE(Verify(ParseLedgerExport(text).value()).ok());
  size_t passed = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    std::string altered = text;
    altered[i] ^= 0x01;
    auto parsed = ParseLedgerExport(altered);
    if (parsed.ok() && Verify(*parsed).ok()) {
      ++passed;
      ADD_FAILURE() << "flipping byte " << i << " went unnoticed: ..."
                    << text.substr(i > 20 ? i - 20 : 0, 40) << "...";
    }
  }
  EXPECT_EQ(passed, 0u);
}

class ServedEntry : public LedgerVerify {
 protected:
  v1::GetEntryResponse Response(uint64_t index) {
    LedgerExport x = log_.Export();
    v1::GetEntryResponse r;
    r.mutable_entry()->set_index(static_cast<int64_t>(index));
    r.mutable_entry()->set_leaf_data(x.entries[index].leaf_data);
    r.mutable_entry()->set_leaf_hash(x.entries[index].leaf_hash);
    r.mutable_inclusion_proof()->set_leaf_index(static_cast<int64_t>(index));
    r.mutable_inclusion_proof()->set_tree_size(static_cast<int64_t>(x.tree_size));
    for (const auto& h : x.entries[index].inclusion_proof)
      r.mutable_inclusion_proof()->add_hashes(h);
    r.mutable_checkpoint()->set_origin(x.origin);
    r.mutable_checkpoint()->set_tree_size(static_cast<int64_t>(x.tree_size));
    r.mutable_checkpoint()->set_root_hash(x.root_hash);
    r.mutable_checkpoint()->set_note(x.note);
    return r;
  }
  absl::Status Check(const v1::GetEntryResponse& r, const std::string& tenant = "t1") {
    return VerifyServedEntry(
        r, ledger::log::NoteVerifier::FromVerifierKey(signer_.VerifierKey()).value(), tenant);
  }
};

TEST_F(ServedEntry, AnHonestResponseVerifies) { EXPECT_TRUE(Check(Response(3)).ok()); }

TEST_F(ServedEntry, AnAlteredProofHashIsCaught) {
  v1::GetEntryResponse r = Response(3);
  (*r.mutable_inclusion_proof()->mutable_hashes(0))[0] ^= 0x01;
  absl::Status s = Check(r);
  EXPECT_EQ(s.code(), absl::StatusCode::kDataLoss);
  EXPECT_NE(s.message().find("inclusion proof"), std::string::npos) << s;
}

TEST_F(ServedEntry, AnAlteredLeafIsCaught) {
  v1::GetEntryResponse r = Response(2);
  (*r.mutable_entry()->mutable_leaf_data())[5] ^= 0x01;
  EXPECT_NE(Check(r).message().find("leaf hash"), std::string::npos);
}

TEST_F(ServedEntry, AnotherTenantsCheckpointIsCaught) {
  EXPECT_EQ(Check(Response(1), "t2").code(), absl::StatusCode::kDataLoss);
}

TEST_F(ServedEntry, ARootBesideTheNoteThatDiffersIsCaught) {
  v1::GetEntryResponse r = Response(1);
  (*r.mutable_checkpoint()->mutable_root_hash())[0] ^= 0x01;
  EXPECT_NE(Check(r).message().find("checkpoint fields"), std::string::npos);
}

}  // namespace
}  // namespace fgc::ctl
