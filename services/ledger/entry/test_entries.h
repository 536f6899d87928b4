// Well-formed ledger entries for the entry model's tests: each test changes the one thing it
// is about.
#pragma once

#include "absl/time/time.h"
#include "fgc/v1/ledger_entry.pb.h"

namespace fgc::ledger::testing {

inline constexpr char kTenant[] = "t1";
inline constexpr char kConference[] = "tenants/t1/conferences/c1";
inline constexpr char kSubject[] = "tenants/t1/conferences/c1/children/k1";
inline constexpr char kMother[] = "tenants/t1/conferences/c1/members/mother";
inline constexpr char kFather[] = "tenants/t1/conferences/c1/members/father";

// 2025-03-01T10:00:00Z: the tests' "now".
absl::Time TestNow();

// A CONSENT_GIVEN for CONSENT_PURPOSE_CONTACT_NETWORK by kMother, occurring an hour before
// TestNow(), that passes ValidateNewEntry.
v1::LedgerEntry ValidConsent();

// A POWER_USED of PROCEED_WITHOUT_CONSENT overriding CONSENT_PURPOSE_CONTACT_NETWORK,
// occurring an hour before TestNow(), that passes ValidateNewEntry.
v1::LedgerEntry ValidPower();

// Entries with every field the contract defines set (personal ones included, output-only
// ones too), for sealing and canonical-bytes tests: a consent and a use of power.
v1::LedgerEntry FullConsent();
v1::LedgerEntry FullPower();

}  // namespace fgc::ledger::testing
