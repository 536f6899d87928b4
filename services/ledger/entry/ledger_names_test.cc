#include "services/ledger/entry/ledger_names.h"

#include <limits>

#include "gtest/gtest.h"

namespace fgc::ledger {
namespace {

TEST(IsValidResourceId, AcceptsLowerCaseLettersDigitsAndHyphens) {
  EXPECT_TRUE(IsValidResourceId("c-1"));
  EXPECT_TRUE(IsValidResourceId(std::string(63, 'a')));
  for (const char* bad : {"", "C1", "c_1", "c.1", "c 1", "c/1", "\xc3\xa9"}) {
    EXPECT_FALSE(IsValidResourceId(bad)) << bad;
  }
  EXPECT_FALSE(IsValidResourceId(std::string(64, 'a')));
}

TEST(ParseConferenceName, SplitsTenantAndConference) {
  auto name = ParseConferenceName("tenants/t1/conferences/c1");
  ASSERT_TRUE(name.has_value());
  EXPECT_EQ(name->tenant, "t1");
  EXPECT_EQ(name->conference, "c1");
  EXPECT_EQ(name->Format(), "tenants/t1/conferences/c1");
}

TEST(ParseConferenceName, RefusesOtherShapes) {
  for (const char* bad : {"tenants/t1/conferences", "tenants/t1/conferences/c1/",
                          "/tenants/t1/conferences/c1", "tenants/t1/venues/c1",
                          "tenants//conferences/c1", "tenants/t1/conferences/c1/children/k1"}) {
    EXPECT_FALSE(ParseConferenceName(bad).has_value()) << bad;
  }
}

TEST(ParseChildName, KnowsItsConference) {
  auto name = ParseChildName("tenants/t1/conferences/c1/children/k1");
  ASSERT_TRUE(name.has_value());
  EXPECT_EQ(name->child, "k1");
  EXPECT_EQ(name->ConferenceNameText(), "tenants/t1/conferences/c1");
  EXPECT_FALSE(ParseChildName("tenants/t1/conferences/c1/members/k1").has_value());
}

TEST(ParseMemberName, KnowsItsConference) {
  auto name = ParseMemberName("tenants/t1/conferences/c1/members/m1");
  ASSERT_TRUE(name.has_value());
  EXPECT_EQ(name->member, "m1");
  EXPECT_EQ(name->ConferenceNameText(), "tenants/t1/conferences/c1");
}

TEST(EntryName, FormatsAndParsesTheIndex) {
  EXPECT_EQ(FormatEntryName("t1", 42), "tenants/t1/ledger/entries/42");
  auto name = ParseEntryName("tenants/t1/ledger/entries/42");
  ASSERT_TRUE(name.has_value());
  EXPECT_EQ(name->tenant, "t1");
  EXPECT_EQ(name->index, 42);
  const int64_t max = std::numeric_limits<int64_t>::max();
  EXPECT_EQ(ParseEntryName(FormatEntryName("t1", max))->index, max);
  EXPECT_EQ(ParseEntryName("tenants/t1/ledger/entries/0")->index, 0);
}

TEST(EntryName, RefusesIndexesThatAreNotCanonicalDecimal) {
  for (const char* bad :
       {"tenants/t1/ledger/entries/", "tenants/t1/ledger/entries/007",
        "tenants/t1/ledger/entries/-1", "tenants/t1/ledger/entries/+1",
        "tenants/t1/ledger/entries/1a", "tenants/t1/ledger/entries/9223372036854775808",
        "tenants/t1/ledger/checkpoints/1", "tenants/T1/ledger/entries/1"}) {
    EXPECT_FALSE(ParseEntryName(bad).has_value()) << bad;
  }
}

TEST(LedgerParentName, NamesTheTenantsLedger) {
  EXPECT_EQ(LedgerParentName("t1"), "tenants/t1/ledger");
}

}  // namespace
}  // namespace fgc::ledger
