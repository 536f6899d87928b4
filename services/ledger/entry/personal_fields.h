// The personal details inside a ledger entry, sealed with the conference's data key before the
// entry is hashed into the log, so that destroying the key (EraseSubject) leaves every entry,
// hash and proof valid but the details unreadable (DESIGN §4, §5).
//
// Personal fields (paths within LedgerEntry; `[i]` is every element of a repeated field):
//   decision                                 plain-words account of what was decided
//   actor.display_name, actor.on_behalf_of   names of people
//   consent.grantor.display_name             \  names of people and how they relate to
//   consent.grantor.relationship              | the child ("mother")
//   consent.grantees[i].display_name          |
//   consent.grantees[i].relationship         /
//   consent.purpose_description              free text shown to the person, may name people
//   consent.verification.verified_by         name of who checked
//   consent.verification.notes               free text about the person
//   consent.reason                           the person's own reason
//   power.affected[i].display_name           \  names of the people the power is used on
//   power.affected[i].relationship           /
//   power.reasons                            why power was used: about the family
//   power.authorising_officer.display_name   \  the authorising officer's name and
//   power.authorising_officer.email           | contact details
//   power.authorising_officer.phone_number   /
//   power.family_told.told_by                name of who told the family
//   power.family_told.not_told_reason        free text about the family's safety
// Everything else stays readable, because the ledger's rules and lists work on it: kinds,
// purposes, times, enums, resource names (member names are opaque IDs, how GetMyRecord finds
// a person's entries), agencies (organisations), actor.subject (an account ID), the legal
// basis, notice versions and language codes.
//
// Sealed form: a sealed field holds kSealedPrefix + Base64(AES-256-GCM sealed bytes) (see
// common/crypto/envelope.h), with the aad binding it to `row_name` (the entry's resource name,
// `tenants/{t}/ledger/entries/{index}`) and its path above with `[i]` made concrete
// ("consent.grantees[1].display_name"), so a sealed value moved to another entry or field
// does not open. Empty fields stay empty (an empty field says nothing personal). The sealed
// entry is still a valid LedgerEntry, and its canonical bytes are what the log hashes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "common/crypto/envelope.h"
#include "fgc/v1/ledger_entry.pb.h"
#include "google/protobuf/timestamp.pb.h"

namespace fgc::ledger {

inline constexpr std::string_view kSealedPrefix = "fgc-sealed:v1:";

// The concrete paths of the personal fields `entry` holds (non-empty), in the order above.
std::vector<std::string> PersonalFieldPaths(const v1::LedgerEntry& entry);

// Seals every non-empty personal field in place. On error `entry` is unchanged.
// INVALID_ARGUMENT for a row_name with a line break; INTERNAL if OpenSSL fails.
absl::Status SealPersonalFields(v1::LedgerEntry* entry, const crypto::DataKey& key,
                                std::string_view row_name);

// Reverses SealPersonalFields with the same key and row_name. On error `entry` is unchanged:
// DATA_LOSS when a personal field is not in the sealed form or does not open (wrong key, row
// or field; any changed byte).
absl::Status OpenPersonalFields(v1::LedgerEntry* entry, const crypto::DataKey& key,
                                std::string_view row_name);

// For an entry whose conference's data key has been destroyed: every personal field reads as
// empty, `erased` is true and `erase_time` is set (ledger_entry.proto: "after EraseSubject they
// read as empty"). `leaf_data` and `leaf_hash` are left as they are, so the entry still
// verifies against the log.
void MarkErased(v1::LedgerEntry* entry, const google::protobuf::Timestamp& erase_time);

}  // namespace fgc::ledger
