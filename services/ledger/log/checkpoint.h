// C2SP tlog-checkpoint note text (c2sp.org/tlog-checkpoint): the tree head, origin, size and
// root hash, that the ledger signs as a note after every integrated batch, and that clients
// keep to check later proofs against.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "services/ledger/log/note.h"

namespace fgc::ledger::log {

struct Checkpoint {
  std::string origin;  // names the log: deployment and tenant
  uint64_t size = 0;
  std::string root;                     // the 32-byte RFC 9162 root at `size`
  std::vector<std::string> extensions;  // opaque extra lines; the spec advises against them

  // OK if Format can write it: origin and extensions non-empty single lines that a note can
  // carry, size at most kMaxTreeSize, root 32 bytes. INVALID_ARGUMENT otherwise.
  absl::Status Validate() const;

  // "<origin>\n<decimal size>\n<base64 root>\n" then "<extension>\n" for each extension.
  absl::StatusOr<std::string> Format() const;

  // The inverse of Format, strict: INVALID_ARGUMENT unless `text` is exactly what Format
  // writes for some valid checkpoint (no empty lines, a size without sign or leading zeros,
  // the one canonical base64 of 32 bytes, a final newline).
  static absl::StatusOr<Checkpoint> Parse(std::string_view text);

  bool operator==(const Checkpoint&) const = default;
};

// Verifies a signed checkpoint note with `verifier` (note.h errors), parses its text, and
// checks that it is for `origin` (INVALID_ARGUMENT if it names another log).
absl::StatusOr<Checkpoint> OpenCheckpoint(std::string_view note, const NoteVerifier& verifier,
                                          std::string_view origin);

}  // namespace fgc::ledger::log
