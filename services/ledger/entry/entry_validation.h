// Validation of the entries callers ask the ledger to record (RecordConsent, RecordPowerUse):
// every bad field of the request named in one INVALID_ARGUMENT, before anything is written.
//
// Field paths are those of the request, e.g. "entry.consent.grantor",
// "entry.power.legal_basis.statute", "entry.consent.grantees[1].display_name". Limits are the
// contract's (ledger_entry.proto, common.proto), counted in Unicode characters.
//
// Rules beyond required-ness and lengths:
//  - `kind` must suit the method (RecordConsent: CONSENT_GIVEN or CONSENT_REFUSED;
//    RecordPowerUse: POWER_USED or POWER_ENDED; CONSENT_WITHDRAWN only via WithdrawConsent) and
//    the `details` oneof must match it (`consent` for consent kinds, `power` for power kinds).
//  - `conference` is `tenants/{tenant}/conferences/{c}` in the caller's tenant; `subject` is
//    `tenants/{tenant}/conferences/{c}/children/{child}` inside that conference; members
//    named in parties are in that conference; `supersedes` is an entry of this tenant's ledger;
//    `related_resource` is a resource name in the tenant.
//  - `occur_time` (and verification and telling times) at most kMaxClockSkew after `now`;
//    expiries after the time they run from (effective time, else occur time).
//  - POWER_USED needs a legal basis (statute and section), reasons, and whether the family
//    was told; PROCEED_WITHOUT_CONSENT and RESTRICT_PARTICIPATION need a review date;
//    PROCEED_WITHOUT_CONSENT needs the overridden purpose (and only it may carry one);
//    POWER_ENDED needs reasons and `supersedes`.
//  - A consent given or refused needs a grantor (member or display name), 1-20 grantees,
//    purpose, collection method, language (BCP 47) and notice version.
// Output-only fields are not checked: ClearOutputOnlyFields drops them first.
#pragma once

#include <string_view>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "fgc/v1/ledger_entry.pb.h"

namespace fgc::ledger {

// How far in the future a client's clock may put `occur_time`.
inline constexpr absl::Duration kMaxClockSkew = absl::Minutes(5);

// Which method asks to record the entry.
enum class RecordMethod {
  kRecordConsent,   // CONSENT_GIVEN, CONSENT_REFUSED
  kRecordPowerUse,  // POWER_USED, POWER_ENDED
};

// Drops what a caller may send but never sets (AIP-203 OUTPUT_ONLY): name, index,
// record_time, leaf_data, leaf_hash, erased, erase_time, and the actor's subject, role and
// agency (the service fills those from the credentials). An actor left empty is removed, and
// fields this build does not know (from a newer client) are discarded: they could not be
// part of the canonical bytes.
void ClearOutputOnlyFields(v1::LedgerEntry* entry);

// OK, or INVALID_ARGUMENT (reason INVALID_FIELD) listing every bad field. `tenant` is the
// caller's tenant; `now` the service's clock.
absl::Status ValidateNewEntry(const v1::LedgerEntry& entry, std::string_view tenant,
                              RecordMethod method, absl::Time now);

}  // namespace fgc::ledger
