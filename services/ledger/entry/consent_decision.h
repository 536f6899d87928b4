// The rule behind CheckConsent: from the ledger entries about one conference and child, may a
// step that needs consent for a purpose proceed at a given instant, why, and which entry says
// so. Other services call CheckConsent before every consent-dependent step (DESIGN §2, §5).
//
// The rule, at instant `at`, over the entries recorded by then (record_time <= at; an entry
// without record_time counts as recorded), in log order:
//  1. An entry named in the `supersedes` of another counted entry no longer stands: a consent
//     withdrawn, a power ended, or an entry corrected by a later one.
//  2. Consent. The entries that count are the standing CONSENT_GIVEN, CONSENT_REFUSED and
//     CONSENT_WITHDRAWN entries for the purpose; each grantor's latest one is that grantor's
//     answer. A grantor is the grantor's `member`; an entry whose grantor names no member is
//     a grantor of its own (a withdrawal, of the consent it withdraws), so that anonymous
//     entries never stand in for each other. With `grantor` set only that member's answer
//     counts; without, consent stands when at least one grantor's answer is a consent in
//     effect and no grantor's answer is a refusal or a withdrawal (ledger_service.proto).
//     A consent is in effect from its effective_time (else occur_time) until, not including,
//     its expire_time.
//  3. If consent does not stand, a POWER_USED of PROCEED_WITHOUT_CONSENT for the purpose that
//     stands (no POWER_ENDED supersedes it), has occurred and has not lapsed (at <
//     power.expire_time) lets the step proceed: POWER_IN_FORCE.
//  4. Otherwise the step may not proceed, and the result says why: REFUSED or WITHDRAWN (the
//     latest such answer), else EXPIRED (a consent expired or not yet in effect: the latest
//     such), else NO_CONSENT.
// The deciding entry, when several qualify: for CONSENT_GIVEN and POWER_IN_FORCE the one that
// holds longest (no expiry first), later entries winning ties.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "fgc/v1/ledger_entry.pb.h"
#include "fgc/v1/ledger_service.pb.h"

namespace fgc::ledger {

struct ConsentQuery {
  std::string conference;  // tenants/{t}/conferences/{c}
  std::string subject;     // tenants/{t}/conferences/{c}/children/{child}
  v1::ConsentPurpose purpose = v1::CONSENT_PURPOSE_UNSPECIFIED;
  std::string grantor;  // a member name; empty for every grantor
  absl::Time at;        // the instant to judge at
};

struct ConsentDecision {
  bool allowed = false;
  v1::ConsentCheckResult result = v1::CONSENT_CHECK_RESULT_NO_CONSENT;
  // The deciding entry's name; empty for NO_CONSENT.
  std::string entry;
  // When the answer stops holding by itself: the consent's or power's expiry when allowed;
  // when not allowed only because a consent is not yet in effect, the instant it takes effect.
  // Unset when only a new entry can change the answer.
  std::optional<absl::Time> expire_time;
};

// `entries`: the entries whose conference and subject are the query's, in log order (others
// are skipped). Their personal fields play no part, so sealed and erased entries are fine.
ConsentDecision EvaluateConsent(std::span<const v1::LedgerEntry> entries,
                                const ConsentQuery& query);

// The consents among `entries` (in log order) that may be withdrawn at `at`: CONSENT_GIVEN,
// recorded by then, not superseded, not expired (a consent not yet in effect may be
// withdrawn). For GetMyRecord's withdrawable_entries.
std::vector<std::string> WithdrawableConsents(std::span<const v1::LedgerEntry> entries,
                                              absl::Time at);

}  // namespace fgc::ledger
