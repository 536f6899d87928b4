#include "common/server/family_invitation.h"

#include <gtest/gtest.h>

#include "common/base/errors.h"

namespace fgc::server {
namespace {

v1::GetMyInvitationResponse Opened(const std::string& invitation, const std::string& member) {
  v1::GetMyInvitationResponse opened;
  opened.mutable_invitation()->set_name(invitation);
  opened.mutable_member()->set_name(member);
  return opened;
}

TEST(FamilyInvitation, ReadsTenantConferenceAndMemberFromTheAnswer) {
  auto resolved = FamilyInvitationOf(Opened("tenants/t1/conferences/c-9/invitations/i-1",
                                            "tenants/t1/conferences/c-9/members/nan"));
  ASSERT_TRUE(resolved.ok()) << resolved.status();
  EXPECT_EQ(resolved->tenant, "t1");
  EXPECT_EQ(resolved->conference, "tenants/t1/conferences/c-9");
  EXPECT_EQ(resolved->member, "tenants/t1/conferences/c-9/members/nan");
}

TEST(FamilyInvitation, FallsBackToTheInvitationsMemberWhenTheMemberHasNoName) {
  v1::GetMyInvitationResponse opened;
  opened.mutable_invitation()->set_name("tenants/t1/conferences/c-9/invitations/i-1");
  opened.mutable_invitation()->set_member("tenants/t1/conferences/c-9/members/nan");
  auto resolved = FamilyInvitationOf(opened);
  ASSERT_TRUE(resolved.ok()) << resolved.status();
  EXPECT_EQ(resolved->member, "tenants/t1/conferences/c-9/members/nan");
}

TEST(FamilyInvitation, AnInvitationAndMemberOfTwoConferencesIsRefused) {
  auto resolved = FamilyInvitationOf(Opened("tenants/t1/conferences/c-9/invitations/i-1",
                                            "tenants/t1/conferences/c-8/members/nan"));
  EXPECT_EQ(resolved.status().code(), absl::StatusCode::kInternal);
}

TEST(FamilyInvitation, AMalformedMemberNameIsRefused) {
  auto resolved = FamilyInvitationOf(
      Opened("tenants/t1/conferences/c-9/invitations/i-1", "tenants/t1/conferences/c-9/members/"));
  EXPECT_EQ(resolved.status().code(), absl::StatusCode::kInternal);
}

TEST(FamilyInvitation, TheResolvedCallerActsAsTheirMemberInTheirTenant) {
  Caller family;
  family.kind = Caller::Kind::kFamily;
  family.role = "family";
  family.invitation_token = "tok";
  auto resolved = FamilyInvitationOf(Opened("tenants/t1/conferences/c-9/invitations/i-1",
                                            "tenants/t1/conferences/c-9/members/nan"));
  ASSERT_TRUE(resolved.ok());
  const Caller caller = resolved->ResolvedCaller(family);
  EXPECT_EQ(caller.kind, Caller::Kind::kFamily);
  EXPECT_EQ(caller.tenant, "t1");
  EXPECT_EQ(caller.subject, "tenants/t1/conferences/c-9/members/nan");
  EXPECT_EQ(caller.invitation_token, "tok");
}

TEST(FamilyInvitation, AnEmptyNameMeansTheTokensOwn) {
  auto name = OwnNameOr("", "tenants/t1/conferences/c-9", "conference");
  ASSERT_TRUE(name.ok());
  EXPECT_EQ(*name, "tenants/t1/conferences/c-9");
}

TEST(FamilyInvitation, AnotherNameIsNotPermittedWhetherOrNotItExists) {
  for (const char* other : {"tenants/t1/conferences/c-8", "tenants/t2/conferences/c-9", "junk"}) {
    auto name = OwnNameOr(other, "tenants/t1/conferences/c-9", "conference");
    EXPECT_EQ(name.status().code(), absl::StatusCode::kPermissionDenied) << other;
    EXPECT_EQ(DetailsOf(name.status())->reason, "RESOURCE_NOT_PERMITTED") << other;
  }
}

TEST(FamilyInvitation, ATokenIsUnavailableWhenNoInvitationServiceIsReachable) {
  PeerChannels peers({}, {});
  Caller family;
  family.kind = Caller::Kind::kFamily;
  family.role = "family";
  family.invitation_token = "tok";
  auto resolved = ResolveFamilyInvitation(peers, family);
  EXPECT_EQ(resolved.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(DetailsOf(resolved.status())->reason, "SERVICE_UNAVAILABLE");
}

}  // namespace
}  // namespace fgc::server
