// Entries that end earlier ones: a withdrawal of a consent given (GDPR Art. 7(3): withdrawing
// is as easy as giving, so it needs nothing the person did not already give) and the end of a
// use of power. The preconditions on the entry superseded, and the withdrawal entry itself.
#pragma once

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "fgc/v1/ledger_entry.pb.h"
#include "fgc/v1/ledger_service.pb.h"

namespace fgc::ledger {

// Whether `target` (as stored; personal fields may be sealed or erased) may be withdrawn.
// FAILED_PRECONDITION with reason NOT_A_CONSENT when it is not a CONSENT_GIVEN,
// CONSENT_ALREADY_WITHDRAWN when `already_withdrawn` (a CONSENT_WITHDRAWN entry supersedes it),
// SUBJECT_ERASED when its personal data has been erased.
absl::Status ValidateWithdrawal(const v1::LedgerEntry& target, bool already_withdrawn);

// Who asks to withdraw, which decides what the request must carry.
enum class Withdrawer {
  kStaff,            // collection_method and language_code are required
  kInvitationToken,  // the person themselves: ELECTRONIC, language defaults to the consent's
};

// The CONSENT_WITHDRAWN entry for `target`, a consent that passed ValidateWithdrawal, with its
// personal fields opened (plaintext: they are copied and sealed again under the new entry's
// name). Same conference, subject, related resource, grantor, grantees, purpose, purpose
// description and data categories; `supersedes` = target.name(); `decision` in plain words;
// the reason, collection method, language and notice version from the request; `occur_time`
// from the request, else `now`. Output-only fields and `actor` are left for the service.
// INVALID_ARGUMENT (INVALID_FIELD, paths of WithdrawConsentRequest) for a bad request field,
// including an occur_time in the future or before the consent's own.
absl::StatusOr<v1::LedgerEntry> BuildWithdrawal(const v1::LedgerEntry& target,
                                                const v1::WithdrawConsentRequest& request,
                                                Withdrawer withdrawer, absl::Time now);

// Whether `ending` (a POWER_ENDED that passed ValidateNewEntry) may end `target`, the entry
// its `supersedes` names, as stored. FAILED_PRECONDITION with reason POWER_NOT_IN_FORCE when
// the target is not a POWER_USED, is already ended (`already_ended`: a POWER_ENDED supersedes
// it) or lapsed by its own expiry before `ending.occur_time`; INVALID_ARGUMENT (INVALID_FIELD)
// when it is about another conference or subject, or names another power.
absl::Status ValidatePowerEnd(const v1::LedgerEntry& ending, const v1::LedgerEntry& target,
                              bool already_ended);

}  // namespace fgc::ledger
