#include "clients/fgcctl/ledger_verify.h"

#include <utility>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/crypto/encoding.h"
#include "services/ledger/entry/leaf_data.h"
#include "services/ledger/entry/ledger_names.h"
#include "services/ledger/log/checkpoint.h"
#include "services/ledger/log/compact_range.h"
#include "services/ledger/log/memory_node_store.h"
#include "services/ledger/log/merkle.h"
#include "services/ledger/log/proof_verification.h"

namespace fgc::ctl {
namespace {

using ledger::log::Checkpoint;
using ledger::log::NoteVerifier;

std::string Hex(const std::string& bytes) { return absl::BytesToHexString(bytes); }

std::string OriginSuffix(const std::string& tenant) {
  return absl::StrCat("/", ledger::LedgerParentName(tenant));
}

// After a signature fails: which line of the note no longer says what the export's copies of
// the signed fields say? Lines are numbered from 1, as an editor shows them.
std::string LocateNoteChange(const LedgerExport& x) {
  std::vector<std::string> lines = absl::StrSplit(x.note, '\n');
  const std::string copies[] = {x.origin, absl::StrCat(x.tree_size),
                                crypto::Base64Encode(x.root_hash)};
  const char* names[] = {"origin", "tree size", "root hash"};
  const char* members[] = {"origin", "checkpoint.tree_size", "checkpoint.root_hash"};
  for (size_t i = 0; i < 3; ++i) {
    if (i >= lines.size() || lines[i] != copies[i]) {
      return absl::StrCat("line ", i + 1, " (the ", names[i], ") differs from the export's ",
                          members[i], ": that line or the copy was altered");
    }
  }
  size_t signature_line = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (absl::StartsWith(lines[i], "\xe2\x80\x94 ")) signature_line = i + 1;
  }
  return absl::StrCat(
      "the origin, size and root lines match the export's copies, so the "
      "signature (line ",
      signature_line, ") or the text's other bytes were altered");
}

class ExportVerifier {
 public:
  ExportVerifier(const LedgerExport& x, const VerifyOptions& options, VerifyReport& report)
      : x_(x), options_(options), report_(report) {}

  void Run() {
    auto verifier = ChooseKey();
    if (!verifier) return;
    auto checkpoint = OpenNote(*verifier);
    if (!checkpoint) return;
    CheckCopies(*checkpoint);
    CheckEntries();
    CheckProofs(*checkpoint);
    CheckRoot(*checkpoint);
    if (options_.older_note) CheckOlder(*verifier, *checkpoint);
  }

 private:
  void Fail(std::string where, std::string what) {
    report_.failures.push_back({std::move(where), std::move(what)});
  }

  std::optional<NoteVerifier> ChooseKey() {
    report_.key_from_file = options_.verifier_key.empty();
    report_.verifier_key = report_.key_from_file ? x_.verifier_key : options_.verifier_key;
    if (report_.key_from_file) {
      report_.warnings.emplace_back(
          "the verifier key was taken from the export file itself, which proves nothing by "
          "itself: anyone who can change the file can change the key. Pin the key out of band "
          "and pass it with --verifier-key.");
    } else if (x_.verifier_key != options_.verifier_key) {
      Fail("verifier_key", absl::StrCat("the export names the key \"", x_.verifier_key,
                                        "\", not the pinned key given with --verifier-key"));
    }
    auto verifier = NoteVerifier::FromVerifierKey(report_.verifier_key);
    if (!verifier.ok()) {
      Fail(report_.key_from_file ? "verifier_key" : "--verifier-key",
           std::string(verifier.status().message()));
      return std::nullopt;
    }
    report_.key_name = verifier->name();
    return *std::move(verifier);
  }

  std::optional<Checkpoint> OpenNote(const NoteVerifier& verifier) {
    auto text = verifier.Verify(x_.note);
    if (!text.ok()) {
      std::string what(text.status().message());
      if (text.status().code() == absl::StatusCode::kNotFound) {
        absl::StrAppend(&what, " (signed by another key, or its signature line was altered)");
      } else {
        absl::StrAppend(&what, ": ", LocateNoteChange(x_));
      }
      Fail("checkpoint note", what);
      return std::nullopt;
    }
    auto checkpoint = Checkpoint::Parse(*text);
    if (!checkpoint.ok()) {
      Fail("checkpoint note", absl::StrCat("signed, but not a checkpoint: ",
                                           std::string(checkpoint.status().message())));
      return std::nullopt;
    }
    report_.origin = checkpoint->origin;
    report_.tree_size = checkpoint->size;
    report_.root_hash = checkpoint->root;
    return *std::move(checkpoint);
  }

  // The export's unsigned copies must say what the signed note says.
  void CheckCopies(const Checkpoint& checkpoint) {
    if (x_.origin != checkpoint.origin) {
      Fail("origin", absl::StrCat("\"", x_.origin, "\" but the signed note says \"",
                                  checkpoint.origin, "\""));
    }
    if (!absl::EndsWith(checkpoint.origin, OriginSuffix(x_.tenant))) {
      Fail("tenant", absl::StrCat("\"", x_.tenant, "\" but the signed origin \"", checkpoint.origin,
                                  "\" is another tenant's log"));
    }
    if (x_.tree_size != checkpoint.size) {
      Fail("checkpoint.tree_size",
           absl::StrCat(x_.tree_size, " but the signed note says ", checkpoint.size));
    }
    if (x_.root_hash != checkpoint.root) {
      Fail("checkpoint.root_hash",
           absl::StrCat(Hex(x_.root_hash), " but the signed note says ", Hex(checkpoint.root)));
    }
    if (x_.entries.size() != checkpoint.size) {
      Fail("entries", absl::StrCat(x_.entries.size(), " entries for a checkpoint of ",
                                   checkpoint.size, ": entries were added or removed"));
    }
  }

  // Each entry on its own: dense index, leaf hash, and canonical bytes naming that index.
  void CheckEntries() {
    report_.entry_count = x_.entries.size();
    leaf_hashes_.reserve(x_.entries.size());
    for (uint64_t i = 0; i < x_.entries.size(); ++i) {
      const ExportedEntry& e = x_.entries[i];
      const std::string where = absl::StrCat("entry ", i);
      leaf_hashes_.push_back(ledger::log::LeafHash(e.leaf_data));
      if (e.index != i) {
        Fail(where, absl::StrCat("is listed with index ", e.index, " at position ", i,
                                 ": entries must be dense, in index order"));
      }
      if (e.leaf_hash != leaf_hashes_.back()) {
        Fail(where,
             "leaf_hash is not SHA-256(0x00 || leaf_data): the leaf data or its hash "
             "was altered");
      }
      auto parsed = ledger::ParseLeafData(e.leaf_data);
      if (!parsed.ok()) {
        Fail(where, absl::StrCat("leaf_data is not a canonical ledger entry: ",
                                 std::string(parsed.status().message())));
      } else if (parsed->index() != static_cast<int64_t>(i) ||
                 parsed->name() != ledger::FormatEntryName(x_.tenant, static_cast<int64_t>(i))) {
        Fail(where, absl::StrCat("leaf_data names itself \"", parsed->name(), "\" (index ",
                                 parsed->index(), "), not entry ", i, " of tenant ", x_.tenant));
      }
    }
    auto appended = range_.Append(leaf_hashes_);
    if (appended.ok()) (void)store_.Put(appended->nodes);
  }

  void CheckProofs(const Checkpoint& checkpoint) {
    for (uint64_t i = 0; i < x_.entries.size() && i < checkpoint.size; ++i) {
      const auto& proof = x_.entries[i].inclusion_proof;
      absl::Status s =
          ledger::log::VerifyInclusion(i, checkpoint.size, leaf_hashes_[i], proof, checkpoint.root);
      if (!s.ok()) Fail(absl::StrCat("entry ", i), DescribeBadInclusion(i, proof));
    }
  }

  // Tells an altered proof from an altered leaf: the proof of a leaf does not contain the
  // leaf's own hash, so if the stored proof matches the tree rebuilt from the other leaves, it
  // is the leaf that changed.
  std::string DescribeBadInclusion(uint64_t index, const std::vector<std::string>& proof) {
    auto rebuilt = store_.InclusionProof(index, range_.size());
    if (!rebuilt.ok() || range_.size() != report_.tree_size) {
      return "its inclusion proof does not lead to the signed root";
    }
    if (rebuilt->size() != proof.size()) {
      return absl::StrCat("its inclusion proof has ", proof.size(), " hashes; a tree of ",
                          range_.size(), " needs ", rebuilt->size(), " for this index");
    }
    for (size_t j = 0; j < proof.size(); ++j) {
      if (proof[j] != (*rebuilt)[j]) {
        return absl::StrCat("inclusion proof hash ", j,
                            " differs from the tree rebuilt from the exported leaves (",
                            Hex(proof[j]), " vs ", Hex((*rebuilt)[j]), ")");
      }
    }
    return "leaf_data is not what the log committed to: its inclusion proof, which matches the "
           "other entries, does not lead from this leaf to the signed root";
  }

  void CheckRoot(const Checkpoint& checkpoint) {
    if (range_.size() != checkpoint.size) return;  // already reported under "entries"
    if (range_.Root() != checkpoint.root) {
      Fail("tree", absl::StrCat("the root rebuilt from the ", range_.size(), " leaves (",
                                Hex(range_.Root()), ") differs from the signed root (",
                                Hex(checkpoint.root), ")"));
    }
  }

  void CheckOlder(const NoteVerifier& verifier, const Checkpoint& latest) {
    const char* where = "older checkpoint";
    auto text = verifier.Verify(*options_.older_note);
    if (!text.ok()) {
      return Fail(where, absl::StrCat("not signed by ", verifier.VerifierKey(), ": ",
                                      std::string(text.status().message())));
    }
    auto older = Checkpoint::Parse(*text);
    if (!older.ok()) return Fail(where, std::string(older.status().message()));
    if (older->origin != latest.origin) {
      return Fail(where,
                  absl::StrCat("is for log \"", older->origin, "\", not \"", latest.origin, "\""));
    }
    if (older->size > latest.size) {
      return Fail(where, absl::StrCat("has ", older->size, " entries, more than the export's ",
                                      latest.size, ": the export is older, or the log shrank"));
    }
    if (older->size == 0) return;
    auto root = store_.RootAt(older->size);
    if (!root.ok() || *root != older->root) {
      return Fail(where,
                  absl::StrCat("its root differs from that of the export's first ", older->size,
                               " entries: the log was rewritten, not only "
                               "appended to"));
    }
    auto proof = store_.ConsistencyProof(older->size, latest.size);
    absl::Status s = proof.ok() ? ledger::log::VerifyConsistency(older->size, latest.size, *proof,
                                                                 older->root, latest.root)
                                : proof.status();
    if (!s.ok()) {
      return Fail(where, absl::StrCat("no consistency with the exported checkpoint: ",
                                      std::string(s.message())));
    }
    report_.older_tree_size = older->size;
  }

  const LedgerExport& x_;
  const VerifyOptions& options_;
  VerifyReport& report_;
  std::vector<std::string> leaf_hashes_;
  ledger::log::CompactRange range_;
  ledger::log::MemoryNodeStore store_;
};

}  // namespace

VerifyReport VerifyLedgerExport(const LedgerExport& ledger_export, const VerifyOptions& options) {
  VerifyReport report;
  ExportVerifier(ledger_export, options, report).Run();
  return report;
}

absl::Status VerifyServedEntry(const v1::GetEntryResponse& response, const NoteVerifier& verifier,
                               const std::string& tenant) {
  const v1::Checkpoint& served = response.checkpoint();
  auto text = verifier.Verify(served.note());
  if (!text.ok()) {
    return absl::DataLossError(absl::StrCat("checkpoint signature: ", text.status().message()));
  }
  auto checkpoint = Checkpoint::Parse(*text);
  if (!checkpoint.ok()) {
    return absl::DataLossError(absl::StrCat("checkpoint text: ", checkpoint.status().message()));
  }
  if (!absl::EndsWith(checkpoint->origin, OriginSuffix(tenant)) ||
      checkpoint->origin != served.origin() ||
      checkpoint->size != static_cast<uint64_t>(served.tree_size()) ||
      checkpoint->root != served.root_hash()) {
    return absl::DataLossError(
        "checkpoint fields: the origin, size or root hash sent beside the note differ from the "
        "signed note, or the note is for another tenant's log");
  }
  const v1::LedgerEntry& entry = response.entry();
  if (ledger::log::LeafHash(entry.leaf_data()) != entry.leaf_hash()) {
    return absl::DataLossError("leaf hash: it is not SHA-256(0x00 || leaf_data)");
  }
  const v1::InclusionProof& proof = response.inclusion_proof();
  if (proof.leaf_index() != entry.index() || proof.tree_size() != served.tree_size() ||
      proof.leaf_index() < 0) {
    return absl::DataLossError("inclusion proof: it is for another entry or tree size");
  }
  std::vector<std::string> hashes(proof.hashes().begin(), proof.hashes().end());
  if (absl::Status s =
          ledger::log::VerifyInclusion(static_cast<uint64_t>(proof.leaf_index()), checkpoint->size,
                                       entry.leaf_hash(), hashes, checkpoint->root);
      !s.ok()) {
    return absl::DataLossError(absl::StrCat("inclusion proof: ", s.message()));
  }
  return absl::OkStatus();
}

}  // namespace fgc::ctl
