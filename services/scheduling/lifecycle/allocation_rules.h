// The two rules a conference must meet to leave REFERRAL for PREPARATION (DESIGN §1, §2):
// LedgerService.CheckConsent allows it for every child (consent, or a power record in force),
// and the coordinator is independent of the referral. The ledger's answers are inputs here;
// the service adapter asks the ledger, and fails closed when it cannot.
#pragma once

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "fgc/v1/common.pb.h"
#include "fgc/v1/conference.pb.h"
#include "fgc/v1/ledger_entry.pb.h"
#include "fgc/v1/ledger_service.pb.h"

namespace fgc::scheduling {

// The purpose CheckConsent is asked about before allocation.
inline constexpr v1::ConsentPurpose kAllocationConsentPurpose = v1::CONSENT_PURPOSE_REFERRAL;

// What CheckConsent answered for one child (CheckConsentResponse.result and .entry).
struct ConsentVerdict {
  std::string child;  // tenants/{t}/conferences/{c}/children/{child}
  v1::ConsentCheckResult result = v1::CONSENT_CHECK_RESULT_UNSPECIFIED;
  std::string entry;  // the deciding ledger entry; empty for NO_CONSENT
};

// True for the results that let the step proceed: CONSENT_GIVEN and POWER_IN_FORCE.
bool AllowsProceeding(v1::ConsentCheckResult result);

// The ledger entry that lets the conference leave REFERRAL: the first child's deciding entry,
// when every child of `conference` has a verdict that allows proceeding. Otherwise
// FAILED_PRECONDITION (CONSENT_REQUIRED) with one CONSENT_REQUIRED violation per child whose
// verdict is missing or refuses (fail closed: no verdict is no consent).
absl::StatusOr<std::string> ConsentBasis(const v1::Conference& conference,
                                         const std::vector<ConsentVerdict>& verdicts);

// FAILED_PRECONDITION (COORDINATOR_NOT_INDEPENDENT) when the coordinator is the referrer (same
// subject) or of the referring agency (their agency, or the caller's `agency` claim when the
// caller names themselves, equals the referral's referring_agency or the referrer's agency;
// agency ids compare without regard to ASCII case). Used on allocation and by
// UpdateConference for a new coordinator.
absl::Status CheckCoordinatorIndependent(const v1::Referral& referral,
                                         const v1::StaffMember& coordinator,
                                         const v1::Actor& caller);

}  // namespace fgc::scheduling
