#include "services/ledger/entry/entry_validation.h"

#include <string>
#include <vector>

#include "common/base/errors.h"
#include "gmock/gmock.h"
#include "google/protobuf/message.h"
#include "google/protobuf/unknown_field_set.h"
#include "gtest/gtest.h"
#include "services/ledger/entry/entry_time.h"
#include "services/ledger/entry/test_entries.h"

namespace fgc::ledger {
namespace {

using ::testing::ElementsAre;
using testing::kTenant;
using testing::TestNow;
using ::testing::UnorderedElementsAre;
using testing::ValidConsent;
using testing::ValidPower;

absl::Status ValidateConsent(const v1::LedgerEntry& entry) {
  return ValidateNewEntry(entry, kTenant, RecordMethod::kRecordConsent, TestNow());
}

absl::Status ValidatePower(const v1::LedgerEntry& entry) {
  return ValidateNewEntry(entry, kTenant, RecordMethod::kRecordPowerUse, TestNow());
}

// The fields an INVALID_ARGUMENT names, in order.
std::vector<std::string> BadFields(const absl::Status& status) {
  std::vector<std::string> fields;
  auto details = DetailsOf(status);
  if (!details) return fields;
  for (const FieldViolation& violation : details->field_violations) {
    fields.push_back(violation.field);
  }
  return fields;
}

TEST(ValidateNewEntry, AcceptsAWellFormedConsent) {
  EXPECT_TRUE(ValidateConsent(ValidConsent()).ok());
}

TEST(ValidateNewEntry, AcceptsAWellFormedPowerUse) {
  EXPECT_TRUE(ValidatePower(ValidPower()).ok());
}

TEST(ValidateNewEntry, AcceptsEveryFieldOfAFullEntry) {
  v1::LedgerEntry consent = testing::FullConsent();
  ClearOutputOnlyFields(&consent);
  EXPECT_TRUE(ValidateConsent(consent).ok()) << ValidateConsent(consent);
  v1::LedgerEntry power = testing::FullPower();
  ClearOutputOnlyFields(&power);
  EXPECT_TRUE(ValidatePower(power).ok()) << ValidatePower(power);
}

TEST(ValidateNewEntry, ReportsInvalidFieldReason) {
  v1::LedgerEntry entry = ValidConsent();
  entry.clear_decision();
  const absl::Status status = ValidateConsent(entry);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  ASSERT_TRUE(DetailsOf(status).has_value());
  EXPECT_EQ(DetailsOf(status)->reason, "INVALID_FIELD");
}

TEST(ValidateNewEntry, ListsEveryBadFieldOfAnEmptyConsent) {
  v1::LedgerEntry entry;
  entry.set_kind(v1::LEDGER_ENTRY_KIND_CONSENT_GIVEN);
  entry.mutable_consent();
  EXPECT_THAT(BadFields(ValidateConsent(entry)),
              ElementsAre("entry.conference", "entry.subject", "entry.occur_time", "entry.decision",
                          "entry.consent.grantor", "entry.consent.grantees",
                          "entry.consent.purpose", "entry.consent.collection_method",
                          "entry.consent.language_code", "entry.consent.notice_version"));
}

TEST(ValidateNewEntry, PowerUseNeedsLegalBasisReasonsAndFamilyTold) {
  v1::LedgerEntry entry = ValidPower();
  entry.mutable_power()->clear_legal_basis();
  entry.mutable_power()->clear_reasons();
  entry.mutable_power()->clear_family_told();
  EXPECT_THAT(
      BadFields(ValidatePower(entry)),
      ElementsAre("entry.power.legal_basis", "entry.power.reasons", "entry.power.family_told"));
}

TEST(ValidateNewEntry, LegalBasisNeedsStatuteAndSection) {
  v1::LedgerEntry entry = ValidPower();
  entry.mutable_power()->mutable_legal_basis()->clear_statute();
  entry.mutable_power()->mutable_legal_basis()->clear_section();
  EXPECT_THAT(BadFields(ValidatePower(entry)),
              ElementsAre("entry.power.legal_basis.statute", "entry.power.legal_basis.section"));
}

TEST(ValidateNewEntry, JurisdictionIsAnIsoCode) {
  v1::LedgerEntry entry = ValidPower();
  for (const char* good : {"NZ", "GB-ENG", "GB-WLS", "US-CA"}) {
    entry.mutable_power()->mutable_legal_basis()->set_jurisdiction(good);
    EXPECT_TRUE(ValidatePower(entry).ok()) << good;
  }
  for (const char* bad : {"gb-eng", "G", "GBR", "GB-", "GB-ENGL", "GB ENG"}) {
    entry.mutable_power()->mutable_legal_basis()->set_jurisdiction(bad);
    EXPECT_THAT(BadFields(ValidatePower(entry)),
                ElementsAre("entry.power.legal_basis.jurisdiction"))
        << bad;
  }
}

TEST(ValidateNewEntry, ProceedingWithoutConsentNeedsReviewDateAndPurpose) {
  v1::LedgerEntry entry = ValidPower();
  entry.mutable_power()->clear_review_date();
  entry.mutable_power()->clear_overridden_purpose();
  EXPECT_THAT(BadFields(ValidatePower(entry)),
              ElementsAre("entry.power.review_date", "entry.power.overridden_purpose"));
}

TEST(ValidateNewEntry, OnlyProceedingWithoutConsentOverridesAPurpose) {
  v1::LedgerEntry entry = ValidPower();
  entry.mutable_power()->set_power(v1::POWER_KIND_DECLINE_PLAN);
  EXPECT_THAT(BadFields(ValidatePower(entry)), ElementsAre("entry.power.overridden_purpose"));
}

TEST(ValidateNewEntry, PowerEndedNeedsSupersedesButNoLegalBasis) {
  v1::LedgerEntry entry = ValidPower();
  entry.set_kind(v1::LEDGER_ENTRY_KIND_POWER_ENDED);
  entry.mutable_power()->clear_legal_basis();
  entry.mutable_power()->clear_family_told();
  entry.mutable_power()->clear_review_date();
  EXPECT_THAT(BadFields(ValidatePower(entry)), ElementsAre("entry.supersedes"));
  entry.set_supersedes("tenants/t1/ledger/entries/3");
  EXPECT_TRUE(ValidatePower(entry).ok());
}

TEST(ValidateNewEntry, FamilyNotToldNeedsAReason) {
  v1::LedgerEntry entry = ValidPower();
  entry.mutable_power()->mutable_family_told()->set_told(false);
  EXPECT_THAT(BadFields(ValidatePower(entry)),
              ElementsAre("entry.power.family_told.not_told_reason"));
}

TEST(ValidateNewEntry, FamilyToldNeedsHowAndWhen) {
  v1::LedgerEntry entry = ValidPower();
  entry.mutable_power()->mutable_family_told()->clear_method();
  entry.mutable_power()->mutable_family_told()->clear_tell_time();
  EXPECT_THAT(BadFields(ValidatePower(entry)),
              ElementsAre("entry.power.family_told.method", "entry.power.family_told.tell_time"));
}

TEST(ValidateNewEntry, KindMustSuitTheMethod) {
  EXPECT_THAT(BadFields(ValidatePower(ValidConsent())), ElementsAre("entry.kind"));
  EXPECT_THAT(BadFields(ValidateConsent(ValidPower())), ElementsAre("entry.kind"));
}

TEST(ValidateNewEntry, WithdrawalIsNotRecordedThroughRecordConsent) {
  v1::LedgerEntry entry = ValidConsent();
  entry.set_kind(v1::LEDGER_ENTRY_KIND_CONSENT_WITHDRAWN);
  EXPECT_THAT(BadFields(ValidateConsent(entry)), ElementsAre("entry.kind"));
}

TEST(ValidateNewEntry, UnknownKindIsRejected) {
  v1::LedgerEntry entry = ValidConsent();
  entry.set_kind(static_cast<v1::LedgerEntryKind>(99));
  EXPECT_THAT(BadFields(ValidateConsent(entry)), ElementsAre("entry.kind"));
}

TEST(ValidateNewEntry, DetailsMustMatchTheKind) {
  v1::LedgerEntry entry = ValidConsent();
  *entry.mutable_power() = ValidPower().power();  // the oneof now holds power
  EXPECT_THAT(BadFields(ValidateConsent(entry)), ElementsAre("entry.consent", "entry.power"));
}

TEST(ValidateNewEntry, ConferenceMustBeInTheCallersTenant) {
  v1::LedgerEntry entry = ValidConsent();
  entry.set_conference("tenants/t2/conferences/c1");
  EXPECT_THAT(BadFields(ValidateConsent(entry)), ElementsAre("entry.conference"));
}

TEST(ValidateNewEntry, MalformedNamesAreRejected) {
  v1::LedgerEntry entry = ValidConsent();
  entry.set_conference("tenants/t1/conferences/C1");
  entry.set_subject("tenants/t1/conferences/c1/kids/k1");
  entry.set_supersedes("tenants/t1/ledger/entries/007");
  entry.set_related_resource("tenants/t1//x");
  EXPECT_THAT(BadFields(ValidateConsent(entry)),
              UnorderedElementsAre("entry.conference", "entry.subject", "entry.supersedes",
                                   "entry.related_resource"));
}

TEST(ValidateNewEntry, SubjectMustBeInsideTheConference) {
  v1::LedgerEntry entry = ValidConsent();
  entry.set_subject("tenants/t1/conferences/c2/children/k1");
  EXPECT_THAT(BadFields(ValidateConsent(entry)), ElementsAre("entry.subject"));
}

TEST(ValidateNewEntry, GrantorMemberMustBeInTheConference) {
  v1::LedgerEntry entry = ValidConsent();
  entry.mutable_consent()->mutable_grantor()->set_member("tenants/t1/conferences/c2/members/m");
  EXPECT_THAT(BadFields(ValidateConsent(entry)), ElementsAre("entry.consent.grantor.member"));
}

TEST(ValidateNewEntry, GrantorMustNameSomeone) {
  v1::LedgerEntry entry = ValidConsent();
  entry.mutable_consent()->mutable_grantor()->clear_member();
  entry.mutable_consent()->mutable_grantor()->clear_display_name();
  entry.mutable_consent()->mutable_grantor()->set_agency("northshire-cs");
  EXPECT_THAT(BadFields(ValidateConsent(entry)), ElementsAre("entry.consent.grantor"));
}

TEST(ValidateNewEntry, OccurTimeMayRunUpToFiveMinutesAhead) {
  v1::LedgerEntry entry = ValidConsent();
  *entry.mutable_occur_time() = ToTimestamp(TestNow() + kMaxClockSkew);
  EXPECT_TRUE(ValidateConsent(entry).ok());
  *entry.mutable_occur_time() = ToTimestamp(TestNow() + kMaxClockSkew + absl::Nanoseconds(1));
  EXPECT_THAT(BadFields(ValidateConsent(entry)), ElementsAre("entry.occur_time"));
}

TEST(ValidateNewEntry, OccurTimeMustBeAValidTimestamp) {
  v1::LedgerEntry entry = ValidConsent();
  entry.mutable_occur_time()->set_nanos(-1);
  EXPECT_THAT(BadFields(ValidateConsent(entry)), ElementsAre("entry.occur_time"));
}

TEST(ValidateNewEntry, ExpiryMustFollowTheEffectiveTime) {
  v1::LedgerEntry entry = ValidConsent();
  *entry.mutable_consent()->mutable_effective_time() = ToTimestamp(TestNow() + absl::Hours(2));
  *entry.mutable_consent()->mutable_expire_time() = ToTimestamp(TestNow() + absl::Hours(1));
  EXPECT_THAT(BadFields(ValidateConsent(entry)), ElementsAre("entry.consent.expire_time"));
}

TEST(ValidateNewEntry, ExpiryMustFollowTheOccurTimeWithoutEffectiveTime) {
  v1::LedgerEntry entry = ValidConsent();
  *entry.mutable_consent()->mutable_expire_time() = entry.occur_time();
  EXPECT_THAT(BadFields(ValidateConsent(entry)), ElementsAre("entry.consent.expire_time"));
}

TEST(ValidateNewEntry, TextLimitsCountCharactersNotBytes) {
  v1::LedgerEntry entry = ValidConsent();
  std::string name;
  for (int i = 0; i < 200; ++i) name += "\xc3\xa9";  // 200 characters, 400 bytes
  entry.mutable_consent()->mutable_grantor()->set_display_name(name);
  EXPECT_TRUE(ValidateConsent(entry).ok());
  entry.mutable_consent()->mutable_grantor()->set_display_name(name + "x");
  EXPECT_THAT(BadFields(ValidateConsent(entry)), ElementsAre("entry.consent.grantor.display_name"));
}

TEST(ValidateNewEntry, ReasonsMayBeTenThousandCharacters) {
  v1::LedgerEntry entry = ValidPower();
  entry.mutable_power()->set_reasons(std::string(10000, 'r'));
  EXPECT_TRUE(ValidatePower(entry).ok());
  entry.mutable_power()->set_reasons(std::string(10001, 'r'));
  EXPECT_THAT(BadFields(ValidatePower(entry)), ElementsAre("entry.power.reasons"));
}

TEST(ValidateNewEntry, TextMustBeUtf8WithoutControlCharacters) {
  v1::LedgerEntry entry = ValidConsent();
  entry.set_decision("bad \xff byte");
  entry.mutable_consent()->mutable_grantor()->set_display_name("two\nlines");
  entry.mutable_consent()->set_reason("free text may have\nline breaks");
  EXPECT_THAT(BadFields(ValidateConsent(entry)),
              ElementsAre("entry.decision", "entry.consent.grantor.display_name"));
}

TEST(ValidateNewEntry, GranteesAreLimitedToTwenty) {
  v1::LedgerEntry entry = ValidConsent();
  for (int i = 0; i < 20; ++i) entry.mutable_consent()->add_grantees()->set_agency("a");
  EXPECT_THAT(BadFields(ValidateConsent(entry)), ElementsAre("entry.consent.grantees"));
}

TEST(ValidateNewEntry, EachGranteeIsCheckedByIndex) {
  v1::LedgerEntry entry = ValidConsent();
  entry.mutable_consent()->add_grantees()->set_relationship("aunt");
  EXPECT_THAT(BadFields(ValidateConsent(entry)), ElementsAre("entry.consent.grantees[1]"));
}

TEST(ValidateNewEntry, DataCategoriesMustBeKnownAndDistinct) {
  v1::LedgerEntry entry = ValidConsent();
  entry.mutable_consent()->add_data_categories(v1::DATA_CATEGORY_HEALTH);
  entry.mutable_consent()->add_data_categories(v1::DATA_CATEGORY_HEALTH);
  entry.mutable_consent()->add_data_categories(v1::DATA_CATEGORY_UNSPECIFIED);
  EXPECT_THAT(BadFields(ValidateConsent(entry)),
              ElementsAre("entry.consent.data_categories[1]", "entry.consent.data_categories[2]"));
}

TEST(ValidateNewEntry, LanguageMustBeABcp47Tag) {
  v1::LedgerEntry entry = ValidConsent();
  entry.mutable_consent()->set_language_code("en_GB");
  EXPECT_THAT(BadFields(ValidateConsent(entry)), ElementsAre("entry.consent.language_code"));
  entry.mutable_consent()->set_language_code("cy-GB");
  EXPECT_TRUE(ValidateConsent(entry).ok());
}

TEST(ValidateNewEntry, AuthorisingOfficerContactsAreChecked) {
  v1::LedgerEntry entry = ValidPower();
  v1::StaffMember* officer = entry.mutable_power()->mutable_authorising_officer();
  officer->set_email("not an address");
  officer->set_phone_number("01632 960000");
  EXPECT_THAT(BadFields(ValidatePower(entry)),
              ElementsAre("entry.power.authorising_officer.display_name",
                          "entry.power.authorising_officer.email",
                          "entry.power.authorising_officer.phone_number"));
}

TEST(ValidateNewEntry, ReviewDateMustBeARealDate) {
  v1::LedgerEntry entry = ValidPower();
  entry.mutable_power()->mutable_review_date()->set_month(2);
  entry.mutable_power()->mutable_review_date()->set_day(29);  // 2025 is not a leap year
  EXPECT_THAT(BadFields(ValidatePower(entry)), ElementsAre("entry.power.review_date"));
}

TEST(ValidateNewEntry, PowerExpiryMustFollowItsUse) {
  v1::LedgerEntry entry = ValidPower();
  *entry.mutable_power()->mutable_expire_time() = ToTimestamp(TestNow() - absl::Hours(2));
  EXPECT_THAT(BadFields(ValidatePower(entry)), ElementsAre("entry.power.expire_time"));
}

TEST(ClearOutputOnlyFields, DropsWhatTheServiceSets) {
  v1::LedgerEntry entry = testing::FullConsent();
  entry.set_erased(true);
  *entry.mutable_erase_time() = ToTimestamp(TestNow());
  ClearOutputOnlyFields(&entry);
  EXPECT_TRUE(entry.name().empty());
  EXPECT_EQ(entry.index(), 0);
  EXPECT_FALSE(entry.has_record_time());
  EXPECT_TRUE(entry.leaf_data().empty());
  EXPECT_TRUE(entry.leaf_hash().empty());
  EXPECT_FALSE(entry.erased());
  EXPECT_FALSE(entry.has_erase_time());
  EXPECT_TRUE(entry.actor().subject().empty());
  EXPECT_EQ(entry.actor().role(), v1::ACTOR_ROLE_UNSPECIFIED);
  EXPECT_TRUE(entry.actor().agency().empty());
  EXPECT_EQ(entry.actor().display_name(), "Alex Coordinator");
}

TEST(ClearOutputOnlyFields, RemovesAnActorLeftEmpty) {
  v1::LedgerEntry entry = ValidConsent();
  entry.mutable_actor()->set_subject("spoofed");
  ClearOutputOnlyFields(&entry);
  EXPECT_FALSE(entry.has_actor());
}

TEST(ClearOutputOnlyFields, DiscardsFieldsThisBuildDoesNotKnow) {
  v1::LedgerEntry entry = ValidConsent();
  const google::protobuf::Reflection* reflection = v1::ConsentDetails::GetReflection();
  reflection->MutableUnknownFields(entry.mutable_consent())->AddVarint(999, 1);
  ClearOutputOnlyFields(&entry);
  EXPECT_EQ(reflection->GetUnknownFields(entry.consent()).field_count(), 0);
}

TEST(ClearOutputOnlyFields, OutputOnlyFieldsAreNotErrors) {
  v1::LedgerEntry entry = ValidConsent();
  entry.set_name("tenants/other/ledger/entries/x");
  entry.set_leaf_hash("junk");
  EXPECT_TRUE(ValidateConsent(entry).ok());
}

TEST(FieldRules, ValidUtf8IsStrict) {
  v1::LedgerEntry entry = ValidConsent();
  for (const char* bad : {"\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xe2\x82"}) {
    entry.set_decision(bad);
    EXPECT_THAT(BadFields(ValidateConsent(entry)), ElementsAre("entry.decision")) << bad;
  }
  entry.set_decision("\xf0\x9f\x91\xaa family");
  EXPECT_TRUE(ValidateConsent(entry).ok());
}

}  // namespace
}  // namespace fgc::ledger
