#include "services/invitations/member_validation.h"

#include <set>

#include "common/base/errors.h"
#include "gtest/gtest.h"

namespace fgc::invitations {
namespace {

constexpr char kConference[] = "tenants/t/conferences/c1";

v1::NetworkMember Valid() {
  v1::NetworkMember m;
  m.set_name(std::string(kConference) + "/members/m-1");
  m.set_display_name("Dafydd");
  m.set_relationship("Grandad");
  m.add_roles(v1::MEMBER_ROLE_CARER);
  m.set_language_code("cy");
  v1::ContactChannel* phone = m.add_contacts();
  phone->set_kind(v1::CONTACT_KIND_MOBILE);
  phone->set_value("+447700900123");
  return m;
}

std::set<std::string> Fields(const absl::Status& s) {
  std::set<std::string> out;
  if (auto details = DetailsOf(s)) {
    for (const auto& v : details->field_violations) out.insert(v.field);
  }
  return out;
}

TEST(ValidateMember, AValidMemberPasses) { EXPECT_TRUE(ValidateMember(Valid(), kConference).ok()); }

TEST(ValidateMember, EveryBadFieldIsNamed) {
  v1::NetworkMember m = Valid();
  m.clear_display_name();
  m.mutable_contacts(0)->set_value("07700 900123");
  m.set_time_zone("../etc/passwd");
  m.set_child("tenants/t/conferences/other/children/k1");
  v1::Need* need = m.add_needs();
  need->set_kind(v1::NEED_KIND_INTERPRETER);
  const absl::Status s = ValidateMember(m, kConference);
  ASSERT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  const auto fields = Fields(s);
  for (const char* f : {"member.display_name", "member.contacts[0].value", "member.time_zone",
                        "member.child", "member.needs[0].language_code"}) {
    EXPECT_TRUE(fields.count(f)) << f << ": " << s;
  }
}

TEST(ValidateMember, ARelationshipMustNameAnotherMemberOfTheConference) {
  v1::NetworkMember m = Valid();
  m.add_relationships()->set_member(m.name());
  m.add_relationships()->set_member("tenants/t/conferences/c2/members/m-9");
  const auto fields = Fields(ValidateMember(m, kConference));
  EXPECT_TRUE(fields.count("member.relationships[0].member"));
  EXPECT_TRUE(fields.count("member.relationships[1].member"));
}

}  // namespace
}  // namespace fgc::invitations
