// The file `fgcctl ledger export` writes and `fgcctl ledger verify` reads: a tenant's whole
// ledger as of one signed checkpoint, with everything needed to check it with no service.
//
// Format `fgc-ledger-export/1`: one JSON object (RFC 8259, UTF-8):
//
//   {
//     "format": "fgc-ledger-export/1",
//     "tenant": "t1",
//     "origin": "<the checkpoint's origin line: <ledger name>/tenants/<tenant>/ledger>",
//     "verifier_key": "<name>+<8 hex digit key id>+<base64(0x01 || Ed25519 public key)>",
//     "checkpoint": {
//       "tree_size": 3,                    // a copy of the note's size line
//       "root_hash": "<base64, 32 bytes>",  // a copy of the note's root hash line
//       "note": "<the C2SP signed note, byte for byte as the log signed it>"
//     },
//     "entries": [                         // exactly tree_size of them, indexes 0, 1, 2, ...
//       {
//         "index": 0,
//         "leaf_data": "<base64 of the entry's canonical bytes, format fgc-ledger-entry/1>",
//         "leaf_hash": "<base64 of the leaf hash the service gave, SHA-256(0x00 || leaf_data)>",
//         "inclusion_proof": ["<base64, 32 bytes>", ...]  // RFC 9162 PATH(index, tree_size)
//       }
//     ]
//   }
//
// Base64 is RFC 4648 §4 with padding, in its one canonical form (unused bits zero). Every member
// is required and no other is allowed, so that no byte of the file goes unchecked by the
// verifier. The verifier key is only a copy of what the service said: it proves nothing by
// itself; pin the key out of band and pass it to `fgcctl ledger verify --verifier-key`.
// The leaf_data format is documented in services/ledger/entry/leaf_data.h.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace fgc::ctl {

inline constexpr std::string_view kLedgerExportFormat = "fgc-ledger-export/1";

struct ExportedEntry {
  uint64_t index = 0;
  std::string leaf_data;                     // raw bytes
  std::string leaf_hash;                     // raw bytes, as the service gave them
  std::vector<std::string> inclusion_proof;  // raw 32-byte hashes

  bool operator==(const ExportedEntry&) const = default;
};

struct LedgerExport {
  std::string tenant;
  std::string origin;
  std::string verifier_key;
  uint64_t tree_size = 0;
  std::string root_hash;  // raw bytes
  std::string note;       // the signed checkpoint note
  std::vector<ExportedEntry> entries;

  bool operator==(const LedgerExport&) const = default;
};

// The file's text (indented JSON, a final newline). DATA_LOSS if a string is not UTF-8 (a
// note the service sent is text; if it is not, the file could not hold it as signed).
absl::StatusOr<std::string> FormatLedgerExport(const LedgerExport& ledger_export);

// The inverse of FormatLedgerExport, strict about members and encodings but not about
// whitespace. INVALID_ARGUMENT naming where the text is wrong: "line 12, column 7: ..." for
// text that is not JSON, or the member's path, e.g. "entries[3].leaf_data: not canonical
// base64".
absl::StatusOr<LedgerExport> ParseLedgerExport(std::string_view text);

}  // namespace fgc::ctl
