#include "services/invitations/member_listing.h"

#include "gtest/gtest.h"

namespace fgc::invitations {
namespace {

v1::NetworkMember Member(const std::string& id, const std::string& name, v1::MemberRole role) {
  v1::NetworkMember m;
  m.set_name("tenants/t/conferences/c/members/" + id);
  m.set_display_name(name);
  m.add_roles(role);
  return m;
}

TEST(SortForListing, PutsTheChildFirstThenOrdersByName) {
  std::vector<v1::NetworkMember> members = {Member("m-1", "Zoe", v1::MEMBER_ROLE_SUPPORTER),
                                            Member("m-2", "Alex", v1::MEMBER_ROLE_CARER),
                                            Member("m-3", "Sam", v1::MEMBER_ROLE_CHILD)};
  SortForListing(members);
  EXPECT_EQ(members[0].display_name(), "Sam");
  EXPECT_EQ(members[1].display_name(), "Alex");
  EXPECT_EQ(members[2].display_name(), "Zoe");
}

TEST(ParseMemberFilter, SelectsByRoleAndRestriction) {
  auto parents = ParseMemberFilter("roles = MEMBER_ROLE_PARENTAL_RESPONSIBILITY");
  ASSERT_TRUE(parents.ok());
  EXPECT_TRUE((*parents)(Member("m-1", "Kim", v1::MEMBER_ROLE_PARENTAL_RESPONSIBILITY)));
  EXPECT_FALSE((*parents)(Member("m-2", "Bea", v1::MEMBER_ROLE_SUPPORTER)));
  auto excluded = ParseMemberFilter("restriction.kind = RESTRICTION_KIND_EXCLUDED");
  ASSERT_TRUE(excluded.ok());
  v1::NetworkMember dad = Member("m-3", "Dad", v1::MEMBER_ROLE_PARENTAL_RESPONSIBILITY);
  EXPECT_FALSE((*excluded)(dad));
  dad.mutable_restriction()->set_kind(v1::RESTRICTION_KIND_EXCLUDED);
  EXPECT_TRUE((*excluded)(dad));
}

TEST(ParseMemberFilter, RefusesOtherFieldsAndValues) {
  EXPECT_EQ(ParseMemberFilter("display_name = \"Kim\"").status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseMemberFilter("roles = AUNT").status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace fgc::invitations
