#include "services/ledger/entry/supersession.h"

#include "common/base/errors.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/ledger/entry/entry_time.h"
#include "services/ledger/entry/entry_validation.h"
#include "services/ledger/entry/test_entries.h"

namespace fgc::ledger {
namespace {

using testing::TestNow;

// A consent given as the store holds it: named, indexed, recorded.
v1::LedgerEntry StoredConsent() {
  v1::LedgerEntry entry = testing::ValidConsent();
  entry.set_name("tenants/t1/ledger/entries/5");
  entry.set_index(5);
  entry.set_related_resource("tenants/t1/conferences/c1");
  entry.mutable_consent()->add_data_categories(v1::DATA_CATEGORY_CONTACT_DETAILS);
  entry.mutable_consent()->set_purpose_description("Contacting the people you named");
  *entry.mutable_record_time() = entry.occur_time();
  return entry;
}

v1::LedgerEntry StoredPower() {
  v1::LedgerEntry entry = testing::ValidPower();
  entry.set_name("tenants/t1/ledger/entries/6");
  entry.set_index(6);
  return entry;
}

v1::LedgerEntry PowerEnding() {
  v1::LedgerEntry entry = testing::ValidPower();
  entry.set_kind(v1::LEDGER_ENTRY_KIND_POWER_ENDED);
  entry.set_supersedes("tenants/t1/ledger/entries/6");
  *entry.mutable_occur_time() = ToTimestamp(TestNow());
  return entry;
}

v1::WithdrawConsentRequest StaffRequest() {
  v1::WithdrawConsentRequest request;
  request.set_name("tenants/t1/ledger/entries/5");
  request.set_collection_method(v1::COLLECTION_METHOD_VERBAL_TELEPHONE);
  request.set_language_code("cy");
  request.set_request_id("6f1c1c57-4cf0-4d0c-9d4e-3b1c1c1c1c1c");
  return request;
}

std::string ReasonOf(const absl::Status& status) {
  auto details = DetailsOf(status);
  return details ? details->reason : "";
}

TEST(ValidateWithdrawal, AConsentGivenMayBeWithdrawn) {
  EXPECT_TRUE(ValidateWithdrawal(StoredConsent(), false).ok());
}

TEST(ValidateWithdrawal, OnlyAConsentGivenIsAConsent) {
  for (auto kind : {v1::LEDGER_ENTRY_KIND_CONSENT_REFUSED, v1::LEDGER_ENTRY_KIND_CONSENT_WITHDRAWN,
                    v1::LEDGER_ENTRY_KIND_POWER_USED}) {
    v1::LedgerEntry target = StoredConsent();
    target.set_kind(kind);
    const absl::Status status = ValidateWithdrawal(target, false);
    EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
    EXPECT_EQ(ReasonOf(status), "NOT_A_CONSENT");
    ASSERT_TRUE(DetailsOf(status).has_value());
    ASSERT_EQ(DetailsOf(status)->precondition_violations.size(), 1u);
    EXPECT_EQ(DetailsOf(status)->precondition_violations[0].subject, target.name());
  }
}

TEST(ValidateWithdrawal, AWithdrawnConsentCannotBeWithdrawnAgain) {
  const absl::Status status = ValidateWithdrawal(StoredConsent(), true);
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(ReasonOf(status), "CONSENT_ALREADY_WITHDRAWN");
}

TEST(ValidateWithdrawal, AnErasedConsentCannotBeWithdrawn) {
  v1::LedgerEntry target = StoredConsent();
  target.set_erased(true);
  EXPECT_EQ(ReasonOf(ValidateWithdrawal(target, false)), "SUBJECT_ERASED");
}

TEST(BuildWithdrawal, CopiesWhoAndWhatFromTheConsent) {
  const v1::LedgerEntry target = StoredConsent();
  auto withdrawal = BuildWithdrawal(target, StaffRequest(), Withdrawer::kStaff, TestNow());
  ASSERT_TRUE(withdrawal.ok()) << withdrawal.status();
  EXPECT_EQ(withdrawal->kind(), v1::LEDGER_ENTRY_KIND_CONSENT_WITHDRAWN);
  EXPECT_EQ(withdrawal->conference(), target.conference());
  EXPECT_EQ(withdrawal->subject(), target.subject());
  EXPECT_EQ(withdrawal->related_resource(), target.related_resource());
  EXPECT_EQ(withdrawal->supersedes(), target.name());
  const v1::ConsentDetails& consent = withdrawal->consent();
  EXPECT_EQ(consent.grantor().SerializeAsString(), target.consent().grantor().SerializeAsString());
  ASSERT_EQ(consent.grantees_size(), 1);
  EXPECT_EQ(consent.grantees(0).agency(), "fgc-service");
  EXPECT_EQ(consent.purpose(), target.consent().purpose());
  EXPECT_EQ(consent.purpose_description(), "Contacting the people you named");
  EXPECT_EQ(consent.data_categories_size(), 1);
  EXPECT_EQ(consent.collection_method(), v1::COLLECTION_METHOD_VERBAL_TELEPHONE);
  EXPECT_EQ(consent.language_code(), "cy");
  EXPECT_EQ(ToAbslTime(withdrawal->occur_time()), TestNow());
  EXPECT_EQ(withdrawal->decision(), "Sam Jones withdrew consent to contacting the family network.");
  EXPECT_TRUE(withdrawal->name().empty());
}

TEST(BuildWithdrawal, NeedsNoReason) {
  auto withdrawal = BuildWithdrawal(StoredConsent(), StaffRequest(), Withdrawer::kStaff, TestNow());
  ASSERT_TRUE(withdrawal.ok());
  EXPECT_TRUE(withdrawal->consent().reason().empty());
}

TEST(BuildWithdrawal, KeepsAReasonGiven) {
  v1::WithdrawConsentRequest request = StaffRequest();
  request.set_reason("Changed my mind");
  auto withdrawal = BuildWithdrawal(StoredConsent(), request, Withdrawer::kStaff, TestNow());
  ASSERT_TRUE(withdrawal.ok());
  EXPECT_EQ(withdrawal->consent().reason(), "Changed my mind");
}

TEST(BuildWithdrawal, StaffMustSayHowAndInWhichLanguage) {
  v1::WithdrawConsentRequest request = StaffRequest();
  request.clear_collection_method();
  request.clear_language_code();
  auto withdrawal = BuildWithdrawal(StoredConsent(), request, Withdrawer::kStaff, TestNow());
  EXPECT_EQ(withdrawal.status().code(), absl::StatusCode::kInvalidArgument);
  auto details = DetailsOf(withdrawal.status());
  ASSERT_TRUE(details.has_value());
  ASSERT_EQ(details->field_violations.size(), 2u);
  EXPECT_EQ(details->field_violations[0].field, "collection_method");
  EXPECT_EQ(details->field_violations[1].field, "language_code");
}

TEST(BuildWithdrawal, ByTokenIsElectronicInTheConsentsLanguage) {
  v1::WithdrawConsentRequest request;
  request.set_collection_method(v1::COLLECTION_METHOD_WRITTEN);  // overridden
  auto withdrawal =
      BuildWithdrawal(StoredConsent(), request, Withdrawer::kInvitationToken, TestNow());
  ASSERT_TRUE(withdrawal.ok()) << withdrawal.status();
  EXPECT_EQ(withdrawal->consent().collection_method(), v1::COLLECTION_METHOD_ELECTRONIC);
  EXPECT_EQ(withdrawal->consent().language_code(), "en");
  EXPECT_EQ(withdrawal->consent().verification().method(),
            v1::VERIFICATION_METHOD_INVITATION_TOKEN);
}

TEST(BuildWithdrawal, OccurTimeMustNotBeInTheFuture) {
  v1::WithdrawConsentRequest request = StaffRequest();
  *request.mutable_occur_time() = ToTimestamp(TestNow() + absl::Minutes(6));
  auto withdrawal = BuildWithdrawal(StoredConsent(), request, Withdrawer::kStaff, TestNow());
  EXPECT_EQ(withdrawal.status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(BuildWithdrawal, OccurTimeMustNotPrecedeTheConsent) {
  v1::WithdrawConsentRequest request = StaffRequest();
  *request.mutable_occur_time() = ToTimestamp(TestNow() - absl::Hours(2));
  auto withdrawal = BuildWithdrawal(StoredConsent(), request, Withdrawer::kStaff, TestNow());
  EXPECT_EQ(withdrawal.status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(BuildWithdrawal, RefusesWhatIsNotAConsent) {
  v1::LedgerEntry target = StoredConsent();
  target.set_kind(v1::LEDGER_ENTRY_KIND_CONSENT_REFUSED);
  auto withdrawal = BuildWithdrawal(target, StaffRequest(), Withdrawer::kStaff, TestNow());
  EXPECT_EQ(ReasonOf(withdrawal.status()), "NOT_A_CONSENT");
}

TEST(BuildWithdrawal, ProducesAnEntryThatPassesValidation) {
  auto withdrawal = BuildWithdrawal(StoredConsent(), StaffRequest(), Withdrawer::kStaff, TestNow());
  ASSERT_TRUE(withdrawal.ok());
  // Validation refuses the kind (only WithdrawConsent writes it) and nothing else.
  auto details = DetailsOf(
      ValidateNewEntry(*withdrawal, testing::kTenant, RecordMethod::kRecordConsent, TestNow()));
  ASSERT_TRUE(details.has_value());
  ASSERT_EQ(details->field_violations.size(), 1u);
  EXPECT_EQ(details->field_violations[0].field, "entry.kind");
}

TEST(ValidatePowerEnd, EndsAPowerInForce) {
  EXPECT_TRUE(ValidatePowerEnd(PowerEnding(), StoredPower(), false).ok());
}

TEST(ValidatePowerEnd, RefusesWhatIsNotAPowerUsed) {
  const absl::Status status = ValidatePowerEnd(PowerEnding(), StoredConsent(), false);
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(ReasonOf(status), "POWER_NOT_IN_FORCE");
}

TEST(ValidatePowerEnd, RefusesAPowerAlreadyEnded) {
  EXPECT_EQ(ReasonOf(ValidatePowerEnd(PowerEnding(), StoredPower(), true)), "POWER_NOT_IN_FORCE");
}

TEST(ValidatePowerEnd, RefusesAPowerThatLapsed) {
  v1::LedgerEntry target = StoredPower();
  *target.mutable_power()->mutable_expire_time() = ToTimestamp(TestNow() - absl::Minutes(1));
  EXPECT_EQ(ReasonOf(ValidatePowerEnd(PowerEnding(), target, false)), "POWER_NOT_IN_FORCE");
}

TEST(ValidatePowerEnd, MustBeAboutTheSameChildAndPower) {
  v1::LedgerEntry ending = PowerEnding();
  ending.set_subject("tenants/t1/conferences/c1/children/k2");
  ending.mutable_power()->set_power(v1::POWER_KIND_RESTRICT_PARTICIPATION);
  const absl::Status status = ValidatePowerEnd(ending, StoredPower(), false);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  auto details = DetailsOf(status);
  ASSERT_TRUE(details.has_value());
  ASSERT_EQ(details->field_violations.size(), 2u);
  EXPECT_EQ(details->field_violations[0].field, "entry.supersedes");
  EXPECT_EQ(details->field_violations[1].field, "entry.power.power");
}

}  // namespace
}  // namespace fgc::ledger
