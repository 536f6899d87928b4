#include "services/ledger/entry/personal_fields.h"

#include <string>

#include "absl/strings/match.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "services/ledger/entry/entry_time.h"
#include "services/ledger/entry/leaf_data.h"
#include "services/ledger/entry/test_entries.h"

namespace fgc::ledger {
namespace {

using google::protobuf::util::MessageDifferencer;
using ::testing::ElementsAre;

constexpr char kRow[] = "tenants/t1/ledger/entries/42";

crypto::DataKey NewKey() {
  auto key = crypto::GenerateDataKey();
  EXPECT_TRUE(key.ok());
  return std::move(*key);
}

v1::LedgerEntry Sealed(const v1::LedgerEntry& entry, const crypto::DataKey& key) {
  v1::LedgerEntry sealed = entry;
  EXPECT_TRUE(SealPersonalFields(&sealed, key, kRow).ok());
  return sealed;
}

TEST(PersonalFields, ListsEveryPersonalFieldOfAConsent) {
  EXPECT_THAT(PersonalFieldPaths(testing::FullConsent()),
              ElementsAre("decision", "actor.display_name", "actor.on_behalf_of",
                          "consent.grantor.display_name", "consent.grantor.relationship",
                          "consent.grantees[1].display_name", "consent.grantees[1].relationship",
                          "consent.purpose_description", "consent.verification.verified_by",
                          "consent.verification.notes", "consent.reason"));
}

TEST(PersonalFields, ListsEveryPersonalFieldOfAPowerUse) {
  EXPECT_THAT(
      PersonalFieldPaths(testing::FullPower()),
      ElementsAre("decision", "actor.display_name", "power.affected[0].display_name",
                  "power.affected[0].relationship", "power.reasons",
                  "power.authorising_officer.display_name", "power.authorising_officer.email",
                  "power.authorising_officer.phone_number", "power.family_told.told_by",
                  "power.family_told.not_told_reason"));
}

TEST(PersonalFields, SealingHidesEveryPersonalValue) {
  const crypto::DataKey key = NewKey();
  for (const v1::LedgerEntry& entry : {testing::FullConsent(), testing::FullPower()}) {
    const v1::LedgerEntry sealed = Sealed(entry, key);
    const std::string bytes = sealed.SerializeAsString();
    for (const char* secret : {"Sam Jones", "Chris", "Passport", "Alex Coordinator", "Robin Head",
                               "robin.head", "+441632960000", "Risk of"}) {
      EXPECT_FALSE(absl::StrContains(bytes, secret)) << secret;
    }
    EXPECT_TRUE(absl::StartsWith(sealed.decision(), std::string(kSealedPrefix)));
  }
}

TEST(PersonalFields, SealingKeepsWhatTheRulesNeed) {
  const v1::LedgerEntry entry = testing::FullConsent();
  const v1::LedgerEntry sealed = Sealed(entry, NewKey());
  EXPECT_EQ(sealed.consent().grantor().member(), entry.consent().grantor().member());
  EXPECT_EQ(sealed.consent().grantees(0).agency(), "fgc-service");
  EXPECT_EQ(sealed.consent().purpose(), entry.consent().purpose());
  EXPECT_EQ(sealed.actor().subject(), "staff-17");
  EXPECT_EQ(sealed.conference(), entry.conference());
}

TEST(PersonalFields, OpenReversesSeal) {
  const crypto::DataKey key = NewKey();
  for (const v1::LedgerEntry& entry : {testing::FullConsent(), testing::FullPower()}) {
    v1::LedgerEntry roundtrip = Sealed(entry, key);
    ASSERT_TRUE(OpenPersonalFields(&roundtrip, key, kRow).ok());
    EXPECT_TRUE(MessageDifferencer::Equals(roundtrip, entry)) << roundtrip.DebugString();
  }
}

TEST(PersonalFields, SealingCreatesNoAbsentMessages) {
  v1::LedgerEntry entry = testing::ValidConsent();
  const v1::LedgerEntry sealed = Sealed(entry, NewKey());
  EXPECT_FALSE(sealed.has_actor());
  EXPECT_FALSE(sealed.consent().has_verification());
  EXPECT_TRUE(sealed.consent().reason().empty());
}

TEST(PersonalFields, SealedEntryHasCanonicalBytes) {
  const v1::LedgerEntry sealed = Sealed(testing::FullPower(), NewKey());
  auto bytes = CanonicalLeafData(sealed);
  ASSERT_TRUE(bytes.ok()) << bytes.status();
  auto parsed = ParseLeafData(*bytes);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(parsed->power().reasons(), sealed.power().reasons());
}

TEST(PersonalFields, WrongKeyDoesNotOpen) {
  v1::LedgerEntry sealed = Sealed(testing::FullConsent(), NewKey());
  const v1::LedgerEntry before = sealed;
  EXPECT_EQ(OpenPersonalFields(&sealed, NewKey(), kRow).code(), absl::StatusCode::kDataLoss);
  EXPECT_TRUE(MessageDifferencer::Equals(sealed, before));  // unchanged on error
}

TEST(PersonalFields, AnotherRowDoesNotOpen) {
  const crypto::DataKey key = NewKey();
  v1::LedgerEntry sealed = Sealed(testing::FullConsent(), key);
  EXPECT_EQ(OpenPersonalFields(&sealed, key, "tenants/t1/ledger/entries/43").code(),
            absl::StatusCode::kDataLoss);
}

TEST(PersonalFields, ValueMovedToAnotherFieldDoesNotOpen) {
  const crypto::DataKey key = NewKey();
  v1::LedgerEntry sealed = Sealed(testing::FullConsent(), key);
  const std::string name = sealed.consent().grantor().display_name();
  sealed.mutable_consent()->mutable_grantor()->set_display_name(
      sealed.consent().grantor().relationship());
  sealed.mutable_consent()->mutable_grantor()->set_relationship(name);
  EXPECT_EQ(OpenPersonalFields(&sealed, key, kRow).code(), absl::StatusCode::kDataLoss);
}

TEST(PersonalFields, ValueMovedToAnotherGranteeDoesNotOpen) {
  const crypto::DataKey key = NewKey();
  v1::LedgerEntry entry = testing::FullConsent();
  entry.mutable_consent()->mutable_grantees(0)->set_display_name("Service");
  v1::LedgerEntry sealed = Sealed(entry, key);
  sealed.mutable_consent()->mutable_grantees()->SwapElements(0, 1);
  EXPECT_EQ(OpenPersonalFields(&sealed, key, kRow).code(), absl::StatusCode::kDataLoss);
}

TEST(PersonalFields, AnyChangedCharacterDoesNotOpen) {
  const crypto::DataKey key = NewKey();
  const v1::LedgerEntry sealed = Sealed(testing::ValidConsent(), key);
  const std::string& value = sealed.decision();
  for (size_t i = kSealedPrefix.size(); i < value.size(); i += 7) {
    v1::LedgerEntry tampered = sealed;
    std::string changed = value;
    changed[i] = changed[i] == 'A' ? 'B' : 'A';
    tampered.set_decision(changed);
    EXPECT_EQ(OpenPersonalFields(&tampered, key, kRow).code(), absl::StatusCode::kDataLoss) << i;
  }
}

TEST(PersonalFields, PlaintextWhereSealedIsExpectedIsDataLoss) {
  const crypto::DataKey key = NewKey();
  v1::LedgerEntry sealed = Sealed(testing::ValidConsent(), key);
  sealed.set_decision("slipped in unsealed");
  EXPECT_EQ(OpenPersonalFields(&sealed, key, kRow).code(), absl::StatusCode::kDataLoss);
}

TEST(PersonalFields, RowNameWithLineBreakIsRefused) {
  v1::LedgerEntry entry = testing::ValidConsent();
  EXPECT_EQ(SealPersonalFields(&entry, NewKey(), "row\nname").code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(entry.decision(), testing::ValidConsent().decision());
}

TEST(MarkErased, EmptiesPersonalFieldsAndKeepsTheRest) {
  v1::LedgerEntry entry = Sealed(testing::FullPower(), NewKey());
  entry.set_leaf_data("the bytes");
  const v1::LedgerEntry before = entry;
  const google::protobuf::Timestamp erase_time = ToTimestamp(testing::TestNow());
  MarkErased(&entry, erase_time);
  EXPECT_TRUE(PersonalFieldPaths(entry).empty());
  EXPECT_TRUE(entry.erased());
  EXPECT_EQ(entry.erase_time().seconds(), erase_time.seconds());
  EXPECT_EQ(entry.leaf_data(), "the bytes");
  EXPECT_EQ(entry.power().legal_basis().statute(), "Children Act 1989");
  EXPECT_EQ(entry.power().authorising_officer().subject(), "staff-3");
  EXPECT_EQ(entry.power().affected(0).member(), before.power().affected(0).member());
}

}  // namespace
}  // namespace fgc::ledger
