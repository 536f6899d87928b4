// The offline verifier behind `fgcctl ledger verify` and the local proof check of
// `fgcctl ledger get`: it trusts only a verifier key and the bytes in front of it, recomputes
// every hash itself with the ledger's pure log code, and names where anything disagrees.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "clients/fgcctl/ledger_export_file.h"
#include "fgc/v1/ledger_service.pb.h"
#include "services/ledger/log/note.h"

namespace fgc::ctl {

struct VerifyOptions {
  // The pinned verifier key; empty: use the export's own copy (and warn that it proves nothing).
  std::string verifier_key;
  // A checkpoint note held from earlier (`fgcctl ledger checkpoint > cp.txt`): checked to be
  // signed by the same key and to describe a prefix of the exported log.
  std::optional<std::string> older_note;
};

// One thing that is wrong, and where: "checkpoint note", "entry 3", "entries", "tree",
// "older checkpoint", or an export member such as "checkpoint.root_hash".
struct VerifyFailure {
  std::string where;
  std::string what;
};

struct VerifyReport {
  std::vector<VerifyFailure> failures;  // empty when the export verifies
  std::vector<std::string> warnings;

  // What was verified (filled as far as the checks got).
  std::string origin;
  std::string key_name;
  std::string verifier_key;
  bool key_from_file = false;
  uint64_t tree_size = 0;
  std::string root_hash;  // raw, as signed
  uint64_t entry_count = 0;
  std::optional<uint64_t> older_tree_size;  // when an older checkpoint was shown consistent

  bool ok() const { return failures.empty(); }
};

// Checks, in order: the verifier key; the checkpoint note's signature and form; that the
// export's copies (origin, tenant, tree size, root) match the signed note; each entry (dense
// index, leaf hash, canonical leaf data naming its own index, inclusion proof against the signed
// root); the root rebuilt from all leaves; and, when given, the older checkpoint (same key,
// its root equal to that of the first leaves, a consistency proof from the rebuilt tree).
// Every failure found is reported, not only the first.
VerifyReport VerifyLedgerExport(const LedgerExport& ledger_export, const VerifyOptions& options);

// What `fgcctl ledger get` checks locally in a GetEntry response: the checkpoint note signed by
// `verifier`, for the tenant's log, and agreeing with the response's checkpoint fields; the
// entry's leaf hash; its inclusion proof against the signed root. DATA_LOSS naming the check
// that failed; INVALID_ARGUMENT for a response that is not even shaped right.
absl::Status VerifyServedEntry(const v1::GetEntryResponse& response,
                               const ledger::log::NoteVerifier& verifier,
                               const std::string& tenant);

}  // namespace fgc::ctl
