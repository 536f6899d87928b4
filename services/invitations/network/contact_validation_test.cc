#include "services/invitations/network/contact_validation.h"

#include <set>
#include <string>

#include "common/base/errors.h"
#include "gtest/gtest.h"

namespace fgc::invitations {
namespace {

std::set<std::string> BadFields(const ViolationList& v) {
  std::set<std::string> fields;
  if (std::optional<ErrorDetails> details = DetailsOf(v.ToStatus("bad"))) {
    for (const FieldViolation& f : details->field_violations) fields.insert(f.field);
  }
  return fields;
}

TEST(IsEmailAddress, AcceptsDotAtomAddresses) {
  for (const char* good :
       {"a@example.org", "zofia.nowak+fgc@mail.example.pl", "o'neil@example.co.uk"}) {
    EXPECT_TRUE(IsEmailAddress(good)) << good;
  }
  for (const char* bad :
       {"", "example.org", "@example.org", "a@", "a@localhost", "a b@x.org", "a..b@x.org",
        ".a@x.org", "a@x..org", "a@-x.org", "<a@x.org>", "a@x.org\r\nBcc: b@y.org"}) {
    EXPECT_FALSE(IsEmailAddress(bad)) << bad;
  }
  EXPECT_FALSE(IsEmailAddress(std::string(65, 'a') + "@x.org"));
}

TEST(IsE164Number, AcceptsPlusAndUpToFifteenDigits) {
  for (const char* good : {"+447700900123", "+6421234567", "+6831234"}) {
    EXPECT_TRUE(IsE164Number(good)) << good;
  }
  for (const char* bad : {"", "07700900123", "+0447700900123", "+44 7700 900123", "+44-7700",
                          "+1234567890123456", "+123456"}) {
    EXPECT_FALSE(IsE164Number(bad)) << bad;
  }
}

TEST(CheckContacts, PostNeedsAnAddressAndOthersMustNotHaveOne) {
  google::protobuf::RepeatedPtrField<v1::ContactChannel> contacts;
  v1::ContactChannel* post = contacts.Add();
  post->set_kind(v1::CONTACT_KIND_POST);
  v1::ContactChannel* phone = contacts.Add();
  phone->set_kind(v1::CONTACT_KIND_PHONE);
  phone->set_value("+442079460000");
  phone->mutable_postal_address()->add_address_lines("1 High St");
  ViolationList v;
  CheckContacts(contacts, "member.contacts", v);
  EXPECT_EQ(BadFields(v), (std::set<std::string>{"member.contacts[0].postal_address",
                                                 "member.contacts[1].postal_address"}));
}

TEST(CheckContacts, ChecksEachAddressLineAndTheRegion) {
  google::protobuf::RepeatedPtrField<v1::ContactChannel> contacts;
  v1::ContactChannel* post = contacts.Add();
  post->set_kind(v1::CONTACT_KIND_POST);
  v1::Address* address = post->mutable_postal_address();
  address->add_address_lines("Flat 2");
  address->add_address_lines(std::string(201, 'x'));
  address->set_postal_code("SW1A 1AA but far too long");
  address->set_region_code("GB");
  ViolationList v;
  CheckContacts(contacts, "member.contacts", v);
  EXPECT_EQ(BadFields(v),
            (std::set<std::string>{"member.contacts[0].postal_address.address_lines[1]",
                                   "member.contacts[0].postal_address.postal_code"}));
}

TEST(CheckContacts, AllowsOnePreferredChannelAndAKindForEach) {
  google::protobuf::RepeatedPtrField<v1::ContactChannel> contacts;
  for (int i = 0; i < 2; ++i) {
    v1::ContactChannel* c = contacts.Add();
    c->set_kind(v1::CONTACT_KIND_MOBILE);
    c->set_value("+447700900123");
    c->set_preferred(true);
  }
  contacts.Add()->set_value("+447700900123");
  ViolationList v;
  CheckContacts(contacts, "member.contacts", v);
  EXPECT_EQ(BadFields(v),
            (std::set<std::string>{"member.contacts[1].preferred", "member.contacts[2].kind"}));
}

TEST(ViolationList, TextCountsCharactersAndRefusesBlankRequiredText) {
  ViolationList v;
  v.Text("a", "ŁŁŁ", 1, 3);
  v.Text("b", " \t", 1, 3);
  v.Text("c", "ŁŁŁŁ", 0, 3);
  v.Text("d", "line\nbreak", 0, 100);
  v.Text("e", "line\nbreak", 0, 100, /*multiline=*/true);
  EXPECT_EQ(BadFields(v), (std::set<std::string>{"b", "c", "d"}));
}

TEST(Utf8Length, CountsCharactersAndRefusesMalformedText) {
  EXPECT_EQ(Utf8Length("Zoë 祖母 \xF0\x9F\x91\xB5"), 8);
  for (const char* bad : {"\xff", "\xC3", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80"}) {
    EXPECT_EQ(Utf8Length(bad), -1) << bad;
  }
}

}  // namespace
}  // namespace fgc::invitations
