// The canonical bytes of a ledger entry: what the log hashes (RFC 6962 leaf hash,
// SHA-256(0x00 || bytes)), stores byte for byte, and hands out as `LedgerEntry.leaf_data`,
// so that anyone can recompute an entry's leaf hash without fgc's code.
//
// Format `fgc-ledger-entry/1`, specified for re-implementation:
//
// 1. The bytes are one JSON text (RFC 8259) in the canonical form of RFC 8785 (JSON
//    Canonicalization Scheme, JCS): a verifier may parse them, canonicalise with any JCS
//    implementation and compare. It encodes an fgc.v1.LedgerEntry (ledger_entry.proto) as it
//    goes into the log: personal fields sealed (personal_fields.h), `name`, `index` and
//    `record_time` assigned. `leaf_data`, `leaf_hash`, `erased` and `erase_time` are never
//    encoded (they describe the bytes, or change after the entry is written).
// 2. The top-level object has one member that is not a field: "_v", value "fgc-ledger-entry/1".
//    A reader refuses any other version.
// 3. Each message is a JSON object whose member names are its proto field names as written in
//    the .proto (snake_case: "occur_time", "legal_basis"; not lowerCamelCase).
// 4. Only set fields appear: a singular scalar (string, bytes, number, bool, enum) when it is
//    not its default ("", 0, false, enum value 0: so the first entry's `"index"` is absent);
//    a message field when present, even if empty (`{}`); a repeated field when it has
//    elements; of the oneof `details`, whichever of "consent" and "power" is set. There is
//    never a `null`.
// 5. Values:
//      string                 JSON string (UTF-8)
//      bytes                  JSON string of padded Base64 (RFC 4648 §4)
//      bool                   true
//      int32, uint32          JSON number in plain decimal ("-" for negative), e.g. 2025
//      int64, uint64          JSON string of the plain decimal, e.g. "index":"42"
//      enum                   JSON string of the value's name in the .proto, e.g.
//                             "LEDGER_ENTRY_KIND_CONSENT_GIVEN"; a number the .proto does not
//                             name (proto3 enums are open) as a JSON number
//      google.protobuf.Timestamp
//                             JSON string "YYYY-MM-DDTHH:MM:SSZ" (UTC), with exactly nine
//                             fraction digits ".nnnnnnnnn" before the "Z" when nanos is not
//                             zero; years 0001-9999
//      other messages         JSON object by these rules (google.type.Date included:
//                             {"day":15,"month":3,"year":2025})
//      repeated               JSON array of the elements in order
//    Float, double and map fields are not used by ledger entries and are refused.
// 6. Serialisation (RFC 8785 §3.2): no whitespace between tokens; the members of every object
//    sorted by name in UTF-16 code units (the names are ASCII, so by byte; "_v" sorts before
//    every field name, so the bytes begin `{"_v":"fgc-ledger-entry/1",`); strings escape only
//    `"` and `\` (with a backslash) and U+0000-U+001F (as \b \t \n \f \r, others as \u00xx in
//    lower-case hex), everything else is written as its UTF-8 bytes; no byte order mark, no
//    trailing newline.
//
// Example (a consent, personal fields shortened):
//   {"_v":"fgc-ledger-entry/1","conference":"tenants/t1/conferences/c1","consent":{
//   "collection_method":"COLLECTION_METHOD_WRITTEN","grantees":[{"agency":"fgc-service"}],
//   "grantor":{"display_name":"fgc-sealed:v1:AfW...","member":"tenants/t1/conferences/c1/
//   members/m1"},"language_code":"en","notice_version":"referral-consent/en/2025-01",
//   "purpose":"CONSENT_PURPOSE_REFERRAL"},"decision":"fgc-sealed:v1:AQx...","index":"7",
//   "kind":"LEDGER_ENTRY_KIND_CONSENT_GIVEN","name":"tenants/t1/ledger/entries/7",
//   "occur_time":"2025-03-01T10:00:00Z","record_time":"2025-03-01T10:00:01.250000000Z",
//   "subject":"tenants/t1/conferences/c1/children/k1"}
// (without the line breaks).
#pragma once

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "fgc/v1/ledger_entry.pb.h"

namespace fgc::ledger {

inline constexpr std::string_view kLeafDataVersion = "fgc-ledger-entry/1";

// The canonical bytes of `sealed_entry` (its leaf_data, leaf_hash, erased and erase_time are
// ignored). INVALID_ARGUMENT if a string field is not UTF-8 or a timestamp is out of range,
// which ValidateNewEntry rules out for entries it passed.
absl::StatusOr<std::string> CanonicalLeafData(const v1::LedgerEntry& sealed_entry);

// The entry the bytes encode (leaf_data and leaf_hash left unset; the caller has them).
// INVALID_ARGUMENT unless `leaf_data` is exactly what CanonicalLeafData writes for some entry:
// not JSON, another version, an unknown member, a wrong value shape, or any departure from
// the canonical form (whitespace, member order, escapes, a default value written out).
absl::StatusOr<v1::LedgerEntry> ParseLeafData(std::string_view leaf_data);

}  // namespace fgc::ledger
