#include "services/ledger/entry/power_authority.h"

#include <gtest/gtest.h>

#include "common/base/errors.h"
#include "services/ledger/entry/test_entries.h"

namespace fgc::ledger {
namespace {

v1::LedgerEntry PowerOfKind(v1::PowerKind kind, v1::LedgerEntryKind entry_kind) {
  v1::LedgerEntry e = testing::ValidPower();
  e.set_kind(entry_kind);
  e.mutable_power()->set_power(kind);
  return e;
}

TEST(PowerAuthority, ACoordinatorRecordsARestrictionOfParticipationAndItsEnd) {
  for (auto entry_kind : {v1::LEDGER_ENTRY_KIND_POWER_USED, v1::LEDGER_ENTRY_KIND_POWER_ENDED}) {
    EXPECT_TRUE(CheckPowerAuthority(v1::ACTOR_ROLE_COORDINATOR,
                                    PowerOfKind(v1::POWER_KIND_RESTRICT_PARTICIPATION, entry_kind))
                    .ok());
  }
}

TEST(PowerAuthority, ACoordinatorRecordsNoOtherPower) {
  for (auto kind : {v1::POWER_KIND_PROCEED_WITHOUT_CONSENT, v1::POWER_KIND_DECLINE_PLAN,
                    v1::POWER_KIND_DECLINE_RESOURCE, v1::POWER_KIND_OTHER}) {
    for (auto entry_kind : {v1::LEDGER_ENTRY_KIND_POWER_USED, v1::LEDGER_ENTRY_KIND_POWER_ENDED}) {
      const absl::Status s =
          CheckPowerAuthority(v1::ACTOR_ROLE_COORDINATOR, PowerOfKind(kind, entry_kind));
      EXPECT_EQ(s.code(), absl::StatusCode::kPermissionDenied) << v1::PowerKind_Name(kind);
      EXPECT_EQ(DetailsOf(s)->reason, "RESOURCE_NOT_PERMITTED");
    }
  }
}

TEST(PowerAuthority, ReferrersAgenciesAndManagersRecordAnyPower) {
  for (auto role :
       {v1::ACTOR_ROLE_REFERRER, v1::ACTOR_ROLE_AGENCY_SYSTEM, v1::ACTOR_ROLE_MANAGER}) {
    EXPECT_TRUE(CheckPowerAuthority(role, PowerOfKind(v1::POWER_KIND_PROCEED_WITHOUT_CONSENT,
                                                      v1::LEDGER_ENTRY_KIND_POWER_USED))
                    .ok());
  }
}

}  // namespace
}  // namespace fgc::ledger
