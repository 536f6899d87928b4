#include "common/auth/role_table.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace fgc::auth {
namespace {

// The contract: exactly the methods DESIGN.md §2 names, for all four services.
const std::vector<std::string> kDesignMethods = {
    "fgc.v1.SchedulingService/CreateConference",
    "fgc.v1.SchedulingService/GetConference",
    "fgc.v1.SchedulingService/ListConferences",
    "fgc.v1.SchedulingService/UpdateConference",
    "fgc.v1.SchedulingService/TransitionConference",
    "fgc.v1.SchedulingService/CreateVenue",
    "fgc.v1.SchedulingService/ListVenues",
    "fgc.v1.SchedulingService/ProposeSlots",
    "fgc.v1.SchedulingService/RecordAvailability",
    "fgc.v1.SchedulingService/SuggestSlots",
    "fgc.v1.SchedulingService/BookConference",
    "fgc.v1.SchedulingService/RescheduleConference",
    "fgc.v1.SchedulingService/CancelConference",
    "fgc.v1.SchedulingService/ScheduleReview",
    "fgc.v1.SchedulingService/ExportCalendar",
    "fgc.v1.SchedulingService/ListOverdue",
    "fgc.v1.InvitationService/AddNetworkMember",
    "fgc.v1.InvitationService/UpdateNetworkMember",
    "fgc.v1.InvitationService/ListNetworkMembers",
    "fgc.v1.InvitationService/RemoveNetworkMember",
    "fgc.v1.InvitationService/RenderNetworkMap",
    "fgc.v1.InvitationService/SendInvitation",
    "fgc.v1.InvitationService/ResendInvitation",
    "fgc.v1.InvitationService/RevokeInvitation",
    "fgc.v1.InvitationService/ListInvitations",
    "fgc.v1.InvitationService/RestrictParticipation",
    "fgc.v1.InvitationService/GetMyInvitation",
    "fgc.v1.InvitationService/RespondToInvitation",
    "fgc.v1.PlanService/CreatePlan",
    "fgc.v1.PlanService/UpdatePlanDraft",
    "fgc.v1.PlanService/SubmitPlan",
    "fgc.v1.PlanService/GetPlan",
    "fgc.v1.PlanService/GetPlanVersion",
    "fgc.v1.PlanService/ListPlanVersions",
    "fgc.v1.PlanService/DiffPlanVersions",
    "fgc.v1.PlanService/RecordDecision",
    "fgc.v1.PlanService/RecordReferrerDecision",
    "fgc.v1.PlanService/RequestResource",
    "fgc.v1.PlanService/DecideResource",
    "fgc.v1.PlanService/RecordProgress",
    "fgc.v1.PlanService/DistributePlan",
    "fgc.v1.PlanService/GetMyPlan",
    "fgc.v1.LedgerService/RecordConsent",
    "fgc.v1.LedgerService/WithdrawConsent",
    "fgc.v1.LedgerService/CheckConsent",
    "fgc.v1.LedgerService/RecordPowerUse",
    "fgc.v1.LedgerService/ListEntries",
    "fgc.v1.LedgerService/GetEntry",
    "fgc.v1.LedgerService/GetCheckpoint",
    "fgc.v1.LedgerService/GetConsistencyProof",
    "fgc.v1.LedgerService/GetMyRecord",
    "fgc.v1.LedgerService/EraseSubject",
};

const std::set<std::string> kFamilyMethods = {
    "fgc.v1.InvitationService/GetMyInvitation",
    "fgc.v1.InvitationService/RespondToInvitation",
    "fgc.v1.PlanService/GetMyPlan",
    "fgc.v1.LedgerService/GetMyRecord",
    "fgc.v1.SchedulingService/RecordAvailability",
    "fgc.v1.LedgerService/WithdrawConsent",
    "fgc.v1.SchedulingService/ListSlots",
    "fgc.v1.SchedulingService/ExportCalendar",
};

std::string MethodName(const std::string& full_method) {
  return full_method.substr(full_method.find('/') + 1);
}

class CompiledRoleTable : public ::testing::Test {
 protected:
  const RoleTable table_ = RoleTable::Load().value();
};

// DESIGN §2's method names are part of the contract; the contract may add more (standard Get
// methods, ListSlots, SendNotification), which tests/role_table_contract_test.cc pins to the
// compiled protos.
TEST_F(CompiledRoleTable, ListsEveryDesignMethod) {
  for (const std::string& method : kDesignMethods) {
    EXPECT_TRUE(table_.Contains(method)) << method;
  }
}

TEST_F(CompiledRoleTable, EveryMethodIsCallableBySomeone) {
  for (const std::string& method : table_.Methods()) {
    EXPECT_FALSE(table_.AllowedRoles(method).empty()) << method;
  }
}

TEST_F(CompiledRoleTable, FamilyReachesOnlyTheTokenMethods) {
  for (const std::string& method : table_.Methods()) {
    EXPECT_EQ(table_.Allows(method, Role::kFamily), kFamilyMethods.count(method) == 1) << method;
  }
}

TEST_F(CompiledRoleTable, NoStaffRoleReachesTheFamilysOwnMethods) {
  for (const char* method :
       {"fgc.v1.InvitationService/GetMyInvitation", "fgc.v1.InvitationService/RespondToInvitation",
        "fgc.v1.PlanService/GetMyPlan", "fgc.v1.LedgerService/GetMyRecord"}) {
    EXPECT_EQ(table_.AllowedRoles(method), std::vector<Role>{Role::kFamily}) << method;
  }
}

TEST_F(CompiledRoleTable, AuditorOnlyReads) {
  for (const std::string& method : table_.Methods()) {
    if (!table_.Allows(method, Role::kAuditor)) continue;
    const std::string name = MethodName(method);
    EXPECT_TRUE(name.rfind("Get", 0) == 0 || name.rfind("List", 0) == 0 ||
                name.rfind("Check", 0) == 0)
        << method;
  }
  EXPECT_TRUE(table_.Allows("fgc.v1.LedgerService/ListEntries", Role::kAuditor));
  EXPECT_TRUE(table_.Allows("fgc.v1.LedgerService/GetCheckpoint", Role::kAuditor));
}

TEST_F(CompiledRoleTable, ManagerMayDoEverythingACoordinatorMay) {
  for (const std::string& method : table_.Methods()) {
    if (table_.Allows(method, Role::kCoordinator)) {
      EXPECT_TRUE(table_.Allows(method, Role::kManager)) << method;
    }
  }
}

TEST_F(CompiledRoleTable, OnlyHoldersOfStatutoryPowerUseIt) {
  for (const char* method :
       {"fgc.v1.PlanService/RecordReferrerDecision", "fgc.v1.PlanService/DecideResource"}) {
    EXPECT_EQ(table_.AllowedRoles(method),
              (std::vector<Role>{Role::kReferrer, Role::kAgencySystem, Role::kManager}))
        << method;
  }
}

TEST_F(CompiledRoleTable, ACoordinatorReachesRecordPowerUseOnlyForRestrictions) {
  // RestrictParticipation writes its power record on the coordinator's behalf; the ledger
  // refuses a coordinator every other kind of power (services/ledger/entry/power_authority.h).
  EXPECT_EQ(table_.AllowedRoles("fgc.v1.LedgerService/RecordPowerUse"),
            (std::vector<Role>{Role::kCoordinator, Role::kReferrer, Role::kAgencySystem,
                               Role::kManager}));
}

TEST_F(CompiledRoleTable, ReferrerDecidesButDoesNotEditTheFamilysPlan) {
  EXPECT_TRUE(table_.Allows("fgc.v1.PlanService/RecordReferrerDecision", Role::kReferrer));
  EXPECT_FALSE(table_.Allows("fgc.v1.PlanService/UpdatePlanDraft", Role::kReferrer));
  EXPECT_FALSE(table_.Allows("fgc.v1.PlanService/SubmitPlan", Role::kReferrer));
  EXPECT_FALSE(table_.Allows("fgc.v1.PlanService/UpdatePlanDraft", Role::kAgencySystem));
}

TEST_F(CompiledRoleTable, AgencySystemHasTheRightsOfAReferrer) {
  for (const std::string& method : table_.Methods()) {
    EXPECT_EQ(table_.Allows(method, Role::kAgencySystem), table_.Allows(method, Role::kReferrer))
        << method;
  }
}

TEST_F(CompiledRoleTable, ReferralsComeFromAgencies) {
  EXPECT_TRUE(table_.Allows("fgc.v1.SchedulingService/CreateConference", Role::kReferrer));
  EXPECT_TRUE(table_.Allows("fgc.v1.SchedulingService/CreateConference", Role::kAgencySystem));
  EXPECT_TRUE(table_.Allows("fgc.v1.LedgerService/RecordConsent", Role::kReferrer));
}

TEST_F(CompiledRoleTable, OnlyAManagerErasesASubject) {
  EXPECT_EQ(table_.AllowedRoles("fgc.v1.LedgerService/EraseSubject"),
            std::vector<Role>{Role::kManager});
}

TEST_F(CompiledRoleTable, AcceptsGrpcsLeadingSlashAndRefusesUnknownMethods) {
  EXPECT_TRUE(table_.Allows("/fgc.v1.SchedulingService/GetConference", Role::kCoordinator));
  EXPECT_FALSE(table_.Allows("fgc.v1.SchedulingService/DropDatabase", Role::kManager));
  EXPECT_FALSE(table_.Contains("fgc.v1.SchedulingService/DropDatabase"));
  EXPECT_TRUE(table_.AllowedRoles("nope/Nope").empty());
}

constexpr char kHeader[] =
    "method\tcoordinator\treferrer\tagency_system\tmanager\tauditor\tfamily\n";

TEST(RoleTableParse, ReadsYesAndNoCellsInHeaderOrder) {
  const std::string tsv =
      std::string("# comment\n\n") +
      "method\tfamily\tauditor\tmanager\tagency_system\treferrer\tcoordinator\n" +
      "a.S/M\tyes\tno\tno\tno\tno\tno\r\n";
  const RoleTable table = RoleTable::Parse(tsv).value();
  EXPECT_EQ(table.AllowedRoles("a.S/M"), std::vector<Role>{Role::kFamily});
}

TEST(RoleTableParse, RejectsAnUnknownRole) {
  EXPECT_FALSE(RoleTable::Parse("method\tcoordinator\treferrer\tagency_system\tmanager\tauditor\t"
                                "family\tjanitor\n")
                   .ok());
  EXPECT_FALSE(RoleTable::Parse("method\tcoordinator\treferrer\tagency_system\tmanager\tauditor\t"
                                "janitor\n")
                   .ok());
}

TEST(RoleTableParse, RejectsARepeatedOrMissingRoleColumn) {
  EXPECT_FALSE(RoleTable::Parse("method\tcoordinator\tcoordinator\tagency_system\tmanager\t"
                                "auditor\tfamily\n")
                   .ok());
  EXPECT_FALSE(RoleTable::Parse("method\tcoordinator\n").ok());
}

TEST(RoleTableParse, RejectsADuplicateMethod) {
  const std::string row = "a.S/M\tyes\tno\tno\tno\tno\tno\n";
  const absl::Status status = RoleTable::Parse(kHeader + row + row).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(std::string(status.message()).find("line 3"), std::string::npos) << status;
}

TEST(RoleTableParse, RejectsMalformedRows) {
  for (const char* row : {"a.S/M\tyes\tno\tno\tno\tno\n", "a.S/M\tyes\tno\tno\tno\tno\tno\tno\n",
                          "a.S/M\tyes\tno\tno\tno\tno\tmaybe\n", "a.S/M yes no no no no no\n",
                          "NoSlash\tyes\tno\tno\tno\tno\tno\n", "a.S/\tyes\tno\tno\tno\tno\tno\n",
                          "S/M\tyes\tno\tno\tno\tno\tno\n"}) {
    EXPECT_EQ(RoleTable::Parse(std::string(kHeader) + row).status().code(),
              absl::StatusCode::kInvalidArgument)
        << row;
  }
}

TEST(RoleTableParse, RejectsATableWithoutHeader) {
  EXPECT_FALSE(RoleTable::Parse("# only comments\n").ok());
  EXPECT_FALSE(RoleTable::Parse("a.S/M\tyes\tno\tno\tno\tno\tno\n").ok());
}

TEST(Role, NamesRoundTrip) {
  for (const Role role : kAllRoles) EXPECT_EQ(ParseRole(RoleName(role)).value(), role);
  EXPECT_FALSE(ParseRole("Coordinator").ok());
  EXPECT_FALSE(ParseRole("").ok());
  EXPECT_FALSE(IsStaffRole(Role::kFamily));
  EXPECT_TRUE(IsStaffRole(Role::kAuditor));
}

}  // namespace
}  // namespace fgc::auth
