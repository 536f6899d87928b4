#include "services/invitations/network/network_member_validation.h"

#include <set>
#include <string>

#include "common/base/errors.h"
#include "gtest/gtest.h"

namespace fgc::invitations {
namespace {

constexpr char kConference[] = "tenants/t1/conferences/c1";

v1::NetworkMember Valid() {
  v1::NetworkMember m;
  m.set_name(std::string(kConference) + "/members/nan");
  m.set_display_name("Zofia Nowak");
  m.set_relationship("Nan (Mum's mum)");
  m.add_roles(v1::MEMBER_ROLE_CARER);
  m.add_roles(v1::MEMBER_ROLE_SUPPORTER);
  m.set_language_code("pl");
  m.set_time_zone("Europe/Warsaw");
  m.set_notes("Lives with Kai on weekdays.\nPrefers mornings.");
  m.set_connection(v1::CONNECTION_STRENGTH_STRONG);
  v1::Need* need = m.add_needs();
  need->set_kind(v1::NEED_KIND_INTERPRETER);
  need->set_language_code("pl");
  v1::ContactChannel* email = m.add_contacts();
  email->set_kind(v1::CONTACT_KIND_EMAIL);
  email->set_value("zofia.nowak@example.pl");
  email->set_preferred(true);
  v1::ContactChannel* post = m.add_contacts();
  post->set_kind(v1::CONTACT_KIND_POST);
  post->mutable_postal_address()->add_address_lines("ul. Długa 5");
  post->mutable_postal_address()->set_region_code("PL");
  v1::MemberRelationship* r = m.add_relationships();
  r->set_member(std::string(kConference) + "/members/mum");
  r->set_description("daughter");
  r->set_strength(v1::CONNECTION_STRENGTH_STRESSFUL);
  return m;
}

std::set<std::string> BadFields(const absl::Status& status) {
  std::set<std::string> fields;
  if (std::optional<ErrorDetails> details = DetailsOf(status)) {
    for (const FieldViolation& v : details->field_violations) fields.insert(v.field);
  }
  return fields;
}

absl::Status Validate(const v1::NetworkMember& m) { return ValidateNetworkMember(m, kConference); }

TEST(ValidateNetworkMember, AcceptsACompleteMember) {
  EXPECT_TRUE(Validate(Valid()).ok()) << Validate(Valid());
}

TEST(ValidateNetworkMember, AcceptsTheLeastAMemberNeeds) {
  v1::NetworkMember m;
  m.set_display_name("Bo");
  m.set_relationship("neighbour");
  EXPECT_TRUE(Validate(m).ok());
}

TEST(ValidateNetworkMember, ReportsEveryBadFieldAtOnceWithItsPath) {
  v1::NetworkMember m = Valid();
  m.set_display_name("");
  m.set_relationship("   ");
  m.mutable_contacts(1)->mutable_postal_address()->set_region_code("poland");
  m.mutable_needs(0)->clear_language_code();
  m.set_time_zone("Mars/Olympus");
  const absl::Status status = Validate(m);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(DetailsOf(status)->reason, "INVALID_FIELD");
  EXPECT_EQ(BadFields(status),
            (std::set<std::string>{"member.display_name", "member.relationship",
                                   "member.contacts[1].postal_address.region_code",
                                   "member.needs[0].language_code", "member.time_zone"}));
}

TEST(ValidateNetworkMember, CountsLengthsInCharactersNotBytes) {
  v1::NetworkMember m = Valid();
  std::string name;
  for (int i = 0; i < 200; ++i) name += "Ł";  // 400 bytes, 200 characters
  m.set_display_name(name);
  EXPECT_TRUE(Validate(m).ok());
  m.set_display_name(name + "Ł");
  EXPECT_EQ(BadFields(Validate(m)), std::set<std::string>{"member.display_name"});
}

TEST(ValidateNetworkMember, RefusesMalformedUtf8AndControlCharacters) {
  v1::NetworkMember m = Valid();
  m.set_display_name("Zofia\xff");
  m.set_relationship("Nan\x1b[31m");
  m.set_notes(std::string(10001, 'x'));
  EXPECT_EQ(BadFields(Validate(m)),
            (std::set<std::string>{"member.display_name", "member.relationship", "member.notes"}));
}

TEST(ValidateNetworkMember, RefusesUnknownAndRepeatedRoles) {
  v1::NetworkMember m = Valid();
  m.add_roles(v1::MEMBER_ROLE_CARER);
  m.add_roles(static_cast<v1::MemberRole>(99));
  EXPECT_EQ(BadFields(Validate(m)), (std::set<std::string>{"member.roles[2]", "member.roles[3]"}));
}

TEST(ValidateNetworkMember, ChildMustBeOfThisConferenceAndOnlyForTheChildRole) {
  v1::NetworkMember m = Valid();
  m.set_child(std::string(kConference) + "/children/kai");
  EXPECT_EQ(BadFields(Validate(m)), std::set<std::string>{"member.child"});
  m.add_roles(v1::MEMBER_ROLE_CHILD);
  EXPECT_TRUE(Validate(m).ok());
  m.set_child("tenants/t1/conferences/other/children/kai");
  EXPECT_EQ(BadFields(Validate(m)), std::set<std::string>{"member.child"});
}

TEST(ValidateNetworkMember, RelationshipsNameOtherMembersOfThisConferenceOnce) {
  v1::NetworkMember m = Valid();
  m.add_relationships()->set_member(m.name());                                 // [1] self
  m.add_relationships()->set_member("tenants/t2/conferences/c1/members/mum");  // [2] elsewhere
  m.add_relationships()->set_member(m.relationships(0).member());              // [3] again
  EXPECT_EQ(BadFields(Validate(m)), (std::set<std::string>{"member.relationships[1].member",
                                                           "member.relationships[2].member",
                                                           "member.relationships[3].member"}));
}

TEST(ValidateNetworkMember, EnforcesTheCountLimits) {
  v1::NetworkMember m = Valid();
  for (int i = 0; i < 20; ++i) m.add_needs()->set_kind(v1::NEED_KIND_ACCESS);
  for (int i = 0; i < 9; ++i) *m.add_contacts() = m.contacts(0);
  for (v1::ContactChannel& c : *m.mutable_contacts()) c.set_preferred(false);
  const std::set<std::string> bad = BadFields(Validate(m));
  EXPECT_EQ(bad, (std::set<std::string>{"member.needs", "member.contacts"}));
}

TEST(ValidateNetworkMember, UsesTheRequestFieldGiven) {
  v1::NetworkMember m = Valid();
  m.set_display_name("");
  EXPECT_EQ(BadFields(ValidateNetworkMember(m, kConference, "invitee")),
            std::set<std::string>{"invitee.display_name"});
}

TEST(IsLanguageTag, AcceptsBcp47Shapes) {
  for (const char* good : {"cy", "pl", "en-GB", "pt-BR", "zh-Hant-TW", "bfi", "sr-Latn", "mi",
                           "es-419", "de-CH-1996"}) {
    EXPECT_TRUE(IsLanguageTag(good)) << good;
  }
  for (const char* bad :
       {"", "e", "engl", "en_GB", "en-", "-en", "en--GB", "1en", "en-GB!", "en-abcdefghi"}) {
    EXPECT_FALSE(IsLanguageTag(bad)) << bad;
  }
}

TEST(IsIanaTimeZone, AcceptsDatabaseNamesOnly) {
  for (const char* good : {"Europe/Warsaw", "Pacific/Auckland", "America/Argentina/Salta", "UTC"}) {
    EXPECT_TRUE(IsIanaTimeZone(good)) << good;
  }
  for (const char* bad : {"", "Mars/Olympus", "/etc/passwd", "../../etc/passwd", "Europe/",
                          "Fixed/UTC+01:00", "Europe//Warsaw", "+01:00"}) {
    EXPECT_FALSE(IsIanaTimeZone(bad)) << bad;
  }
}

TEST(ValidateMemberId, AcceptsEmptyOrAResourceId) {
  EXPECT_TRUE(ValidateMemberId("").ok());
  EXPECT_TRUE(ValidateMemberId("nan-2").ok());
  for (const std::string& bad : {std::string("Nan"), std::string("2nan"), std::string("nan_2"),
                                 std::string("zofia nowak"), std::string(64, 'a')}) {
    EXPECT_EQ(BadFields(ValidateMemberId(bad)), std::set<std::string>{"member_id"}) << bad;
  }
}

TEST(ValidateMemberUpdateMask, AcceptsTheUpdatableFields) {
  EXPECT_TRUE(ValidateMemberUpdateMask({"display_name", "contacts", "relationships"}).ok());
}

TEST(ValidateMemberUpdateMask, RefusesEmptyStarAndOutputOnlyPaths) {
  EXPECT_EQ(DetailsOf(ValidateMemberUpdateMask({}))->reason, "INVALID_UPDATE_MASK");
  EXPECT_EQ(BadFields(ValidateMemberUpdateMask({"notes", "*", "restriction", "name"})),
            (std::set<std::string>{"update_mask.paths[1]", "update_mask.paths[2]",
                                   "update_mask.paths[3]"}));
}

}  // namespace
}  // namespace fgc::invitations
