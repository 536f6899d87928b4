#include "services/invitations/network/ecomap_layout.h"

#include <cmath>
#include <set>
#include <utility>

#include "gtest/gtest.h"

namespace fgc::invitations {
namespace {

v1::NetworkMember WithRoles(std::initializer_list<v1::MemberRole> roles) {
  v1::NetworkMember m;
  for (v1::MemberRole role : roles) m.add_roles(role);
  return m;
}

double Distance(Point a, Point b) { return std::hypot(a.x - b.x, a.y - b.y); }

TEST(RingOf, PlacesByRoleWithTheClosestRoleWinning) {
  EXPECT_EQ(RingOf(WithRoles({v1::MEMBER_ROLE_CHILD})), Ring::kCentre);
  EXPECT_EQ(RingOf(WithRoles({v1::MEMBER_ROLE_PARENTAL_RESPONSIBILITY})), Ring::kInner);
  EXPECT_EQ(RingOf(WithRoles({v1::MEMBER_ROLE_PROFESSIONAL, v1::MEMBER_ROLE_CARER})),
            Ring::kInner);  // a foster carer is a professional and a main carer
  EXPECT_EQ(RingOf(WithRoles({})), Ring::kMiddle);
  EXPECT_EQ(RingOf(WithRoles({v1::MEMBER_ROLE_ADVOCATE})), Ring::kMiddle);
  EXPECT_EQ(RingOf(WithRoles({v1::MEMBER_ROLE_PROFESSIONAL})), Ring::kOuter);
}

TEST(LayOutEcomap, PutsOneChildAtTheCentreAndRingsFurtherOutByRole) {
  const v1::NetworkMember child = WithRoles({v1::MEMBER_ROLE_CHILD});
  const v1::NetworkMember carer = WithRoles({v1::MEMBER_ROLE_CARER});
  const v1::NetworkMember aunt = WithRoles({});
  const v1::NetworkMember teacher = WithRoles({v1::MEMBER_ROLE_PROFESSIONAL});
  const EcomapLayout layout = LayOutEcomap({&child, &carer, &aunt, &teacher});
  ASSERT_EQ(layout.members.size(), 4u);
  EXPECT_EQ(Distance(layout.members[0].at, layout.centre), 0);
  const double inner = Distance(layout.members[1].at, layout.centre);
  const double middle = Distance(layout.members[2].at, layout.centre);
  const double outer = Distance(layout.members[3].at, layout.centre);
  EXPECT_LT(layout.hub_radius, inner);
  EXPECT_LT(inner, middle);
  EXPECT_LT(middle, outer);
  EXPECT_EQ(layout.members[2].number, 3);
}

TEST(LayOutEcomap, GivesSeveralChildrenACircleOfTheirOwnAtTheCentre) {
  const v1::NetworkMember a = WithRoles({v1::MEMBER_ROLE_CHILD});
  const v1::NetworkMember b = WithRoles({v1::MEMBER_ROLE_CHILD});
  const EcomapLayout layout = LayOutEcomap({&a, &b});
  EXPECT_NE(layout.members[0].at.x, layout.members[1].at.x);
  for (const PlacedMember& p : layout.members) {
    EXPECT_LE(Distance(p.at, layout.centre) + p.radius, layout.hub_radius);
  }
}

TEST(LayOutEcomap, KeepsFortyMembersApartAndOnTheCanvas) {
  std::vector<v1::NetworkMember> members(40);
  std::vector<const v1::NetworkMember*> pointers;
  for (size_t i = 0; i < members.size(); ++i) {
    if (i % 4 == 0) members[i].add_roles(v1::MEMBER_ROLE_PROFESSIONAL);
    if (i % 7 == 0) members[i].add_roles(v1::MEMBER_ROLE_CARER);
    pointers.push_back(&members[i]);
  }
  const EcomapLayout layout = LayOutEcomap(pointers);
  for (size_t i = 0; i < layout.members.size(); ++i) {
    const PlacedMember& p = layout.members[i];
    EXPECT_GE(p.at.x - p.radius, 0);
    EXPECT_LE(p.at.x + p.radius, EcomapLayout::kWidth);
    EXPECT_GE(p.at.y - p.radius, 0);
    EXPECT_LT(p.at.y + p.radius + 30, EcomapLayout::kLegendTop - 10);  // labels clear the legend
    for (size_t j = 0; j < i; ++j) {
      EXPECT_GT(Distance(p.at, layout.members[j].at), 2 * p.radius) << i << " and " << j;
    }
  }
}

}  // namespace
}  // namespace fgc::invitations
