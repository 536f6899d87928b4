#include "services/invitations/member_record.h"

#include <google/protobuf/util/message_differencer.h>

#include "gtest/gtest.h"

namespace fgc::invitations {
namespace {

v1::NetworkMember Aunt() {
  v1::NetworkMember m;
  m.set_name("tenants/t/conferences/c1/members/m-aunt");
  m.set_display_name("Grażyna Kowalska");
  m.set_relationship("Mum's sister, Sam's favourite aunt");
  m.add_roles(v1::MEMBER_ROLE_SUPPORTER);
  m.set_language_code("pl");
  m.set_time_zone("Europe/Warsaw");
  v1::ContactChannel* email = m.add_contacts();
  email->set_kind(v1::CONTACT_KIND_EMAIL);
  email->set_value("grazyna@example.org");
  v1::Need* need = m.add_needs();
  need->set_kind(v1::NEED_KIND_INTERPRETER);
  need->set_details("Prefers a woman interpreter");
  need->set_language_code("pl");
  v1::MemberRelationship* r = m.add_relationships();
  r->set_member("tenants/t/conferences/c1/members/m-mum");
  r->set_description("Close since childhood");
  r->set_strength(v1::CONNECTION_STRENGTH_STRONG);
  m.set_notes("Works nights; call after 4pm");
  v1::ParticipationRestriction* restriction = m.mutable_restriction();
  restriction->set_kind(v1::RESTRICTION_KIND_VIEWS_ONLY);
  restriction->set_reasons("Threatened the foster carer");
  restriction->set_alternative_contribution("Written views through her supporter");
  restriction->set_member_notice("You can send your views in writing");
  restriction->mutable_family_told()->set_told(false);
  restriction->mutable_family_told()->set_not_told_reason("Would raise the risk to Sam");
  return m;
}

TEST(MemberRecord, TheClearRecordHoldsNoPersonalDetails) {
  const MemberParts parts = SplitMember(Aunt());
  std::string clear;
  ASSERT_TRUE(parts.record.SerializeToString(&clear));
  for (const char* secret :
       {"Kowalska", "sister", "grazyna@", "woman interpreter", "childhood", "nights", "Threatened",
        "Written views", "send your views", "raise the risk"}) {
    EXPECT_EQ(clear.find(secret), std::string::npos) << secret;
  }
  EXPECT_EQ(parts.record.needs(0).kind(), v1::NEED_KIND_INTERPRETER);
  EXPECT_EQ(parts.record.relationships(0).strength(), v1::CONNECTION_STRENGTH_STRONG);
  EXPECT_EQ(parts.record.restriction().kind(), v1::RESTRICTION_KIND_VIEWS_ONLY);
}

TEST(MemberRecord, SplitSealOpenJoinGivesTheMemberBack) {
  const v1::NetworkMember original = Aunt();
  const MemberParts parts = SplitMember(original);
  auto key = crypto::GenerateDataKey();
  ASSERT_TRUE(key.ok());
  auto sealed = SealMember(parts.personal, *key);
  ASSERT_TRUE(sealed.ok()) << sealed.status();
  auto opened = OpenMember(*sealed, original.name(), *key);
  ASSERT_TRUE(opened.ok()) << opened.status();
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(JoinMember(parts.record, *opened),
                                                                 original));
  EXPECT_FALSE(OpenMember(*sealed, "tenants/t/conferences/c1/members/m-other", *key).ok());
}

}  // namespace
}  // namespace fgc::invitations
